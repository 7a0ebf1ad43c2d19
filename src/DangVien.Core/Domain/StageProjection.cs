namespace DangVien.Core.Domain;

/// <summary>
/// Derives where a candidate stands from the history alone. Superseded entries are ignored (their
/// correction stands in their place); an exit or removal ends the path; otherwise the furthest stage
/// reached counts. <see cref="Candidate.Stage"/> is this value, stored for lists and dashboards and
/// recomputed in the same transaction as every new entry.
/// </summary>
public static class StageProjection
{
    /// <summary>The entries that stand: those not corrected by a later entry.</summary>
    public static IEnumerable<StageEntry> Effective(IEnumerable<StageEntry> history)
    {
        var entries = history as IReadOnlyCollection<StageEntry> ?? history.ToList();
        var superseded = entries.Where(e => e.SupersedesId is not null).Select(e => e.SupersedesId!.Value).ToHashSet();
        return entries.Where(e => !superseded.Contains(e.Id) || e.Id == 0);
    }

    /// <summary>The stage that one entry establishes, or null for entries that do not move the stage.</summary>
    public static CandidateStage? StageOf(StageEntry entry) => entry.Kind switch
    {
        StageKind.Source => CandidateStage.Source,
        StageKind.AwarenessCourse => CandidateStage.AwarenessCourse,
        StageKind.Application => CandidateStage.Application,
        StageKind.HistoryVerification => CandidateStage.HistoryVerified,
        StageKind.Introduction => CandidateStage.Introduced,
        StageKind.Opinion => CandidateStage.Opinions,
        StageKind.CellVote when entry.Vote is { Passed: true } => CandidateStage.CellVoted,
        StageKind.CommitteeResolution => CandidateStage.CommitteeResolved,
        StageKind.AdmissionDecision => CandidateStage.AdmissionDecided,
        StageKind.Ceremony => CandidateStage.Probation,
        StageKind.RecognitionVote when entry.Vote is { Passed: true } => CandidateStage.RecognitionVoted,
        StageKind.RecognitionDecision => CandidateStage.Official,
        StageKind.Removal => CandidateStage.Removed,
        StageKind.Exit => CandidateStage.Exited,
        _ => null,
    };

    public static (CandidateStage Stage, DateOnly Since) Derive(IEnumerable<StageEntry> history)
    {
        var effective = Effective(history).OrderBy(e => e.EffectiveOn).ThenBy(e => e.RecordedAt).ToList();
        var terminal = effective.LastOrDefault(e => e.Kind is StageKind.Exit or StageKind.Removal);
        if (terminal is not null)
        {
            return (StageOf(terminal)!.Value, terminal.EffectiveOn);
        }

        CandidateStage stage = CandidateStage.Source;
        DateOnly since = effective.Count > 0 ? effective[0].EffectiveOn : default;
        foreach (var entry in effective)
        {
            if (StageOf(entry) is { } reached && reached >= stage)
            {
                stage = reached;
                since = entry.EffectiveOn;
            }
        }

        return (stage, since);
    }
}
