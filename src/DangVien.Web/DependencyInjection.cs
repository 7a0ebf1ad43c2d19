using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Web.Components;
using DangVien.Web.Endpoints;
using DangVien.Web.Endpoints.Api;
using DangVien.Web.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace DangVien.Web;

public static class DependencyInjection
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The data-protection application name: instances with the same name and database share keys.</summary>
    public const string DataProtectionApplicationName = "DangVien";

    /// <summary>Razor components (static server rendering, interactive Server where a page asks), MudBlazor, health checks, localisation.</summary>
    public static WebApplicationBuilder AddDangVienWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Reading pages stay static; a page that edits says @rendermode InteractiveServer (docs/ARCHITECTURE.md).
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        services.AddDangVienForwardedHeaders(builder.Configuration);

        // Vietnamese letters go out as UTF-8 (ộ is 3 bytes) instead of numeric references (&#x1ED9; is 8):
        // the encoder still escapes <, >, &, quotes and characters outside the Unicode ranges.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Brotli or gzip for pages, JSON and CSV, never for a request another site started (BREACH, docs/SECURITY.md).
        services.AddDangVienCompression();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddDangVienHealthChecks();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitUser>();
        services.AddScoped<WebCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<WebCurrentUser>());

        // Sign-in: ASP.NET Core Identity on EF Core, cookie authentication, no self-registration.
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CircuitAuthenticationStateProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitUserHandler>());
        services.AddScoped<CircuitServices>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = ApiAuthentication.DefaultScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                // Lockout is only an administrator's lock: wrong passwords never lock an account (anyone could
                // lock out anyone), the sign-in rate limits (SignInLimits) slow guessing instead.
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<DangVienDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DangVienClaimsFactory>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        services.AddDangVienSignInLimits(builder.Configuration);
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = UserSessions.KeepSession;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "dangvien.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = SignInService.SessionLifetime;
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/not-found";
            options.Events ??= new CookieAuthenticationEvents();
            options.Events.OnValidatePrincipal = DatabaseAvailability.SkippedOnErrorPage(UserSessions.ValidateThen(options.Events.OnValidatePrincipal));
            options.Events.OnRedirectToLogin = ApiErrors.StatusInsteadOfRedirect(options.Events.OnRedirectToLogin, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = ApiErrors.StatusInsteadOfRedirect(options.Events.OnRedirectToAccessDenied, StatusCodes.Status403Forbidden);
        });
        // The keys that protect sign-in cookies, form tokens and circuits live in PostgreSQL, so a restart or
        // another instance on the same database reads what this one wrote (README, "Deploying").
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<DangVienDbContext>()
            .ProtectKeysWhenConfigured(builder.Configuration);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "dangvien.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Every endpoint needs a signed-in user unless it says [AllowAnonymous].
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiAuthentication.Policy, policy => policy.AddAuthenticationSchemes(ApiAuthentication.Scheme).RequireAuthenticatedUser());

        // The JSON API (/api): personal tokens or the cookie, JSON problems, enums as names, an OpenAPI document of /api only.
        services.AddAuthentication().AddDangVienApiAuthentication();
        services.AddSingleton<ImportUploads>();

        // The morning e-mail of deadlines (off without Mail:Host).
        services.Configure<MailSettings>(builder.Configuration.GetSection(MailSettings.Section));
        services.AddHostedService<ReminderJob>();
        // Hears PostgreSQL's notices of changes: the kept sessions, grants and dashboards depend on it (ChangeNotices).
        services.AddHostedService<DangVien.Core.Data.ChangeListener>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "DangVien API";
                document.Info.Description = "API JSON của DangVien: đọc tổ chức đảng, hồ sơ, báo cáo, cảnh báo và nhập dữ liệu. Xác thực bằng mã truy cập cá nhân (Authorization: Bearer …) hoặc phiên đăng nhập. Xem docs/API.md.";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>The request pipeline.</summary>
    public static WebApplication UseDangVienWeb(this WebApplication app)
    {
        CultureInfo.DefaultThreadCurrentCulture = Vietnamese;
        CultureInfo.DefaultThreadCurrentUICulture = Vietnamese;
        // Created now rather than at the first upload: its private folder is made and abandoned files removed at start-up.
        app.Services.GetRequiredService<ImportUploads>();

        app.UseDangVienForwardedHeaders();
        // Outermost after the scheme is known: error pages and re-executed status pages are compressed too.
        app.UseResponseCompression();
        app.Use(Correlation.PushIdAsync);
        app.UseDangVienRequestLogging();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = ApiErrors.StatusOf,
        });
        app.UseStatusCodePagesWithReExecute("/not-found");
        // Inside the pages' handlers: the API answers its errors as JSON problems before they would see them.
        app.UseWhen(ApiErrors.IsApi, api => api.UseApiErrors());
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [Vietnamese],
            // English is a second interface language (Resources/UiText.en.resx), chosen with the layout's
            // link and kept in a cookie; the culture (dates, numbers) stays vi-VN.
            SupportedUICultures = [Vietnamese, CultureInfo.GetCultureInfo("en")],
            // The API reads Accept-Language (ApiLanguage); the pages read the language cookie.
            RequestCultureProviders = [new ApiLanguage(), new CookieRequestCultureProvider { CookieName = LanguageEndpoint.CookieName }],
        });
        // After the language is read, so a refused address is answered in the reader's language.
        app.UseMiddleware<QueryGuard>();
        app.Use(SignInLimits.ReadSignInNameAsync);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(Correlation.PushUserAsync);
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapDangVienHealth();
        app.MapStaticAssets().AllowAnonymous();
        app.MapPost("/account/logout", AccountEndpoints.LogoutAsync);
        app.MapGet("/language", LanguageEndpoint.Switch).AllowAnonymous();
        app.MapGet("/candidates/export.csv", CandidateExportEndpoint.ExportAsync);
        app.MapDangVienApi();
        app.MapOpenApi().AllowAnonymous();
        app.MapApiReference();
        ImportEndpoints.Map(app);
        app.MapGet("/candidates/export.xlsx", CandidateExportEndpoint.ExportXlsxAsync);
        app.MapReportExports();
        app.MapPapers();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
