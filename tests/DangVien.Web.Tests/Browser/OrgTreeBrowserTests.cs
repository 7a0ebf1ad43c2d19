using DangVien.Core.Domain;

namespace DangVien.Web.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class OrgTreeBrowserTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly int ThisYear = DateTime.Now.Year;

    [Theory]
    [InlineData(1440)]
    [InlineData(360)]
    public async Task The_tree_and_a_unit_page_render_in_Chromium_with_JavaScript_off(int width)
    {
        // One app for both widths: the test only reads.
        var baseUrl = shared.BaseUrl;
        var tree = await shared.OnceAsync("tree", async app =>
        {
            await using var db = app.Database.CreateContext();
            var tree = await TinyProvince.CreateAsync(db, ThisYear);
            db.Candidates.Add(TinyProvince.Candidate(tree.CellA, "Nguyễn Văn An", CandidateStage.Introduced, new DateOnly(2025, 3, 4)));
            db.Candidates.Add(TinyProvince.Candidate(tree.CellA, "Đỗ Thị Hà", CandidateStage.CellVoted, new DateOnly(2025, 6, 5)));
            await db.SaveChangesAsync();
            return tree;
        });
        await shared.UserAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);
        await Chromium.ClickMenuAsync(page, ".app-nav >> text=Tổ chức đảng");
        await Chromium.ScreenshotAsync(page, $"tree-{width}");
        await page.ClickAsync("text=Đảng bộ xã Tân Lập");
        await page.ClickAsync("text=Chi bộ thôn Đồng Tâm");
        await Chromium.ScreenshotAsync(page, $"unit-cell-{width}");

        Assert.Equal("Chi bộ thôn Đồng Tâm", await page.InnerTextAsync("h1"));
        Assert.Contains("Đỗ Thị Hà", await page.InnerTextAsync("main"));
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");
    }
}
