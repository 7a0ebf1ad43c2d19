using System.Globalization;

namespace DangVien.Core.Common;

/// <summary>Vietnamese names as people look for them: lists in given-name order, search with or without the marks.</summary>
public static class VietnameseText
{
    private static readonly CompareInfo Compare = VietnamTime.Culture.CompareInfo;

    /// <summary>
    /// Vietnamese list order: by the given name (the last word), then by the whole name, in the vi-VN dictionary order
    /// (A, Ă, Â, B, … Đ after D): "Trần Văn An" before "Lê Thị Bình" before "Nguyễn Thị Bình".
    /// </summary>
    public static IComparer<string> GivenNameOrder { get; } = Comparer<string>.Create((x, y) =>
    {
        var byGiven = Compare.Compare(GivenName(x), GivenName(y), CompareOptions.IgnoreCase);
        return byGiven != 0 ? byGiven : Compare.Compare(x, y, CompareOptions.IgnoreCase);
    });

    /// <summary>The given name: the last word of a full name.</summary>
    public static string GivenName(string fullName)
    {
        var trimmed = fullName.TrimEnd();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? trimmed : trimmed[(space + 1)..];
    }

    /// <summary>Whether <paramref name="text"/> contains <paramref name="term"/>, ignoring case and the marks (đ as d).</summary>
    public static bool ContainsLoosely(string text, string term) =>
        Compare.IndexOf(Fold(text), Fold(term), CompareOptions.IgnoreCase) >= 0;

    /// <summary>The text without its marks, đ as d: "Nguyễn Văn Đức" → "Nguyen Van Duc".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(System.Text.NormalizationForm.FormD);
        var folded = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }
}
