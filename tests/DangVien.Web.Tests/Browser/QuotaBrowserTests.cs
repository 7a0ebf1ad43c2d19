using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class QuotaBrowserTests
{
    private static readonly int ThisYear = DateTime.Now.Year;

    [Theory]
    [InlineData(1440)]
    [InlineData(360)]
    public async Task Committee_staff_assign_quotas_in_Chromium_with_JavaScript_off(int width)
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        int women;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, ThisYear);
            // The app's start-up has loaded the default source categories.
            var category = await db.SourceCategories.SingleAsync(c => c.Code == DefaultSourceCategories.Woman);
            var admitted = TinyProvince.Candidate(tree.CellA, "Nguyễn Văn An", CandidateStage.AdmissionDecided, new DateOnly(ThisYear, 3, 2));
            admitted.History.Add(new StageEntry { Kind = StageKind.AdmissionDecision, EffectiveOn = new DateOnly(ThisYear, 3, 2), RecordedBy = "test", RecordedAt = DateTimeOffset.UtcNow });
            db.Candidates.Add(admitted);
            await db.SaveChangesAsync();
            women = category.Id;
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        await page.GotoAsync($"/units/{tree.Commune.Id}/quotas?year={ThisYear}");
        await page.FillAsync($"#quota-{tree.CellA.Id}", "4");
        await page.FillAsync($"#quota-{tree.CellB.Id}", "2");
        await page.ClickAsync($"#quota-{tree.CellA.Id} >> xpath=ancestor::td//summary");
        await page.FillAsync($"#quota-{tree.CellA.Id}-c{women}", "2");
        await page.ClickAsync("#assign-quotas button[type=submit]");
        await page.WaitForLoadStateAsync();
        await Chromium.ScreenshotAsync(page, $"quotas-{width}");

        Assert.Contains($"Đã lưu chỉ tiêu năm {ThisYear} của 2 đơn vị.", await page.InnerTextAsync(".notice[role=status]"));
        Assert.Equal("4", await page.InputValueAsync($"#quota-{tree.CellA.Id}"));
        Assert.Equal("2", await page.InputValueAsync($"#quota-{tree.CellA.Id}-c{women}"));
        Assert.Contains("Lưu ý", await page.InnerTextAsync(".notice--warn"));
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");

        await page.ClickAsync(".breadcrumb a:last-child");
        await Chromium.ScreenshotAsync(page, $"unit-quota-history-{width}");
        Assert.Contains("Chỉ tiêu kết nạp qua các năm", await page.InnerTextAsync(".quota-history h2"));
    }

    [Theory]
    [InlineData(1440)]
    [InlineData(360)]
    public async Task An_administrator_sets_the_provinces_own_quota_in_Chromium_with_JavaScript_off(int width)
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, ThisYear);
        }

        await app.CreateUserAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);
        await page.GotoAsync($"/units/{tree.Province.Id}/quotas?year={ThisYear}");
        await page.FillAsync("#quota-own", "5");
        await page.ClickAsync("#assign-own-quota button[type=submit]");
        await page.WaitForLoadStateAsync();
        await Chromium.ScreenshotAsync(page, $"province-quota-{width}");

        Assert.Contains($"Đã lưu chỉ tiêu năm {ThisYear} của 1 đơn vị.", await page.InnerTextAsync(".notice[role=status]"));
        Assert.Equal("5", await page.InputValueAsync("#quota-own"));
        Assert.Contains("Còn 2 chưa giao so với chỉ tiêu của đơn vị (5).", await page.InnerTextAsync(".quota-sum"));
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");
    }
}
