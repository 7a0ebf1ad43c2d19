using System.Globalization;
using System.Resources;

namespace DangVien.Core.Common;

/// <summary>
/// The text DangVien.Core shows to users (stage and category names, roles, rule messages), looked up in
/// <c>Resources/CoreText.resx</c> (Vietnamese, the neutral language) and <c>Resources/CoreText.en.resx</c>.
/// The language is <see cref="CultureInfo.CurrentUICulture"/>, which the request localisation middleware sets per
/// request (and a circuit keeps): English only for the app's own <c>en</c> UI culture, Vietnamese for every other
/// culture, so a server or a test run whose default culture is en-US still writes the procedure's wording.
/// Text that is stored (audit details, file notes) is built <see cref="InVietnamese{T}"/>.
/// </summary>
public static class CoreText
{
    private static readonly ResourceManager Resources = new("DangVien.Core.Resources.CoreText", typeof(CoreText).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Whether the current request reads English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.Name == English.Name;

    /// <summary>The text of <paramref name="key"/> in the current language; null when there is no such key.</summary>
    public static string? Find(string key) =>
        Resources.GetString(key, IsEnglish ? English : CultureInfo.InvariantCulture);

    /// <summary>The text of <paramref name="key"/>; a missing key is a bug.</summary>
    public static string Get(string key) =>
        Find(key) ?? throw new InvalidOperationException($"CoreText has no key {key}.");

    /// <summary>The text of <paramref name="key"/> with its placeholders filled in the current culture (vi-VN numbers).</summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>Runs <paramref name="build"/> in Vietnamese, for text that is stored rather than shown.</summary>
    public static T InVietnamese<T>(Func<T> build)
    {
        var ui = CultureInfo.CurrentUICulture;
        if (ui.Name != English.Name)
        {
            return build();
        }

        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return build();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
