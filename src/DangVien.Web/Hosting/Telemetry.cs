using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DangVien.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics of ASP.NET Core (requests) and Npgsql (every database command), sent by OTLP,
/// only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the exporter reads the other standard variables itself
/// (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c>…).
/// Without it nothing is registered and nothing is measured.
/// </summary>
public static class Telemetry
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "dangvien";

    public static WebApplicationBuilder AddDangVienTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]))
        {
            return builder;
        }

        var serviceName = builder.Configuration[ServiceNameKey] is { Length: > 0 } named ? named : DefaultServiceName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
