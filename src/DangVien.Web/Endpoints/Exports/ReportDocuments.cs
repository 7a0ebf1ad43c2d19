using System.Globalization;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Reports;
using static DangVien.Web.Components.Shared.Format;

namespace DangVien.Web.Endpoints.Exports;

/// <summary>The reports as <see cref="ExportDocument"/>s: the same figures, labels (from the pages' resources) and formatting as the pages.</summary>
public static class ReportDocuments
{
    /// <summary>The text of <paramref name="key"/> in the request's language (<see cref="UiText.Get"/>).</summary>
    private static string T(string key) => UiText.Get(key);

    private static string F(string key, params object?[] args) => UiText.Format(key, args);

    public static ExportDocument Yearly(YearlyReport report)
    {
        var y = report.Year.ToString(CultureInfo.InvariantCulture);
        var notes = new List<string>
        {
            F("Export.YearlyNote", report.UnitName, VietnameseNames.Of(report.Kind), y),
            T(report.Basis == Core.Features.Quotas.AdmissionCountingBasis.CeremonyDate ? "Export.CountedByCeremony" : "Export.CountedByDecision"),
            report.Frozen is { } frozen
                ? F("Export.FrozenNote", D(DateOnly.FromDateTime(frozen.FrozenAt.ToOffset(TimeSpan.FromHours(7)).DateTime)), frozen.FrozenBy)
                : T("Export.Live"),
        };
        string[] header = [T("Export.Indicator"), T("Export.Value")];
        var quota = new ExportTable(T("Reports.QuotaHeading"), header,
        [
            [F("Export.QuotaOfYear", y), ExportCell.Of(report.Quota)],
            [T("Common.Admitted"), report.Admitted],
            [T("Reports.QuotaReached"), ExportCell.Percent(report.Reached)],
        ]);
        var members = new ExportTable(T("Reports.MembersHeading"), header,
        [
            [F("Export.MembersOn", D(report.StartCountedOn)), report.MembersAtStart],
            [F("Export.MembersOn", D(report.EndCountedOn)), report.MembersAtEnd],
            [T("Reports.ShareOfMembers"), ExportCell.Percent(report.ShareOfMembers)],
            [T("Export.GuideTarget"), F("Export.GuidePersons", N(report.GuideLow, 1), N(report.GuideHigh, 1)) + T(report.MeetsGuide ? "Export.Met" : "Reports.BoardGuideNotMet")],
        ]);
        var categories = new ExportTable(T("Reports.CategoriesHeading"), [T("File.Categories"), T("Common.Admitted"), T("Common.Quota"), T("Common.Reached")],
            [.. report.Categories.Select(c => (IReadOnlyList<ExportCell>)[c.Name, c.Admitted, ExportCell.Of(c.Target), ExportCell.Percent(c.Reached)])]);
        var funnel = new ExportTable(T("Reports.FunnelHeading"), [T("Print.Step"), T("Reports.Persons")],
            [.. report.Funnel.Select(s => (IReadOnlyList<ExportCell>)[ReportLabels.Step(s.Kind), s.Candidates]), [T("Reports.Exited"), report.Exited]]);
        var conversions = new ExportTable(T("Reports.ConversionsHeading"), [T("Reports.Group"), T("Reports.Persons"), T("Reports.GotAdmitted"), T("Reports.Rate")],
        [
            [T("Reports.YouthIntroduced"), report.YouthUnionIntroduced.Cohort, report.YouthUnionIntroduced.Admitted, ExportCell.Percent(report.YouthUnionIntroduced.Rate)],
            [T("Reports.Coursed"), report.AwarenessCourseCompleted.Cohort, report.AwarenessCourseCompleted.Admitted, ExportCell.Percent(report.AwarenessCourseCompleted.Rate)],
        ]);
        var board = Board(report);
        var children = new ExportTable(F("Export.ChildrenWithout", N(report.ChildrenWithoutAdmission.Count), N(report.ChildCount)), [T("Alerts.Unit")],
            [.. report.ChildrenWithoutAdmission.Select(c => (IReadOnlyList<ExportCell>)[c.Name])]);
        var carried = new ExportTable(T("Reports.CarryHeading"), header,
        [
            [F("Export.CarriedToYear", (report.Year + 1).ToString(CultureInfo.InvariantCulture)), report.CarriedOver],
            [T("Reports.Recognised"), report.Recognised],
            [T("Reports.Removed"), report.Removed],
        ]);
        return new ExportDocument(F("Export.YearlyTitle", y, report.UnitName), notes, [quota, members, categories, funnel, conversions, board, children, carried]);
    }

