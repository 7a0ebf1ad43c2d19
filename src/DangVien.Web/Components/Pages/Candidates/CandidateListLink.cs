using System.Globalization;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;

namespace DangVien.Web.Components.Pages.Candidates;

/// <summary>
/// The candidate list's query string, read and written in one place so the list, its paging and sort
/// links and the CSV export carry the same filters: <c>unit, stage, category, year, overdue, q, sort, dir, page</c>.
/// </summary>
public static class CandidateListLink
{
    private static readonly Dictionary<CandidateSort, string> SortNames = new()
    {
        [CandidateSort.Name] = "name",
        [CandidateSort.Stage] = "stage",
        [CandidateSort.StageSince] = "since",
    };

    public static CandidateStage? ParseStage(string? value) =>
        Enum.TryParse<CandidateStage>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    public static CandidateSort ParseSort(string? value) =>
        SortNames.FirstOrDefault(p => string.Equals(p.Value, value, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found ? found.Key : CandidateSort.Name;

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

    public static string Export(CandidateListQuery query) => "/candidates/export.csv?" + QueryString(query);
}
