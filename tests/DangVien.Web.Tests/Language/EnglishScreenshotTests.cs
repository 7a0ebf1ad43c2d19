using DangVien.Core.Domain;
using DangVien.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Language;

/// <summary>
/// A probationary member's file, the deadlines and the yearly report of the demo province read in English in Chromium at
/// phone and desktop width, saved under artifacts/screenshots for a person to look at: the longer English texts do not
/// make the pages scroll sideways.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EnglishScreenshotTests(SharedDemoApp demo) : IClassFixture<SharedDemoApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task A_file_the_deadlines_and_the_report_read_in_English_at_phone_and_desktop_width(int width)
    {
        // One app over the demo province for both widths: the test only reads it.
        var (app, baseUrl) = (demo.App, demo.BaseUrl);
        int provinceId;
        int candidateId;
        await using (var db = app.Database.CreateContext())
        {
            provinceId = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            candidateId = await db.Candidates.Where(c => c.Stage == CandidateStage.Probation).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }

        await demo.UserAsync("quantri", (provinceId, AccessRole.Administrator));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/language?ui=en&returnUrl=%2F");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);

        foreach (var (url, name) in new[] { ($"/candidates/{candidateId}", "file"), ("/alerts", "alerts"), ("/reports?year=2025", "report") })
        {
            await page.GotoAsync(url);
            await Chromium.ScreenshotAsync(page, $"english-{name}-{width}");
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, $"{url} must not scroll sideways");
        }

        await page.GotoAsync($"/candidates/{candidateId}");
        Assert.Contains("Probationary member", await page.Locator(".file-summary").InnerTextAsync(), StringComparison.Ordinal);
    }
}
