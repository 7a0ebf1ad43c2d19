using DangVien.Core.Domain;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Units;

namespace DangVien.Core.Features.Dashboard;

/// <summary>How the child units of a committee's dashboard are ordered.</summary>
public enum DashboardSort
{
    /// <summary>By name, in Vietnamese order.</summary>
    Name = 0,

    /// <summary>By this year's quota (units without one last).</summary>
    Quota = 1,

    /// <summary>By admissions so far this year.</summary>
    Admitted = 2,

    /// <summary>By the percentage of the quota reached (units without a quota last).</summary>
    Reached = 3,
}

/// <summary>What the dashboard is asked for: a unit (null: the user's first starting point), a year, and the order of the children.</summary>
public sealed record DashboardQuery(int? UnitId, int Year, DashboardSort Sort = DashboardSort.Name, bool Descending = false);

/// <summary>One bar of the stage funnel: the candidates of the subtree standing at a stage now.</summary>
public sealed record FunnelStep(CandidateStage Stage, int Count)
{
    /// <summary>Admitted already: a probationary member (before or after the recognition vote).</summary>
    public bool IsProbationary => Stage >= CandidateStage.Probation;
}

/// <summary>The deadlines of the subtree that are overdue or due within <see cref="DashboardService.AlertHorizonDays"/> days.</summary>
/// <param name="Shown">The first of them (overdue first, then by due date), at most <see cref="DashboardService.AlertsShown"/>.</param>
/// <param name="Overdue">How many are overdue in all.</param>
/// <param name="DueSoon">How many fall due within the horizon in all.</param>
public sealed record DashboardAlerts(IReadOnlyList<Alert> Shown, int Overdue, int DueSoon)
{
    public int Total => Overdue + DueSoon;

    /// <summary>Some were left out of <see cref="Shown"/>.</summary>
    public bool IsTruncated => Shown.Count < Total;
}

/// <summary>A child unit's line in a committee's dashboard.</summary>
/// <param name="InProgress">Candidates of its subtree not yet admitted (before the ceremony), as the tree counts them.</param>
public sealed record DashboardChild(
    int UnitId,
    string Name,
    OrgUnitKind Kind,
    int MembersAtStart,
    int? Quota,
    int Admitted,
    int InProgress)
{
    public decimal GuideLow => QuotaMath.Share(MembersAtStart, QuotaMath.GuideLowPercent);

    public decimal GuideHigh => QuotaMath.Share(MembersAtStart, QuotaMath.GuideHighPercent);

    /// <summary>Admitted ÷ quota (1.0 = 100 %); null without a quota or with a quota of 0.</summary>
    public double? Reached => QuotaMath.Reached(Admitted, Quota);

    /// <summary>No admission counted in the year yet: highlighted on the dashboard.</summary>
    public bool NoAdmission => Admitted == 0;
}

/// <summary>
/// A unit's dashboard for a year: the quota, admissions and the 3–4 % guide (as <see cref="QuotaService"/>
/// counts them), the stage funnel of its subtree today, the deadlines of the coming days, and for a committee
/// the same figures per child unit.
/// </summary>
public sealed record DashboardView(
    int UnitId,
    string UnitName,
    OrgUnitKind Kind,
    int Year,
    DateOnly AsOf,
    IReadOnlyList<UnitCrumb> Ancestors,
    IReadOnlyList<UnitCrumb> StartingPoints,
    AdmissionCountingBasis Basis,
    int MembersAtStart,
    int? Quota,
    int Admitted,
    IReadOnlyList<FunnelStep> Funnel,
    DashboardAlerts Alerts,
    IReadOnlyList<DashboardChild> Children,
    DashboardSort Sort,
    bool Descending)
{
    /// <summary>The day the members base is counted on: 31/12 of the previous year.</summary>
    public DateOnly MembersCountedOn => QuotaMath.MembersCountedOn(Year);

    public decimal GuideLow => QuotaMath.Share(MembersAtStart, QuotaMath.GuideLowPercent);

    public decimal GuideHigh => QuotaMath.Share(MembersAtStart, QuotaMath.GuideHighPercent);

    public double? Reached => QuotaMath.Reached(Admitted, Quota);

    /// <summary>Candidates not yet admitted (the funnel's stages before the probation).</summary>
    public int InProgress => Funnel.Where(s => !s.IsProbationary).Sum(s => s.Count);

    /// <summary>Probationary members still in the pipeline (the funnel's last stages).</summary>
    public int Probationary => Funnel.Where(s => s.IsProbationary).Sum(s => s.Count);

    /// <summary>Per funnel stage, the share of those who reached the stage before that reached it (<see cref="FunnelConversion.OfStanding"/>).</summary>
    public IReadOnlyList<double?> FunnelConversions => FunnelConversion.OfStanding([.. Funnel.Select(s => s.Count)]);

    /// <summary>A cell's year ahead, on its dashboard of the current year; null for a committee or another year.</summary>
    public CellOutlook? Outlook { get; init; }

    /// <summary>A committee: the dashboard has a table of child units.</summary>
    public bool HasChildren => Children.Count > 0;

    public int ChildrenWithoutAdmission => Children.Count(c => c.NoAdmission);
}

/// <summary>
/// What a cell secretary comes to the dashboard for: the days left in the year, the admissions still needed to reach the
/// cell's quota, and the open files that can still be admitted this year.
/// </summary>
/// <param name="DaysLeft">Days from today to 31 December, today not counted.</param>
/// <param name="Needed">The quota minus the admissions counted so far (never below 0); null without a quota.</param>
/// <param name="Admittable">
/// Open files not yet counted as admitted whose candidate the age rule lets the cell vote on some day from today to
/// 31 December (or who passed the cell vote already): see <see cref="DashboardService"/>.
/// </param>
public sealed record CellOutlook(int DaysLeft, int? Needed, int Admittable);
