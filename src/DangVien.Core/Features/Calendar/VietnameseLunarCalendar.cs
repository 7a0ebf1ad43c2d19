namespace DangVien.Core.Features.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch), computed rather than looked up: a month starts on the
/// day (in UTC+7) of a new moon, month 11 is the month that contains the winter solstice, and in a
/// lunar year with 13 months the first month without a major solar term (trung khí) is the leap month
/// and repeats the number of the month before it.
/// </summary>
/// <remarks>
/// This is the algorithm Hồ Ngọc Đức describes for the Vietnamese calendar
/// (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_v02.html), with the new-moon and
/// sun-longitude approximations of Jean Meeus, "Astronomical Algorithms". UTC+7 is the time zone of
/// the official calendar since 1968 (before that the North counted in UTC+8), and the approximations
/// hold for the 1800–2199 range, hence <see cref="MinYear"/> and <see cref="MaxYear"/>.
/// </remarks>
public static class VietnameseLunarCalendar
{
    /// <summary>The first lunar year the conversion supports (the calendar has counted in UTC+7 since 1968).</summary>
    public const int MinYear = 1968;

    /// <summary>The last lunar year the conversion supports.</summary>
    public const int MaxYear = 2199;

    private const double TimeZoneHours = 7.0;
    private const double SynodicMonth = 29.530588853;

    /// <summary>The Julian day number of 1 January of year 1 (proleptic Gregorian), <see cref="DateOnly.DayNumber"/> 0.</summary>
    private const int JulianDayOfDayNumberZero = 1721426;

    /// <summary>The Julian date of the new moon numbered 0 (1900-01-01 13:51 UTC).</summary>
    private const double NewMoonZero = 2415021.076998695;

    private const double DegreesToRadians = Math.PI / 180;

