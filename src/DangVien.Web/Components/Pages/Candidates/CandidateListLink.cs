using System.Globalization;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;

namespace DangVien.Web.Components.Pages.Candidates;

/// <summary>
/// The candidate list's query string, read and written in one place so the list, its paging and sort
/// links and the CSV export carry the same filters: <c>unit, stage, category, year, overdue, state, q, sort, dir, page</c>.
/// </summary>
public static class CandidateListLink
{
    private static readonly Dictionary<CandidateSort, string> SortNames = new()
    {
        [CandidateSort.Name] = "name",
        [CandidateSort.Stage] = "stage",
        [CandidateSort.StageSince] = "since",
    };

    private static readonly Dictionary<CandidateState, string> StateNames = new()
    {
        [CandidateState.Live] = "live",
        [CandidateState.Closed] = "closed",
        [CandidateState.All] = "all",
    };

    /// <summary>
    /// The files the list holds by where they ended: as asked (<c>live</c>, <c>closed</c>, <c>all</c>), else the live
    /// ones, or every one when a stage is chosen (the stage already says whether the file is live or closed).
    /// </summary>
    public static CandidateState ParseState(string? value, CandidateStage? stage) =>
        StateNames.FirstOrDefault(p => string.Equals(p.Value, value?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
            ? found.Key
            : stage is null ? CandidateState.Live : CandidateState.All;

    public static string StateName(CandidateState state) => StateNames[state];

    /// <summary>Whether a given value names a state (an empty one is absent, not wrong).</summary>
    public static bool IsState(string? value) =>
        string.IsNullOrWhiteSpace(value) || StateNames.Values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a given value names a sort order (an empty one is absent, not wrong).</summary>
    public static bool IsSort(string? value) =>
        string.IsNullOrWhiteSpace(value) || SortNames.Values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);

    public static CandidateStage? ParseStage(string? value) =>
        Enum.TryParse<CandidateStage>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    public static CandidateSort ParseSort(string? value) =>
        SortNames.FirstOrDefault(p => string.Equals(p.Value, value?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } found ? found.Key : CandidateSort.Name;

    public static bool ParseFlag(string? value) => value is "1" or "true" or "on";

    public static string SortName(CandidateSort sort) => SortNames[sort];

    /// <summary>The query (without <c>?</c>) of a list filtered as <paramref name="query"/>; the page only when past the first.</summary>
    public static string QueryString(CandidateListQuery query, int? page = null)
    {
        var parts = new List<string> { "unit=" + query.UnitId.ToString(CultureInfo.InvariantCulture) };
        if (query.Stage is { } stage)
        {
            parts.Add("stage=" + stage);
        }

        if (query.CategoryId is { } category)
        {
            parts.Add("category=" + category.ToString(CultureInfo.InvariantCulture));
        }

        if (query.Year is { } year)
        {
            parts.Add("year=" + year.ToString(CultureInfo.InvariantCulture));
        }

        if (query.OverdueOnly)
        {
            parts.Add("overdue=1");
        }

        if (query.State != ParseState(null, query.Stage))
        {
            parts.Add("state=" + StateName(query.State));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            parts.Add("q=" + Uri.EscapeDataString(query.Search.Trim()));
        }

        if (query.Sort != CandidateSort.Name)
        {
            parts.Add("sort=" + SortName(query.Sort));
        }

        if (query.Descending)
        {
            parts.Add("dir=desc");
        }

        if (page is { } p and > 1)
        {
            parts.Add("page=" + p.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join("&", parts);
    }

    public static string List(CandidateListQuery query, int? page = null) => "/candidates?" + QueryString(query, page);

    /// <summary>The list sorted by <paramref name="sort"/>: ascending, or descending when it is already sorted so ascending; back to page 1.</summary>
    public static string SortedBy(CandidateListQuery query, CandidateSort sort) =>
        List(query with { Sort = sort, Descending = query.Sort == sort && !query.Descending });

    public static string Export(CandidateListQuery query) => "/candidates/export.csv?" + QueryString(query);
}