    public static ExportDocument Trend(ReportTrend trend)
    {
        var span = $"{trend.From.ToString(CultureInfo.InvariantCulture)}–{trend.To.ToString(CultureInfo.InvariantCulture)}";
        var years = new ExportTable(T("Reports.EachYear"), [T("Common.Year"), T("Reports.BoardMembers"), T("Export.MembersAtYearEnd"), T("Common.Quota"), T("Common.Admitted"), T("Common.Reached"), T("Reports.BoardShare"), T("Reports.CarriedOver"), T("Export.Recognised"), T("Export.RemovedCount")],
            [.. trend.Years.Select(t => (IReadOnlyList<ExportCell>)
            [
                t.Year.ToString(CultureInfo.InvariantCulture) + (t.Frozen ? T("Reports.FrozenMark") : ""), t.MembersAtStart, t.MembersAtEnd, ExportCell.Of(t.Quota), t.Admitted,
                ExportCell.Percent(t.Reached), ExportCell.Percent(t.ShareOfMembers), t.CarriedOver, t.Recognised, t.Removed,
            ])]);
        var totals = new ExportTable(T("Reports.Totals"), [T("Export.Indicator"), T("Export.Value")],
        [
            [T("Export.YearCount"), trend.YearCount],
            [T("Export.DataYearCount"), trend.DataYearCount],
            [T("Export.TotalAdmitted"), trend.TotalAdmitted],
            [T("Reports.PerYear"), ExportCell.Decimal(trend.AdmittedPerYear)],
            [T("Reports.AverageShare"), ExportCell.Percent(trend.AverageShare)],
            [T("Export.MembersAtPeriodStart"), trend.MembersAtStart],
            [T("Export.MembersAtPeriodEnd"), trend.MembersAtEnd],
            [T("Export.Growth"), ExportCell.Percent(trend.MembersGrowth)],
        ]);
        var categories = new ExportTable(T("Reports.TrendCategories"), [T("File.Categories"), T("Categories.Code"), T("Common.Admitted")],
            [.. trend.Categories.Select(c => (IReadOnlyList<ExportCell>)[c.Name, c.Code ?? "", c.Admitted])]);
        var conversions = new ExportTable(F("Export.ConversionsOf", span),
            [T("File.Categories"), T("Categories.Code"), T("Reports.PutForward"), T("Reports.SpanCoursed"), T("Common.Admitted"), T("Reports.OfPutForward"), T("Reports.OfCoursed")],
            [.. trend.Conversions.Select(c => (IReadOnlyList<ExportCell>)
            [
                c.Code is null ? T("Reports.AllCandidates") : c.Name, c.Code ?? "", c.PutForward, c.Coursed, c.Admitted, ExportCell.Percent(c.OfPutForward), ExportCell.Percent(c.OfCoursed),
            ])]);
        var notes = new List<string>
        {
            T("Export.ConversionNote"),
        };
        if (trend.EmptyYears.Count > 0)
        {
            notes.Add(F("Export.EmptyYears", string.Join(", ", trend.EmptyYears.Select(y => y.ToString(CultureInfo.InvariantCulture)))));
        }

        return new ExportDocument(F("Export.TrendTitle", span, trend.UnitName), notes, [years, totals, categories, conversions]);
    }

    public static ExportDocument List(ReportList list)
    {
        var span = list.From == list.To ? F("Export.SpanYear", list.From.ToString(CultureInfo.InvariantCulture))
            : $"{list.From.ToString(CultureInfo.InvariantCulture)}–{list.To.ToString(CultureInfo.InvariantCulture)}";
        var notes = list.OutsideScope > 0 ? [F("Export.OutsidePeople", N(list.OutsideScope))] : new List<string>();
        var rows = list.Rows.Select((r, i) => (IReadOnlyList<ExportCell>)
        [
            i + 1, r.FullName, BornCell(r.DateOfBirth, r.BirthYear), VietnameseNames.Of(r.Sex), CitizenId(r.Shown, r.CitizenId), r.CellName, r.StageLabel, ExportCell.Date(r.StageSince),
        ]).ToList();
        return new ExportDocument($"{list.Label} — {list.UnitName}, {span}", notes,
            [new ExportTable(F("Export.People", N(list.Rows.Count)), [T("Export.Number"), T("Candidates.FullName"), T("Candidates.DateOfBirth"), T("Common.Sex"), T("Common.CitizenId"), T("Candidates.Cell"), T("Candidates.Stage"), T("Candidates.Since")], rows)]);
    }