    /// <summary>
    /// The Gregorian date of a lunar date, e.g. <c>ToGregorian(2026, 1, 1)</c> is Tết of the year Bính Ngọ,
    /// 17 February 2026. <paramref name="isLeapMonth"/> selects the leap month (tháng nhuận) that
    /// repeats <paramref name="month"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>, the month outside 1–12, the day
    /// beyond the length of that month (29 or 30), or the leap flag is set for a month that is not leap
    /// in that year.
    /// </exception>
    public static DateOnly ToGregorian(int year, int month, int day, bool isLeapMonth = false)
    {
        var monthIndex = MonthIndex(year, month, isLeapMonth);
        var length = NewMoonDay(monthIndex + 1) - NewMoonDay(monthIndex);
        if (day < 1 || day > length)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"Lunar month {month}/{year} has {length} days.");
        }

        return FromJulianDay(NewMoonDay(monthIndex) + day - 1);
    }

    /// <summary>The number of days (29 or 30) of a lunar month.</summary>
    public static int DaysInMonth(int year, int month, bool isLeapMonth = false)
    {
        var monthIndex = MonthIndex(year, month, isLeapMonth);
        return NewMoonDay(monthIndex + 1) - NewMoonDay(monthIndex);
    }

    /// <summary>The leap month of a lunar year (the number of the month it repeats), or null in a 12-month year.</summary>
    public static int? LeapMonth(int year)
    {
        CheckYear(year);

        // Months 1–10 of the year lie between month 11 of the previous year and month 11 of this one;
        // months 11 and 12 lie between month 11 of this year and month 11 of the next.
        var early = LeapMonthAfterMonth11Of(year - 1);
        if (early is >= 1 and <= 10)
        {
            return early;
        }

        var late = LeapMonthAfterMonth11Of(year);
        return late is 11 or 12 ? late : null;
    }

    /// <summary>Lunar New Year's day (mùng 1 Tết) of a lunar year.</summary>
    public static DateOnly NewYear(int year) => ToGregorian(year, 1, 1);

    /// <summary>The last day of a lunar year (29 or 30 of month 12, the eve of Tết): the day before the next New Year.</summary>
    public static DateOnly LastDayOfYear(int year)
    {
        var lastMonth = MonthIndex(year, 12, isLeapMonth: LeapMonth(year) == 12);
        return FromJulianDay(NewMoonDay(lastMonth + 1) - 1);
    }

    /// <summary>The number (<c>k</c> of <see cref="NewMoonDay"/>) of the new moon that starts the given lunar month.</summary>
    private static int MonthIndex(int year, int month, bool isLeapMonth)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);

        // Count months from the month 11 that precedes the requested month: month 11 is offset 0,
        // month 12 offset 1, month 1 offset 2, … month 10 offset 11.
        var month11 = month < 11 ? Month11Start(year - 1) : Month11Start(year);
        var offset = (month + 1) % 12;
        var index = NewMoonIndexOn(month11) + offset;

        var nextMonth11 = month < 11 ? Month11Start(year) : Month11Start(year + 1);
        var leapOffset = nextMonth11 - month11 > 365 ? LeapMonthOffset(month11) : (int?)null;
        var leapMonth = leapOffset is { } o ? MonthNumberAtOffset(o - 1) : (int?)null;
        if (isLeapMonth && leapMonth != month)
        {
            throw new ArgumentOutOfRangeException(nameof(isLeapMonth), isLeapMonth, $"Month {month} of lunar year {year} is not a leap month.");
        }

        // The leap month and every month after it sit one new moon later than their offset says.
        if (leapOffset is { } leap && (isLeapMonth || offset >= leap))
        {
            index++;
        }

        return index;
    }

    /// <summary>The leap month between month 11 of <paramref name="year"/> and month 11 of the next year (its number), or null.</summary>
    private static int? LeapMonthAfterMonth11Of(int year)
    {
        var month11 = Month11Start(year);
        return Month11Start(year + 1) - month11 > 365 ? MonthNumberAtOffset(LeapMonthOffset(month11) - 1) : null;
    }

    private static int MonthNumberAtOffset(int offset) => (offset + 10) % 12 + 1;

    /// <summary>
    /// In a 13-month span starting at <paramref name="month11"/>, the offset (1–12) of the first month
    /// that contains no major solar term: the sun is in the same 30° sector at its start as at the
    /// start of the next month.
    /// </summary>
    private static int LeapMonthOffset(int month11)
    {
        var k = NewMoonIndexOn(month11);
        var offset = 1;
        var sector = SunSector(NewMoonDay(k + offset));
        while (offset < 13)
        {
            var nextSector = SunSector(NewMoonDay(k + offset + 1));
            if (nextSector == sector)
            {
                return offset;
            }

            sector = nextSector;
            offset++;
        }

        return offset;
    }

    /// <summary>The Julian day number of the first day of month 11 (the month of the winter solstice) of a lunar year.</summary>
    private static int Month11Start(int year)
    {
        var december31 = ToJulianDay(new DateOnly(year, 12, 31));
        var k = (int)Math.Floor((december31 - NewMoonZero) / SynodicMonth);
        var newMoon = NewMoonDay(k);

        // Past the winter solstice (sun longitude ≥ 270°): month 11 began one new moon earlier.
        return SunSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>The number k of the new moon that falls on this Julian day.</summary>
    private static int NewMoonIndexOn(int julianDay) => (int)Math.Floor((julianDay - NewMoonZero) / SynodicMonth + 0.5);

    /// <summary>The Julian day number of the local (UTC+7) day of the k-th new moon after 1 January 1900.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + TimeZoneHours / 24);

    /// <summary>The sun's longitude at the start of a local day, as its 30° sector (0 = 0°–30°, … 11 = 330°–360°).</summary>
    private static int SunSector(int julianDay) =>
        (int)Math.Floor(SunLongitude(julianDay - 0.5 - TimeZoneHours / 24) / Math.PI * 6);

    /// <summary>The Julian date (UTC) of the k-th new moon after 1 January 1900 (Meeus, chapter 49, abridged).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var meanNewMoon = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Sin(166.56 + 132.87 * t - 0.009173 * t2);
        var sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var moonLatitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        var correction = (0.1734 - 0.000393 * t) * Sin(sunAnomaly)
            + 0.0021 * Sin(2 * sunAnomaly)
            - 0.4068 * Sin(moonAnomaly)
            + 0.0161 * Sin(2 * moonAnomaly)
            - 0.0004 * Sin(3 * moonAnomaly)
            + 0.0104 * Sin(2 * moonLatitude)
            - 0.0051 * Sin(sunAnomaly + moonAnomaly)
            - 0.0074 * Sin(sunAnomaly - moonAnomaly)
            + 0.0004 * Sin(2 * moonLatitude + sunAnomaly)
            - 0.0004 * Sin(2 * moonLatitude - sunAnomaly)
            - 0.0006 * Sin(2 * moonLatitude + moonAnomaly)
            + 0.0010 * Sin(2 * moonLatitude - moonAnomaly)
            + 0.0005 * Sin(2 * moonAnomaly + sunAnomaly);
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return meanNewMoon + correction - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians, 0 to 2π, at a Julian date (Meeus, chapter 25, low accuracy).</summary>
    private static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2451545.0) / 36525;
        var t2 = t * t;
        var meanAnomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Sin(2 * meanAnomaly)
            + 0.000290 * Sin(3 * meanAnomaly);
        var longitude = (meanLongitude + centre) * DegreesToRadians;
        return longitude - 2 * Math.PI * Math.Floor(longitude / (2 * Math.PI));
    }

    private static double Sin(double degrees) => Math.Sin(degrees * DegreesToRadians);

    private static int ToJulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);

    private static void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
    }
}
