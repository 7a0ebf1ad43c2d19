using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

// The rules checked over a whole history: after a correction, and over generated demo files.
public static partial class AdmissionRules
{
    /// <summary>
    /// A correction: the corrected history must still keep every rule that depends on dates and
    /// counts (order of stages, age and certificate at the vote, deadlines, two thirds).
    /// </summary>
    public static IReadOnlyList<FieldError> CheckCorrection(
        CandidateFacts c, StageEntry? original, CandidateHistory corrected, CorrectEntryRequest r, RuleContext context)
    {
        if (original is null || original.CandidateId != c.Id)
        {
            return [new FieldError(nameof(r.EntryId), CoreText.Get("Correction.EntryNotFound"))];
        }

        if (c.History.All.Any(e => e.SupersedesId == original.Id))
        {
            return [new FieldError(nameof(r.EntryId), CoreText.Get("Correction.AlreadyCorrected"))];
        }

        var errors = new List<FieldError>();
        errors.AddIfNotNull(NotInFuture(nameof(r.Date), r.Date, CoreText.Get("Label.DocumentDate"), context.Today));
        if (original.Vote is not null)
        {
            if (r.OfficialMembers is null || r.Present is null || r.InFavour is null)
            {
                errors.Add(new FieldError(nameof(r.InFavour),
                    CoreText.Get("Correction.VoteCounts")));
            }
            else
            {
                errors.AddRange(VoteCounts(r.OfficialMembers.Value, r.Present.Value, r.InFavour.Value));
            }
        }

        if (original.Kind == StageKind.AdmissionDecision)
        {
            if (r.ReceivedOn is not { } received)
            {
                errors.Add(new FieldError(nameof(r.ReceivedOn), CoreText.Get("Correction.NoReceivedOn")));
            }
            else if (received > context.Today)
            {
                errors.Add(new FieldError(nameof(r.ReceivedOn),
                    CoreText.Format("Correction.ReceivedInFuture", D(received), D(context.Today))));
            }
            else if (received < r.Date)
            {
                errors.Add(new FieldError(nameof(r.ReceivedOn),
                    CoreText.Format("Correction.ReceivedBeforeDecision", D(received), D(r.Date))));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // A broken rule is reported on the field the correction changed.
        var field = r.Date != CandidateHistory.ActDate(original) ? nameof(r.Date)
            : original.Kind == StageKind.AdmissionDecision && r.ReceivedOn != original.ReceivedOn ? nameof(r.ReceivedOn)
            : original.Vote is not null ? nameof(r.InFavour)
            : nameof(r.Date);
        errors.AddRange(CheckTimeline(c, corrected, context).Select(message => new FieldError(field, message)));
        return errors;
    }

    /// <summary>
    /// The rules that tie entries together, checked over a whole history: stages in order, the
    /// person's eligibility on the day of the passing cell vote, the deadlines, and the effective date
    /// of the recognition. Used after a correction.
    /// </summary>
    public static IReadOnlyList<string> CheckTimeline(CandidateFacts c, CandidateHistory h, RuleContext context)
    {
        var messages = new List<string>();
        foreach (var entry in h.Effective)
        {
            var date = CandidateHistory.ActDate(entry);
            var others = new CandidateHistory(h.All.Where(e => e != entry && e.Id != entry.SupersedesId));
            if (entry.Kind is StageKind.Exit or StageKind.Transfer or StageKind.EligibilityException)
            {
                continue;
            }

            if (entry.Kind == StageKind.CellVote && entry != h.PassedCellVote)
            {
                continue;
            }

            foreach (var (bound, what) in LowerBounds(entry.Kind, others).Where(b => date < b.Date).Take(1))
            {
                messages.Add(CoreText.Format("Timeline.EntryBeforeBound", AdmissionLabels.Of(entry.Kind), D(date), what, D(bound)));
            }
        }

        if (h.PassedCellVote is { } vote)
        {
            var before = new CandidateHistory(h.All.Where(e => e != vote && e.Id != vote.SupersedesId));
            messages.AddRange(EligibilityAtVote("", c, before, CandidateHistory.ActDate(vote), context.Parameters).Select(e => e.Message));
        }

        foreach (var entry in h.Effective.Where(e => e.Vote is not null))
        {
            if (entry.Vote!.Present > entry.Vote.OfficialMembers || entry.Vote.InFavour > entry.Vote.Present)
            {
                messages.Add(CoreText.Format("Correction.VoteOrder", AdmissionLabels.Of(entry.Kind), D(entry.EffectiveOn)));
            }
        }

        if (h.AdmissionDecision is { } decision)
        {
            messages.AddIfNotNull(AdmissionDecisionInTime("", h, CandidateHistory.ActDate(decision), context.Calendar)?.Message);
        }

        if (h.Ceremony is { } ceremony)
        {
            messages.AddIfNotNull(CeremonyInTime("", h, ceremony.EffectiveOn, context.Calendar)?.Message);
            foreach (var recognitionVote in h.OfKind(StageKind.RecognitionVote))
            {
                if (recognitionVote.EffectiveOn < OfficialFrom(ceremony.EffectiveOn))
                {
                    messages.Add(CoreText.Format("Correction.RecognitionVoteEarly", D(recognitionVote.EffectiveOn), ProbationMonths, D(OfficialFrom(ceremony.EffectiveOn))));
                }
            }

            if (h.RecognitionDecision is { } recognition && recognition.EffectiveOn != OfficialFrom(ceremony.EffectiveOn))
            {
                messages.Add(CoreText.Format("Correction.RecognitionDate", ProbationMonths, D(OfficialFrom(ceremony.EffectiveOn)), D(recognition.EffectiveOn)));
            }
        }

        if (h.RecognitionDecision is { } recognitionDecision && h.Referral is null)
        {
            var decidedOn = CandidateHistory.ActDate(recognitionDecision);
            messages.AddIfNotNull(RecognitionDecisionInTime("", h, decidedOn, context.Calendar)?.Message);
        }

        return messages;
    }
}
