using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The dashboard of the demo province in Chromium with JavaScript off, at phone and desktop width: a cell
/// secretary's (the demo's busiest cell of the first commune) and the commune staff's, sorted by the
/// percentage reached, and its printout. Saved under artifacts/screenshots for a person to look at.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DashboardScreenshotTests(SharedDemoApp demo) : IClassFixture<SharedDemoApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task Cell_and_commune_dashboards_render_at_phone_and_desktop_width(int width)
    {
        // One app over the demo province for both widths: the test only reads it.
        var (app, baseUrl) = (demo.App, demo.BaseUrl);
        OrgUnit commune;
        OrgUnit cell;
        await using (var db = app.Database.CreateContext())
        {
            var provinceId = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            commune = await db.OrgUnits.Where(u => u.ParentId == provinceId && u.HasAdmissionAuthority).OrderBy(u => u.Id).FirstAsync();
            var communePath = commune.Path;
            cell = await db.OrgUnits
                .Where(u => (u.Kind == OrgUnitKind.Cell || u.Kind == OrgUnitKind.GrassrootsCell) && u.Path.IsDescendantOf(communePath))
                .OrderByDescending(u => db.Candidates.Count(c => c.CellId == u.Id && c.Stage < CandidateStage.Official))
                .ThenBy(u => u.Id)
                .FirstAsync();
        }

        await demo.UserAsync("bithu", (cell.Id, AccessRole.CellSecretary));
        await demo.UserAsync("vanphong", (commune.Id, AccessRole.CommitteeStaff));

        var secretary = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await secretary.GotoAsync("/");
        await Chromium.SignInAsync(secretary, "bithu", Accounts.Password);
        await Chromium.ScreenshotAsync(secretary, $"dashboard-cell-{width}");

        Assert.Equal(cell.Name, await secretary.InnerTextAsync("h1"));
        Assert.Equal(11, await secretary.Locator(".funnel__step").CountAsync());
        Assert.Equal(0, await secretary.Locator(".dash-table").CountAsync());
        await AssertFitsAsync(secretary);

        var staff = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await staff.GotoAsync("/");
        await Chromium.SignInAsync(staff, "vanphong", Accounts.Password);
        await Chromium.ScreenshotAsync(staff, $"dashboard-commune-{width}");
        Assert.Equal(commune.Name, await staff.InnerTextAsync("h1"));
        var rows = await staff.Locator(".dash-table tbody tr").CountAsync();
        Assert.True(rows >= 2, $"the commune has {rows} child units on its dashboard");
        await AssertFitsAsync(staff);

        // On a phone the table's header row is hidden: the order is chosen above the table.
        await staff.ClickAsync(width < 600 ? ".dash-sort >> text=Tỷ lệ đạt" : ".dash-table thead th >> text=Tỷ lệ đạt");
        await staff.WaitForLoadStateAsync();
        await Chromium.ScreenshotAsync(staff, $"dashboard-commune-by-percent-{width}");
        Assert.Equal("descending", await staff.GetAttributeAsync(".dash-table thead th:nth-child(6)", "aria-sort"));
        Assert.Contains("sort=percent&dir=desc", staff.Url, StringComparison.Ordinal);
        await AssertFitsAsync(staff);

        await staff.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Chromium.ScreenshotAsync(staff, $"dashboard-commune-print-{width}");
        Assert.False(await staff.IsVisibleAsync(".app-header"));
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");
    }
}
