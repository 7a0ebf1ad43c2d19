using System.Net;
using DangVien.Web.Endpoints;
using DangVien.Web.Hosting;
using Xunit.Abstractions;

namespace DangVien.Web.Tests.Shell;

/// <summary>The MudBlazor shell every page stands on: the layout, the scripts, the reconnect dialog, the security headers.</summary>
public sealed class ShellTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_reading_page_is_static_and_loads_no_script_while_an_entry_page_loads_Blazors()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = await app.AdminAsync();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var page = await DangVienApp.ParseAsync(response);
        output.WriteLine($"dashboard: {html.Length:N0} characters");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Markup.HasInteractiveRoot(html), "the dashboard must not start a circuit");
        Assert.Empty(Markup.InlineScripts(page));
        // A reading page loads no script at all; an entry page loads Blazor's, MudBlazor's and the reconnect dialog's.
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Null(page.QuerySelector("dialog#components-reconnect-modal"));
        Assert.Equal("false", page.Body!.GetAttribute("data-enhance-nav"));
        var entryPage = await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays"));
        var scripts = entryPage.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Contains(scripts, s => s.StartsWith("_framework/blazor.web", StringComparison.Ordinal));
        Assert.Empty(Markup.InlineScripts(entryPage));
        foreach (var src in scripts)
        {
            var script = await client.GetAsync("/" + src);
            Assert.True(script.StatusCode == HttpStatusCode.OK, $"{src}: {script.StatusCode}");
        }

        // The layout is MudBlazor's: app bar, drawer with the menu, main content; the theme's fonts carry Vietnamese.
        Assert.NotNull(page.QuerySelector("header.mud-appbar.app-header"));
        Assert.NotNull(page.QuerySelector("aside.mud-drawer#app-drawer nav.app-nav"));
        Assert.NotNull(page.QuerySelector(".mud-main-content main#main"));
        Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("input#nav-toggle[type=checkbox]"));
        Assert.Equal("nav-toggle", page.QuerySelector("header label.nav-toggle-button")!.GetAttribute("for"));
        // The theme is a linked stylesheet (css/mud-theme.css), not a style element in every page.
        Assert.DoesNotContain("--mud-palette", string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent)), StringComparison.Ordinal);
        var themeHref = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("css/mud-theme.", StringComparison.Ordinal));
        var theme = await client.GetStringAsync("/" + themeHref);
        Assert.Contains("--mud-palette-primary: rgba(165,14,26,1);", theme, StringComparison.Ordinal);
        Assert.Contains("Noto Sans", theme, StringComparison.Ordinal);
        Assert.DoesNotContain("Roboto", theme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_has_the_app_bar_but_no_menu()
    {
        await using var app = await DangVienApp.StartAsync();

        var page = await DangVienApp.ParseAsync(await app.Client().GetAsync("/account/login"));

        Assert.NotNull(page.QuerySelector("header.app-header .brand"));
        Assert.Null(page.QuerySelector("#app-drawer"));
        Assert.Null(page.QuerySelector("#nav-toggle"));
        Assert.Empty(Markup.InlineScripts(page));
    }

    [Fact]
    public async Task The_reconnect_dialog_speaks_Vietnamese_and_English_when_English_is_chosen()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = await app.AdminAsync();

        var vietnamese = (await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays"))).QuerySelector("dialog#components-reconnect-modal")!;
        Assert.Equal("Mất kết nối tới máy chủ. Đang thử kết nối lại…", vietnamese.QuerySelector(".components-reconnect-first-attempt-visible")!.TextContent);
        Assert.Equal("Kết nối lại", vietnamese.QuerySelector("#components-reconnect-button")!.TextContent);
        Assert.StartsWith("Phiên làm việc đã hết, tải lại trang", vietnamese.QuerySelector("p.components-resume-failed-visible")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(vietnamese.QuerySelector("#components-seconds-to-next-attempt"));
        Assert.NotNull(vietnamese.QuerySelector("#components-resume-button"));

        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/holidays");
        request.Headers.Add("Cookie", $"{LanguageEndpoint.CookieName}=c%3Dvi-VN%7Cuic%3Den");
        var english = (await DangVienApp.ParseAsync(await client.SendAsync(request))).QuerySelector("dialog#components-reconnect-modal")!;
        Assert.Equal("Connection to the server lost. Trying to reconnect…", english.QuerySelector(".components-reconnect-first-attempt-visible")!.TextContent);
        Assert.Equal("Reconnect", english.QuerySelector("#components-reconnect-button")!.TextContent);
    }

    [Fact]
    public async Task The_CSP_keeps_scripts_to_the_site_and_allows_the_inline_styles_MudBlazor_sets()
    {
        await using var app = await DangVienApp.StartAsync();

        var response = await app.Client().GetAsync("/account/login");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("style-src 'self' 'unsafe-inline'", directives["style-src"]);
        Assert.Equal("connect-src 'self'", directives["connect-src"]);
        Assert.Equal("default-src 'self'", directives["default-src"]);
    }
}
