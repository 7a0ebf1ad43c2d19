using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;
using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The correction of a file's categories and mentor in Chromium at phone and desktop width: a chip pressed, the reason
/// missing said next to its field, then saved; screenshots for a person to look at.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DetailsFormBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 15_000 };

    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task Staff_correct_the_categories_with_a_reason_at_phone_and_desktop_width(int width)
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, DateTime.Now.Year);
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var id = await app.ReadyForVoteAsync(tree.CellA);
        var page = await Chromium.NewPageAsync(baseUrl, width);
        await page.GotoAsync($"/candidates/{id}");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        await page.GotoAsync($"/candidates/{id}");
        await page.Locator("#correct-details").ClickAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });

        await page.Locator(".step-chip", new() { HasText = "Khác" }).ClickAsync();
        await Assertions.Expect(page.Locator(".step-chip--chosen")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await page.Locator("#submit-step").ClickAsync();
        await Assertions.Expect(page.Locator("#f-Reason").Locator("xpath=ancestor::div[contains(@class,'mud-input-control')]").Locator(".mud-input-helper-text.mud-input-error"))
            .ToHaveTextAsync("Chưa nhập lý do đính chính.", Soon);
        var overflows = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        await Chromium.ScreenshotAsync(page, $"candidate-details-form-{width}");

        await page.Locator("#f-Reason").FillAsync("Công chức trên 30 tuổi, ghi thêm đối tượng khác");
        await page.Locator("#submit-step").ClickAsync();
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync("Đã ghi đính chính đối tượng nguồn, người giúp đỡ.", Soon);
        await page.Locator("#details-corrections-heading").ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(page, $"candidate-details-corrected-{width}");

        Assert.False(overflows, "/candidates/{id}/details must not scroll sideways");
        await Assertions.Expect(page.Locator(".details-corrections li")).ToContainTextAsync("Công chức trên 30 tuổi");
    }
}
