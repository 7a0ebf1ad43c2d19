using System.Globalization;
using DangVien.Core.Data;
using DangVien.Web.Components;
using DangVien.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;

namespace DangVien.Web;

public static class DependencyInjection
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Razor components (static server rendering), health checks, localisation.</summary>
    public static WebApplicationBuilder AddDangVienWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddHealthChecks().AddDbContextCheck<DangVienDbContext>("database");
        builder.Services.AddCascadingValue(_ => Vietnamese);
        return builder;
    }

    /// <summary>The request pipeline.</summary>
    public static WebApplication UseDangVienWeb(this WebApplication app)
    {
        CultureInfo.DefaultThreadCurrentCulture = Vietnamese;
        CultureInfo.DefaultThreadCurrentUICulture = Vietnamese;

        app.UseMiddleware<RequestLogging>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        else
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [Vietnamese],
            SupportedUICultures = [Vietnamese],
        });
        app.UseAntiforgery();

        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                    ? "Healthy"
                    : "Unhealthy: cơ sở dữ liệu không phản hồi");
            },
        });
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }
}
