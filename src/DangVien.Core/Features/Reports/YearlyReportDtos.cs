using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Units;

namespace DangVien.Core.Features.Reports;

/// <summary>
/// A cohort and how many of it were admitted: e.g. of the Youth Union members introduced in the year, those admitted
/// in the year.
/// </summary>
public sealed record Conversion(int Cohort, int Admitted)
{
    /// <summary>Admitted ÷ cohort (1.0 = 100 %); null for an empty cohort.</summary>
    public double? Rate => Cohort > 0 ? Admitted / (double)Cohort : null;
}

/// <summary>The admitted of one source category; a candidate in several categories counts in each.</summary>
public sealed record CategoryLine(int CategoryId, string Name, int Admitted, int? Target)
{
    /// <summary>The category's code (<c>source_categories.code</c>), as imports and other systems name it.</summary>
    public string? Code { get; init; }

    public double? Reached => QuotaMath.Reached(Admitted, Target);
}

/// <summary>The admitted of one source category in one unit.</summary>
public sealed record CategoryCount(int CategoryId, int Admitted)
{
    /// <summary>The category's code, as imports and other systems name it.</summary>
    public string? Code { get; init; }

    /// <summary>The category's name.</summary>
    public string? Name { get; init; }
}

/// <summary>
/// One row of the board's main table of the yearly report: a direct child unit of the report's unit in the tree of the
/// year, counted as the report counts its unit (<see cref="YearlyReportService.GetAsync"/>): members at the start of the
/// year in the cells under it, its own quota of the year, the candidates admitted in the year in cells under it, and those
/// admitted by source category (a candidate in several categories counts in each).
/// </summary>
public sealed record ChildUnitLine(int UnitId, string Name, int MembersAtStart, int? Quota, int Admitted, IReadOnlyList<CategoryCount> Categories)
{
    /// <summary>Admitted ÷ quota; null without a quota or with a quota of 0.</summary>
    public double? Reached => QuotaMath.Reached(Admitted, Quota);

    /// <summary>Admitted ÷ members at the start of the year; null without members.</summary>
    public double? ShareOfMembers => QuotaMath.ShareOfMembers(Admitted, MembersAtStart);

    /// <summary>3 % of the members at the start of the year (Nghị quyết 21-NQ/TW).</summary>
    public decimal GuideLow => QuotaMath.Share(MembersAtStart, QuotaMath.GuideLowPercent);

    /// <summary>4 % of the members at the start of the year.</summary>
    public decimal GuideHigh => QuotaMath.Share(MembersAtStart, QuotaMath.GuideHighPercent);

    public bool MeetsGuide => QuotaMath.MeetsGuide(Admitted, MembersAtStart);

    /// <summary>The admitted of one source category (0 when none).</summary>
    public int AdmittedIn(int categoryId) => Categories.FirstOrDefault(c => c.CategoryId == categoryId)?.Admitted ?? 0;

    /// <summary>The total row of the rows: every count summed; the quota is the sum of the quotas set (null when none is).</summary>
    public static ChildUnitLine Total(int unitId, string name, IReadOnlyList<ChildUnitLine> rows) => new(
        unitId,
        name,
        rows.Sum(r => r.MembersAtStart),
        rows.Any(r => r.Quota is not null) ? rows.Sum(r => r.Quota ?? 0) : null,
        rows.Sum(r => r.Admitted),
        [.. rows.SelectMany(r => r.Categories).GroupBy(c => c.CategoryId).Select(g => new CategoryCount(g.Key, g.Sum(c => c.Admitted)) { Code = g.First().Code, Name = g.First().Name }).OrderBy(c => c.CategoryId)]);
}

/// <summary>How many candidates reached one stage in the year (standing history entries of that kind dated in the year).</summary>
public sealed record FunnelStep(StageKind Kind, int Candidates);

