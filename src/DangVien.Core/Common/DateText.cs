using System.Globalization;
using System.Text.RegularExpressions;

namespace DangVien.Core.Common;

/// <summary>What <see cref="DateText.Read"/> made of a typed date.</summary>
/// <param name="Date">The date, when it was read and lies in <see cref="SupportedRange"/>.</param>
/// <param name="Message">Why it was refused (Vietnamese, for next to the field); null when read or left empty.</param>
public readonly record struct DateReading(DateOnly? Date, string? Message)
{
    public bool IsEmpty => Date is null && Message is null;
}

/// <summary>
/// Reads a date typed the Vietnamese way, day first, the one parser of forms and date fields:
/// <c>05/03/2026</c>, <c>5/3/2026</c>, <c>5-3-2026</c>, <c>5.3.2026</c>, eight digits <c>05032026</c> (what a
/// phone's digit keypad can type) and ISO <c>2026-03-05</c>. Years have four digits: <c>050326</c> and
/// <c>5/3/26</c> are refused rather than guessed.
/// </summary>
public static partial class DateText
{
    public static string FormatMessage => CoreText.Get("Date.Format");

    public static string NoSuchDayMessage(int day, int month, int year) =>
        string.Format(CultureInfo.InvariantCulture, CoreText.Get("Date.NoSuchDay"), day, month, year);

    /// <summary>The date typed, or the message that says why it cannot be one; empty text reads as neither.</summary>
    public static DateReading Read(string? text)
    {
        var typed = text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return default;
        }

        int day, month, year;
        if (DayFirst().Match(typed) is { Success: true } dayFirst)
        {
            day = Number(dayFirst.Groups["d"].Value);
            month = Number(dayFirst.Groups["m"].Value);
            year = Number(dayFirst.Groups["y"].Value);
        }
        else if (DigitsOnly().IsMatch(typed))
        {
            day = Number(typed[..2]);
            month = Number(typed[2..4]);
            year = Number(typed[4..]);
        }
        else if (Iso().Match(typed) is { Success: true } iso)
        {
            day = Number(iso.Groups["d"].Value);
            month = Number(iso.Groups["m"].Value);
            year = Number(iso.Groups["y"].Value);
        }
        else
        {
            return new DateReading(null, FormatMessage);
        }

        if (year < SupportedRange.MinDate.Year || year > SupportedRange.MaxDate.Year)
        {
            return new DateReading(null, SupportedRange.DateMessage);
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new DateReading(null, NoSuchDayMessage(day, month, year));
        }

        var date = new DateOnly(year, month, day);
        return SupportedRange.IsDate(date) ? new DateReading(date, null) : new DateReading(null, SupportedRange.DateMessage);
    }

    /// <summary>Whether the text is a date in <see cref="SupportedRange"/>.</summary>
    public static bool TryRead(string? text, out DateOnly date)
    {
        var reading = Read(text);
        date = reading.Date ?? default;
        return reading.Date is not null;
    }

    /// <summary>How a date is shown and put back into a text box: dd/MM/yyyy.</summary>
    public static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})([/.-])(?<m>[0-9]{1,2})\1(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^[0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsOnly();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}
