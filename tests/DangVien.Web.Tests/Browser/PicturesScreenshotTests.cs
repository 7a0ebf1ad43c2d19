using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The pictures drawn on the server in Chromium with JavaScript off, at phone and desktop width, over the demo
/// province: the first commune's ten-year trend, the busiest cell's dashboard (the one line, the funnel with its
/// conversions) and the commune's file furthest along before the ceremony (the step bar). Saved under artifacts/screenshots.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PicturesScreenshotTests(SharedDemoApp demo) : IClassFixture<SharedDemoApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task Trend_cell_dashboard_and_step_bar_render_without_javascript(int width)
    {
        // One app over the demo province for both widths: the test only reads it.
        var (app, baseUrl) = (demo.App, demo.BaseUrl);
        OrgUnit commune;
        OrgUnit cell;
        int candidateId;
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
            candidateId = await db.Candidates
                .Where(c => db.OrgUnits.Any(u => u.Id == c.CellId && u.Path.IsDescendantOf(communePath)))
                .Where(c => c.Stage < CandidateStage.Official)
                .OrderByDescending(c => c.Stage < CandidateStage.Probation).ThenByDescending(c => c.Stage).ThenBy(c => c.Id)
                .Select(c => c.Id)
                .FirstAsync();
        }

        await demo.UserAsync("bithu", (cell.Id, AccessRole.CellSecretary));
        await demo.UserAsync("vanphong", (commune.Id, AccessRole.CommitteeStaff));

        var staff = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await staff.GotoAsync("/");
        await Chromium.SignInAsync(staff, "vanphong", Accounts.Password);
        await staff.GotoAsync($"/reports/trend?unit={commune.Id}");
        Assert.True(await staff.IsVisibleAsync("svg.trend-chart__svg"));
        Assert.Equal(10, await staff.Locator("g.trend-chart__year").CountAsync());
        var chart = await staff.Locator("svg.trend-chart__svg").BoundingBoxAsync();
        Assert.True(chart!.Height > 150, $"the chart is {chart.Height} px high");
        await Chromium.ScreenshotAsync(staff, $"pictures-trend-{width}");
        await AssertFitsAsync(staff);

        var secretary = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await secretary.GotoAsync("/");
        await Chromium.SignInAsync(secretary, "bithu", Accounts.Password);
        Assert.True(await secretary.IsVisibleAsync("#outlook"));
        Assert.Equal(11, await secretary.Locator(".funnel__step").CountAsync());
        await Chromium.ScreenshotAsync(secretary, $"pictures-cell-dashboard-{width}");
        await AssertFitsAsync(secretary);

        var file = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await file.GotoAsync("/");
        await Chromium.SignInAsync(file, "vanphong", Accounts.Password);
        await file.GotoAsync($"/candidates/{candidateId}");
        Assert.True(await file.IsVisibleAsync(".stepbar"));
        Assert.Equal(1, await file.Locator(".stepbar__step--current").CountAsync());
        await Chromium.ScreenshotAsync(file, $"pictures-step-bar-{width}");
        await AssertFitsAsync(file);

        await staff.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Chromium.ScreenshotAsync(staff, $"pictures-trend-print-{width}");
        Assert.True(await staff.IsVisibleAsync("svg.trend-chart__svg"));
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");
    }
}
