using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DangVien.Web.Hosting;

/// <summary>
/// Brotli and gzip for what the server writes (pages, JSON, CSV, SVG); the static assets are compressed once at
/// build time (DangVien.Web.csproj: BuildCompressionFormats) and served by MapStaticAssets, which this middleware
/// leaves alone (they already carry Content-Encoding). Downloads that are already compressed (xlsx, docx, pdf, zip),
/// plain-text health answers, the circuit's WebSocket and event streams are not in <see cref="MimeTypes"/>.
/// Levels chosen by measurement (docs/PERFORMANCE.md, "Light pages"): brotli quality 4 and gzip level 6 cost tens of
/// microseconds on a dashboard page; brotli 11 costs milliseconds for a few per cent.
/// BREACH (docs/SECURITY.md, "Compression and BREACH"): a response to a request that another site started
/// (<c>Sec-Fetch-Site: cross-site</c> or <c>same-site</c>) is never compressed, over HTTP or HTTPS, so a page that
/// an attacker's site makes the browser load, with the attacker's text reflected next to secrets, gives away
/// no length that depends on those secrets.
/// </summary>
public static class Compression
{
    public static readonly string[] MimeTypes =
    [
        "text/html", "application/json", "application/problem+json", "text/csv", "image/svg+xml",
        "text/css", "text/javascript", "application/javascript",
    ];

    public static IServiceCollection AddDangVienCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // HTTPS is where the app runs (behind nginx); the BREACH rule is CrossSiteAware's, per request.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = MimeTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, CrossSiteAware>());
        return services;
    }

    /// <summary>True when another site (or a sibling subdomain) started the request, as the browser says it.</summary>
    public static bool IsCrossSite(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site";

    /// <summary>The framework's provider, but nothing is compressed for a request another site started.</summary>
    private sealed class CrossSiteAware(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            !IsCrossSite(context.Request) && base.ShouldCompressResponse(context);
    }
}
