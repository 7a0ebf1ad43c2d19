namespace DangVien.Web;

/// <summary>
/// The interface's own text, looked up as <c>IStringLocalizer&lt;UiText&gt;</c> from
/// <c>Resources/UiText.resx</c> (Vietnamese, the default) and <c>Resources/UiText.en.resx</c> (English).
/// Keys are ASCII (<c>Nav.Candidates</c>); <c>UiTextTests</c> checks that every key a page uses exists
/// in both files. Messages from DangVien.Core (validation, rules, labels) stay Vietnamese.
/// </summary>
public sealed class UiText
{
    /// <summary>The interface languages: Vietnamese (default) and English. Dates and numbers stay vi-VN in both.</summary>
    public static readonly string[] Languages = ["vi", "en"];
}
