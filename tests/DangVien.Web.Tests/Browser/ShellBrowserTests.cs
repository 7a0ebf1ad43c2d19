using DangVien.Core.Domain;
using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The MudBlazor shell in Chromium: a phone's app bar stays small and its menu opens with JavaScript off; a reading
/// page loads no script and shows the same with or without it; an entry page opens its circuit under the CSP with no error.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ShellBrowserTests
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task The_app_bar_is_small_and_the_menu_opens_without_JavaScript(int width)
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        await app.CreateUserAsync("quantri", (await TinyProvince.CreateRootAsync(app), AccessRole.Administrator));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);

        var bar = (await page.Locator(".app-header").BoundingBoxAsync())!;
        Assert.True(bar.Height <= 64, $"the app bar is {bar.Height} px tall at {width} px");
        var drawer = page.Locator("#app-drawer");
        var main = (await page.Locator("main#main").BoundingBoxAsync())!;
        Assert.True(main.Y >= bar.Height - 1, $"the content starts at {main.Y} px, under the {bar.Height} px app bar");
        await Chromium.ScreenshotAsync(page, $"shell-dashboard-{width}");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page must not scroll sideways");

        if (width < 960)
        {
            Assert.False(await drawer.IsVisibleAsync(), "on a phone the menu is folded away");
            Assert.True(main.X < 20, $"the content starts at {main.X} px on a phone");
            await page.ClickAsync("label.nav-toggle-button");
            await Assertions.Expect(drawer).ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Ratio = 1 });
            var open = (await drawer.BoundingBoxAsync())!;
            Assert.True(open.X >= 0 && open.Y >= bar.Height - 1, $"the open menu is at {open.X},{open.Y}");
            Assert.True(await page.Locator("#app-drawer .user-box__name").IsVisibleAsync());
            await Chromium.ScreenshotAsync(page, $"shell-menu-open-{width}");

            // A tap beside the menu folds it again; the menu's links lead on.
            await page.Locator(".nav-scrim").ClickAsync(new LocatorClickOptions { Position = new Position { X = width - 20, Y = 200 } });
            await Assertions.Expect(drawer).ToBeHiddenAsync();
            await page.ClickAsync("label.nav-toggle-button");
        }
        else
        {
            Assert.True(await drawer.IsVisibleAsync(), "on a desktop the menu is always there");
            Assert.False(await page.Locator("label.nav-toggle-button").IsVisibleAsync());
            var open = (await drawer.BoundingBoxAsync())!;
            Assert.True(main.X >= open.X + open.Width - 1, $"the content ({main.X} px) starts right of the menu ({open.Width} px)");
        }

        await page.ClickAsync(".app-nav >> text=Tổ chức đảng");
        await page.WaitForURLAsync("**/units");
        Assert.Equal("/units", await page.GetAttributeAsync(".app-nav a.active", "href"));
        Assert.Equal(width >= 960, await drawer.IsVisibleAsync());
    }

    [Fact]
    public async Task A_reading_page_loads_no_script_and_an_entry_pages_circuit_opens_under_the_CSP()
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        await app.CreateUserAsync("quantri", (await TinyProvince.CreateRootAsync(app), AccessRole.Administrator));

        var page = await Chromium.NewPageAsync(baseUrl, 1440, javaScript: true);
        var problems = new List<string>();
        var sockets = new List<string>();
        var scripts = new Dictionary<string, int>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith(".js", StringComparison.Ordinal))
            {
                scripts[new Uri(response.Url).AbsolutePath] = response.Status;
            }
        };
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var withScript = await page.InnerTextAsync("main");

        // A reading page loads no script and opens no circuit.
        Assert.Empty(scripts);
        Assert.Empty(sockets);
        Assert.Empty(problems);

        // An entry page loads Blazor's and the reconnect dialog's scripts and opens its circuit over a same-origin
        // WebSocket, which connect-src 'self' lets through: no policy violation, no error in the console.
        await page.GotoAsync("/admin/holidays?year=2026");
        await page.Locator(".page-head[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains(scripts, s => s.Key.StartsWith("/_framework/blazor.web", StringComparison.Ordinal) && s.Value is 200 or 304);
        Assert.Contains(scripts, s => s.Key.Contains("ReconnectModal", StringComparison.Ordinal) && s.Value is 200 or 304);
        Assert.Contains(sockets, s => s.Contains("/_blazor", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.Empty(problems);

        // The same page without JavaScript shows the same text.
        var plain = await Chromium.NewPageAsync(baseUrl, 1440, javaScript: false);
        await plain.GotoAsync("/");
        await Chromium.SignInAsync(plain, "quantri", Accounts.Password);
        Assert.Equal(withScript, await plain.InnerTextAsync("main"));
    }
}
