using Microsoft.AspNetCore.StaticAssets;

namespace DangVien.Web.Hosting;

/// <summary>
/// Security headers on every response. The CSP allows no inline script and no eval: every script is a file of the
/// site (blazor.web.js, MudBlazor's, ours). Inline styles are allowed: MudBlazor writes its theme in a style element
/// and sets style attributes, Blazor's reconnect UI injects styles (STACK.md). The circuit's WebSocket is
/// same-origin, which connect-src 'self' covers. Every response but a static asset is
/// <c>Cache-Control: no-store</c>: pages, API answers and downloads carry personal data, which must not stay in a
/// shared computer's browser cache or a proxy; the stylesheet keeps the caching its fingerprint allows.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
