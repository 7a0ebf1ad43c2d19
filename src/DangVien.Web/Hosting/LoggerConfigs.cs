using Serilog;

namespace DangVien.Web.Hosting;

/// <summary>Serilog, configured from appsettings ("Serilog" section), replacing the default providers.</summary>
public static class LoggerConfigs
{
    public static WebApplicationBuilder AddDangVienLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
