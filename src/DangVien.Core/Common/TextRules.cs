using System.Globalization;
using System.Text;

namespace DangVien.Core.Common;

/// <summary>
/// Which characters free text may hold, on the way in (forms, API, import) and on the way out (exports). Refused:
/// control characters (a line break only in multi-line fields), bidirectional overrides, embeddings, isolates and marks
/// (they make a name display in another order than it is stored), invisible characters (zero-width spaces, joiners,
/// fillers: two names that look the same would differ), and what cannot be stored as text (lone surrogates,
/// noncharacters, U+FFFD from a broken decoding).
/// </summary>
public static class TextRules
{
    /// <summary>Why a text is refused, or null when it is clean. <paramref name="label"/> names the field, lower case ("họ và tên").</summary>
    public static string? Check(string? value, string label, bool multiLine = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var field = label.Length == 0 ? label : char.ToUpper(label[0], VietnamTime.Culture) + label[1..];
        var visible = false;
        string? problem = null;
        var invisibleFirst = false;
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return CoreText.Format("Text.Undecodable", field, (int)value[i]);
            }

            i += used;
            switch (Kind(rune, multiLine))
            {
                case CharKind.Invalid:
                    return CoreText.Format("Text.Invalid", field, Code(rune));
                case CharKind.LineBreak:
                    problem ??= CoreText.Format("Text.LineBreak", field, Code(rune));
                    break;
                case CharKind.Control:
                    problem ??= CoreText.Format("Text.Control", field, Code(rune));
                    break;
                case CharKind.Bidi:
                    problem ??= CoreText.Format("Text.Bidi", field, Code(rune));
                    break;
                case CharKind.Invisible:
                    invisibleFirst |= problem is null;
                    problem ??= CoreText.Format("Text.Invisible", field, Code(rune));
                    break;
                case CharKind.Visible:
                    visible = true;
                    break;
            }
        }

        return invisibleFirst && !visible ? CoreText.Format("Text.OnlyInvisible", field) : problem;
    }

    /// <summary>Whether <see cref="Check"/> finds nothing.</summary>
    public static bool IsClean(string? value, bool multiLine = false) => Check(value, "", multiLine) is null;

    /// <summary>
    /// The text with every character XML 1.0 cannot hold (control characters but tab and line breaks, lone surrogates,
    /// U+FFFE/U+FFFF) replaced by U+FFFD, so an export never fails on a text stored before the rules above existed or
    /// written around them. The same string when nothing is replaced.
    /// </summary>
    public static string ForXml(string value)
    {
        var i = 0;
        while (i < value.Length && IsXmlChar(value, i, out var width))
        {
            i += width;
        }

        if (i == value.Length)
        {
            return value;
        }

        var clean = new StringBuilder(value.Length);
        clean.Append(value, 0, i);
        while (i < value.Length)
        {
            if (IsXmlChar(value, i, out var width))
            {
                clean.Append(value, i, width);
            }
            else
            {
                clean.Append('\uFFFD');
            }

            i += width;
        }

        return clean.ToString();
    }

    private static bool IsXmlChar(string value, int i, out int width)
    {
        var c = value[i];
        width = 1;
        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
        {
            width = 2;
            return true;
        }

        return c is '\t' or '\n' or '\r' or (>= ' ' and < '\uD800') or (>= '\uE000' and <= '\uFFFD');
    }

    private enum CharKind
    {
        Visible,
        Space,
        LineBreak,
        Control,
        Bidi,
        Invisible,
        Invalid,
    }

    private static CharKind Kind(Rune rune, bool multiLine)
    {
        var value = rune.Value;
        if (value is '\n' or '\r' or 0x2028 or 0x2029)
        {
            return multiLine && value is '\n' or '\r' ? CharKind.Space : CharKind.LineBreak;
        }

        if (value == '\t')
        {
            return multiLine ? CharKind.Space : CharKind.Control;
        }

        if (value is 0xFFFD or (>= 0xFDD0 and <= 0xFDEF) || (value & 0xFFFE) == 0xFFFE)
        {
            return CharKind.Invalid;
        }

        if (value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C)
        {
            return CharKind.Bidi;
        }

        // Hangul fillers and the blank braille pattern are letters or symbols that draw nothing.
        if (value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800)
        {
            return CharKind.Invisible;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => CharKind.Control,
            UnicodeCategory.Format => CharKind.Invisible,
            UnicodeCategory.SpaceSeparator => CharKind.Space,
            _ => CharKind.Visible,
        };
    }

    private static string Code(Rune rune) => $"U+{rune.Value:X4}";
}
