using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The demo province in Chromium at phone and desktop width: the pages people open first, saved under
/// artifacts/screenshots for a person to look at.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DemoProvinceScreenshotTests(SharedDemoApp demo) : IClassFixture<SharedDemoApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task Demo_province_pages_render_at_phone_and_desktop_width(int width)
    {
        // One app over the demo province for both widths: the test only reads it.
        var (app, baseUrl) = (demo.App, demo.BaseUrl);
        int provinceId;
        int communeId;
        await using (var db = app.Database.CreateContext())
        {
            provinceId = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            communeId = await db.OrgUnits.Where(u => u.ParentId == provinceId).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        }

        await demo.UserAsync("quantri", (provinceId, AccessRole.Administrator));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);

        await page.GotoAsync("/");
        await Chromium.ScreenshotAsync(page, $"login-{width}");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);
        await Chromium.ScreenshotAsync(page, $"demo-home-{width}");
        var homeHeading = await page.InnerTextAsync("h1");
        await page.GotoAsync("/units");
        await Chromium.ScreenshotAsync(page, $"demo-tree-{width}");
        var treeHeading = await page.InnerTextAsync("h1");
        await page.GotoAsync($"/units/{communeId}");
        await Chromium.ScreenshotAsync(page, $"demo-commune-{width}");

        // The administrator lands on the dashboard of the top of the tree; the tree itself is at /units.
        Assert.StartsWith("Đảng bộ tỉnh", homeHeading);
        Assert.Equal("Tổ chức đảng", treeHeading);
        Assert.StartsWith("Đảng bộ", await page.InnerTextAsync("h1"));
        Assert.True(await page.Locator("details.stage-group").CountAsync() >= 5);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");
    }
}
