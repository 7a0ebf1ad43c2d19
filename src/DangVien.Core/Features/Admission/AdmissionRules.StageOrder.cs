using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

// Order of stages: which action the file allows now, and which dates a new entry cannot precede.
public static partial class AdmissionRules
{
    /// <summary>
    /// The stages of a file's path to official membership, in order: every stage a candidate stands at on the way, the
    /// committee's resolution only for a cell under a grassroots committee (the others have no such step).
    /// </summary>
    public static IReadOnlyList<CandidateStage> PathStages(bool needsCommitteeResolution) =>
        [.. Enum.GetValues<CandidateStage>()
            .Where(s => s <= CandidateStage.Official && (needsCommitteeResolution || s != CandidateStage.CommitteeResolved))
            .Order()];

    /// <summary>
    /// Whether the action may be taken now, given where the file stands. Null when allowed; else a
    /// form-level refusal that says which step is missing.
    /// </summary>
    public static FieldError? CheckAllowed(AdmissionAction action, CandidateFacts candidate)
    {
        var missing = WhyNot(action, candidate);
        return missing is null ? null : new FieldError("", CoreText.Format("Order.NotYet", AdmissionLabels.Of(action), missing));
    }

    private static string? WhyNot(AdmissionAction action, CandidateFacts c)
    {
        var h = c.History;
        if (h.Exit is { } exit && action != AdmissionAction.CorrectEntry)
        {
            return CoreText.Format("Order.Exited", D(exit.EffectiveOn));
        }

        if (h.Removal is { } removal && action != AdmissionAction.CorrectEntry)
        {
            return CoreText.Format("Order.Removed", D(removal.EffectiveOn));
        }

        if (h.RecognitionDecision is not null && action != AdmissionAction.CorrectEntry)
        {
            return CoreText.Get("Order.Official");
        }

        var voted = h.PassedCellVote is { } v ? CoreText.Format("Order.Voted", D(v.EffectiveOn)) : null;
        static string NoCertificate() => CoreText.Get("Order.NoCertificate");
        static string NoApplication() => CoreText.Get("Order.NoApplication");
        static string NoVerification() => CoreText.Get("Order.NoVerification");
        static string NoIntroduction() => CoreText.Get("Order.NoIntroduction");
        static string NoCellVote() => CoreText.Get("Order.NoCellVote");
        static string NoDecision() => CoreText.Get("Order.NoDecision");
        static string NoCeremony() => CoreText.Get("Order.NoCeremony");
        static string Correct() => CoreText.Get("Order.Correct");

        return action switch
        {
            AdmissionAction.RecordAwarenessCourse => voted,
            AdmissionAction.RecordApplication =>
                h.LatestCertificate is null ? NoCertificate()
                : h.Application is { } a ? CoreText.Format("Order.HasApplication", D(a.EffectiveOn), Correct())
                : null,
            AdmissionAction.RecordHistoryVerification =>
                h.Application is null ? NoApplication()
                : h.HistoryVerification is { } hv ? CoreText.Format("Order.HasVerification", D(hv.EffectiveOn), Correct())
                : null,
            AdmissionAction.RecordIntroduction =>
                h.HistoryVerification is null ? NoVerification()
                : h.Introduction is { } i ? CoreText.Format("Order.HasIntroduction", D(i.EffectiveOn))
                : null,
            AdmissionAction.ReplaceIntroducer or AdmissionAction.RenewIntroduction or AdmissionAction.RecordOpinion =>
                h.Introduction is null ? NoIntroduction() : voted,
            AdmissionAction.RecordEligibilityException => voted,
            AdmissionAction.RecordCellVote =>
                h.LatestCertificate is null ? NoCertificate()
                : h.Application is null ? NoApplication()
                : h.HistoryVerification is null ? NoVerification()
                : h.Introduction is null ? NoIntroduction()
                : !h.HasOpinion ? CoreText.Get("Order.NoOpinion")
                : voted,
            AdmissionAction.RecordCommitteeResolution =>
                !c.Cell.NeedsCommitteeResolution ? CoreText.Format("Order.NoCommitteeNeeded", c.Cell.Name)
                : h.PassedCellVote is null ? NoCellVote()
                : h.CommitteeResolution is { } cr ? CoreText.Format("Order.HasCommitteeResolution", D(cr.EffectiveOn), Correct())
                : null,
            AdmissionAction.RecordReadmissionConsent =>
                !c.IsReadmission ? CoreText.Get("Order.NotReadmission")
                : h.ReadmissionConsent is { } rc ? CoreText.Format("Order.HasConsent", D(rc.EffectiveOn), Correct())
                : h.AdmissionDecision is not null ? CoreText.Get("Order.HasDecision")
                : null,
            AdmissionAction.ExtendDecision => WhyNotExtend(h),
            AdmissionAction.RecordAdmissionDecision =>
                h.PassedCellVote is null ? NoCellVote()
                : c.Cell.NeedsCommitteeResolution && h.CommitteeResolution is null ? CoreText.Get("Order.NoCommitteeResolution")
                : c.IsReadmission && h.ReadmissionConsent is null ? CoreText.Get("Order.ReadmissionNeedsConsent")
                : h.AdmissionDecision is { } ad ? CoreText.Format("Order.HasDecisionOn", D(ad.EffectiveOn), Correct())
                : null,
            AdmissionAction.RecordLateCeremonyConsent =>
                h.AdmissionDecision is null ? NoDecision()
                : h.Ceremony is not null ? CoreText.Get("Order.CeremonyHeld")
                : h.LateCeremonyConsent is not null ? CoreText.Get("Order.HasLateConsent")
                : null,
            AdmissionAction.RecordCeremony =>
                h.AdmissionDecision is null ? NoDecision()
                : h.Ceremony is { } ce ? CoreText.Format("Order.CeremonyHeldOn", D(ce.EffectiveOn), Correct())
                : null,
            AdmissionAction.RecordNewMemberCourse =>
                h.Ceremony is null ? NoCeremony()
                : h.NewMemberCourse is { } nc ? CoreText.Format("Order.HasNewMemberCourse", D(nc.EffectiveOn), Correct())
                : null,
            AdmissionAction.RecordRecognitionVote =>
                h.Ceremony is null ? NoCeremony()
                : h.NewMemberCourse is null ? CoreText.Get("Order.NoNewMemberCourse")
                : h.PassedRecognitionVote is { } rv ? CoreText.Format("Order.RecognitionVotedOn", D(rv.EffectiveOn))
                : h.FailedRecognitionVotes >= MaximumFailedRecognitionVotes ? CoreText.Format("Order.TooManyFailedVotes", MaximumFailedRecognitionVotes)
                : null,
            AdmissionAction.RecordRecognitionDecision =>
                h.Ceremony is null ? NoCeremony()
                : h.PassedRecognitionVote is null && h.Referral is null ? CoreText.Get("Order.NoRecognitionVote")
                : null,
            AdmissionAction.ReferToSuperior =>
                h.Ceremony is null ? NoCeremony()
                : h.PassedRecognitionVote is not null ? CoreText.Get("Order.RecognitionVoted")
                : h.Referral is { } rf ? CoreText.Format("Order.ReferredOn", D(rf.EffectiveOn))
                : h.FailedRecognitionVotes < MaximumFailedRecognitionVotes ? CoreText.Format("Order.ReferOnlyAfter", MaximumFailedRecognitionVotes, h.FailedRecognitionVotes)
                : null,
            AdmissionAction.RemoveFromList => h.Ceremony is null ? CoreText.Get("Order.NotProbationary") : null,
            AdmissionAction.RecordExit => h.Ceremony is { } cer ? CoreText.Format("Order.AlreadyProbationary", D(cer.EffectiveOn)) : null,
            AdmissionAction.Transfer => null,
            AdmissionAction.CorrectEntry => h.IsEmpty ? CoreText.Get("Order.Empty") : null,
            _ => null,
        };
    }

