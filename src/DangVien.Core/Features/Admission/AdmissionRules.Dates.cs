using DangVien.Core.Common;
using DangVien.Core.Features.Calendar;

namespace DangVien.Core.Features.Admission;

// Dates and deadlines: counting months, the days a period starts or ends, and the working-day deadlines.
public static partial class AdmissionRules
{
    /// <summary>The same day-of-month <paramref name="months"/> later, or the 1st of the next month when that day does not exist.</summary>
    public static DateOnly MonthsAfter(DateOnly start, int months)
    {
        var target = start.AddMonths(months);
        return target.Day == start.Day ? target : target.AddDays(1);
    }

    /// <summary>Whole months from <paramref name="start"/> to <paramref name="day"/>.</summary>
    public static int WholeMonthsBetween(DateOnly start, DateOnly day)
    {
        var months = ((day.Year - start.Year) * 12) + day.Month - start.Month;
        while (months > 0 && MonthsAfter(start, months) > day)
        {
            months--;
        }

        return months;
    }

    /// <summary>The first day the person is 18 (counted in whole months).</summary>
    public static DateOnly EighteenFrom(DateOnly dateOfBirth) => MonthsAfter(dateOfBirth, MinimumAgeYears * 12);

    /// <summary>The first day the person is past 60 years counted in whole months (60 years and 1 month).</summary>
    public static DateOnly PastSixtyFrom(DateOnly dateOfBirth) => MonthsAfter(dateOfBirth, (MaximumAgeYears * 12) + 1);

    /// <summary>The day the member becomes official: 12 months after the ceremony (the recognition's effective date).</summary>
    public static DateOnly OfficialFrom(DateOnly ceremony) => MonthsAfter(ceremony, ProbationMonths);

    /// <summary>The last day of probation: the day before <see cref="OfficialFrom"/>.</summary>
    public static DateOnly ProbationLastDay(DateOnly ceremony) => OfficialFrom(ceremony).AddDays(-1);

    /// <summary>The last day an awareness-course certificate is valid.</summary>
    public static DateOnly CertificateLastValidDay(DateOnly issuedOn, int validityMonths) =>
        MonthsAfter(issuedOn, validityMonths).AddDays(-1);

    /// <summary>The last day the cell can vote on a dossier compiled on <paramref name="dossierDate"/> without renewing it.</summary>
    public static DateOnly DossierLastFreshDay(DateOnly dossierDate, int renewalMonths) =>
        MonthsAfter(dossierDate, renewalMonths).AddDays(-1);

    /// <summary>The first day a former member can be considered again.</summary>
    public static DateOnly ReadmissionFrom(DateOnly leftOn, bool hadCriminalConviction) =>
        MonthsAfter(leftOn, hadCriminalConviction ? ReadmissionWaitAfterConvictionMonths : ReadmissionWaitMonths);

    /// <summary>The last day for the admission decision: 60 working days after the cell's resolution, 90 with an extension.</summary>
    public static DateOnly? AdmissionDecisionDeadline(CandidateHistory history, WorkingDayCalendar calendar) =>
        history.PassedCellVote is { } vote
            ? calendar.AddWorkingDays(
                CandidateHistory.ActDate(vote),
                DecisionWorkingDays + (history.AdmissionDecisionExtension is null ? 0 : ExtensionWorkingDays))
            : null;

    /// <summary>The last day for the ceremony: 30 working days after the decision reached the cell.</summary>
    public static DateOnly? CeremonyDeadline(CandidateHistory history, WorkingDayCalendar calendar) =>
        history.AdmissionDecision is { } decision
            ? calendar.AddWorkingDays(decision.ReceivedOn ?? CandidateHistory.ActDate(decision), CeremonyWorkingDays)
            : null;

    /// <summary>The last day for the recognition vote: 30 working days after the 12 months end.</summary>
    public static DateOnly? RecognitionVoteDeadline(CandidateHistory history, WorkingDayCalendar calendar) =>
        history.Ceremony is { } ceremony
            ? calendar.AddWorkingDays(ProbationLastDay(ceremony.EffectiveOn), RecognitionVoteWorkingDays)
            : null;

