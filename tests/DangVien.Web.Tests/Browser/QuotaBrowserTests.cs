using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class QuotaBrowserTests
{
    private static readonly int ThisYear = DateTime.Now.Year;

    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task Committee_staff_type_quotas_see_the_total_follow_and_save_them_in_Chromium(int width)
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        int women;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, ThisYear);
            // The app's start-up has loaded the default source categories.
            women = (await db.SourceCategories.SingleAsync(c => c.Code == DefaultSourceCategories.Woman)).Id;
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var page = await Chromium.NewPageAsync(baseUrl, width);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        await page.GotoAsync($"/units/{tree.Commune.Id}/quotas?year={ThisYear}");
        await page.Locator("#quota-sheet[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });

        await page.FillAsync($"#quota-{tree.CellA.Id}", "4");
        await page.FillAsync($"#quota-{tree.CellB.Id}", "2");
        // The total follows the typed numbers before anything is saved.
        await Expect(page, ".quota-sum strong", "6");
        Assert.Contains("Vượt 3 so với chỉ tiêu của đơn vị (3).", await page.InnerTextAsync(".quota-sum"));
        await page.ClickAsync($"#targets-{tree.CellA.Id}");
        await page.FillAsync($"#quota-{tree.CellA.Id}-c{women}", "9");
        await Expect(page, $".quota-target:has(#quota-{tree.CellA.Id}-c{women}) .mud-input-helper-text.mud-input-error", "Chỉ tiêu theo đối tượng không được lớn hơn chỉ tiêu tổng của đơn vị (4).");
        await Chromium.ScreenshotAsync(page, $"quotas-refused-{width}");
        await page.FillAsync($"#quota-{tree.CellA.Id}-c{women}", "2");
        await Chromium.ScreenshotAsync(page, $"quotas-typed-{width}");
        await page.ClickAsync("#save-quotas");

        await Expect(page, ".quota-saved", $"Đã lưu chỉ tiêu năm {ThisYear} của 2 đơn vị.");
        await Chromium.ScreenshotAsync(page, $"quotas-saved-{width}");
        Assert.Equal("4", await page.InputValueAsync($"#quota-{tree.CellA.Id}"));
        Assert.Equal("Nữ: 2", (await page.InnerTextAsync($"td:has(#quota-{tree.CellA.Id}) .quota-target-list")).Trim());
        Assert.Contains("Lưu ý", await page.InnerTextAsync(".quota-exceeded"));
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");
        await using var check = app.Database.CreateContext();
        Assert.Equal(4, await check.Quotas.Where(q => q.OrgUnitId == tree.CellA.Id && q.Year == ThisYear).Select(q => q.Total).SingleAsync());
    }

    [Fact]
    public async Task Typed_quotas_are_back_after_the_page_is_reloaded_and_gone_once_saved()
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, ThisYear);
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var page = await Chromium.NewPageAsync(baseUrl, 360);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        var sheet = $"/units/{tree.Commune.Id}/quotas?year={ThisYear}";
        await page.GotoAsync(sheet);
        await page.Locator("#quota-sheet[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
        await page.FillAsync($"#quota-{tree.CellA.Id}", "4");
        await page.FillAsync($"#quota-{tree.CellB.Id}", "7");
        await Expect(page, ".quota-sum strong", "11");
        await page.WaitForFunctionAsync("() => Object.values(sessionStorage).some(v => v.includes('\"7\"') && v.includes('\"4\"'))");

        await page.ReloadAsync();
        await page.Locator("#quota-sheet[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync($"() => document.querySelector('#quota-{tree.CellB.Id}')?.value === '7'", null, new() { Timeout = 20_000 });
        Assert.Equal("4", await page.InputValueAsync($"#quota-{tree.CellA.Id}"));
        await Expect(page, ".quota-sum strong", "11");
        await Chromium.ScreenshotAsync(page, "quotas-draft-after-reload-360");

        await page.ClickAsync("#save-quotas");
        await Expect(page, ".quota-saved", $"Đã lưu chỉ tiêu năm {ThisYear} của 2 đơn vị.");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('dangvien:draft:')).length"));
        await using var check = app.Database.CreateContext();
        Assert.Equal(7, await check.Quotas.Where(q => q.OrgUnitId == tree.CellB.Id && q.Year == ThisYear).Select(q => q.Total).SingleAsync());
    }

    private static Task Expect(IPage page, string selector, string text) =>
        page.WaitForFunctionAsync(
            "([selector, text]) => document.querySelector(selector)?.innerText.trim() === text",
            new[] { selector, text },
            new PageWaitForFunctionOptions { Timeout = 20_000 });
}
