using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Dashboard;

/// <summary>
/// The landing page's figures for one unit and year, composed from the services that own them: the quota,
/// admissions and members base from <see cref="QuotaService.GetQuotaProgressAsync"/> (so the dashboard counts exactly as the quota
/// sheet does), the deadlines from <see cref="AlertService"/>, the starting point from
/// <see cref="OrgUnitService"/>; the stage funnel of the subtree (and each child's candidates in progress)
/// is one grouped query of its own.
/// </summary>
/// <remarks>
/// The quota figures are those of the chosen year; the funnel and the deadlines are today's, whatever the year.
/// With a <see cref="DashboardCache"/> (the app has one), a dashboard computed earlier is served while the change
/// stamp of its subtree is unchanged: no write under the unit since, same day, same grants.
/// </remarks>
public sealed class DashboardService(
    DangVienDbContext db,
    CurrentAccess access,
    OrgUnitService units,
    QuotaService quotas,
    AlertService alerts,
    TimeProvider time,
    DashboardCache? cache = null,
    ChangeNotices? notices = null)
{
    /// <summary>Deadlines falling due within this many days are shown (and every overdue one).</summary>
    public const int AlertHorizonDays = 30;

    /// <summary>At most this many deadlines are listed; the counts cover them all.</summary>
    public const int AlertsShown = 20;

    /// <summary>The funnel's stages, in pipeline order: in progress before the admission, then the probationary members.</summary>
    public static readonly IReadOnlyList<CandidateStage> FunnelStages =
        [.. Enum.GetValues<CandidateStage>().Where(s => s.IsInProgress()).Order()];

    /// <summary>
    /// The dashboard of the asked unit, or of the user's first starting point when none is asked; null when the
    /// unit does not exist or the user may not read it, or when the user has no starting point at all.
    /// </summary>
    public async Task<DashboardView?> GetAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        var today = time.Today();
        if (cache is null)
        {
            return await ComputeAsync(query, today, cancellationToken);
        }

        // The generation, then the stamp, are read before the dashboard is computed: a write committing meanwhile
        // leaves a newer stamp and a newer generation, so the next request reads again rather than keep a dashboard
        // that may have missed it. While nothing has changed since a kept dashboard was confirmed, no query at all.
        var changes = notices ?? ChangeNotices.Off;
        var generation = changes.Generation;
        var scope = await access.GetScopeAsync(cancellationToken);
        var key = DashboardCache.KeyOf(scope, query, today);
        if (changes.IsListening && cache.TryGetConfirmed(key, generation, out var confirmed))
        {
            return confirmed;
        }

        IReadOnlyCollection<int>? roots = query.UnitId is { } asked ? [asked]
            : scope.SeesEverything ? null
            : [.. scope.Grants.Select(g => g.UnitId)];
        var stamp = await ChangeStamps.ReadAsync(db, roots, cancellationToken);
        if (cache.TryGet(key, stamp, generation, out var kept))
        {
            return kept;
        }

        var view = await ComputeAsync(query, today, cancellationToken);
        if (view is not null)
        {
            cache.Set(key, stamp, generation, view);
        }

        return view;
    }

    private async Task<DashboardView?> ComputeAsync(DashboardQuery query, DateOnly today, CancellationToken cancellationToken)
    {
        var startingPoints = await units.GetStartingPointsAsync(cancellationToken);
        var unitId = query.UnitId ?? (startingPoints.Count > 0 ? startingPoints[0].Id : null);

        // The quota sheet is null when the unit does not exist or the user may not read it: the access check.
        if (unitId is not { } id || await quotas.GetQuotaProgressAsync(id, query.Year, cancellationToken) is not { } sheet)
        {
            return null;
        }

        var (funnel, inProgressByChild) = await FunnelAsync(id, sheet.Children.Count > 0, cancellationToken);
        var children = sheet.Children
            .Select(c => new DashboardChild(c.UnitId, c.Name, c.Kind, c.MembersAtStart, c.Quota?.Total, c.Admitted, inProgressByChild.GetValueOrDefault(c.UnitId)))
            .ToList();

        var horizon = today.AddDays(AlertHorizonDays);
        var due = (await alerts.GetAlertsAsync(id, today, cancellationToken))
            .Where(a => a.Urgency == AlertUrgency.Overdue || a.DueOn <= horizon)
            .ToList();
        var dashboardAlerts = new DashboardAlerts(
            [.. due.Take(AlertsShown)],
            due.Count(a => a.Urgency == AlertUrgency.Overdue),
            due.Count(a => a.Urgency != AlertUrgency.Overdue));

        return new DashboardView(
            id,
            sheet.UnitName,
            sheet.Kind,
            query.Year,
            today,
            sheet.Ancestors,
            startingPoints,
            sheet.Basis,
            sheet.MembersAtStart,
            sheet.Quota?.Total,
            sheet.Admitted,
            funnel,
            dashboardAlerts,
            Sorted(children, query.Sort, query.Descending),
            query.Sort,
            query.Descending)
        {
            Outlook = sheet.Kind.IsCell() && query.Year == today.Year
                ? await OutlookAsync(id, sheet.Basis, sheet.Quota?.Total, sheet.Admitted, today, cancellationToken)
                : null,
        };
    }

    /// <summary>
    /// The cell's year ahead (<see cref="CellOutlook"/>). A file counts as admittable this year when it is open and not yet
    /// counted as admitted (by <paramref name="basis"/>) and either passed the cell vote already, or the age rule
    /// (<see cref="AdmissionRules.AgeAt"/>) allows a vote on some day from today to 31 December: 18 by then, and not
    /// yet past 60 today unless the over-60 consent is recorded.
    /// </summary>
    private async Task<CellOutlook> OutlookAsync(
        int cellId, AdmissionCountingBasis basis, int? quota, int admitted, DateOnly today, CancellationToken cancellationToken)
    {
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var countedFrom = basis == AdmissionCountingBasis.CeremonyDate ? CandidateStage.Probation : CandidateStage.AdmissionDecided;
        var open = await db.Candidates.AsNoTracking()
            .Where(c => c.CellId == cellId && c.Stage < countedFrom)
            .Select(c => new { c.Id, c.DateOfBirth, c.Stage })
            .ToListAsync(cancellationToken);

        var voted = open.Where(c => c.Stage >= CandidateStage.CellVoted).ToList();
        var notVoted = open.Where(c => c.Stage < CandidateStage.CellVoted && AdmissionRules.EighteenFrom(c.DateOfBirth) <= yearEnd).ToList();
        var pastSixty = notVoted.Where(c => AdmissionRules.PastSixtyFrom(c.DateOfBirth) <= today).Select(c => c.Id).ToList();
        var withConsent = 0;
        if (pastSixty.Count > 0)
        {
            var entries = await db.StageEntries.AsNoTracking()
                .Where(e => pastSixty.Contains(e.CandidateId))
                .ToListAsync(cancellationToken);
            withConsent = entries.GroupBy(e => e.CandidateId)
                .Count(g => new CandidateHistory(g).HasExceptionOn(EligibilityExceptionKind.OverSixty, yearEnd));
        }

        var admittable = voted.Count + notVoted.Count - pastSixty.Count + withConsent;
        var needed = quota is { } total ? Math.Max(0, total - admitted) : (int?)null;
        return new CellOutlook(yearEnd.DayNumber - today.DayNumber, needed, admittable);
    }

    /// <summary>
    /// Orders the children; <paramref name="children"/> come in Vietnamese name order (the database's collation),
    /// which breaks every tie. Units without a quota (or without a percentage) stay last in both directions.
    /// </summary>
    public static IReadOnlyList<DashboardChild> Sorted(IReadOnlyList<DashboardChild> children, DashboardSort sort, bool descending)
    {
        if (sort == DashboardSort.Name)
        {
            return descending ? [.. children.Reverse()] : children;
        }

        Func<DashboardChild, double?> key = sort switch
        {
            DashboardSort.Quota => c => c.Quota,
            DashboardSort.Admitted => c => c.Admitted,
            _ => c => c.Reached,
        };
        var withKey = children.Where(c => key(c) is not null);
        var ordered = descending ? withKey.OrderByDescending(key) : withKey.OrderBy(key);
        return [.. ordered, .. children.Where(c => key(c) is null)];
    }

    /// <summary>
    /// One grouped query (the unit's path is read inside it): the candidates of the subtree still in the pipeline
    /// by stage and, for a committee, by the child unit whose subtree holds their cell (the label of the cell's
    /// path just below the unit).
    /// </summary>
    private async Task<(IReadOnlyList<FunnelStep> Funnel, Dictionary<int, int> InProgressByChild)> FunnelAsync(
        int unitId, bool byChild, CancellationToken cancellationToken)
    {
        var candidates =
            from unit in db.OrgUnits.AsNoTracking()
            where unit.Id == unitId
            from cell in db.OrgUnits
            where cell.Path.IsDescendantOf(unit.Path)
            join c in db.Candidates on cell.Id equals c.CellId
            where c.Stage < CandidateStage.Official
            select new
            {
                c.Stage,
                Branch = byChild && cell.Path.NLevel > unit.Path.NLevel ? cell.Path.Subpath(unit.Path.NLevel, 1) : (LTree?)null,
            };
        var rows = await candidates
            .GroupBy(c => new { c.Stage, c.Branch })
            .Select(g => new { g.Key.Stage, g.Key.Branch, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var funnel = FunnelStages
            .Select(stage => new FunnelStep(stage, rows.Where(r => r.Stage == stage).Sum(r => r.Count)))
            .ToList();
        var inProgressByChild = rows
            .Where(r => r.Branch is not null && r.Stage < CandidateStage.Probation)
            .GroupBy(r => int.Parse((string)r.Branch!.Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return (funnel, inProgressByChild);
    }
}
