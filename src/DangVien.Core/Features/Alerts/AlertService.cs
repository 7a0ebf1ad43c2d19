using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Alerts;

/// <summary>
/// Deadlines that need attention in a unit's subtree on any day, computed from the history alone
/// (what had happened by the end of that day). Two narrow queries (the candidates still open on the
/// day, then only the entry columns the deadlines read) so that it holds for a whole province.
/// </summary>
/// <remarks>With an <see cref="AlertCache"/> (the app has one), a subtree's alerts of a day are computed once per change under it.</remarks>
public sealed class AlertService(
    DangVienDbContext db, CalendarService calendarService, RuleParameterReader parameterReader, CurrentAccess access, AlertCache? cache = null)
{
    /// <summary>The kinds of entry the deadlines read; the others (opinions, transfers…) are not loaded.</summary>
    private static readonly StageKind[] DeadlineKinds =
    [
        StageKind.AwarenessCourse, StageKind.Introduction, StageKind.IntroductionRenewal, StageKind.CellVote, StageKind.AdmissionDecision,
        StageKind.DecisionExtension, StageKind.LateCeremonyConsent, StageKind.Ceremony, StageKind.NewMemberCourse, StageKind.RecognitionVote,
        StageKind.RecognitionDecision, StageKind.ReferredToSuperior, StageKind.Removal, StageKind.Exit,
    ];

    /// <summary>The alerts of the unit's subtree as of a day: overdue first, then by due date.</summary>
    public async Task<IReadOnlyList<Alert>> GetAlertsAsync(int unitId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(unitId, cancellationToken) is not { } root)
        {
            return [];
        }

        if (cache is null)
        {
            return await ComputeAsync(root.Path, asOf, cancellationToken);
        }

        // The stamp is read before the alerts are computed: a write committing meanwhile leaves a newer stamp.
        var stamp = await ChangeStamps.ReadAsync(db, [root.Id], cancellationToken);
        if (cache.TryGet(root.Id, asOf, stamp, out var kept))
        {
            return kept;
        }

        var alerts = await ComputeAsync(root.Path, asOf, cancellationToken);
        cache.Set(root.Id, asOf, stamp, alerts);
        return alerts;
    }

    private async Task<IReadOnlyList<Alert>> ComputeAsync(LTree rootPath, DateOnly asOf, CancellationToken cancellationToken)
    {
        // Files that may have been open on the day: in progress now, or closed (official, removed, stopped) within
        // the year before it with some entry dated after the day (a recognition takes effect before its decision is
        // signed, so StageSince of an official member can precede the day the file really closed). The stage is
        // derived from the whole history, so a closed file whose entries all date from the day or before was closed
        // on the day and has no deadline: for today's alerts that leaves out every closed file.
        var endedSince = asOf.AddYears(-1);
        var open =
            from c in db.Candidates.AsNoTracking()
            join u in db.OrgUnits on c.CellId equals u.Id
            where u.Path.IsDescendantOf(rootPath)
                && (c.Stage < CandidateStage.Official
                    || (c.StageSince >= endedSince && db.StageEntries.Any(e => e.CandidateId == c.Id && (e.DocumentDate ?? e.EffectiveOn) > asOf)))
            select new { c.Id, c.FullName, c.CellId, CellName = u.Name, CellPath = u.Path };
        var candidates = await open.ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        // Their entries by id (an array parameter, read from the covering index on candidate_id) rather than
        // joining the subtree query again.
        var ids = candidates.Select(c => c.Id).ToArray();
        var entries = await (
                from e in db.StageEntries.AsNoTracking()
                where ids.Contains(e.CandidateId) && DeadlineKinds.Contains(e.Kind) && (e.DocumentDate ?? e.EffectiveOn) <= asOf
                select new
                {
                    e.Id,
                    e.CandidateId,
                    e.Kind,
                    e.EffectiveOn,
                    e.DocumentDate,
                    e.ReceivedOn,
                    e.SupersedesId,
                    e.RecordedAt,
                    Passed = e.Vote == null ? (bool?)null : e.Vote.Passed,
                })
            .ToListAsync(cancellationToken);
        var byCandidate = entries.ToLookup(e => e.CandidateId, e => new StageEntry
        {
            Id = e.Id,
            CandidateId = e.CandidateId,
            Kind = e.Kind,
            EffectiveOn = e.EffectiveOn,
            DocumentDate = e.DocumentDate,
            ReceivedOn = e.ReceivedOn,
            SupersedesId = e.SupersedesId,
            RecordedAt = e.RecordedAt,
            RecordedBy = "",
            Vote = e.Passed is { } passed ? new CellVote { Passed = passed } : null,
        });

        var calendar = await calendarService.GetWorkingDayCalendarAsync(cancellationToken);
        var parametersFor = await parameterReader.GetAdmissionParameterResolverAsync(cancellationToken);
        var alerts = new List<Alert>();
        foreach (var candidate in candidates)
        {
            var history = new CandidateHistory(byCandidate[candidate.Id]);
            foreach (var alert in AlertRules.For(history, asOf, parametersFor(candidate.CellPath), calendar))
            {
                alerts.Add(new Alert(candidate.Id, candidate.FullName, candidate.CellId, candidate.CellName, alert.Kind, alert.DueOn, alert.Urgency, alert.Rule));
            }
        }

        return [.. alerts.OrderByDescending(a => a.Urgency).ThenBy(a => a.DueOn).ThenBy(a => a.CandidateName, StringComparer.Create(Common.VietnamTime.Culture, ignoreCase: false))];
    }
}