    /// <summary>The last day for the recognition decision: 30 working days after the cell's vote, 60 with an extension.</summary>
    public static DateOnly? RecognitionDecisionDeadline(CandidateHistory history, WorkingDayCalendar calendar) =>
        history.PassedRecognitionVote is { } vote
            ? calendar.AddWorkingDays(
                CandidateHistory.ActDate(vote),
                RecognitionDecisionWorkingDays + (history.RecognitionDecisionExtension is null ? 0 : ExtensionWorkingDays))
            : null;

    /// <summary>Dates never in the future.</summary>
    public static FieldError? NotInFuture(string field, DateOnly date, string label, DateOnly today) =>
        date > today ? new FieldError(field, CoreText.Format("Dates.AfterToday", Cap(label), D(date), D(today))) : null;

    /// <summary>The admission decision within 60 working days of the cell's resolution (90 with an extension).</summary>
    public static FieldError? AdmissionDecisionInTime(
        string field, CandidateHistory history, DateOnly decidedOn, WorkingDayCalendar calendar)
    {
        if (history.PassedCellVote is not { } vote
            || AdmissionDecisionDeadline(history, calendar) is not { } deadline
            || decidedOn <= deadline)
        {
            return null;
        }

        var extended = history.AdmissionDecisionExtension is not null;
        return new FieldError(field,
            CoreText.Format(extended ? "Dates.DecisionLateExtended" : "Dates.DecisionLate", DecisionWorkingDays, D(CandidateHistory.ActDate(vote)),
                ExtensionWorkingDays, D(deadline), D(decidedOn), calendar.WorkingDaysBetween(CandidateHistory.ActDate(vote), decidedOn)));
    }

    /// <summary>The ceremony within 30 working days of the decision reaching the cell, later only with the recorded consent.</summary>
    public static FieldError? CeremonyInTime(string field, CandidateHistory history, DateOnly heldOn, WorkingDayCalendar calendar)
    {
        if (history.AdmissionDecision is not { } decision || CeremonyDeadline(history, calendar) is not { } deadline || heldOn <= deadline)
        {
            return null;
        }

        if (history.LateCeremonyConsent is { } consent)
        {
            return CandidateHistory.ActDate(consent) <= heldOn
                ? null
                : new FieldError(field,
                    CoreText.Format("Dates.CeremonyConsentAfter", D(heldOn), D(CandidateHistory.ActDate(consent))));
        }

        var received = decision.ReceivedOn ?? decision.EffectiveOn;
        return new FieldError(field,
            CoreText.Format("Dates.CeremonyLate", CeremonyWorkingDays, D(received), D(deadline), D(heldOn)));
    }

    /// <summary>The recognition vote after the 12 months end and within 30 working days after; later only with a recorded reason.</summary>
    public static FieldError? RecognitionVoteInTime(
        string field, CandidateHistory history, DateOnly votedOn, bool hasLateReason, WorkingDayCalendar calendar)
    {
        if (history.Ceremony is not { } ceremony)
        {
            return null;
        }

        var officialFrom = OfficialFrom(ceremony.EffectiveOn);
        if (votedOn < officialFrom)
        {
            return new FieldError(field,
                CoreText.Format("Dates.ProbationNotOver", ProbationMonths, D(ceremony.EffectiveOn), D(ProbationLastDay(ceremony.EffectiveOn)), D(officialFrom)));
        }

        var deadline = RecognitionVoteDeadline(history, calendar)!.Value;
        return votedOn > deadline && !hasLateReason
            ? new FieldError("LateReason",
                CoreText.Format("Dates.RecognitionVoteLate", RecognitionVoteWorkingDays, ProbationMonths, D(ProbationLastDay(ceremony.EffectiveOn)), D(deadline), D(votedOn)))
            : null;
    }

    /// <summary>The recognition decision within 30 working days of the cell's vote (60 with an extension).</summary>
    public static FieldError? RecognitionDecisionInTime(
        string field, CandidateHistory history, DateOnly decidedOn, WorkingDayCalendar calendar)
    {
        if (history.PassedRecognitionVote is not { } vote
            || RecognitionDecisionDeadline(history, calendar) is not { } deadline
            || decidedOn <= deadline)
        {
            return null;
        }

        var extended = history.RecognitionDecisionExtension is not null;
        return new FieldError(field,
            CoreText.Format(extended ? "Dates.RecognitionDecisionLateExtended" : "Dates.RecognitionDecisionLate",
                RecognitionDecisionWorkingDays, D(CandidateHistory.ActDate(vote)), D(deadline), D(decidedOn), ExtensionWorkingDays));
    }
}