/// <summary>
/// The yearly report of a unit's subtree (DOMAIN.md "What the reports must answer"); every figure is counted as
/// documented on <see cref="YearlyReportService.GetAsync"/>.
/// </summary>
public sealed record YearlyReport(
    int UnitId,
    string UnitName,
    OrgUnitKind Kind,
    int Year,
    IReadOnlyList<UnitCrumb> Ancestors,
    AdmissionCountingBasis Basis,
    int MembersAtStart,
    int MembersAtEnd,
    int Admitted,
    int? Quota,
    IReadOnlyList<CategoryLine> Categories,
    IReadOnlyList<FunnelStep> Funnel,
    int Exited,
    Conversion YouthUnionIntroduced,
    Conversion AwarenessCourseCompleted,
    int ChildCount,
    IReadOnlyList<UnitCrumb> ChildrenWithoutAdmission,
    int CarriedOver,
    int Recognised,
    int Removed)
{
    /// <summary>The day the members at the start of the year are counted on: 31/12 of the previous year.</summary>
    public DateOnly StartCountedOn => QuotaMath.MembersCountedOn(Year);

    /// <summary>The day the members at the end of the year are counted on: 31/12 of the year.</summary>
    public DateOnly EndCountedOn => QuotaMath.MembersCountedOn(Year + 1);

    /// <summary>Admitted ÷ quota; null without a quota or with a quota of 0.</summary>
    public double? Reached => QuotaMath.Reached(Admitted, Quota);

    /// <summary>Admitted ÷ members at the start of the year (the 3–4 % of Nghị quyết 21-NQ/TW); null without members.</summary>
    public double? ShareOfMembers => QuotaMath.ShareOfMembers(Admitted, MembersAtStart);

    public decimal GuideLow => QuotaMath.Share(MembersAtStart, QuotaMath.GuideLowPercent);

    public decimal GuideHigh => QuotaMath.Share(MembersAtStart, QuotaMath.GuideHighPercent);

    /// <summary>Whether the admissions reached the low end of the guide (3 % of the members at the start).</summary>
    public bool MeetsGuide => QuotaMath.MeetsGuide(Admitted, MembersAtStart);

    /// <summary>
    /// The board's main table: one row per direct child unit (<see cref="ChildUnitLine"/>); empty for a unit without
    /// children, and in a year frozen before the table was stored.
    /// </summary>
    public IReadOnlyList<ChildUnitLine> Children { get; init; } = [];

    /// <summary>The total row of <see cref="Children"/>: the sums of its rows (quota: of the children's quotas).</summary>
    public ChildUnitLine ChildrenTotal => ChildUnitLine.Total(UnitId, UnitName, Children);

    /// <summary>Members at the end minus members at the start.</summary>
    public int MembersChange => MembersAtEnd - MembersAtStart;

    /// <summary>Per step of <see cref="Funnel"/>, its people ÷ those of the step before (<see cref="Dashboard.FunnelConversion.OfReached"/>).</summary>
    public IReadOnlyList<double?> FunnelConversions => Dashboard.FunnelConversion.OfReached([.. Funnel.Select(s => s.Candidates)]);

    /// <summary>Who froze the year and when, when the report is read from its snapshot; null for live data.</summary>
    public ReportFreeze? Frozen { get; init; }
}

/// <summary>A frozen year: who froze it and when.</summary>
public sealed record ReportFreeze(string FrozenBy, DateTimeOffset FrozenAt);

/// <summary>One year of a multi-year trend.</summary>
public sealed record TrendYear(int Year, int MembersAtStart, int MembersAtEnd, int Admitted, int? Quota, int CarriedOver, int Recognised, int Removed, bool Frozen)
{
    /// <summary>
    /// Whether anything of the year is recorded under the unit: a standing history entry dated in it or a file open at its
    /// end. A year without (before the records begin) is left out of the yearly averages.
    /// </summary>
    public bool HasData { get; init; } = true;

    public double? Reached => QuotaMath.Reached(Admitted, Quota);

    public double? ShareOfMembers => MembersAtStart > 0 ? Admitted / (double)MembersAtStart : null;

    /// <summary>3 % of the members at the start of the year: the low end of the guide (Nghị quyết 21-NQ/TW).</summary>
    public decimal GuideLow => QuotaMath.Share(MembersAtStart, QuotaMath.GuideLowPercent);

    /// <summary>4 % of the members at the start of the year: the high end of the guide.</summary>
    public decimal GuideHigh => QuotaMath.Share(MembersAtStart, QuotaMath.GuideHighPercent);
}

/// <summary>
/// Conversion over a span of years, as provincial reports state it ("từ 2019 đến 2022, 36,7 % quần chúng ưu tú là đoàn
/// viên được giới thiệu, 57,1 % số được cử đi học lớp nhận thức"): of one source category (or all candidates when
/// <see cref="CategoryId"/> is null), the candidates put forward as a source in the span, those who attended the awareness
/// course in the span and those admitted in the span, each counted once; the rates are ratios of these totals.
/// </summary>
public sealed record SpanConversion(int? CategoryId, string? Code, string Name, int PutForward, int Coursed, int Admitted)
{
    /// <summary>Admitted ÷ put forward as a source (1.0 = 100 %); null when nobody was put forward.</summary>
    public double? OfPutForward => PutForward > 0 ? Admitted / (double)PutForward : null;

    /// <summary>Admitted ÷ sent to the awareness course; null when nobody attended it.</summary>
    public double? OfCoursed => Coursed > 0 ? Admitted / (double)Coursed : null;
}

