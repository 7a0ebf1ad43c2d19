using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class YearlyReportBrowserTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly int LastYear = DateTime.Now.Year - 1;

    [Theory]
    [InlineData(1440)]
    [InlineData(360)]
    public async Task A_provincial_board_user_reads_last_years_report_in_Chromium_with_JavaScript_off(int width)
    {
        // One app for both widths: the test only reads (the year picker is a GET form).
        var baseUrl = shared.BaseUrl;
        var tree = await shared.OnceAsync("tree", async app =>
        {
            await using var db = app.Database.CreateContext();
            var tree = await TinyProvince.CreateAsync(db, LastYear);
            // The app's start-up has loaded the default source categories.
            var youth = await db.SourceCategories.SingleAsync(c => c.Code == DefaultSourceCategories.YouthUnion);
            var admitted = TinyProvince.Candidate(tree.CellA, "Nguyễn Văn An", CandidateStage.AdmissionDecided, new DateOnly(LastYear, 9, 2));
            admitted.Categories.Add(new CandidateCategory { SourceCategoryId = youth.Id });
            admitted.History.AddRange(
            [
                Entry(StageKind.Source, new DateOnly(LastYear, 1, 10)),
                Entry(StageKind.AwarenessCourse, new DateOnly(LastYear, 2, 1)),
                Entry(StageKind.Introduction, new DateOnly(LastYear, 5, 1)),
                Entry(StageKind.AdmissionDecision, new DateOnly(LastYear, 9, 2)),
            ]);
            var carried = TinyProvince.Candidate(tree.CellB, "Trần Thị Bình", CandidateStage.AwarenessCourse, new DateOnly(LastYear, 11, 1));
            carried.Categories.Add(new CandidateCategory { SourceCategoryId = youth.Id });
            carried.History.AddRange([Entry(StageKind.Source, new DateOnly(LastYear, 6, 1)), Entry(StageKind.AwarenessCourse, new DateOnly(LastYear, 11, 1))]);
            db.Candidates.AddRange(admitted, carried);
            await db.SaveChangesAsync();
            return tree;
        });
        await shared.UserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "bantochuc", Accounts.Password);
        await Chromium.ClickMenuAsync(page, ".app-nav >> text=Báo cáo");
        await page.SelectOptionAsync("#report-year", LastYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("form.year-picker button[type=submit]");
        await page.WaitForLoadStateAsync();
        await page.GotoAsync($"/reports?unit={tree.Commune.Id}&year={LastYear}");
        await Chromium.ScreenshotAsync(page, $"report-{width}");

        Assert.Equal($"Báo cáo năm {LastYear}", await page.InnerTextAsync("h1"));
        Assert.Contains("33,3 %", await page.InnerTextAsync("#quota-heading >> xpath=ancestor::section"));
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");

        // The members at the end of the year open to the members behind the figure.
        await page.ClickAsync("#members-heading >> xpath=ancestor::section >> .stats div:nth-child(2) dd a");
        await page.WaitForLoadStateAsync();
        await Chromium.ScreenshotAsync(page, $"report-members-{width}");
        Assert.Equal($"Đảng viên đến 31/12/{LastYear}", await page.InnerTextAsync("h1"));
        Assert.Equal(17, await page.Locator(".report-members tbody tr").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the members list must not scroll sideways");
    }

    private static StageEntry Entry(StageKind kind, DateOnly on) => new() { Kind = kind, EffectiveOn = on, RecordedBy = "test", RecordedAt = DateTimeOffset.UtcNow };
}
