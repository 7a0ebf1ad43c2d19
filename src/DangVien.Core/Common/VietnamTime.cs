using System.Globalization;

namespace DangVien.Core.Common;

/// <summary>Vietnam's calendar day (UTC+7, no daylight saving) and the display format of dates.</summary>
public static class VietnamTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The culture for what users read.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Today in Vietnam, whatever the server's time zone.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>Now on Vietnam's clock (+07:00).</summary>
    public static DateTimeOffset Now(this TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    /// <summary>The instant a day begins in Vietnam (00:00 at +07:00), in UTC as the database compares instants.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>A date as users read it: dd/MM/yyyy (vi-VN; parse stored or typed dates with the invariant culture).</summary>
    public static string Display(this DateOnly date) => date.ToString("dd/MM/yyyy", Culture);
}
