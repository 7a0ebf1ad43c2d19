using System.Text.RegularExpressions;

namespace DangVien.Core.Tests.Common;

/// <summary>
/// The Vietnamese still written as string literals in Core's code rather than in <c>Resources/CoreText.resx</c>, file
/// by file, against <c>CoreTextRemaining.txt</c>: a file with more than listed fails (new text belongs in the
/// resources), and so does one with fewer (lower the number), so the list only shrinks. Left out: the demo data, the
/// migrations and the reference data seeded into the database (category and holiday names, rule descriptions), which
/// are data rather than interface text.
/// </summary>
public sealed partial class CoreTextRemainingTests
{
    private static readonly string[] DataFolders = ["Demo", Path.Combine("Data", "Migrations"), Path.Combine("Data", "Reference")];

    private static readonly string[] DataFiles = [Path.Combine("Features", "Calendar", "VietnameseHolidays.cs")];

    [Fact]
    public void Core_holds_no_more_Vietnamese_literals_than_listed_and_the_list_only_shrinks()
    {
        var core = Path.Combine(Testing.PostgresServer.RepositoryRoot(), "src", "DangVien.Core");
        var actual = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(core, f))
            .Where(f => !DataFolders.Any(d => f.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal)) && !DataFiles.Contains(f)
                && !f.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => (File: f.Replace(Path.DirectorySeparatorChar, '/'), Count: VietnameseLiterals(File.ReadAllLines(Path.Combine(core, f)))))
            .Where(f => f.Count > 0)
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ToDictionary(f => f.File, f => f.Count, StringComparer.Ordinal);
        var listed = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Common", "CoreTextRemaining.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[1], p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "core-text-remaining-actual.txt"),
            actual.Select(a => $"{a.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\t{a.Key}"));

        Assert.Empty(actual.Where(a => a.Value > listed.GetValueOrDefault(a.Key))
            .Select(a => $"{a.Key}: {a.Value} Vietnamese literals, {listed.GetValueOrDefault(a.Key)} listed: move the new text to CoreText.resx"));
        Assert.Empty(listed.Where(l => l.Value > actual.GetValueOrDefault(l.Key))
            .Select(l => $"{l.Key}: {actual.GetValueOrDefault(l.Key)} Vietnamese literals left, {l.Value} listed: lower the number"));
    }

    /// <summary>String literals holding a Vietnamese letter, on lines that are not comments.</summary>
    private static int VietnameseLiterals(IEnumerable<string> lines) =>
        lines.Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Sum(l => Literal().Matches(l).Count(m => Vietnamese().IsMatch(m.Value)));

    [GeneratedRegex(@"\$?@?""(?:[^""\\]|\\.)*""")]
    private static partial Regex Literal();

    [GeneratedRegex("[À-ỹ]")]
    private static partial Regex Vietnamese();
}
