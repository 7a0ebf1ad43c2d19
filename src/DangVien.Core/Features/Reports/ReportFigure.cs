using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Reports;

/// <summary>
/// A figure of the yearly report that opens to the list of candidates behind it: a flag of <see cref="ReportFacts"/>, a
/// funnel stage, or the admitted of a source category; or to the list of members behind it (members at the start and at
/// the end of the year). Its <see cref="Key"/> goes in links (<c>?figure=admitted</c>,
/// <c>stage-5</c>, <c>category-3</c>).
/// </summary>
public sealed record ReportFigure(string Key)
{
    /// <summary>The figures that are a flag of <see cref="ReportFacts"/>; their names are <c>Figure.KEY</c> in <see cref="CoreText"/>.</summary>
    private static readonly string[] Simple =
        ["admitted", "youth-introduced", "youth-admitted", "coursed", "coursed-admitted", "recognised", "removed", "exited", "carried"];

    public static ReportFigure Admitted { get; } = new("admitted");

    /// <summary>The members at the start of the year (31/12 of the year before): a list of members, not candidates.</summary>
    public static ReportFigure MembersAtStart { get; } = new("members-start");

    /// <summary>The members at the end of the year (31/12 of the year).</summary>
    public static ReportFigure MembersAtEnd { get; } = new("members-end");

    /// <summary>Whether the figure counts members (<see cref="MembersAtStart"/>, <see cref="MembersAtEnd"/>) rather than candidates.</summary>
    public bool IsMembers => Key is "members-start" or "members-end";

    /// <summary>For a members figure: counted at the end of the (last) year rather than at the start of the (first) one.</summary>
    internal bool AtEnd => Key == "members-end";

    public static ReportFigure Stage(StageKind kind) => new("stage-" + ((int)kind).ToString(CultureInfo.InvariantCulture));

    public static ReportFigure Category(int categoryId) => new("category-" + categoryId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The figure named by a key from a link; null for an unknown key.</summary>
    public static ReportFigure? Parse(string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (Simple.Contains(key) || key is "members-start" or "members-end")
        {
            return new ReportFigure(key);
        }

        if (key.StartsWith("stage-", StringComparison.Ordinal) && int.TryParse(key.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            && ReportFacts.FunnelFlags.Any(f => (int)f.Kind == kind))
        {
            return new ReportFigure(key);
        }

        return key.StartsWith("category-", StringComparison.Ordinal) && int.TryParse(key.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? new ReportFigure(key)
            : null;
    }

    /// <summary>The source category of a category figure.</summary>
    public int? CategoryId => Key.StartsWith("category-", StringComparison.Ordinal) ? int.Parse(Key.AsSpan(9), CultureInfo.InvariantCulture) : null;

    /// <summary>The column of <see cref="ReportFacts"/> behind the figure (for a category: the admitted).</summary>
    internal string Flag => CategoryId is not null
        ? "admitted"
        : Key.StartsWith("stage-", StringComparison.Ordinal)
            ? ReportFacts.FunnelFlags.Single(f => (int)f.Kind == int.Parse(Key.AsSpan(6), CultureInfo.InvariantCulture)).Flag
            : Key.Replace('-', '_');

    /// <summary>The figure's name as the report shows it (a category's name is added by the caller).</summary>
    public string Label =>
        Key.StartsWith("stage-", StringComparison.Ordinal) ? ReportLabels.Step((StageKind)int.Parse(Key.AsSpan(6), CultureInfo.InvariantCulture))
        : CoreText.Get(Simple.Contains(Key) || IsMembers ? "Figure." + Key : "Figure.category");

    /// <summary>The keys of every flag figure stored with a frozen year (categories are added per category).</summary>
    internal static IEnumerable<ReportFigure> FlagFigures =>
        Simple.Select(k => new ReportFigure(k)).Concat(ReportFacts.FunnelFlags.Select(f => Stage(f.Kind)));
}

/// <summary>What the report calls each stage of its funnel (shared by the page and the exports).</summary>
public static class ReportLabels
{
    public static string Step(StageKind kind) => CoreText.Find("Step." + kind) ?? kind.ToString();
}
