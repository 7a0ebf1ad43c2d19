using DangVien.Core.Domain;
using DangVien.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The import page and the tokens page in Chromium with JavaScript off, at phone and desktop width: a
/// committee officer finds "Nhập dữ liệu" in the menu, checks a file with bad rows, writes only the valid
/// rows, and makes an API token. Screenshots under artifacts/screenshots.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ImportBrowserTests
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task Staff_import_from_the_menu_see_the_bad_rows_and_write_the_valid_ones_without_javascript(int width)
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, 2026);
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var folder = Directory.CreateTempSubdirectory("dangvien-import-test");
        var members = Path.Combine(folder.FullName, "dang-vien.csv");
        await File.WriteAllBytesAsync(members, ImportFiles.Csv(ImportFiles.MemberHeader, ImportFiles.Members));
        var bad = ImportFiles.VotedCandidate("001099000031", "Trịnh Thị Mai");
        bad[21] = "mười hai";
        var candidates = Path.Combine(folder.FullName, "quan-chung.xlsx");
        await File.WriteAllBytesAsync(candidates, ImportFiles.Xlsx(ImportFiles.CandidateHeader,
            ImportFiles.VotedCandidate("001099000030", "Đinh Văn Nam"), bad, ImportFiles.SourceCandidate("001099000032", "Kiều Thị Oanh", "C99")));

        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        await Chromium.ClickMenuAsync(page, ".app-nav >> text=Nhập dữ liệu");
        Assert.EndsWith("/import", page.Url, StringComparison.Ordinal);

        await page.SelectOptionAsync("#import-kind", "members");
        await page.SetInputFilesAsync("#import-file", members);
        await page.ClickAsync("#import-check button[type=submit]");
        await page.ClickAsync("#import-commit button[type=submit]");
        Assert.Contains("Đã ghi 3 bản ghi mới", await page.InnerTextAsync("#import-result"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#import-kind", "candidates");
        await page.SetInputFilesAsync("#import-file", candidates);
        await page.ClickAsync("#import-check button[type=submit]");
        await Chromium.ScreenshotAsync(page, $"import-check-{width}");
        Assert.Equal(2, await page.Locator(".import-errors tbody tr").CountAsync());
        Assert.Contains("mười hai", await page.InnerTextAsync(".import-errors"), StringComparison.Ordinal);
        await AssertFitsAsync(page);

        await page.ClickAsync("#import-commit button[type=submit]");
        await Chromium.ScreenshotAsync(page, $"import-written-{width}");
        Assert.Contains("Đã ghi 1 bản ghi mới", await page.InnerTextAsync("#import-result"), StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(["001099000030"], await db.Candidates.Select(c => c.CitizenId!).ToListAsync());
        }

        await Chromium.ClickMenuAsync(page, ".user-box >> text=Mã truy cập API");
        await page.FillAsync("#token-name", "Bảng tính của văn phòng");
        await page.ClickAsync("#token-create button[type=submit]");
        await Chromium.ScreenshotAsync(page, $"api-tokens-{width}");
        Assert.StartsWith("dv_", await page.InnerTextAsync("#token-value"), StringComparison.Ordinal);
        await AssertFitsAsync(page);

        await page.ClickAsync(".token-table >> text=Thu hồi");
        await Chromium.ScreenshotAsync(page, $"api-tokens-revoked-{width}");
        Assert.Contains("Đã thu hồi", await page.InnerTextAsync(".token-table"), StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    private static async Task AssertFitsAsync(Microsoft.Playwright.IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");
    }
}
