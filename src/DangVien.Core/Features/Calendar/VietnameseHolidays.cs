namespace DangVien.Core.Features.Calendar;

/// <summary>
/// The default public holidays of Vietnam (Bộ luật Lao động 2019, Điều 112), used to pre-fill the
/// calendar. Only a default: the government fixes the exact days off each year (the Tết days, the
/// day next to 2 September, days moved to make a long weekend), so the stored calendar is what counts.
/// </summary>
public static class VietnameseHolidays
{
    public const string NewYearsDay = "Tết Dương lịch";
    public const string LunarNewYear = "Tết Nguyên đán";
    public const string HungKingsDay = "Giỗ Tổ Hùng Vương";
    public const string ReunificationDay = "Ngày Chiến thắng 30/4";
    public const string LabourDay = "Ngày Quốc tế Lao động 1/5";
    public const string NationalDay = "Quốc khánh 2/9";

    /// <summary>The first year <see cref="ForYear"/> supports (Tết's eve lies in the lunar year before).</summary>
    public const int MinYear = VietnameseLunarCalendar.MinYear + 1;

    /// <summary>The last year <see cref="ForYear"/> supports.</summary>
    public const int MaxYear = VietnameseLunarCalendar.MaxYear;

    /// <summary>
    /// The default holidays of a Gregorian year, in date order: 1 January; Tết (the last day of the
    /// lunar year and lunar 1/1 to 1/4); Hùng Kings' day (lunar 10/3); 30 April; 1 May; 1 and 2
    /// September. Should two fall on the same date, it is listed once with both names.
    /// </summary>
    public static IReadOnlyList<Holiday> ForYear(int year)
    {
        // Tết of lunar year N always falls between 21 January and 20 February of Gregorian year N,
        // and so does its eve.
        var tetEve = VietnameseLunarCalendar.LastDayOfYear(year - 1);
        var tet = VietnameseLunarCalendar.NewYear(year);
        (DateOnly Date, string Name)[] days =
        [
            (new DateOnly(year, 1, 1), NewYearsDay),
            (tetEve, LunarNewYear),
            (tet, LunarNewYear),
            (tet.AddDays(1), LunarNewYear),
            (tet.AddDays(2), LunarNewYear),
            (tet.AddDays(3), LunarNewYear),
            (VietnameseLunarCalendar.ToGregorian(year, 3, 10), HungKingsDay),
            (new DateOnly(year, 4, 30), ReunificationDay),
            (new DateOnly(year, 5, 1), LabourDay),
            (new DateOnly(year, 9, 1), NationalDay),
            (new DateOnly(year, 9, 2), NationalDay),
        ];
        return days
            .GroupBy(d => d.Date)
            .OrderBy(g => g.Key)
            .Select(g => new Holiday(g.Key, string.Join("; ", g.Select(d => d.Name).Distinct())))
            .ToList();
    }
}