/// <summary>
/// The report of a span of years (a term, ten years): each year's figures, the admitted by source category over the span,
/// the conversion over the span, the totals and the yearly averages (over the years that have data).
/// </summary>
public sealed record ReportTrend(int UnitId, string UnitName, int From, int To, IReadOnlyList<TrendYear> Years, IReadOnlyList<CategoryLine> Categories)
{
    /// <summary>The conversion over the span: all candidates first, then each source category with anyone in it.</summary>
    public IReadOnlyList<SpanConversion> Conversions { get; init; } = [];

    public int YearCount => Years.Count;

    /// <summary>The years with nothing recorded (<see cref="TrendYear.HasData"/>), left out of the averages.</summary>
    public IReadOnlyList<int> EmptyYears => [.. Years.Where(y => !y.HasData).Select(y => y.Year)];

    /// <summary>The years the averages are taken over: those with data.</summary>
    public int DataYearCount => Years.Count(y => y.HasData);

    public int TotalAdmitted => Years.Sum(y => y.Admitted);

    /// <summary>Admitted per year on average: total ÷ the years that have data (0 when none has).</summary>
    public double AdmittedPerYear => DataYearCount > 0 ? TotalAdmitted / (double)DataYearCount : 0;

    /// <summary>
    /// The average yearly share of members admitted: total admitted ÷ the sum of the members at the start of each year that
    /// has data.
    /// </summary>
    public double? AverageShare => Years.Where(y => y.HasData).Sum(y => y.MembersAtStart) is > 0 and var m ? TotalAdmitted / (double)m : null;

    /// <summary>Members at the start of the first year and at the end of the last.</summary>
    public int MembersAtStart => Years.Count > 0 ? Years[0].MembersAtStart : 0;

    public int MembersAtEnd => Years.Count > 0 ? Years[^1].MembersAtEnd : 0;

    /// <summary>Growth of the members over the span (0.5 = +50 %); null without members at the start.</summary>
    public double? MembersGrowth => MembersAtStart > 0 ? (MembersAtEnd - MembersAtStart) / (double)MembersAtStart : null;
}

/// <summary>A cell that admitted nobody in the last N years, with the last year it did (null: never, in the data).</summary>
public sealed record IdleCell(int Id, string Name, int? LastAdmissionYear);

/// <summary>The cells of a unit's subtree that admitted nobody for <see cref="Years"/> years running, up to <see cref="Year"/>.</summary>
public sealed record IdleCellsReport(int UnitId, string UnitName, int Year, int Years, int CellCount, IReadOnlyList<IdleCell> Cells)
{
    public int FirstYear => Year - Years + 1;
}

/// <summary>One candidate behind a figure: date of birth and citizen ID null unless <see cref="Shown"/> holds them (<see cref="PersonalDataPolicy"/>).</summary>
public sealed record ReportListRow(int Id, string FullName, DateOnly? DateOfBirth, int BirthYear, Sex Sex, PersonalFields Shown, string? CitizenId, string CellName, string StageLabel, DateOnly StageSince);

/// <summary>The candidates behind one figure of the report of a unit for a span of years.</summary>
/// <remarks><see cref="Rows"/> holds the page of <see cref="Window"/> (every row when the list was read unpaged).</remarks>
public sealed record ReportList(
    int UnitId, string UnitName, int From, int To, ReportFigure Figure, string Label, IReadOnlyList<ReportListRow> Rows, ListWindow Window, int OutsideScope, bool Frozen);

/// <summary>
/// One member behind a members figure: the member's cell now, the admission and recognition dates, the day they left
/// (after the day counted) when they have; date of birth and citizen ID null unless <see cref="Shown"/> holds them.
/// </summary>
public sealed record ReportMemberRow(
    int Id, string FullName, DateOnly? DateOfBirth, int BirthYear, Sex Sex, PersonalFields Shown, string? CitizenId, string CellName, DateOnly AdmittedOn, DateOnly? RecognisedOn, DateOnly? LeftOn)
{
    /// <summary>Whether the member was an official (not probationary) member on the day: recognised on or before it.</summary>
    public bool OfficialOn(DateOnly day) => RecognisedOn is { } recognised && recognised <= day;
}

/// <summary>The members behind a members figure of the report of a unit (<see cref="ReportFigure.IsMembers"/>), counted on <see cref="CountedOn"/>.</summary>
/// <remarks><see cref="Rows"/> holds the page of <see cref="Window"/> (every row when the list was read unpaged).</remarks>
public sealed record ReportMemberList(
    int UnitId, string UnitName, int From, int To, ReportFigure Figure, DateOnly CountedOn, string Label, IReadOnlyList<ReportMemberRow> Rows, ListWindow Window,
    int OutsideScope, bool Frozen);
