namespace DangVien.Core.Common;

/// <summary>
/// The values the app supports, written once for the pages, the API and the downloads: years of reports, quotas
/// and lists; dates typed in a form or asked in a query; the page of a list; the length of a search. Outside them a
/// value answers a field message, a 400 or the page's default: it never reaches date arithmetic (which throws past
/// 9999-12-31) nor an SQL <c>OFFSET</c> (which overflows on page 2147483647).
/// </summary>
public static class SupportedRange
{
    /// <summary>The founding year of the Party: no report, quota or list goes further back.</summary>
    public const int MinYear = 1930;

    public const int MaxYear = 2100;

    /// <summary>The furthest page of a list (200 rows a page at most: 20 million rows, well inside an <c>int</c> offset).</summary>
    public const int MaxPage = 100_000;

    /// <summary>A search longer than this is cut: no name or citizen ID is that long.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>The earliest date a form or query may carry (the birth of the oldest member still on record).</summary>
    public static readonly DateOnly MinDate = new(1900, 1, 1);

    public static readonly DateOnly MaxDate = new(MaxYear, 12, 31);

    public static string YearMessage => CoreText.Format("Range.Year", MinYear, MaxYear);

    public static string DateMessage => CoreText.Format("Range.Date", MinDate.Display(), MaxDate.Display());

    public static bool IsYear(int year) => year is >= MinYear and <= MaxYear;

    public static bool IsDate(DateOnly date) => date >= MinDate && date <= MaxDate;

    /// <summary>The page asked for, brought into 1–<see cref="MaxPage"/>.</summary>
    public static int Page(int page) => Math.Clamp(page, 1, MaxPage);

    /// <summary>The search trimmed and cut to <see cref="MaxSearchLength"/>; null when empty.</summary>
    public static string? Search(string? text) =>
        text?.Trim() is { Length: > 0 } trimmed ? trimmed[..Math.Min(trimmed.Length, MaxSearchLength)] : null;
}
