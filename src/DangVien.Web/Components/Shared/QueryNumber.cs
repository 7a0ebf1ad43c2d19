using System.Globalization;
using DangVien.Core.Common;

namespace DangVien.Web.Components.Shared;

/// <summary>
/// Numbers read from the query string. Pages bind such values as text
/// (<c>[SupplyParameterFromQuery] public string? YearQuery</c>) and read them here: a typed
/// <c>int?</c> parameter makes Blazor throw on <c>?year=abc</c>, which answers 500; text that is not
/// a number reads as absent instead, and the page shows its default.
/// </summary>
public static class QueryNumber
{
    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A year the app supports (<see cref="SupportedRange"/>); any other reads as absent.</summary>
    public static int? Year(string? text) => Int(text) is { } year && SupportedRange.IsYear(year) ? year : null;

    public static long? Long(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
