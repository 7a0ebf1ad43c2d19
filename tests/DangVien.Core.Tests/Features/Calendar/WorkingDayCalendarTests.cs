using DangVien.Core.Features.Calendar;

namespace DangVien.Core.Tests.Features.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar2026 =
        new(VietnameseHolidays.ForYear(2025).Concat(VietnameseHolidays.ForYear(2026)).Select(h => h.Date));

    [Fact]
    public void The_60th_working_day_after_a_resolution_of_15_December_2025_is_17_March_2026_across_Tet()
    {
        var resolution = new DateOnly(2025, 12, 15);

        // Counted by hand: 12 days in December, 1 January off, 21 in January, 10 before Tết (16–20 February off),
        // then 5 + 5 + 5 from 23 February to 13 March, and 16, 17 March.
        Assert.Equal(new DateOnly(2026, 3, 17), Calendar2026.AddWorkingDays(resolution, 60));
        Assert.Equal(60, Calendar2026.WorkingDaysBetween(resolution, new DateOnly(2026, 3, 17)));
    }

    [Fact]
    public void The_61st_working_day_after_a_resolution_of_15_December_2025_is_the_next_working_day_18_March_2026()
    {
        var resolution = new DateOnly(2025, 12, 15);

        Assert.Equal(new DateOnly(2026, 3, 18), Calendar2026.AddWorkingDays(resolution, 61));
        Assert.Equal(61, Calendar2026.WorkingDaysBetween(resolution, new DateOnly(2026, 3, 18)));
        Assert.True(Calendar2026.IsWorkingDay(new DateOnly(2026, 3, 18)));
    }

    [Fact]
    public void Without_holidays_the_60th_working_day_would_be_six_working_days_earlier() =>
        Assert.Equal(new DateOnly(2026, 3, 9), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2025, 12, 15), 60));

    [Fact]
    public void The_five_Tet_days_of_2026_are_not_working_days()
    {
        for (var day = new DateOnly(2026, 2, 16); day <= new DateOnly(2026, 2, 20); day = day.AddDays(1))
        {
            Assert.False(Calendar2026.IsWorkingDay(day));
        }

        Assert.Equal(0, Calendar2026.WorkingDaysBetween(new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 22)));
        Assert.Equal(new DateOnly(2026, 2, 23), Calendar2026.AddWorkingDays(new DateOnly(2026, 2, 13), 1));
    }

    [Fact]
    public void Saturday_and_Sunday_are_not_working_days()
    {
        Assert.False(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(new DateOnly(2026, 3, 14)));
        Assert.False(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(new DateOnly(2026, 3, 15)));
        Assert.True(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(new DateOnly(2026, 3, 16)));
    }

    [Fact]
    public void One_working_day_after_a_Friday_is_the_Monday()
    {
        Assert.Equal(new DateOnly(2026, 3, 16), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2026, 3, 13), 1));
        Assert.Equal(new DateOnly(2026, 3, 16), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2026, 3, 14), 1));
    }

    [Fact]
    public void A_holiday_on_a_weekday_is_skipped()
    {
        // 1 and 2 September 2026 are a Tuesday and a Wednesday.
        Assert.False(Calendar2026.IsWorkingDay(new DateOnly(2026, 9, 1)));
        Assert.False(Calendar2026.IsWorkingDay(new DateOnly(2026, 9, 2)));
        Assert.Equal(new DateOnly(2026, 9, 3), Calendar2026.AddWorkingDays(new DateOnly(2026, 8, 31), 1));
        Assert.Equal(1, Calendar2026.WorkingDaysBetween(new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 3)));
    }

    [Fact]
    public void A_holiday_on_a_Sunday_counts_once_as_a_day_off()
    {
        // Hùng Kings' day 2026 is Sunday 26 April; the default calendar adds no day in lieu.
        Assert.Equal(new DateOnly(2026, 4, 27), Calendar2026.AddWorkingDays(new DateOnly(2026, 4, 24), 1));
    }

    [Fact]
    public void Zero_working_days_is_the_start_day_itself_and_no_days_are_counted_backwards()
    {
        Assert.Equal(new DateOnly(2026, 2, 17), Calendar2026.AddWorkingDays(new DateOnly(2026, 2, 17), 0));
        Assert.Equal(0, Calendar2026.WorkingDaysBetween(new DateOnly(2026, 3, 18), new DateOnly(2026, 3, 17)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar2026.AddWorkingDays(new DateOnly(2026, 3, 18), -1));
    }
}
