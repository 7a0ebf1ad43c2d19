using System.Text.RegularExpressions;
using DangVien.Core.Common;

namespace DangVien.Core.Features.Units;

/// <summary>The rule of a unit's code: unique in the whole tree, at most 32 characters, unaccented letters, digits and . _ -.</summary>
public static partial class UnitCodes
{
    public const int MaxLength = 32;

    public static bool IsValid(string code) => Pattern().IsMatch(code);

    public static string InvalidMessage(string code) => CoreText.Format("Units.CodeInvalid", code, MaxLength);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex Pattern();
}
