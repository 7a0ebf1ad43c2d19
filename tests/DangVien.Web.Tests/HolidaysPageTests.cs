using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Features.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests;

public sealed class HolidaysPageTests
{
    /// <summary>Mid-June 2026 in Vietnam: the start-up pre-fills 2016 to 2031.</summary>
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task The_page_lists_the_chosen_years_holidays_with_date_weekday_and_name()
    {
        await using var app = await DangVienApp.StartAsync(June2026);

        var response = await (await app.AdminAsync()).GetAsync("/admin/holidays?year=2027");
        var page = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Lịch nghỉ lễ", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Lịch nghỉ lễ — DangVien", page.Title);
        Assert.Equal("2027", page.QuerySelector("#year-picker option[selected]")!.GetAttribute("value"));
        var rows = Rows(page);
        Assert.Equal(VietnameseHolidays.ForYear(2027).Count, rows.Count);
        Assert.Equal(["01/01/2027", "Thứ Sáu", "Tết Dương lịch", "Xóa"], rows[0]);
        Assert.Equal(["06/02/2027", "Thứ Bảy", "Tết Nguyên đán", "Xóa"], rows[2]);
        Assert.Equal(["02/09/2027", "Thứ Năm", "Quốc khánh 2/9", "Xóa"], rows[^1]);
        Assert.Equal("/admin/holidays", page.QuerySelector(".app-nav a[href='/admin/holidays']")!.GetAttribute("href"));
        Assert.Equal("Lịch nghỉ lễ", page.QuerySelector(".app-nav a[href='/admin/holidays']")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(Markup.InlineScripts(page));
    }

    [Fact]
    public async Task Without_a_year_the_page_shows_this_year()
    {
        await using var app = await DangVienApp.StartAsync(June2026);

        var page = await DangVienApp.ParseAsync(await (await app.AdminAsync()).GetAsync("/admin/holidays"));

        Assert.Equal("Ngày nghỉ năm 2026", page.QuerySelector("#holidays-heading")!.TextContent);
        Assert.Contains(["17/02/2026", "Thứ Ba", "Tết Nguyên đán", "Xóa"], Rows(page));
    }

    [Fact]
    public async Task An_added_holiday_is_listed_after_the_redirect_and_counted_by_the_working_day_calendar()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var client = await app.AdminAsync();
        var friday = new DateOnly(2026, 9, 4);
        Assert.True((await WorkingDaysAsync(app)).IsWorkingDay(friday));

