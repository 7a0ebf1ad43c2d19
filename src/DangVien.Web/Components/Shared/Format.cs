using System.Globalization;

namespace DangVien.Web.Components.Shared;

/// <summary>Display formats for Vietnamese readers: dd/MM/yyyy, 1.234,5.</summary>
public static class Format
{
    private static readonly CultureInfo Vi = DependencyInjection.Vietnamese;

    public static string D(DateOnly date) => date.ToString("dd/MM/yyyy", Vi);

    public static string D(DateOnly? date) => date is { } d ? D(d) : "—";

    /// <summary>The date of birth when the reader sees it, else the year alone (<c>PersonalDataPolicy</c>).</summary>
    public static string Born(DateOnly? dateOfBirth, int birthYear) =>
        dateOfBirth is { } date ? D(date) : birthYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>What an export writes for a field the reader may not see; the pages use the text <c>File.Hidden</c>.</summary>
    public static string HiddenText => UiText.Get("File.Hidden");

    /// <summary>
    /// The weekday ("Thứ Hai" … "Thứ Bảy", "Chủ Nhật", as vi-VN writes them in CLDR, fixed in the resources so they do
    /// not depend on the ICU version; "Monday" … in English).
    /// </summary>
    public static string Weekday(DateOnly date) => UiText.Get("Format.Weekday" + ((int)date.DayOfWeek).ToString(CultureInfo.InvariantCulture));

    public static string N(int value) => value.ToString("N0", Vi);

    public static string N(int? value) => value is { } v ? N(v) : "—";

    /// <summary>A decimal rounded half away from zero (0,15 → "0,2"), as the pages write persons of the 3–4 % guide.</summary>
    public static string N(decimal value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Vi);

    public static string N(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Vi);

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("N1", Vi) + " %" : "—";
}
