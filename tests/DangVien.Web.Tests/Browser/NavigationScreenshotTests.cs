using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The candidate list and a report with the unit picker open, over the demo province at phone and desktop width with
/// JavaScript off: the header stays at most 64 px tall, nothing scrolls sideways, and the picker sends only what matched.
/// </summary>
[Trait("Category", "Browser")]
public sealed class NavigationScreenshotTests(ITestOutputHelper output, SharedDemoApp demo) : IClassFixture<SharedDemoApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task The_list_and_a_report_with_the_unit_picker_fit_a_phone_and_a_desktop(int width)
    {
        // One app over the demo province for both widths: the test only reads it.
        var (app, baseUrl) = (demo.App, demo.BaseUrl);
        int provinceId;
        int units;
        await using (var db = app.Database.CreateContext())
        {
            provinceId = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            units = await db.OrgUnits.CountAsync(u => u.ValidTo == null);
        }

        await demo.UserAsync("quantri", (provinceId, AccessRole.Administrator));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);

        var wide = new List<string>();
        foreach (var (name, url) in new[]
        {
            ("candidates", "/candidates"),
            ("candidates-picker", "/candidates?sort=since&dir=desc&unitq=xa"),
            ("trend-picker", "/reports/trend?unitq=chi%20bo"),
            ("idle-cells", "/reports/idle-cells"),
        })
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url}: {response.Status}");
            var header = (await page.Locator(".app-header").BoundingBoxAsync())!;
            Assert.True(header.Height <= 64, $"{url}: the header is {header.Height} px tall at {width} px");
            var results = await page.Locator(".unit-picker__results a").CountAsync();
            var bytes = (await response.BodyAsync()).Length;
            output.WriteLine($"{width} px {url}: header {header.Height} px, {results} units offered of {units}, {bytes:N0} bytes");
            Assert.True(results <= 20, $"{url}: {results} units offered");
            Assert.Equal(url.Contains("unitq", StringComparison.Ordinal), results > 0);
            await Chromium.ScreenshotAsync(page, $"navigation-{name}-{width}");
            if (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"))
            {
                wide.Add(url);
            }
        }

        // A result leads to that unit's page with the other values kept.
        await page.GotoAsync("/candidates?sort=since&dir=desc&unitq=xa");
        var chosen = await page.Locator(".unit-picker__results a").First.TextContentAsync();
        await page.Locator(".unit-picker__results a").First.ClickAsync();
        await page.WaitForURLAsync("**/candidates?unit=*&sort=since&dir=desc");
        Assert.Equal(chosen, await page.Locator(".unit-picker__current").TextContentAsync());

        Assert.True(wide.Count == 0, $"scrolls sideways at {width} px: {string.Join(", ", wide)}");
    }
}
