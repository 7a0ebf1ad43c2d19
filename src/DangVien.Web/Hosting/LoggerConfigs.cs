using Serilog;
using Serilog.Events;

namespace DangVien.Web.Hosting;

/// <summary>
/// Serilog, configured from appsettings ("Serilog" section: levels and sinks), in place of the default providers;
/// sinks registered in the services (tests add one) are added too. Every event carries the log context
/// (<see cref="Correlation"/> pushes the correlation id and the user name).
/// </summary>
public static class LoggerConfigs
{
    public static WebApplicationBuilder AddDangVienLogging(this WebApplicationBuilder builder)
    {
        // The app's own logger, not the static Log.Logger: several apps in one process (the tests) would otherwise
        // write through whichever set it last, and the first to stop would close it for all.
        builder.Host.UseSerilog(
            (context, services, logger) => logger
                .ReadFrom.Configuration(context.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One event per request (Serilog's request logging): method, path, status, elapsed ms, user, correlation id.</summary>
    public static WebApplication UseDangVienRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // The stylesheet and scripts would double the lines and say nothing: below every configured level.
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : IsStaticFile(context) ? LogEventLevel.Verbose
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set(Correlation.PropertyName, context.TraceIdentifier);
                diagnostics.Set(Correlation.UserProperty, Correlation.UserName(context));
            };
        });
        return app;
    }

    private static bool IsStaticFile(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
        || context.Request.Path.StartsWithSegments("/_framework")
        || context.Request.Path.StartsWithSegments("/_content");
}
