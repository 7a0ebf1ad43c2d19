using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;

namespace DangVien.Web.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ListPrintScreenshotTests
{
    [Fact]
    public async Task The_filtered_list_and_the_print_summary_fit_a_phone_and_a_desktop()
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, DateTime.Now.Year);
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var hong = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        await app.VotedAsync(tree.CellA, "Lê Văn Bình");
        await app.ReadyForVoteAsync(tree.CellB, "Trần Thị Cúc");

        foreach (var width in new[] { 360, 1440 })
        {
            var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
            await page.GotoAsync($"/candidates?unit={tree.Commune.Id}&year=2025&q=thi&sort=stage&dir=desc");
            await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
            await page.GotoAsync($"/candidates?unit={tree.Commune.Id}&year=2025&q=thi&sort=stage&dir=desc");
            Assert.Equal(2, await page.Locator(".candidate-table tbody tr").CountAsync());
            await Chromium.ScreenshotAsync(page, $"candidate-list-filtered-{width}");
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"the list must not scroll sideways at {width} px");

            await page.GotoAsync($"/candidates/{hong}/print");
            Assert.Equal("Tóm tắt hồ sơ: Phạm Thị Hồng", await page.InnerTextAsync("h1"));
            await Chromium.ScreenshotAsync(page, $"candidate-print-{width}");
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"the summary must not scroll sideways at {width} px");
            await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
            await Chromium.ScreenshotAsync(page, $"candidate-print-{width}-printed");
            await page.Context.CloseAsync();
        }
    }
}
