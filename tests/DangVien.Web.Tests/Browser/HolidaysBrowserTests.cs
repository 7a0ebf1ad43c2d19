using DangVien.Core.Domain;
using DangVien.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

/// <summary>The interactive holidays page in Chromium: the real circuit over the WebSocket, at phone and desktop width.</summary>
[Trait("Category", "Browser")]
public sealed class HolidaysBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 15_000 };

    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task A_holiday_is_added_through_the_page_with_a_refusal_first(int width)
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        await app.CreateUserAsync("quantri", (await TinyProvince.CreateRootAsync(app), AccessRole.Administrator));
        var page = await OpenAsync(baseUrl, width);

        await page.Locator("#holiday-date").FillAsync("31/02/2026");
        await page.Locator("#holiday-name").FillAsync("Nghỉ bù");
        await page.Locator("#add-holiday-button").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-control:has(#holiday-date) .mud-input-helper-text.mud-input-error"))
            .ToHaveTextAsync("Không có ngày 31/02/2026.", Soon);
        await Chromium.ScreenshotAsync(page, $"admin-holidays-refused-{width}");
        Assert.Equal("Nghỉ bù", await page.Locator("#holiday-name").InputValueAsync());

        await page.Locator("#holiday-date").FillAsync("04092026");
        await page.Locator("#holiday-name").FillAsync("Nghỉ thêm dịp Quốc khánh");
        await page.Locator("#add-holiday-button").ClickAsync();
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync("Đã thêm ngày 04/09/2026 vào lịch nghỉ.", Soon);
        await Assertions.Expect(page.Locator(".holiday-table tbody tr", new() { HasText = "04/09/2026" })).ToContainTextAsync("Nghỉ thêm dịp Quốc khánh");
        var overflows = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        await Chromium.ScreenshotAsync(page, $"admin-holidays-added-{width}");

        await page.Locator(".date-field button.mud-input-adornment-icon-button").ClickAsync();
        await page.Locator(".mud-picker-calendar-header").First.WaitForAsync();
        var weekdays = (await page.Locator(".mud-picker-calendar-header-day").First.InnerTextAsync()).Split('\n', StringSplitOptions.TrimEntries);
        await Chromium.ScreenshotAsync(page, $"admin-holidays-picker-{width}");

        Assert.False(overflows, "the page scrolls sideways");
        Assert.Equal(["Th 2", "Th 3", "Th 4", "Th 5", "Th 6", "Th 7", "CN"], weekdays);
        await using var db = app.Database.CreateContext();
        Assert.Equal("Nghỉ thêm dịp Quốc khánh", await db.PublicHolidays.Where(h => h.Date == new DateOnly(2026, 9, 4)).Select(h => h.Name).SingleAsync());
    }

    [Fact]
    public async Task After_sign_out_in_another_tab_the_open_page_says_the_session_ended_and_a_save_fails()
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync((CircuitAuthenticationStateProvider.IntervalKey, "00:00:02"));
        await using var _ = app;
        await app.CreateUserAsync("quantri", (await TinyProvince.CreateRootAsync(app), AccessRole.Administrator));
        var page = await OpenAsync(baseUrl, 1440);

        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/");
        await other.Locator("form[action='/account/logout'] button").ClickAsync();
        await other.WaitForURLAsync("**/account/login**");

        var ended = page.Locator(".session-ended");
        await Assertions.Expect(ended).ToHaveTextAsync("Phiên đăng nhập đã kết thúc. Đăng nhập lại", new() { Timeout = 15_000, UseInnerText = true });
        Assert.Equal("/account/login?returnUrl=%2Fadmin%2Fholidays%3Fyear%3D2026", await ended.Locator("a").GetAttributeAsync("href"));
        await page.Locator("#holiday-date").FillAsync("04/09/2026");
        await page.Locator("#holiday-name").FillAsync("Nghỉ bù");
        await page.Locator("#add-holiday-button").ClickAsync();
        await Assertions.Expect(page.Locator(".field-error")).ToHaveTextAsync("Chỉ quản trị hệ thống được sửa lịch nghỉ lễ.", Soon);
        await Chromium.ScreenshotAsync(page, "admin-holidays-session-ended-1440");

        await using var db = app.Database.CreateContext();
        Assert.False(await db.PublicHolidays.AnyAsync(h => h.Date == new DateOnly(2026, 9, 4)));
    }

    /// <summary>Signs the administrator in and opens the holidays page of 2026, waiting for its circuit.</summary>
    private static async Task<IPage> OpenAsync(string baseUrl, int width)
    {
        var page = await Chromium.NewPageAsync(baseUrl, width);
        await page.GotoAsync("/admin/holidays?year=2026");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);
        await page.GotoAsync("/admin/holidays?year=2026");
        await page.Locator(".page-head[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });
        return page;
    }
}
