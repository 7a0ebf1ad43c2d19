using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Features.Calendar;

namespace DangVien.Web.Tests;

/// <summary>
/// The holidays page over HTTP: its first, server-rendered answer and the start-up's pre-fill. What the interactive
/// page does (add, remove, pre-fill, messages, conflicts) is proved by Interactive/HolidaysPageComponentTests and in
/// Chromium by Browser/HolidaysBrowserTests.
/// </summary>
public sealed class HolidaysPageTests
{
    /// <summary>Mid-June 2026 in Vietnam: the start-up pre-fills 2016 to 2031.</summary>
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task The_first_answer_is_the_page_rendered_on_the_server_with_the_years_holidays_and_blazors_script()
    {
        await using var app = await DangVienApp.StartAsync(June2026);

        var response = await (await app.AdminAsync()).GetAsync("/admin/holidays?year=2027");
        var page = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Lịch nghỉ lễ", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Lịch nghỉ lễ — DangVien", page.Title);
        var rows = Rows(page);
        Assert.Equal(VietnameseHolidays.ForYear(2027).Count, rows.Count);
        Assert.Equal(["01/01/2027", "Thứ Sáu", "Tết Dương lịch", "Xóa"], rows[0]);
        Assert.Equal("Lịch nghỉ lễ", page.QuerySelector(".app-nav a[href='/admin/holidays']")!.TextContent);
        Assert.Collection(page.QuerySelectorAll("script").Select(s => s.GetAttribute("src") ?? ""),
            src => Assert.StartsWith("Components/Layout/ReconnectModal", src, StringComparison.Ordinal),
            src => Assert.StartsWith("_content/MudBlazor/MudBlazor.min", src, StringComparison.Ordinal),
            src => Assert.StartsWith("_framework/blazor.web", src, StringComparison.Ordinal));
        Assert.Contains("Trang này cần JavaScript", page.QuerySelector("noscript")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reading_page_stays_static_without_any_script()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var client = await app.AdminAsync();

        foreach (var url in new[] { "/", "/units", "/admin/audit" })
        {
            var page = await DangVienApp.ParseAsync(await client.GetAsync(url));
            Assert.Empty(page.QuerySelectorAll("script"));
        }
    }

    [Fact]
    public async Task At_start_up_the_holidays_from_ten_years_back_to_five_years_ahead_are_prefilled()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var client = await app.AdminAsync();

        foreach (var year in new[] { 2016, 2026, 2031 })
        {
            var page = await DangVienApp.ParseAsync(await client.GetAsync($"/admin/holidays?year={year}"));
            Assert.Equal(VietnameseHolidays.ForYear(year).Count, Rows(page).Count);
        }

        foreach (var year in new[] { 2015, 2032 })
        {
            var page = await DangVienApp.ParseAsync(await client.GetAsync($"/admin/holidays?year={year}"));
            Assert.Empty(Rows(page));
        }
    }

    [Fact]
    public async Task A_fresh_app_start_fills_the_current_year()
    {
        await using var app = await DangVienApp.StartAsync();
        var thisYear = TimeProvider.System.GetLocalNow().Year;

        var page = await DangVienApp.ParseAsync(await (await app.AdminAsync()).GetAsync("/admin/holidays"));

        Assert.Equal($"Ngày nghỉ năm {thisYear}", page.QuerySelector("#holidays-heading")!.TextContent);
        Assert.Equal(VietnameseHolidays.ForYear(thisYear).Count, Rows(page).Count);
    }

    [Fact]
    public async Task A_removed_holiday_stays_removed_when_the_app_starts_again()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        await app.AdminAsync();
        await using (var db = app.Database.CreateContext())
        {
            Assert.True((await new CalendarService(db).RemoveAsync(new DateOnly(2026, 9, 1))).Succeeded);
        }

        await using var restarted = app.StartAgain();
        var after = await DangVienApp.ParseAsync(await (await restarted.AdminAsync()).GetAsync("/admin/holidays?year=2026"));

        Assert.DoesNotContain(Rows(after), row => row[0] == "01/09/2026");
        Assert.Equal(VietnameseHolidays.ForYear(2026).Count - 1, Rows(after).Count);
    }

    private static List<string[]> Rows(IDocument page) =>
        page.QuerySelectorAll(".holiday-table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToList();
}