    /// <summary>The members behind a members figure, with the page's columns.</summary>
    public static ExportDocument MemberList(ReportMemberList list)
    {
        var span = list.From == list.To ? F("Export.SpanYear", list.From.ToString(CultureInfo.InvariantCulture))
            : $"{list.From.ToString(CultureInfo.InvariantCulture)}–{list.To.ToString(CultureInfo.InvariantCulture)}";
        var notes = list.OutsideScope > 0 ? [F("Export.OutsideMembers", N(list.OutsideScope))] : new List<string>();
        var rows = list.Rows.Select((r, i) => (IReadOnlyList<ExportCell>)
        [
            i + 1, r.FullName, BornCell(r.DateOfBirth, r.BirthYear), VietnameseNames.Of(r.Sex), CitizenId(r.Shown, r.CitizenId), r.CellName,
            ExportCell.Date(r.AdmittedOn), ExportCell.Date(r.RecognisedOn), T(r.OfficialOn(list.CountedOn) ? "Reports.Official" : "Reports.Probationary"), ExportCell.Date(r.LeftOn),
        ]).ToList();
        return new ExportDocument($"{list.Label} — {list.UnitName}, {span}", notes,
            [new ExportTable(F("Export.Members", N(list.Rows.Count)), [T("Export.Number"), T("Candidates.FullName"), T("Candidates.DateOfBirth"), T("Common.Sex"), T("Common.CitizenId"), T("Candidates.Cell"), T("Reports.AdmittedOn"), T("Members.RecognisedOnField"), F("Export.OfficialOrProbationaryOn", D(list.CountedOn)), T("Export.LeftOn")], rows)]);
    }

    public static ExportDocument IdleCells(IdleCellsReport idle) => new(
        F("Export.IdleTitle", N(idle.Years), idle.FirstYear.ToString(CultureInfo.InvariantCulture), idle.Year.ToString(CultureInfo.InvariantCulture), idle.UnitName),
        [F("Export.IdleNote", N(idle.Cells.Count), N(idle.CellCount))],
        [new ExportTable(T("Candidates.Cell"), [T("Candidates.Cell"), T("Export.LastAdmissionYear")],
            [.. idle.Cells.Select(c => (IReadOnlyList<ExportCell>)[c.Name, c.LastAdmissionYear is { } last ? new ExportCell(last.ToString(CultureInfo.InvariantCulture), ExportKind.Integer, last) : T("Reports.Never")])])]);

    /// <summary>The columns of the candidate list's exports (CSV and XLSX).</summary>
    public static string[] CandidateHeader() =>
        [T("Export.Number"), T("Candidates.FullName"), T("Candidates.DateOfBirth"), T("Common.Sex"), T("Common.CitizenId"), T("Candidates.Cell"), T("Candidates.Category"), T("Candidates.Stage"), T("Candidates.Since")];

    /// <summary>The candidate list (the /candidates export) as a document.</summary>
    public static ExportDocument Candidates(IReadOnlyList<CandidateExportRow> rows, string title) => new(title, [],
        [new ExportTable(F("Export.Files", N(rows.Count)), CandidateHeader(),
            [.. rows.Select((r, i) => (IReadOnlyList<ExportCell>)
            [
                i + 1, r.FullName, BornCell(r.DateOfBirth, r.BirthYear), VietnameseNames.Of(r.Sex), CitizenId(r.Shown, r.CitizenId), r.CellName, r.Categories, r.StageLabel, ExportCell.Date(r.StageSince),
            ])])]);

    /// <summary>
    /// The board's main table (5.): one row per direct child unit with its members at the start of the year, quota,
    /// admitted, the percentages of quota and members, the 3–4 % guide in persons and admitted per source category
    /// (the categories of section 3), then the total row.
    /// </summary>
    public static ExportTable Board(YearlyReport report)
    {
        var categories = report.Categories;
        string[] header =
        [
            T("Alerts.Unit"), T("Reports.BoardMembers"), T("Common.Quota"), T("Common.Admitted"), T("Reports.QuotaReached"), T("Reports.BoardShare"), T("Reports.BoardGuide"),
            .. categories.Select(c => c.Name),
        ];
        IReadOnlyList<ExportCell> Row(string name, ChildUnitLine line) =>
        [
            name, line.MembersAtStart, ExportCell.Of(line.Quota), line.Admitted, ExportCell.Percent(line.Reached), ExportCell.Percent(line.ShareOfMembers),
            $"{N(line.GuideLow, 1)}–{N(line.GuideHigh, 1)}" + (line.MembersAtStart > 0 ? T(line.MeetsGuide ? "Export.MetSuffix" : "Export.NotMetSuffix") : ""),
            .. categories.Select(c => (ExportCell)line.AdmittedIn(c.CategoryId)),
        ];
        var rows = report.Children.Select(c => Row(c.Name, c)).ToList();
        if (rows.Count > 0)
        {
            rows.Add(Row(T("Reports.BoardTotal"), report.ChildrenTotal));
        }

        return new ExportTable(T("Reports.ChildrenHeading"), header, rows, TotalRow: rows.Count > 0);
    }

    /// <summary>The date of birth as a date when the reader sees it, else the year alone.</summary>
    private static ExportCell BornCell(DateOnly? dateOfBirth, int birthYear) =>
        dateOfBirth is { } date ? ExportCell.Date(date) : new ExportCell(Born(null, birthYear), ExportKind.Integer, birthYear);

    /// <summary>A citizen ID cell: the number, empty when none is recorded, <see cref="HiddenText"/> when the reader may not see it.</summary>
    public static string CitizenId(PersonalFields shown, string? citizenId) =>
        shown.Shows(PersonalFields.CitizenId) ? citizenId ?? "" : HiddenText;
}
