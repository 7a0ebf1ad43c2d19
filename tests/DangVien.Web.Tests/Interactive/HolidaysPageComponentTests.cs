using AngleSharp.Dom;
using Bunit;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Calendar;
using DangVien.Web.Components.Pages.Admin;
using DangVien.Web.Components.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests.Interactive;

/// <summary>The interactive holidays page (bUnit) over the real app and database: what it shows, sends and answers.</summary>
public sealed class HolidaysPageComponentTests
{
    /// <summary>Mid-June 2026 in Vietnam: the start-up pre-fills 2016 to 2031.</summary>
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_page_lists_the_chosen_years_holidays_with_date_weekday_and_name()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();

        var page = host.Render<HolidaysPage>("/admin/holidays?year=2027");

        page.WaitForAssertion(() => Assert.Equal(VietnameseHolidays.ForYear(2027).Count, Rows(page).Count), Wait);
        Assert.Equal("Lịch nghỉ lễ", page.Find("h1").TextContent);
        Assert.Equal("Ngày nghỉ năm 2027", page.Find("#holidays-heading").TextContent);
        Assert.Equal(["01/01/2027", "Thứ Sáu", "Tết Dương lịch", "Xóa"], Rows(page)[0]);
        Assert.Equal(["06/02/2027", "Thứ Bảy", "Tết Nguyên đán", "Xóa"], Rows(page)[2]);
        Assert.Equal(["02/09/2027", "Thứ Năm", "Quốc khánh 2/9", "Xóa"], Rows(page)[^1]);
        Assert.Equal("2027", page.Find("#year-picker").GetAttribute("value"));
        Assert.NotNull(page.Find("noscript a[href='/']"));
    }

    [Fact]
    public async Task Without_a_year_the_page_shows_this_year()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();

        var page = host.Render<HolidaysPage>("/admin/holidays");

        page.WaitForAssertion(() => Assert.Contains(["17/02/2026", "Thứ Ba", "Tết Nguyên đán", "Xóa"], Rows(page)), Wait);
        Assert.Equal("Ngày nghỉ năm 2026", page.Find("#holidays-heading").TextContent);
    }

    [Theory]
    [InlineData("04/09/2026")]
    [InlineData("4-9-2026")]
    [InlineData("4.9.2026")]
    [InlineData("04092026")]
    public async Task An_added_holiday_is_listed_and_counted_by_the_working_day_calendar(string typed)
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();
        var friday = new DateOnly(2026, 9, 4);
        Assert.True((await WorkingDaysAsync(host)).IsWorkingDay(friday));
        var page = host.Render<HolidaysPage>("/admin/holidays?year=2026");
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)), Wait);

        Type(page, typed, "Nghỉ thêm dịp Quốc khánh");
        page.Find("#add-holiday-button").Click();

        page.WaitForAssertion(() => Assert.Equal("Đã thêm ngày 04/09/2026 vào lịch nghỉ.", page.Find(".notice[role=status]").TextContent), Wait);
        page.WaitForAssertion(() => Assert.Contains(["04/09/2026", "Thứ Sáu", "Nghỉ thêm dịp Quốc khánh", "Xóa"], Rows(page)), Wait);
        Assert.Equal("", page.Find("#holiday-name").GetAttribute("value") ?? "");
        var calendar = await WorkingDaysAsync(host);
        Assert.False(calendar.IsWorkingDay(friday));
        Assert.Equal(new DateOnly(2026, 9, 7), calendar.AddWorkingDays(new DateOnly(2026, 9, 3), 1));
    }

    [Theory]
    [InlineData("31/02/2026", "Không có ngày 31/02/2026.")]
    [InlineData("hôm qua", "Ngày phải theo dạng ngày/tháng/năm, ví dụ 05/03/2026.")]
    [InlineData("05/03/2101", "Ngày phải từ 01/01/1900 đến 31/12/2100.")]
    public async Task A_date_that_cannot_be_read_is_named_next_to_the_field_and_what_was_typed_is_kept(string typed, string message)
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();
        var page = host.Render<HolidaysPage>("/admin/holidays?year=2026");
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)), Wait);
        var before = Rows(page).Count;

        Type(page, typed, "Nghỉ bù");
        page.WaitForAssertion(() => Assert.Equal(message, ComponentHost.MessageOf(page.Find("#holiday-date"))), Wait);
        page.Find("#add-holiday-button").Click();

        page.WaitForAssertion(() => Assert.Equal(message, ComponentHost.MessageOf(page.Find("#holiday-date"))), Wait);
        Assert.Equal(typed, page.Find("#holiday-date").GetAttribute("value"));
        Assert.Equal("Nghỉ bù", page.Find("#holiday-name").GetAttribute("value"));
        Assert.Null(ComponentHost.MessageOf(page.Find("#holiday-name")));
        Assert.Equal(before, Rows(page).Count);
        Assert.Empty(page.FindAll(".notice[role=status]"));
    }

    [Fact]
    public async Task A_form_without_a_date_or_a_name_shows_both_messages_next_to_their_fields_in_one_pass()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();
        var page = host.Render<HolidaysPage>("/admin/holidays?year=2026");
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)), Wait);

        Type(page, "", "  ");
        page.Find("#add-holiday-button").Click();

        page.WaitForAssertion(() => Assert.Equal("Vui lòng nhập ngày nghỉ (ngày/tháng/năm).", ComponentHost.MessageOf(page.Find("#holiday-date"))), Wait);
        Assert.Equal("Vui lòng nhập tên ngày nghỉ.", ComponentHost.MessageOf(page.Find("#holiday-name")));
        Assert.Equal("true", page.Find("#holiday-name").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task A_date_already_in_the_calendar_is_refused_next_to_the_date_field_and_the_typed_name_is_kept()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();
        var page = host.Render<HolidaysPage>("/admin/holidays?year=2026");
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)), Wait);

        Type(page, "02/09/2026", "Quốc khánh (theo thông báo)");
        page.Find("#add-holiday-button").Click();

        page.WaitForAssertion(() => Assert.Equal("Ngày 02/09/2026 đã có trong lịch nghỉ.", ComponentHost.MessageOf(page.Find("#holiday-date"))), Wait);
        Assert.Null(ComponentHost.MessageOf(page.Find("#holiday-name")));
        Assert.Equal("02/09/2026", page.Find("#holiday-date").GetAttribute("value"));
        Assert.Equal("Quốc khánh (theo thông báo)", page.Find("#holiday-name").GetAttribute("value"));
        Assert.Contains(["02/09/2026", "Thứ Tư", "Quốc khánh 2/9", "Xóa"], Rows(page));
        Assert.Empty(page.FindAll(".notice[role=status]"));
    }

    [Fact]
    public async Task In_English_the_refusals_next_to_the_fields_read_in_English()
    {
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        try
        {
            await using var host = await ComponentHost.StartAsync(June2026);
            await host.SignInAdminAsync();
            var page = host.Render<HolidaysPage>("/admin/holidays?year=2026");
            page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)), Wait);

            Type(page, "02/09/2026", "National Day (notice)");
            page.Find("#add-holiday-button").Click();
            page.WaitForAssertion(() => Assert.Equal("02/09/2026 is already in the holiday calendar.", ComponentHost.MessageOf(page.Find("#holiday-date"))), Wait);

            Type(page, "04/09/2026", " ");
            page.Find("#add-holiday-button").Click();
            page.WaitForAssertion(() => Assert.Equal("Please enter the holiday name.", ComponentHost.MessageOf(page.Find("#holiday-name"))), Wait);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }

    [Fact]
    public async Task A_second_click_while_the_first_is_saving_records_the_day_once()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();
        var page = host.Render<HolidaysPage>("/admin/holidays?year=2026");
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)), Wait);
        Type(page, "04/09/2026", "Nghỉ bù");

        await ComponentHost.PressTwiceAsync(page, "#add-holiday-button");

        // However the two clicks fall (the second while the first saves, or after it emptied the form), the day is
        // in the calendar once.
        page.WaitForAssertion(() => Assert.Single(Rows(page), row => row[0] == "04/09/2026"), Wait);
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(1, await db.PublicHolidays.CountAsync(h => h.Date == new DateOnly(2026, 9, 4)));
    }

    [Fact]
    public async Task A_removed_holiday_is_gone_and_removing_it_again_from_another_open_page_says_so()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();
        var page = host.Render<HolidaysPage>("/admin/holidays?year=2026");
        var stale = host.RenderInAnotherTab<HolidaysPage>("/admin/holidays?year=2026");
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)), Wait);
        stale.WaitForAssertion(() => Assert.NotEmpty(Rows(stale)), Wait);

        var button = page.Find(".holiday-table button[data-date='2026-09-01']");
        Assert.Equal("Xóa", button.TextContent.Trim());
        Assert.Equal("Xóa ngày 01/09/2026", button.GetAttribute("aria-label"));
        button.Click();

        page.WaitForAssertion(() => Assert.Equal("Đã xóa ngày 01/09/2026 khỏi lịch nghỉ.", page.Find(".notice[role=status]").TextContent), Wait);
        Assert.DoesNotContain(Rows(page), row => row[0] == "01/09/2026");
        Assert.True((await WorkingDaysAsync(host)).IsWorkingDay(new DateOnly(2026, 9, 1)));

        stale.Find(".holiday-table button[data-date='2026-09-01']").Click();
        stale.WaitForAssertion(() => Assert.Equal("Ngày 01/09/2026 không có trong lịch nghỉ.", stale.Find(".notice--error[role=alert]").TextContent), Wait);
        Assert.DoesNotContain(Rows(stale), row => row[0] == "01/09/2026");
    }

    [Fact]
    public async Task A_year_without_holidays_offers_the_prefill_and_gets_the_default_holidays()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();
        var page = host.Render<HolidaysPage>("/admin/holidays?year=2032");
        page.WaitForAssertion(() => Assert.Equal("Năm 2032 chưa có ngày nghỉ nào.", page.Find(".empty").TextContent), Wait);

        var button = page.Find("#prefill-holidays button");
        Assert.Equal("Điền sẵn ngày lễ mặc định", button.TextContent.Trim());
        button.Click();

        var defaults = VietnameseHolidays.ForYear(2032);
        page.WaitForAssertion(() => Assert.Equal($"Đã điền sẵn {defaults.Count} ngày lễ mặc định của năm 2032.", page.Find(".notice[role=status]").TextContent), Wait);
        Assert.Equal(defaults.Select(h => h.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)), Rows(page).Select(r => r[0]));
        Assert.Empty(page.FindAll("#prefill-holidays"));
    }

    [Fact]
    public async Task The_prefill_from_a_page_opened_before_a_day_was_added_leaves_the_year_alone()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();
        var page = host.Render<HolidaysPage>("/admin/holidays?year=2032");
        var stale = host.RenderInAnotherTab<HolidaysPage>("/admin/holidays?year=2032");
        stale.WaitForAssertion(() => Assert.NotNull(stale.Find("#prefill-holidays button")), Wait);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#prefill-holidays")), Wait);
        Type(page, "01/01/2032", "Tết Dương lịch");
        page.Find("#add-holiday-button").Click();
        page.WaitForAssertion(() => Assert.Equal("Đã thêm ngày 01/01/2032 vào lịch nghỉ.", page.Find(".notice[role=status]").TextContent), Wait);

        stale.Find("#prefill-holidays button").Click();

        stale.WaitForAssertion(() => Assert.Equal("Năm 2032 đã có ngày nghỉ nên không điền thêm ngày nào.", stale.Find(".notice[role=status]").TextContent), Wait);
        Assert.Equal(["01/01/2032"], Rows(stale).Select(r => r[0]));
    }

    [Theory]
    [InlineData(AccessRole.CommitteeStaff)]
    [InlineData(AccessRole.ProvincialBoard)]
    public async Task A_user_who_is_not_an_administrator_gets_not_found_and_sees_nothing(AccessRole role)
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAsync("canbo", (await TinyProvince.CreateRootAsync(host.App), role));
        var notFound = false;
        host.Navigation.OnNotFound += (_, _) => notFound = true;

        var page = host.Render<HolidaysPage>("/admin/holidays?year=2026");

        page.WaitForAssertion(() => Assert.True(notFound), Wait);
        Assert.Empty(page.FindAll("h1"));
        Assert.Empty(page.FindAll("#add-holiday"));
    }

    [Fact]
    public async Task After_sign_out_elsewhere_a_save_fails_at_once_and_the_page_says_the_session_ended()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();
        var page = host.Render<HolidaysPage>("/admin/holidays?year=2026");
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)), Wait);
        Assert.Empty(page.FindAll(".session-ended"));

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SignInService>().EndSessionAsync(host.SessionId, "quantri", "127.0.0.1");
        }

        Type(page, "04/09/2026", "Nghỉ bù");
        page.Find("#add-holiday-button").Click();

        page.WaitForAssertion(() => Assert.Equal("Chỉ quản trị hệ thống được sửa lịch nghỉ lễ.", page.Find(".field-error").TextContent), Wait);
        Assert.Equal("Phiên đăng nhập đã kết thúc. Đăng nhập lại", Squash(page.Find(".session-ended").TextContent));
        Assert.Equal("/account/login?returnUrl=%2Fadmin%2Fholidays%3Fyear%3D2026", page.Find(".session-ended a").GetAttribute("href"));
        Assert.Empty(page.FindAll(".notice[role=status]"));
        Assert.True((await WorkingDaysAsync(host)).IsWorkingDay(new DateOnly(2026, 9, 4)));
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("roles")]
    [InlineData("stamp")]
    public async Task An_open_page_follows_the_account_at_the_next_revalidation(string change)
    {
        await using var host = await ComponentHost.StartAsync(June2026, revalidation: TimeSpan.FromMilliseconds(300));
        var admin = await host.SignInAdminAsync();
        var page = host.Render<HolidaysPage>("/admin/holidays?year=2026");
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)), Wait);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(page.FindAll(".session-ended"));

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(admin.Id))!;
            switch (change)
            {
                case "lock":
                    // Straight through Identity: the session row stays open, the lock alone must end the page.
                    await users.SetLockoutEndDateAsync(user, UserAdminService.LockedIndefinitely);
                    break;
                case "roles":
                    var db = scope.ServiceProvider.GetRequiredService<Core.Data.DangVienDbContext>();
                    await db.RoleAssignments.Where(r => r.UserId == admin.Id).ExecuteDeleteAsync();
                    break;
                default:
                    await users.UpdateSecurityStampAsync(user);
                    break;
            }
        }

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".session-ended")), Wait);
        Assert.Equal("Phiên đăng nhập đã kết thúc. Đăng nhập lại", Squash(page.Find(".session-ended").TextContent));
    }

    /// <summary>
    /// Types into both fields as a person would, then waits until the page holds what was typed: MudBlazor
    /// finishes a change asynchronously, and a click sent before that would find the old values.
    /// </summary>
    private static void Type(IRenderedComponent<HolidaysPage> page, string date, string name)
    {
        page.Find("#holiday-date").Change(date);
        page.WaitForAssertion(() => Assert.Equal(DateText.Read(date), DateText.Read(page.FindComponent<DateField>().Instance.Text)), Wait);
        page.Find("#holiday-name").Change(name);
        page.WaitForAssertion(() => Assert.Equal(name, page.Find("#holiday-name").GetAttribute("value")), Wait);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<string[]> Rows(IRenderedComponent<HolidaysPage> page) =>
        page.FindAll(".holiday-table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToList();

    private static async Task<WorkingDayCalendar> WorkingDaysAsync(ComponentHost host)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CalendarService>().GetWorkingDayCalendarAsync();
    }
}
