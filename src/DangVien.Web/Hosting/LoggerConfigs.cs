using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DangVien.Web.Hosting;

/// <summary>
/// Serilog, configured from appsettings ("Serilog" section: levels and sinks), in place of the default providers;
/// sinks registered in the services (tests add one) are added too. Every event carries the log context
/// (<see cref="Correlation"/> pushes the correlation id and the user name).
/// <c>Logging:Format=json</c> makes the console write one JSON object per event (Serilog's rendered compact format:
/// <c>@t</c>, <c>@m</c>, <c>@i</c>, <c>@l</c> unless Information, <c>@x</c>, then the properties) instead of the
/// configured text console; the other configured sinks stay as they are.
/// </summary>
public static class LoggerConfigs
{
    public static WebApplicationBuilder AddDangVienLogging(this WebApplicationBuilder builder)
    {
        // The app's own logger, not the static Log.Logger: several apps in one process (the tests) would otherwise
        // write through whichever set it last, and the first to stop would close it for all.
        builder.Host.UseSerilog(
            (context, services, logger) =>
            {
                if (IsJson(context.Configuration))
                {
                    logger.ReadFrom.Configuration(WithoutConsole(context.Configuration))
                        .WriteTo.Console(new RenderedCompactJsonFormatter());
                }
                else
                {
                    logger.ReadFrom.Configuration(context.Configuration);
                }

                logger.ReadFrom.Services(services).Enrich.FromLogContext();
            },
            preserveStaticLogger: true);
        return builder;
    }

    public const string FormatKey = "Logging:Format";

    private static bool IsJson(IConfiguration configuration) =>
        string.Equals(configuration[FormatKey], "json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configuration with the Serilog sinks named Console left out (the JSON console replaces them).</summary>
    private static IConfiguration WithoutConsole(IConfiguration configuration)
    {
        var consoles = configuration.GetSection("Serilog:WriteTo").GetChildren()
            .Where(sink => string.Equals(sink["Name"], "Console", StringComparison.OrdinalIgnoreCase))
            .Select(sink => sink.Path + ConfigurationPath.KeyDelimiter)
            .ToList();
        var kept = configuration.GetSection("Serilog").AsEnumerable()
            .Where(pair => !consoles.Any(prefix => pair.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .Where(pair => pair.Value is not null);
        return new ConfigurationBuilder().AddInMemoryCollection(kept).Build();
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
