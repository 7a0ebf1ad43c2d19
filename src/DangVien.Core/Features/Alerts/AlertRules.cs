using DangVien.Core.Common;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;

namespace DangVien.Core.Features.Alerts;

public enum AlertKind
{
    /// <summary>The awareness-course certificate expires (or has expired) before the cell is expected to vote.</summary>
    CertificateExpiring,

    /// <summary>The dossier is older than the renewal months and the cell has not voted.</summary>
    DossierStale,

    /// <summary>The admission decision is due (60 working days after the cell's resolution, 90 with an extension).</summary>
    AdmissionDecisionDue,

    /// <summary>The ceremony is due (30 working days after the decision reached the cell).</summary>
    CeremonyDue,

    /// <summary>The 12 months of probation end within the coming days.</summary>
    ProbationEnding,

    /// <summary>The recognition vote is due (30 working days after the probation ends).</summary>
    RecognitionVoteDue,

    /// <summary>The recognition decision is due (30 working days after the vote, 60 with an extension).</summary>
    RecognitionDecisionDue,
}

public enum AlertUrgency
{
    DueSoon = 0,
    Overdue = 1,
}

/// <summary>One deadline of one candidate that needs attention on the "as of" day.</summary>
public sealed record Alert(
    int CandidateId,
    string CandidateName,
    int CellId,
    string CellName,
    AlertKind Kind,
    DateOnly DueOn,
    AlertUrgency Urgency,
    string Rule);

/// <summary>A deadline found in a history, before it is tied to a candidate's name and cell.</summary>
public sealed record DeadlineAlert(AlertKind Kind, DateOnly DueOn, AlertUrgency Urgency, string Rule);

/// <summary>
/// Which deadlines of one history need attention on a day. Pure; the deadlines themselves are
/// <see cref="AdmissionRules"/>'s, so the alerts and the refusals never disagree.
/// </summary>
public static class AlertRules
{
    /// <summary>A deadline within this many days is "due soon".</summary>
    public const int DueSoonDays = 30;

    /// <summary>Before the introduction, the cell vote is expected within this many months (for certificates about to expire).</summary>
    public const int ExpectedVoteHorizonMonths = 6;

    /// <summary>The alerts of a history as it stood at the end of <paramref name="asOf"/> (pass <c>history.AsOf(asOf)</c> or a history with nothing later).</summary>
    public static IReadOnlyList<DeadlineAlert> For(CandidateHistory history, DateOnly asOf, AdmissionParameters parameters, WorkingDayCalendar calendar)
    {
        var alerts = new List<DeadlineAlert>();
        if (history.IsEmpty || history.Exit is not null || history.Removal is not null || history.RecognitionDecision is not null)
        {
            return alerts;
        }

        var soon = asOf.AddDays(DueSoonDays);
        void Add(AlertKind kind, DateOnly due, string rule, bool dueSoonWindow = true)
        {
            if (due < asOf)
            {
                alerts.Add(new DeadlineAlert(kind, due, AlertUrgency.Overdue, rule));
            }
            else if (!dueSoonWindow || due <= soon)
            {
                alerts.Add(new DeadlineAlert(kind, due, AlertUrgency.DueSoon, rule));
            }
        }

        if (history.Ceremony is null)
        {
            if (history.PassedCellVote is null)
            {
                DateOnly? lastFresh = history.DossierDate is { } compiled ? AdmissionRules.DossierLastFreshDay(compiled, parameters.DossierRenewalMonths) : null;
                if (history.LatestCertificate is { } certificate)
                {
                    var lastValid = AdmissionRules.CertificateLastValidDay(certificate.EffectiveOn, parameters.CertificateValidityMonths);
                    var expectedVote = lastFresh is { } fresh && fresh > asOf ? fresh : AdmissionRules.MonthsAfter(asOf, ExpectedVoteHorizonMonths);
                    if (lastValid < expectedVote)
                    {
                        Add(AlertKind.CertificateExpiring, lastValid,
                            CoreText.Format("Alert.CertificateExpiring", certificate.EffectiveOn.Display(), parameters.CertificateValidityMonths, lastValid.Display(), expectedVote.Display()),
                            dueSoonWindow: false);
                    }
                }

                if (lastFresh is { } dossierDue)
                {
                    Add(AlertKind.DossierStale, dossierDue,
                        CoreText.Format("Alert.DossierStale", history.DossierDate!.Value.Display(), parameters.DossierRenewalMonths, dossierDue.Display()));
                }
            }
            else if (history.AdmissionDecision is null)
            {
                var due = AdmissionRules.AdmissionDecisionDeadline(history, calendar)!.Value;
                var extended = history.AdmissionDecisionExtension is not null;
                Add(AlertKind.AdmissionDecisionDue, due,
                    CoreText.Format(extended ? "Alert.AdmissionDecisionDueExtended" : "Alert.AdmissionDecisionDue",
                        AdmissionRules.DecisionWorkingDays, history.PassedCellVote.EffectiveOn.Display(), AdmissionRules.ExtensionWorkingDays, due.Display()));
            }
            else if (history.LateCeremonyConsent is null)
            {
                var due = AdmissionRules.CeremonyDeadline(history, calendar)!.Value;
                Add(AlertKind.CeremonyDue, due,
                    CoreText.Format("Alert.CeremonyDue", AdmissionRules.CeremonyWorkingDays,
                        (history.AdmissionDecision.ReceivedOn ?? history.AdmissionDecision.EffectiveOn).Display(), due.Display()));
            }

            return alerts;
        }

        var held = history.Ceremony.EffectiveOn;
        var lastDay = AdmissionRules.ProbationLastDay(held);
        if (asOf <= lastDay)
        {
            Add(AlertKind.ProbationEnding, lastDay,
                CoreText.Format(history.NewMemberCourse is null ? "Alert.ProbationEndingNoCourse" : "Alert.ProbationEnding",
                    held.Display(), AdmissionRules.ProbationMonths, lastDay.Display(), AdmissionRules.RecognitionVoteWorkingDays));
        }
        else if (history.PassedRecognitionVote is null && history.Referral is null)
        {
            var due = AdmissionRules.RecognitionVoteDeadline(history, calendar)!.Value;
            Add(AlertKind.RecognitionVoteDue, due,
                CoreText.Format("Alert.RecognitionVoteDue", AdmissionRules.ProbationMonths, lastDay.Display(), AdmissionRules.RecognitionVoteWorkingDays, due.Display()),
                dueSoonWindow: false);
        }
        else if (history.PassedRecognitionVote is { } vote)
        {
            var due = AdmissionRules.RecognitionDecisionDeadline(history, calendar)!.Value;
            Add(AlertKind.RecognitionDecisionDue, due,
                CoreText.Format(history.RecognitionDecisionExtension is null ? "Alert.RecognitionDecisionDue" : "Alert.RecognitionDecisionDueExtended",
                    AdmissionRules.RecognitionDecisionWorkingDays, vote.EffectiveOn.Display(), AdmissionRules.ExtensionWorkingDays, due.Display()));
        }

        return alerts;
    }
}
