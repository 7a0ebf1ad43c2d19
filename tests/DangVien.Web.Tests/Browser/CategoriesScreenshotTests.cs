using DangVien.Core.Domain;
using DangVien.Web.Tests.Reports;

namespace DangVien.Web.Tests.Browser;

/// <summary>The source categories page and the trend page's conversion in Chromium at phone and desktop width, saved under artifacts/screenshots.</summary>
[Trait("Category", "Browser")]
public sealed class CategoriesScreenshotTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task The_categories_page_and_the_trends_conversion_render_at_phone_and_desktop_width(int width)
    {
        // One app for both widths: the test only reads.
        var baseUrl = shared.BaseUrl;
        var tree = await shared.OnceAsync("province", YearlyReportPageTests.ProvinceAsync);
        await shared.UserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));

        var page = await Chromium.NewPageAsync(baseUrl, width);
        await page.GotoAsync("/categories");
        await Chromium.SignInAsync(page, "bantochuc", Accounts.Password);
        await page.GotoAsync("/categories");
        await page.WaitForSelectorAsync("[data-interactive=true]");
        await Chromium.ScreenshotAsync(page, $"admin-categories-{width}");
        var heading = await page.InnerTextAsync("h1");
        var rows = await page.Locator(".category-table tbody tr").CountAsync();
        var categoriesOverflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");

        await page.GotoAsync($"/reports/trend?unit={tree.Commune.Id}&from=2025&to=2026");
        await page.Locator("#conversion-heading").ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(page, $"report-trend-conversion-{width}");
        var trendOverflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");

        Assert.Equal("Danh mục đối tượng nguồn", heading);
        Assert.Equal(17, rows);
        Assert.False(categoriesOverflow, "/categories must not scroll sideways");
        Assert.False(trendOverflow, "/reports/trend must not scroll sideways");
    }
}
