using DangVien.Core.Features.Calendar;

namespace DangVien.Core.Tests.Features.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    public void Tet_falls_on_the_known_date(int lunarYear, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), VietnameseLunarCalendar.ToGregorian(lunarYear, 1, 1));
        Assert.Equal(DateOnly.Parse(expected), VietnameseLunarCalendar.NewYear(lunarYear));
    }

    [Fact]
    public void Tet_2026_starts_on_17_February() =>
        Assert.Equal(new DateOnly(2026, 2, 17), VietnameseLunarCalendar.ToGregorian(2026, 1, 1));

    [Theory]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_10_March_lunar_falls_on_the_known_date(int lunarYear, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), VietnameseLunarCalendar.ToGregorian(lunarYear, 3, 10));

    [Fact]
    public void The_last_day_of_lunar_year_2025_is_29_of_month_12_on_16_February_2026()
    {
        Assert.Equal(29, VietnameseLunarCalendar.DaysInMonth(2025, 12));
        Assert.Equal(new DateOnly(2026, 2, 16), VietnameseLunarCalendar.ToGregorian(2025, 12, 29));
        Assert.Equal(new DateOnly(2026, 2, 16), VietnameseLunarCalendar.LastDayOfYear(2025));
    }

    /// <summary>
    /// Counting in UTC+7 rather than China's UTC+8 moves a new moon that falls just before midnight
    /// to the day before, or moves the leap month: Tết 2030 is 2 February in Vietnam (new moon at
    /// 23:07 UTC+7), 3 February in China; 2007: 17 against 18 February; 1985: 21 January against
    /// 20 February.
    /// </summary>
    [Theory]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2030, "2030-02-02")]
    public void Tet_is_computed_in_Vietnam_time_where_it_differs_from_the_Chinese_calendar(int lunarYear, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), VietnameseLunarCalendar.NewYear(lunarYear));

    [Theory]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    [InlineData(2033, 11)]
    public void A_13_month_year_has_its_leap_month(int lunarYear, int leapMonth) =>
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(lunarYear));

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void A_12_month_year_has_no_leap_month(int lunarYear) =>
        Assert.Null(VietnameseLunarCalendar.LeapMonth(lunarYear));

    [Fact]
    public void The_leap_month_6_of_2025_starts_between_month_6_and_month_7()
    {
        Assert.Equal(new DateOnly(2025, 6, 25), VietnameseLunarCalendar.ToGregorian(2025, 6, 1));
        Assert.Equal(new DateOnly(2025, 7, 25), VietnameseLunarCalendar.ToGregorian(2025, 6, 1, isLeapMonth: true));
        Assert.Equal(new DateOnly(2025, 8, 23), VietnameseLunarCalendar.ToGregorian(2025, 7, 1));
    }

    [Fact]
    public void A_leap_flag_on_a_month_that_is_not_leap_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToGregorian(2026, 6, 1, isLeapMonth: true));

    [Fact]
    public void Day_30_of_a_29_day_month_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToGregorian(2025, 12, 30));

    [Fact]
    public void Years_outside_the_supported_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToGregorian(VietnameseLunarCalendar.MinYear - 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToGregorian(VietnameseLunarCalendar.MaxYear + 1, 1, 1));
    }

    [Fact]
    public void Every_lunar_month_from_1968_to_2199_has_29_or_30_days_and_months_follow_each_other()
    {
        for (var year = VietnameseLunarCalendar.MinYear; year < VietnameseLunarCalendar.MaxYear; year++)
        {
            var leap = VietnameseLunarCalendar.LeapMonth(year);
            var expectedStart = VietnameseLunarCalendar.NewYear(year);
            for (var month = 1; month <= 12; month++)
            {
                foreach (var isLeap in month == leap ? new[] { false, true } : [false])
                {
                    var start = VietnameseLunarCalendar.ToGregorian(year, month, 1, isLeap);
                    var length = VietnameseLunarCalendar.DaysInMonth(year, month, isLeap);
                    Assert.Equal(expectedStart, start);
                    Assert.InRange(length, 29, 30);
                    expectedStart = start.AddDays(length);
                }
            }

            Assert.Equal(VietnameseLunarCalendar.NewYear(year + 1), expectedStart);
            Assert.Equal(expectedStart.AddDays(-1), VietnameseLunarCalendar.LastDayOfYear(year));
            Assert.InRange(VietnameseLunarCalendar.NewYear(year + 1), new DateOnly(year + 1, 1, 20), new DateOnly(year + 1, 2, 21));
        }
    }
}
