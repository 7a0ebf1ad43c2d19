using DangVien.Core.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DangVien.Web.Hosting;

/// <summary>
/// Health for a process supervisor or a load balancer, open to everyone and saying one word, never a detail:
/// <c>/health/live</c> answers 200 while the process serves (no check runs); <c>/health/ready</c> answers 200 only
/// when the database answers and has every migration of this build applied, 503 otherwise;
/// <c>/health</c> is the database check alone, with a Vietnamese line when it fails.
/// </summary>
public static class HealthEndpoints
{
    public const string Database = "database";
    public const string Migrations = "migrations";

    public static IServiceCollection AddDangVienHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<DangVienDbContext>(Database)
            .AddCheck<MigrationsHealthCheck>(Migrations);
        return services;
    }

    public static WebApplication MapDangVienHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Name == Database,
            ResponseWriter = (context, report) => WriteAsync(context, report.Status == HealthStatus.Healthy
                ? "Healthy"
                : "Unhealthy: cơ sở dữ liệu không phản hồi"),
        }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, report) => WriteAsync(context, report.Status.ToString()),
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Name is Database or Migrations,
            ResponseWriter = (context, report) => WriteAsync(context, report.Status.ToString()),
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text);
    }

    /// <summary>Unhealthy while a migration of this build is not applied to the database (or the database cannot say).</summary>
    private sealed class MigrationsHealthCheck(DangVienDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any() ? HealthCheckResult.Unhealthy() : HealthCheckResult.Healthy();
        }
    }
}
