using DangVien.Core.Domain;
using DangVien.Web.Tests.Browser;

namespace DangVien.Web.Tests.Language;

/// <summary>
/// The calendar beside a date field (MudBlazor's date picker, in a real circuit) names its months and days in the
/// interface's language: English when English is chosen, Vietnamese otherwise; Monday first in both.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EnglishCalendarBrowserTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("en", 360)]
    [InlineData("en", 1440)]
    [InlineData("vi", 1440)]
    public async Task The_calendar_of_a_date_field_reads_in_the_interface_language(string language, int width)
    {
        // One app for the three cases: the test opens the calendar and saves nothing.
        var baseUrl = shared.BaseUrl;
        await shared.UserAsync("quantri", (await shared.OnceAsync("root", TinyProvince.CreateRootAsync), AccessRole.Administrator));
        var page = await Chromium.NewPageAsync(baseUrl, width);
        await page.GotoAsync($"/language?ui={language}&returnUrl=%2F");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);
        await page.GotoAsync("/admin/holidays?year=2026");
        await page.Locator(".page-head[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });

        await page.Locator("#holiday-date").FillAsync("04/09/2026");
        await page.Locator(".date-field button.mud-input-adornment-icon-button").ClickAsync();
        await page.Locator(".mud-picker-calendar-header").First.WaitForAsync();
        var weekdays = (await page.Locator(".mud-picker-calendar-header-day").First.InnerTextAsync()).Split('\n', StringSplitOptions.TrimEntries);
        var calendar = await page.Locator(".date-field__calendar").First.InnerTextAsync();
        await Chromium.ScreenshotAsync(page, $"{language}-date-picker-{width}");

        if (language == "en")
        {
            Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], weekdays);
            Assert.Contains("September 2026", calendar, StringComparison.Ordinal);
            Assert.DoesNotMatch("[À-ỹ]", calendar);
        }
        else
        {
            Assert.Equal(["Th 2", "Th 3", "Th 4", "Th 5", "Th 6", "Th 7", "CN"], weekdays);
            Assert.Contains("Tháng", calendar, StringComparison.OrdinalIgnoreCase);
        }
    }
}
