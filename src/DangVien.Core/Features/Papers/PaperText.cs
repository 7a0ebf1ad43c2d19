using System.Globalization;
using System.Resources;

namespace DangVien.Core.Features.Papers;

/// <summary>
/// The wording of the drafted papers, in <c>Resources/PaperText.resx</c>. A -KNĐ paper is a Vietnamese party document
/// whatever language the user reads the app in, so this text has no English version and ignores the UI culture.
/// </summary>
public static class PaperText
{
    private static readonly ResourceManager Resources = new("DangVien.Core.Resources.PaperText", typeof(PaperText).Assembly);

    /// <summary>The culture of the numbers in a paper (vi-VN: "83,33").</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The text of <paramref name="key"/>; a missing key is a bug.</summary>
    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"PaperText has no key {key}.");

    /// <summary>The text of <paramref name="key"/> with its placeholders filled (vi-VN numbers).</summary>
    public static string Format(string key, params object?[] args) => string.Format(Culture, Get(key), args);
}
