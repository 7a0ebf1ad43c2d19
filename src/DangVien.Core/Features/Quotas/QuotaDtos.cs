using DangVien.Core.Domain;
using DangVien.Core.Features.Units;

namespace DangVien.Core.Features.Quotas;

/// <summary>Which date counts an admission in a year (rule parameter <see cref="RuleKeys.AdmissionCountingDate"/>).</summary>
public enum AdmissionCountingBasis
{
    /// <summary>The admission decision's date (the default of DOMAIN.md).</summary>
    DecisionDate = 0,

    /// <summary>The admission ceremony's date.</summary>
    CeremonyDate = 1,
}

/// <summary>A source category offered on the quota form.</summary>
public sealed record QuotaCategory(int Id, string Name);

/// <summary>A unit's quota for one year as stored: the total and the per-category targets (category id → target).</summary>
public sealed record AssignedQuota(
    int Total,
    IReadOnlyDictionary<int, int> Targets,
    uint Version,
    int? AssignedByUnitId,
    string? AssignedBy,
    DateTimeOffset AssignedAt);

/// <summary>One child unit on the quota sheet of its parent.</summary>
public sealed record ChildQuotaLine(
    int UnitId,
    string Code,
    string Name,
    OrgUnitKind Kind,
    int MembersAtStart,
    AssignedQuota? Quota,
    int Admitted,
    bool CanAssign)
{
    /// <summary>3 % of the members at the end of the previous year (Nghị quyết 21-NQ/TW).</summary>
    public decimal GuideLow => QuotaMath.Share(MembersAtStart, QuotaMath.GuideLowPercent);

    /// <summary>4 % of the members at the end of the previous year.</summary>
    public decimal GuideHigh => QuotaMath.Share(MembersAtStart, QuotaMath.GuideHighPercent);

    /// <summary>Admitted ÷ quota (1.0 = 100 %); null without a quota or with a quota of 0.</summary>
    public double? Reached => QuotaMath.Reached(Admitted, Quota?.Total);
}

/// <summary>
/// A unit's quota sheet for a year: its own quota and progress, and for each child unit the base of
/// Nghị quyết 21 (members at the end of the previous year), the 3–4 % guide, the assigned quota and
/// the admissions so far. <see cref="IsTop"/>: the unit has no level above it (the province), so its own quota is
/// set on this sheet, by an administrator only (<see cref="CanAssignOwn"/>).
/// </summary>
public sealed record QuotaSheet(
    int UnitId,
    string UnitName,
    OrgUnitKind Kind,
    int Year,
    IReadOnlyList<UnitCrumb> Ancestors,
    AdmissionCountingBasis Basis,
    int MembersAtStart,
    AssignedQuota? Quota,
    int Admitted,
    IReadOnlyList<QuotaCategory> Categories,
    IReadOnlyList<ChildQuotaLine> Children,
    bool IsTop = false,
    bool CanAssignOwn = false)
{
    /// <summary>The day the members base is counted on: 31/12 of the previous year.</summary>
    public DateOnly MembersCountedOn => QuotaMath.MembersCountedOn(Year);

    public decimal GuideLow => QuotaMath.Share(MembersAtStart, QuotaMath.GuideLowPercent);

    public decimal GuideHigh => QuotaMath.Share(MembersAtStart, QuotaMath.GuideHighPercent);

    public double? Reached => QuotaMath.Reached(Admitted, Quota?.Total);

    /// <summary>The sum of the quotas assigned to the children (those without a quota count 0).</summary>
    public int ChildrenQuotaSum => Children.Sum(c => c.Quota?.Total ?? 0);

    public int ChildrenWithQuota => Children.Count(c => c.Quota is not null);

    /// <summary>The children's quotas add up to more than the unit's own: allowed, shown as a warning.</summary>
    public bool ChildrenExceedQuota => Quota is { } own && ChildrenQuotaSum > own.Total;

    /// <summary>Whether the user may assign the quota of at least one child.</summary>
    public bool CanAssign => Children.Any(c => c.CanAssign);
}

/// <summary>A unit's quota of one year with what was achieved.</summary>
public sealed record QuotaYear(int Year, int Total, int Admitted, string? AssignedBy, DateTimeOffset AssignedAt)
{
    public double? Reached => QuotaMath.Reached(Admitted, Total);
}

/// <summary>A unit's quotas, newest year first.</summary>
public sealed record QuotaHistory(int UnitId, AdmissionCountingBasis Basis, IReadOnlyList<QuotaYear> Years);

/// <summary>The arithmetic of quotas, in one place.</summary>
public static class QuotaMath
{
    public const int GuideLowPercent = 3;
    public const int GuideHighPercent = 4;

    /// <summary>
    /// The members base of a year (Nghị quyết 21-NQ/TW: "tổng số đảng viên" at the end of the previous year) is
    /// counted on 31/12 of the previous year, with the convention of <see cref="Member.IsMemberOn"/>: admitted on
    /// or before that day and not left on or before it (a member who left on 31/12 is no longer counted).
    /// </summary>
    public static DateOnly MembersCountedOn(int year) => new(year - 1, 12, 31);

    public static decimal Share(int members, int percent) => members * percent / 100m;

    public static double? Reached(int admitted, int? quota) => quota is > 0 ? admitted / (double)quota.Value : null;

    /// <summary>Admitted ÷ members at the start of the year (the 3–4 % of Nghị quyết 21-NQ/TW); null without members.</summary>
    public static double? ShareOfMembers(int admitted, int membersAtStart) => membersAtStart > 0 ? admitted / (double)membersAtStart : null;

    /// <summary>Whether the admissions reached the low end of the guide (3 % of the members at the start of the year).</summary>
    public static bool MeetsGuide(int admitted, int membersAtStart) => membersAtStart > 0 && admitted * 100 >= membersAtStart * GuideLowPercent;

    public static AdmissionCountingBasis BasisOf(int parameterValue) =>
        parameterValue == (int)AdmissionCountingBasis.CeremonyDate ? AdmissionCountingBasis.CeremonyDate : AdmissionCountingBasis.DecisionDate;

    /// <summary>The history entry whose date counts an admission.</summary>
    public static StageKind CountedKind(AdmissionCountingBasis basis) =>
        basis == AdmissionCountingBasis.CeremonyDate ? StageKind.Ceremony : StageKind.AdmissionDecision;
}
