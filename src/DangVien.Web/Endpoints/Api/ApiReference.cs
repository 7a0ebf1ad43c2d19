using Scalar.AspNetCore;

namespace DangVien.Web.Endpoints.Api;

/// <summary>
/// The browsable API reference (Scalar) at <c>/api-docs</c>, over <c>/openapi/v1.json</c>. Only for signed-in users:
/// it is outside <c>/api</c>, so the app's fallback policy sends an anonymous visitor to the sign-in page. Everything
/// it loads is served by the app (Scalar.AspNetCore embeds its bundle): no CDN, no web fonts, no telemetry. Its page
/// starts the bundle with an inline script, allowed by a per-response nonce (<see cref="Hosting.SecurityHeaders"/>).
/// The "try it" requests go to <c>/api</c> with the cookie, so reads work; writes need a personal token.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api-docs";

    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, options => options
            .WithTitle(UiText.Get("Api.DocsTitle"))
            .WithNonce()
            .DisableDefaultFonts()
            .DisableTelemetry());
}
