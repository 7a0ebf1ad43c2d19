using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using DangVien.Core;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DangVien.Web.Tests.Interactive;

/// <summary>
/// Renders interactive components (bUnit) over the real app: its Core services and its PostgreSQL database
/// (<see cref="DangVienApp"/>), reached as the page reaches them, through <see cref="CircuitServices"/>; MudBlazor's
/// services, loose JavaScript interop, and a user signed in with a real session row and the principal the sign-in
/// would give, held by the real <see cref="CircuitAuthenticationStateProvider"/>.
/// </summary>
public sealed class ComponentHost : IAsyncDisposable
{
    private readonly List<BunitContext> _tabs = [];

    private ComponentHost(DangVienApp app, TimeSpan? revalidation)
    {
        App = app;
        var settings = new Dictionary<string, string?>();
        if (revalidation is { } interval)
        {
            settings[CircuitAuthenticationStateProvider.IntervalKey] = interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        Authentication = new CircuitAuthenticationStateProvider(
            app.Services.GetRequiredService<ILoggerFactory>(),
            app.Services.GetRequiredService<IServiceScopeFactory>(),
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            app.Services.GetRequiredService<IOptions<IdentityOptions>>());
        Authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));

        Context = NewContext();
    }

    public DangVienApp App { get; }

    /// <summary>The first browser tab.</summary>
    public BunitContext Context { get; }

    public CircuitAuthenticationStateProvider Authentication { get; }

    /// <summary>The sign-in session of the signed-in user.</summary>
    public Guid SessionId { get; private set; }

    public NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    /// <summary>The app started over a fresh database; <paramref name="revalidation"/> replaces the one-minute interval.</summary>
    public static async Task<ComponentHost> StartAsync(TimeProvider? clock = null, TimeSpan? revalidation = null)
    {
        var app = await DangVienApp.StartAsync(clock);
        _ = app.Services;
        return new ComponentHost(app, revalidation);
    }

    /// <summary>Creates the user with the roles and signs them in: a session row and the principal the sign-in gives.</summary>
    public async Task<AppUser> SignInAsync(string userName, params (int UnitId, AccessRole Role)[] roles)
    {
        var user = await App.CreateUserAsync(userName, roles);
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        SessionId = await services.GetRequiredService<SignInService>().StartSessionAsync(user, "127.0.0.1");
        var principal = await services.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(UserSessions.SessionClaim, SessionId.ToString()));
        Authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return user;
    }

    /// <summary>An administrator ("quantri") at a new root unit, signed in.</summary>
    public async Task<AppUser> SignInAdminAsync() =>
        await SignInAsync("quantri", (await TinyProvince.CreateRootAsync(App), AccessRole.Administrator));

    /// <summary>Renders the component at the given address (its query string feeds [SupplyParameterFromQuery]).</summary>
    public IRenderedComponent<T> Render<T>(string url)
        where T : IComponent => Render<T>(Context, url);

    /// <summary>Renders the component at the given address with its route parameters (a page's {Id}, {Slug}).</summary>
    public IRenderedComponent<T> Render<T>(string url, Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : IComponent => Render(Context, url, parameters);

    /// <summary>Renders the component in another tab of the same user (a circuit of its own), at the given address.</summary>
    public IRenderedComponent<T> RenderInAnotherTab<T>(string url, Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        var tab = NewContext();
        _tabs.Add(tab);
        return Render(tab, url, parameters);
    }

    private static IRenderedComponent<T> Render<T>(BunitContext tab, string url, Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        tab.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return parameters is null ? tab.Render<T>() : tab.Render(parameters);
    }

    private BunitContext NewContext()
    {
        var context = new BunitContext();
        var services = context.Services;
        services.AddMudServices();
        services.AddDangVienValidators();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton(App.Services.GetRequiredService<TimeProvider>());
        services.AddSingleton(App.Services.GetRequiredService<IOptions<IdentityOptions>>());
        services.AddSingleton(App.Services.GetRequiredService<DangVien.Web.Endpoints.ImportUploads>());
        services.AddSingleton<AuthenticationStateProvider>(Authentication);
        services.AddCascadingAuthenticationState();
        services.AddScoped(sp => new CircuitServices(App.Services.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<AuthenticationStateProvider>()));
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    /// <summary>Presses a button once it is enabled, on the renderer's dispatcher (a press queued while it is busy would be read late).</summary>
    public static void Click<T>(IRenderedComponent<T> page, string selector)
        where T : IComponent
    {
        page.WaitForAssertion(() => Assert.Null(page.Find(selector).GetAttribute("disabled")), StepPages.Wait);
        page.InvokeAsync(() => page.Find(selector).Click()).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Presses a button twice in quick succession, the second press going out while the first is still handled. Each
    /// press finds the button and dispatches to it in one step on the renderer's dispatcher, so neither reaches a button
    /// a render in between replaced (the race that made these tests fail now and then); a second press that finds the
    /// button gone does nothing, as in a browser.
    /// </summary>
    public static async Task PressTwiceAsync<T>(IRenderedComponent<T> page, string selector)
        where T : IComponent
    {
        var first = page.InvokeAsync(() => page.Find(selector).ClickAsync(new()));
        await page.InvokeAsync(() => page.FindAll(selector) is [var button, ..] ? button.ClickAsync(new()) : Task.CompletedTask);
        await first;
    }

    /// <summary>The error MudBlazor shows under the input; null when none.</summary>
    public static string? MessageOf(IElement input) =>
        input.Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var tab in _tabs)
        {
            await tab.DisposeAsync();
        }

        await Context.DisposeAsync();
        ((IDisposable)Authentication).Dispose();
        await App.DisposeAsync();
    }
}
