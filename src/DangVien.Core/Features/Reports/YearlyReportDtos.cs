using DangVien.Core.Domain;
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
    public double? Reached => QuotaMath.Reached(Admitted, Target);
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
    public double? ShareOfMembers => MembersAtStart > 0 ? Admitted / (double)MembersAtStart : null;

    public decimal GuideLow => QuotaMath.Share(MembersAtStart, QuotaMath.GuideLowPercent);

    public decimal GuideHigh => QuotaMath.Share(MembersAtStart, QuotaMath.GuideHighPercent);

    /// <summary>Whether the admissions reached the low end of the guide (3 % of the members at the start).</summary>
    public bool MeetsGuide => MembersAtStart > 0 && Admitted * 100 >= MembersAtStart * QuotaMath.GuideLowPercent;

    /// <summary>Members at the end minus members at the start.</summary>
    public int MembersChange => MembersAtEnd - MembersAtStart;
}