        var page = await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays?year=2026"));
        var response = await Forms.SubmitTypedAsync(
            client, page, "/admin/holidays?year=2026", "#add-holiday",
            ("Input.Date", "04/09/2026"), ("Input.Name", "Nghỉ thêm dịp Quốc khánh"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = RedirectTarget(response);
        Assert.Equal("/admin/holidays?year=2026&notice=added&date=2026-09-04", location);
        var after = await DangVienApp.ParseAsync(await client.GetAsync(location));
        Assert.Equal("Đã thêm ngày 04/09/2026 vào lịch nghỉ.", after.QuerySelector(".notice")!.TextContent);
        Assert.Contains(["04/09/2026", "Thứ Sáu", "Nghỉ thêm dịp Quốc khánh", "Xóa"], Rows(after));
        var calendar = await WorkingDaysAsync(app);
        Assert.False(calendar.IsWorkingDay(friday));
        Assert.Equal(new DateOnly(2026, 9, 7), calendar.AddWorkingDays(new DateOnly(2026, 9, 3), 1));
    }

    [Theory]
    [InlineData("3/9/2026")]
    [InlineData(" 03-09-2026 ")]
    [InlineData("03.09.2026")]
    [InlineData("2026-09-03")]
    public async Task A_date_is_read_day_first(string typed)
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var client = await app.AdminAsync();

        var page = await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays?year=2026"));
        var response = await Forms.SubmitTypedAsync(
            client, page, "/admin/holidays?year=2026", "#add-holiday",
            ("Input.Date", typed), ("Input.Name", "Nghỉ bù Quốc khánh"));

        Assert.Equal("/admin/holidays?year=2026&notice=added&date=2026-09-03", RedirectTarget(response));
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_refused_and_kept_as_typed()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var client = await app.AdminAsync();

        var page = await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays?year=2026"));
        var response = await Forms.SubmitTypedAsync(
            client, page, "/admin/holidays?year=2026", "#add-holiday",
            ("Input.Date", "31/02/2026"), ("Input.Name", "Nghỉ bù"));
        var refused = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Vui lòng nhập ngày nghỉ (ngày/tháng/năm).", refused.QuerySelector("#holiday-date-error .validation-message")!.TextContent);
        Assert.Equal("31/02/2026", refused.QuerySelector("#holiday-date")!.GetAttribute("value"));
        Assert.Equal("Nghỉ bù", refused.QuerySelector("#holiday-name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_date_already_in_the_calendar_is_refused_next_to_the_date_field_and_the_typed_name_is_kept()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var client = await app.AdminAsync();

        var page = await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays?year=2026"));
        var response = await Forms.SubmitTypedAsync(
            client, page, "/admin/holidays?year=2026", "#add-holiday",
            ("Input.Date", "02/09/2026"), ("Input.Name", "Quốc khánh (theo thông báo)"));
        var refused = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ngày 02/09/2026 đã có trong lịch nghỉ.", refused.QuerySelector("#holiday-date-error .validation-message")!.TextContent);
        Assert.Empty(refused.QuerySelectorAll("#holiday-name-error .validation-message"));
        Assert.Equal("02/09/2026", refused.QuerySelector("#holiday-date")!.GetAttribute("value"));
        Assert.Equal("Quốc khánh (theo thông báo)", refused.QuerySelector("#holiday-name")!.GetAttribute("value"));
        Assert.Contains(["02/09/2026", "Thứ Tư", "Quốc khánh 2/9", "Xóa"], Rows(refused));
        Assert.Null(refused.QuerySelector(".notice"));
    }

    [Fact]
    public async Task A_form_without_a_date_or_a_name_shows_both_messages_next_to_their_fields()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var client = await app.AdminAsync();

        var page = await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays?year=2026"));
        var response = await Forms.SubmitTypedAsync(
            client, page, "/admin/holidays?year=2026", "#add-holiday",
            ("Input.Date", ""), ("Input.Name", "  "));
        var refused = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Vui lòng nhập ngày nghỉ (ngày/tháng/năm).", refused.QuerySelector("#holiday-date-error .validation-message")!.TextContent);
        Assert.Equal("Vui lòng nhập tên ngày nghỉ.", refused.QuerySelector("#holiday-name-error .validation-message")!.TextContent);
        Assert.Equal("true", refused.QuerySelector("#holiday-name")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task A_removed_holiday_is_gone_after_the_redirect_and_removing_it_again_says_so()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var client = await app.AdminAsync();

        var page = await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays?year=2026"));
        var button = page.QuerySelector("button[form=remove-holiday][value='2026-09-01']")!;
        Assert.Equal("Xóa", button.TextContent);
        var response = await Forms.SubmitTypedAsync(
            client, page, "/admin/holidays?year=2026", "#remove-holiday", (button.GetAttribute("name")!, button.GetAttribute("value")!));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = RedirectTarget(response);
        Assert.Equal("/admin/holidays?year=2026&notice=removed&date=2026-09-01", location);
        var after = await DangVienApp.ParseAsync(await client.GetAsync(location));
        Assert.Equal("Đã xóa ngày 01/09/2026 khỏi lịch nghỉ.", after.QuerySelector(".notice")!.TextContent);
        Assert.DoesNotContain(Rows(after), row => row[0] == "01/09/2026");
        Assert.True((await WorkingDaysAsync(app)).IsWorkingDay(new DateOnly(2026, 9, 1)));

        // The same post again, from the stale page (a second click, the back button).
        var again = await Forms.SubmitTypedAsync(
            client, page, "/admin/holidays?year=2026", "#remove-holiday", ("RemoveDate", "2026-09-01"));
        var refused = await DangVienApp.ParseAsync(again);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Ngày 01/09/2026 không có trong lịch nghỉ.", refused.QuerySelector(".notice--error")!.TextContent);
    }

    [Fact]
    public async Task A_year_without_holidays_offers_the_prefill_and_gets_the_default_holidays()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var client = await app.AdminAsync();

        var page = await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays?year=2032"));
        Assert.Equal("Năm 2032 chưa có ngày nghỉ nào.", page.QuerySelector(".empty")!.TextContent);
        var button = page.QuerySelector("#prefill-holidays button")!;
        Assert.Equal("Điền sẵn ngày lễ mặc định", button.TextContent);
        var response = await Forms.SubmitTypedAsync(client, page, "/admin/holidays?year=2032", "#prefill-holidays");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var after = await DangVienApp.ParseAsync(await client.GetAsync(RedirectTarget(response)));
        var defaults = VietnameseHolidays.ForYear(2032);
        Assert.Equal($"Đã điền sẵn {defaults.Count} ngày lễ mặc định của năm 2032.", after.QuerySelector(".notice")!.TextContent);
        Assert.Equal(defaults.Select(h => h.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)), Rows(after).Select(r => r[0]));
        Assert.Null(after.QuerySelector("#prefill-holidays button"));
    }

    [Fact]
    public async Task The_prefill_posted_from_a_stale_page_leaves_a_year_that_has_holidays_alone()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var client = await app.AdminAsync();
        var page = await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays?year=2032"));
        var added = await Forms.SubmitTypedAsync(
            client, page, "/admin/holidays?year=2032", "#add-holiday",
            ("Input.Date", "01/01/2032"), ("Input.Name", "Tết Dương lịch"));
        Assert.Equal(HttpStatusCode.Found, added.StatusCode);

        var response = await Forms.SubmitTypedAsync(client, page, "/admin/holidays?year=2032", "#prefill-holidays");
        var after = await DangVienApp.ParseAsync(await client.GetAsync(RedirectTarget(response)));

        Assert.Equal("Năm 2032 đã có ngày nghỉ nên không điền thêm ngày nào.", after.QuerySelector(".notice")!.TextContent);
        Assert.Equal(["01/01/2032"], Rows(after).Select(r => r[0]));
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
        var client = await app.AdminAsync();
        var page = await DangVienApp.ParseAsync(await client.GetAsync("/admin/holidays?year=2026"));
        var removed = await Forms.SubmitTypedAsync(client, page, "/admin/holidays?year=2026", "#remove-holiday", ("RemoveDate", "2026-09-01"));
        Assert.Equal(HttpStatusCode.Found, removed.StatusCode);

        await using var restarted = app.StartAgain();
        var after = await DangVienApp.ParseAsync(await (await restarted.AdminAsync()).GetAsync("/admin/holidays?year=2026"));

        Assert.DoesNotContain(Rows(after), row => row[0] == "01/09/2026");
        Assert.Equal(VietnameseHolidays.ForYear(2026).Count - 1, Rows(after).Count);
    }

    /// <summary>Where a redirect points, as path and query.</summary>
    private static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private static List<string[]> Rows(IDocument page) =>
        page.QuerySelectorAll("table.holiday-table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToList();

    private static async Task<WorkingDayCalendar> WorkingDaysAsync(DangVienApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CalendarService>().GetWorkingDayCalendarAsync();
    }
}
