using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// A read-only view of one candidate's history: the entries that stand (corrections in place of
/// what they correct), in the order things happened, and the facts the rules ask about. Pure: it
/// never touches the database, so the rules, the read model and the alerts share it.
/// </summary>
public sealed class CandidateHistory
{
    public CandidateHistory(IEnumerable<StageEntry> entries)
    {
        All = [.. entries.OrderBy(ActDate).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id)];
        Effective = [.. StageProjection.Effective(All).OrderBy(ActDate).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id)];
    }

    /// <summary>Every entry, superseded ones included.</summary>
    public IReadOnlyList<StageEntry> All { get; }

    /// <summary>The entries that stand, in the order they happened.</summary>
    public IReadOnlyList<StageEntry> Effective { get; }

    /// <summary>When the act happened: the document's date (a recognition decision takes effect earlier than it is signed).</summary>
    public static DateOnly ActDate(StageEntry entry) => entry.DocumentDate ?? entry.EffectiveOn;

    /// <summary>The history as it stood at the end of <paramref name="day"/>.</summary>
    public CandidateHistory AsOf(DateOnly day) => new(All.Where(e => ActDate(e) <= day));

    /// <summary>The history with one more entry (not yet saved).</summary>
    public CandidateHistory With(StageEntry entry) => new([.. All, entry]);

    public (CandidateStage Stage, DateOnly Since) Stage => StageProjection.Derive(All);

    public bool IsEmpty => Effective.Count == 0;

    public StageEntry? First(StageKind kind) => Effective.FirstOrDefault(e => e.Kind == kind);

    public StageEntry? Last(StageKind kind) => Effective.LastOrDefault(e => e.Kind == kind);

    public IEnumerable<StageEntry> OfKind(StageKind kind) => Effective.Where(e => e.Kind == kind);

    public bool Has(StageKind kind) => Effective.Any(e => e.Kind == kind);

    public StageEntry? Source => First(StageKind.Source);

    /// <summary>The latest awareness-course certificate dated on or before <paramref name="day"/>.</summary>
    public StageEntry? CertificateOn(DateOnly day) => Effective.LastOrDefault(e => e.Kind == StageKind.AwarenessCourse && ActDate(e) <= day);

    public StageEntry? LatestCertificate => Last(StageKind.AwarenessCourse);

    public StageEntry? Application => First(StageKind.Application);

    public StageEntry? HistoryVerification => First(StageKind.HistoryVerification);

    public StageEntry? Introduction => First(StageKind.Introduction);

    /// <summary>
    /// When the dossier was compiled for the 12-month renewal rule: the introduction, or the latest
    /// renewal of it.
    /// </summary>
    public DateOnly? DossierDate
    {
        get
        {
            var dates = Effective.Where(e => e.Kind is StageKind.Introduction or StageKind.IntroductionRenewal).Select(ActDate).ToList();
            return dates.Count == 0 ? null : dates.Max();
        }
    }

    public bool HasOpinion => Has(StageKind.Opinion);

    public bool HasException(EligibilityExceptionKind kind) =>
        Effective.Any(e => e.Kind == StageKind.EligibilityException && e.ExceptionKind == kind);

    /// <summary>Whether the consent for <paramref name="kind"/> was given on or before <paramref name="day"/>.</summary>
    public bool HasExceptionOn(EligibilityExceptionKind kind, DateOnly day) =>
        Effective.Any(e => e.Kind == StageKind.EligibilityException && e.ExceptionKind == kind && ActDate(e) <= day);

    /// <summary>The cell's admission vote that passed (6-KNĐ), if any.</summary>
    public StageEntry? PassedCellVote => Effective.LastOrDefault(e => e.Kind == StageKind.CellVote && e.Vote is { Passed: true });

    public StageEntry? CommitteeResolution => First(StageKind.CommitteeResolution);

    public StageEntry? ReadmissionConsent => First(StageKind.ReadmissionConsent);

    public StageEntry? AdmissionDecision => First(StageKind.AdmissionDecision);

    public StageEntry? LateCeremonyConsent => First(StageKind.LateCeremonyConsent);

    public StageEntry? Ceremony => First(StageKind.Ceremony);

    public StageEntry? NewMemberCourse => First(StageKind.NewMemberCourse);

    public StageEntry? PassedRecognitionVote => Effective.LastOrDefault(e => e.Kind == StageKind.RecognitionVote && e.Vote is { Passed: true });

    public int FailedRecognitionVotes => Effective.Count(e => e.Kind == StageKind.RecognitionVote && e.Vote is { Passed: false });

    public StageEntry? LastRecognitionVote => Last(StageKind.RecognitionVote);

    public StageEntry? Referral => First(StageKind.ReferredToSuperior);

    public StageEntry? RecognitionDecision => First(StageKind.RecognitionDecision);

    public StageEntry? Removal => First(StageKind.Removal);

    public StageEntry? Exit => First(StageKind.Exit);

    /// <summary>The extension of the admission decision's deadline: one recorded before the ceremony.</summary>
    public StageEntry? AdmissionDecisionExtension =>
        Effective.FirstOrDefault(e => e.Kind == StageKind.DecisionExtension && (Ceremony is null || ActDate(e) < ActDate(Ceremony)));

    /// <summary>The extension of the recognition decision's deadline: one recorded after the ceremony.</summary>
    public StageEntry? RecognitionDecisionExtension =>
        Ceremony is null ? null : Effective.FirstOrDefault(e => e.Kind == StageKind.DecisionExtension && ActDate(e) >= ActDate(Ceremony));

    /// <summary>The introducers who stand now: those of the introduction, with replacements applied in order.</summary>
    public IReadOnlyList<Introducer> CurrentIntroducers
    {
        get
        {
            var current = new List<Introducer>();
            foreach (var entry in Effective.Where(e => e.Kind is StageKind.Introduction or StageKind.IntroducerReplacement))
            {
                foreach (var introducer in entry.Introducers)
                {
                    if (introducer.ReplacesMemberId is { } replaced)
                    {
                        current.RemoveAll(i => i.MemberId == replaced);
                    }

                    current.Add(introducer);
                }
            }

            return current;
        }
    }

    /// <summary>The latest effective entry's date: a new exit or transfer cannot be dated before it.</summary>
    public DateOnly? LatestDate => Effective.Count == 0 ? null : Effective.Max(ActDate);

    /// <summary>The cell the candidate belonged to on a day, from the source entry and the transfers.</summary>
    public int? CellOn(DateOnly day)
    {
        int? cell = Source?.UnitId;
        foreach (var transfer in OfKind(StageKind.Transfer).Where(t => ActDate(t) <= day))
        {
            cell = transfer.UnitId;
        }

        return cell;
    }
}
