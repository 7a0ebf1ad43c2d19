using DangVien.Core.Domain;
using DangVien.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The interactive import page and the static tokens page in Chromium, at phone and desktop width: a
/// committee officer finds "Nhập dữ liệu" in the menu, checks a file with bad rows, writes only the valid
/// rows, and makes an API token. Screenshots under artifacts/screenshots.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ImportBrowserTests
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task Staff_import_from_the_menu_see_the_bad_rows_and_write_the_valid_ones(int width)
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

        var page = await Chromium.NewPageAsync(baseUrl, width);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        await Chromium.ClickMenuAsync(page, ".app-nav >> text=Nhập dữ liệu");
        Assert.EndsWith("/import", page.Url, StringComparison.Ordinal);
        await page.Locator(".page-head[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(6, await page.Locator(".import-templates tbody tr").CountAsync());
        Assert.Contains("Chỉ tiêu kết nạp", await page.InnerTextAsync(".import-templates"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, $"import-kinds-{width}");
        await AssertFitsAsync(page);

        await ChooseKindAsync(page, "Đảng viên");
        await page.SetInputFilesAsync("#import-file", members);
        await page.ClickAsync("#import-check-button");
        await page.ClickAsync("#import-commit-button");
        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("Đã ghi 3 bản ghi mới", new() { Timeout = 15_000 });

        await ChooseKindAsync(page, "Quần chúng ưu tú và các bước đã thực hiện");
        await page.SetInputFilesAsync("#import-file", candidates);
        await page.ClickAsync("#import-check-button");
        await page.Locator("#import-commit-button").WaitForAsync(new() { Timeout = 15_000 });
        await Chromium.ScreenshotAsync(page, $"import-check-{width}");
        Assert.Equal(2, await page.Locator(".import-errors tbody tr").CountAsync());
        Assert.Contains("mười hai", await page.InnerTextAsync(".import-errors"), StringComparison.Ordinal);
        await AssertFitsAsync(page);

        await page.ClickAsync("#import-commit-button");
        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("Đã ghi 1 bản ghi mới", new() { Timeout = 15_000 });
        await Chromium.ScreenshotAsync(page, $"import-written-{width}");
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

    /// <summary>Opens the kind list (a MudSelect) and clicks the kind.</summary>
    private static async Task ChooseKindAsync(Microsoft.Playwright.IPage page, string kind)
    {
        await page.Locator(".mud-select:has(#import-kind)").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = kind }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#import-kind")).ToHaveValueAsync(kind, new() { Timeout = 15_000 });
    }

    private static async Task AssertFitsAsync(Microsoft.Playwright.IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");
    }
}