    private static string? WhyNotExtend(CandidateHistory h)
    {
        if (h.Ceremony is null)
        {
            return h.PassedCellVote is null ? CoreText.Get("Order.NotVoted")
                : h.AdmissionDecision is not null ? CoreText.Get("Order.HasDecision")
                : h.AdmissionDecisionExtension is { } e ? CoreText.Format("Order.ExtendedOnce", D(e.EffectiveOn), ExtensionWorkingDays)
                : null;
        }

        return h.PassedRecognitionVote is null ? CoreText.Get("Order.NotRecognitionVoted")
            : h.RecognitionDecisionExtension is { } r ? CoreText.Format("Order.ExtendedOnce", D(r.EffectiveOn), ExtensionWorkingDays)
            : null;
    }

    /// <summary>
    /// The dates of the history an entry of <paramref name="kind"/> cannot precede, with what they are.
    /// The stages happen in order; an exit or a transfer cannot precede anything already recorded.
    /// </summary>
    public static IEnumerable<(DateOnly Date, string What)> LowerBounds(StageKind kind, CandidateHistory h)
    {
        (DateOnly, string)? Of(StageEntry? entry, string what) => entry is null ? null : (CandidateHistory.ActDate(entry), what);

        var bounds = new List<(DateOnly, string)?> { kind == StageKind.Source ? null : Of(h.Source, CoreText.Get("Order.Bound.Source")) };
        switch (kind)
        {
            case StageKind.Application:
                bounds.Add(Of(h.First(StageKind.AwarenessCourse), CoreText.Get("Order.Bound.AwarenessCourse")));
                break;
            case StageKind.HistoryVerification:
                bounds.Add(Of(h.Application, CoreText.Get("Order.Bound.Application")));
                break;
            case StageKind.Introduction:
                bounds.Add(Of(h.HistoryVerification, CoreText.Get("Order.Bound.HistoryVerification")));
                break;
            case StageKind.IntroducerReplacement or StageKind.IntroductionRenewal or StageKind.Opinion:
                bounds.Add(Of(h.Introduction, CoreText.Get("Order.Bound.Introduction")));
                break;
            case StageKind.CellVote:
                bounds.Add(Of(h.Introduction, CoreText.Get("Order.Bound.Introduction")));
                bounds.Add(Of(h.Last(StageKind.IntroductionRenewal), CoreText.Get("Order.Bound.IntroductionRenewal")));
                bounds.Add(Of(h.Last(StageKind.IntroducerReplacement), CoreText.Get("Order.Bound.IntroducerReplacement")));
                bounds.Add(Of(h.Last(StageKind.Opinion), CoreText.Get("Order.Bound.Opinion")));
                break;
            case StageKind.CommitteeResolution:
                bounds.Add(Of(h.PassedCellVote, CoreText.Get("Order.Bound.CellVote")));
                break;
            case StageKind.AdmissionDecision:
                bounds.Add(Of(h.PassedCellVote, CoreText.Get("Order.Bound.CellVote")));
                bounds.Add(Of(h.CommitteeResolution, CoreText.Get("Order.Bound.CommitteeResolution")));
                bounds.Add(Of(h.ReadmissionConsent, CoreText.Get("Order.Bound.ReadmissionConsent")));
                break;
            case StageKind.DecisionExtension:
                bounds.Add(h.Ceremony is null ? Of(h.PassedCellVote, CoreText.Get("Order.Bound.CellVote")) : Of(h.PassedRecognitionVote, CoreText.Get("Order.Bound.RecognitionVote")));
                break;
            case StageKind.LateCeremonyConsent:
                bounds.Add(Of(h.AdmissionDecision, CoreText.Get("Order.Bound.AdmissionDecision")));
                break;
            case StageKind.Ceremony:
                bounds.Add(Of(h.AdmissionDecision, CoreText.Get("Order.Bound.AdmissionDecision")));
                if (h.AdmissionDecision?.ReceivedOn is { } received)
                {
                    bounds.Add((received, CoreText.Get("Order.Bound.DecisionReceived")));
                }

                break;
            case StageKind.NewMemberCourse or StageKind.Removal:
                bounds.Add(Of(h.Ceremony, CoreText.Get("Order.Bound.Ceremony")));
                break;
            case StageKind.RecognitionVote:
                bounds.Add(Of(h.NewMemberCourse, CoreText.Get("Order.Bound.NewMemberCourse")));
                bounds.Add(Of(h.LastRecognitionVote, CoreText.Get("Order.Bound.PreviousRecognitionVote")));
                break;
            case StageKind.RecognitionDecision:
                bounds.Add(Of(h.PassedRecognitionVote, CoreText.Get("Order.Bound.RecognitionVote")));
                bounds.Add(Of(h.Referral, CoreText.Get("Order.Bound.Referral")));
                break;
            case StageKind.ReferredToSuperior:
                bounds.Add(Of(h.LastRecognitionVote, CoreText.Get("Order.Bound.LastRecognitionVote")));
                break;
            case StageKind.Exit or StageKind.Transfer:
                if (h.LatestDate is { } latest)
                {
                    bounds.Add((latest, CoreText.Get("Order.Bound.LatestEntry")));
                }

                break;
        }

        return bounds.Where(b => b is not null).Select(b => b!.Value);
    }

    /// <summary>The date of a new entry: not in the future, and not before what it follows.</summary>
    public static IEnumerable<FieldError> DateRules(
        string field, string label, DateOnly date, StageKind kind, CandidateHistory history, DateOnly today)
    {
        if (NotInFuture(field, date, label, today) is { } future)
        {
            yield return future;
        }

        foreach (var (bound, what) in LowerBounds(kind, history).Where(b => date < b.Date).OrderByDescending(b => b.Date).Take(1))
        {
            yield return new FieldError(field,
                CoreText.Format("Order.DateBeforeBound", Cap(label), D(date), what, D(bound)));
        }
    }
}
