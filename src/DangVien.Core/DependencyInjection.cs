using DangVien.Core.Common;
using DangVien.Core.Data;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DangVien.Core;

public static class DependencyInjection
{
    /// <summary>The name of the connection string in configuration (<c>ConnectionStrings:DangVien</c>).</summary>
    public const string ConnectionStringName = "DangVien";

    /// <summary>Registers the DbContext, validators and the service layer.</summary>
    public static IHostApplicationBuilder AddDangVienCore(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionStringName}' is not configured.");
        builder.Services.AddDangVienCore(connectionString);
        return builder;
    }

    public static IServiceCollection AddDangVienCore(this IServiceCollection services, string connectionString)
    {
        // The options are built once (a singleton), not for every request's context: building them parses the
        // connection string and assembles EF Core's configuration, which showed in the cell dashboard's profile.
        var applicationConnectionString = DangVienDbContextOptions.ForApplication(connectionString);
        // Pooled: a request reuses a context (and EF Core's services inside it) instead of building one, which was a
        // sixth of the cell dashboard's processor time (docs/PERFORMANCE.md, issue #19). The context holds nothing of a
        // request beyond what EF Core resets when it goes back to the pool (tracked entities, settings, connection).
        services.AddSingleton<ChangeNotices>();
        services.AddSingleton<LocalWrites>();
        services.AddDbContextPool<DangVienDbContext>((services, options) => options
            .UseNpgsql(applicationConnectionString, DangVienDbContextOptions.ConfigureNpgsql)
            .AddInterceptors(services.GetRequiredService<LocalWrites>()));
        services.AddSingleton(TimeProvider.System);
        services.AddDangVienValidators();

        // Feature services: one line per service, grouped by feature folder.
        services.AddSingleton<Features.Calendar.WorkingDayCalendarCache>();
        services.AddScoped<Features.Calendar.CalendarService>();
        services.AddScoped<Features.Units.OrgUnitService>();
        services.AddScoped<Features.Access.CurrentAccess>();
        // Sessions and grants kept between requests only while the listener (started by a host) hears every change.
        services.AddSingleton<Features.Access.AccessCache>();
        services.AddSingleton(ChangeListener.Connection.For(connectionString));
        services.AddScoped<Features.Access.AuditLogService>();
        services.AddSingleton<Features.Admission.RuleParameterCache>();
        services.AddScoped<Features.Admission.RuleParameterReader>();
        services.AddScoped<Features.Admission.AdmissionService>();
        services.AddScoped<Features.Papers.PaperService>();
        services.AddScoped<Features.Members.MemberService>();
        services.AddSingleton<Features.Alerts.AlertCache>();
        services.AddScoped<Features.Alerts.AlertService>();
        services.AddScoped<Features.Quotas.QuotaService>();
        services.AddSingleton<Features.Reports.ReportCache>();
        services.AddScoped<Features.Reports.YearlyReportService>();
        services.AddSingleton<Features.Dashboard.DashboardCache>();
        services.AddScoped<Features.Dashboard.DashboardService>();
        services.AddScoped<Features.Import.ImportService>();
        services.AddScoped<Features.Access.ApiTokenService>();
        services.AddScoped<Features.Categories.SourceCategoryService>();
        services.AddScoped<Features.Reminders.ReminderService>();
        services.AddScoped<Features.Reminders.ReminderDeliveries>();
        services.AddScoped<Features.Reminders.ReminderConfirmations>();

        // The reminder confirmation links are protected by the data protection keys; the host says where they are kept
        // (Web: the database, shared by every instance). Registering it twice is harmless.
        services.AddDataProtection();

        // The account services use Identity's UserManager, which the host configures
        // (Web: AddIdentityCore with its password rules); they are resolved when a request needs them.
        services.AddScoped<Features.Access.UserAdminService>();
        services.AddScoped<Features.Access.AccountService>();
        services.AddScoped<Features.Access.SignInService>();
        return services;
    }

    /// <summary>
    /// Registers every FluentValidation validator of this assembly as a singleton <c>IValidator&lt;T&gt;</c>
    /// (FluentValidation.DependencyInjectionExtensions 11.x is not in the package feed), and
    /// <see cref="RequestValidators"/> over them. Tests that build services by hand call it alone.
    /// </summary>
    public static IServiceCollection AddDangVienValidators(this IServiceCollection services)
    {
        var validators = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in validators)
        {
            services.AddSingleton(service, implementation);
        }

        services.AddSingleton<RequestValidators>();
        return services;
    }
}
