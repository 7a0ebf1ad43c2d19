using Microsoft.AspNetCore.StaticAssets;
using Scalar.AspNetCore;

namespace DangVien.Web.Hosting;

/// <summary>
/// Security headers on every response. The CSP allows no inline script and no eval: every script is a file of the
/// site (blazor.web.js, MudBlazor's, ours). Inline styles are allowed: MudBlazor writes its theme in a style element
/// and sets style attributes, Blazor's reconnect UI injects styles (STACK.md). The circuit's WebSocket is
/// same-origin, which connect-src 'self' covers. One exception: the API reference (<see cref="Endpoints.Api.ApiReference"/>), whose
/// page starts Scalar with an inline module script, gets that script allowed by a nonce made for that response only. Every response but a static asset is
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
            headers.ContentSecurityPolicy = context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                ? ContentSecurityPolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
                : ContentSecurityPolicy;
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
