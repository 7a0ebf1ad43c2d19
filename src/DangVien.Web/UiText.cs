using System.Globalization;
using System.Resources;

namespace DangVien.Web;

/// <summary>
/// The interface's own text, looked up as <c>IStringLocalizer&lt;UiText&gt;</c> from
/// <c>Resources/UiText.resx</c> (Vietnamese, the default) and <c>Resources/UiText.en.resx</c> (English).
/// Keys are ASCII (<c>Nav.Candidates</c>); <c>UiTextTests</c> checks that every key a page or an export uses exists
/// in both files. Messages and labels from DangVien.Core come from its own resources (<c>CoreText</c>).
/// </summary>
public sealed class UiText
{
    /// <summary>The interface languages: Vietnamese (default) and English. Dates and numbers stay vi-VN in both.</summary>
    public static readonly string[] Languages = ["vi", "en"];

    private static readonly ResourceManager Resources = new("DangVien.Web.Resources.UiText", typeof(UiText).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// The text of <paramref name="key"/> for code that is not a component (the exports): English for the app's
    /// <c>en</c> UI culture, Vietnamese for any other, as <c>CoreText</c> does.
    /// </summary>
    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture.Name == English.Name ? English : CultureInfo.InvariantCulture) ?? key;

    /// <summary>The text of <paramref name="key"/> with its placeholders filled in the current culture.</summary>
    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);
}
