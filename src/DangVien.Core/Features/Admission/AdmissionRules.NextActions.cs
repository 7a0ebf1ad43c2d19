using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DangVien.Core.Common;

namespace DangVien.Core.Features.Admission;

// Next actions: what the file allows now, each with its rule in plain words and its due date.
public static partial class AdmissionRules
{
    // The rule shown with each next action is the text Next.ACTION of CoreText: pieces separated by "|", joined as they
    // are. {name} is a value of the file or a fixed number of the rules (NextActionValues; {due} is the action's due
    // date): a piece naming a value the file does not have is left out. {?name} keeps a piece only when the value is
    // there, {!name} only when it is not; both print nothing.

    /// <summary>The actions allowed now, each with its rule in plain words and, where there is one, its due date.</summary>
    public static IReadOnlyList<NextAction> NextActions(CandidateFacts c, RuleContext context)
    {
        var values = NextActionValues(c, context.Parameters);
        var actions = new List<NextAction>();
        foreach (var action in Enum.GetValues<AdmissionAction>())
        {
            if (CheckAllowed(action, c) is not null || CoreText.Find("Next." + action) is not { } rule)
            {
                continue;
            }

            var due = NextActionDue(action, c.History, context);
            values["due"] = due is { } day ? D(day) : null;
            actions.Add(new NextAction(action, AdmissionLabels.Of(action), FillRule(rule.Split('|'), values), due));
        }

        return actions;
    }

    /// <summary>The date an action is due by, when it has one.</summary>
    private static DateOnly? NextActionDue(AdmissionAction action, CandidateHistory h, RuleContext context)
    {
        var (p, calendar) = (context.Parameters, context.Calendar);
        return action switch
        {
            AdmissionAction.RecordAwarenessCourse =>
                h.LatestCertificate is { } certificate
                    ? CertificateLastValidDay(certificate.EffectiveOn, p.CertificateValidityMonths)
                    : null,
            AdmissionAction.RenewIntroduction or AdmissionAction.RecordCellVote =>
                h.DossierDate is { } dossier ? DossierLastFreshDay(dossier, p.DossierRenewalMonths) : null,
            AdmissionAction.RecordCommitteeResolution or AdmissionAction.RecordAdmissionDecision => AdmissionDecisionDeadline(h, calendar),
            AdmissionAction.ExtendDecision =>
                h.Ceremony is null ? AdmissionDecisionDeadline(h, calendar) : RecognitionDecisionDeadline(h, calendar),
            AdmissionAction.RecordLateCeremonyConsent => CeremonyDeadline(h, calendar),
            AdmissionAction.RecordCeremony => h.LateCeremonyConsent is null ? CeremonyDeadline(h, calendar) : null,
            AdmissionAction.RecordNewMemberCourse => h.Ceremony is { } ceremony ? ProbationLastDay(ceremony.EffectiveOn) : null,
            AdmissionAction.RecordRecognitionVote => RecognitionVoteDeadline(h, calendar),
            AdmissionAction.RecordRecognitionDecision => h.Referral is null ? RecognitionDecisionDeadline(h, calendar) : null,
            _ => null,
        };
    }

    /// <summary>The values the next actions' texts name, null where the file has none.</summary>
    private static Dictionary<string, string?> NextActionValues(CandidateFacts c, AdmissionParameters p)
    {
        var h = c.History;
        var ceremonyOn = h.Ceremony?.EffectiveOn;
        return new()
        {
            ["certificateValidityMonths"] = Number(p.CertificateValidityMonths),
            ["dossierRenewalMonths"] = Number(p.DossierRenewalMonths),
            ["certificateIssuedOn"] = Day(h.LatestCertificate?.EffectiveOn),
            ["certificateLastValidDay"] =
                Day(h.LatestCertificate is { } certificate
                    ? CertificateLastValidDay(certificate.EffectiveOn, p.CertificateValidityMonths)
                    : null),
            ["eighteenFrom"] = D(EighteenFrom(c.DateOfBirth)),
            ["pastSixtyFrom"] = D(PastSixtyFrom(c.DateOfBirth)),
            ["readmissionFrom"] =
                Day(c.FormerMember is { LeftOn: { } left } former ? ReadmissionFrom(left, former.HadCriminalConviction) : null),
            ["decidingUnit"] = c.Cell.DecidingUnitName,
            ["admissionDecisionExtendedOn"] = Day(h.AdmissionDecisionExtension?.EffectiveOn),
            ["ceremonyOn"] = Day(ceremonyOn),
            ["probationLastDay"] = Day(ceremonyOn is { } held ? ProbationLastDay(held) : null),
            ["officialFrom"] = Day(ceremonyOn is { } start ? OfficialFrom(start) : null),
            ["failedRecognitionVotes"] = h.FailedRecognitionVotes > 0 ? Number(h.FailedRecognitionVotes) : null,
            ["referredOn"] = Day(h.Referral?.EffectiveOn),
            ["introducerKnownMonths"] = Number(IntroducerKnownMonths),
            ["extensionWorkingDays"] = Number(ExtensionWorkingDays),
            ["decisionWorkingDays"] = Number(DecisionWorkingDays),
            ["ceremonyWorkingDays"] = Number(CeremonyWorkingDays),
            ["probationMonths"] = Number(ProbationMonths),
            ["recognitionVoteWorkingDays"] = Number(RecognitionVoteWorkingDays),
            ["maximumFailedRecognitionVotes"] = Number(MaximumFailedRecognitionVotes),
            ["recognitionDecisionWorkingDays"] = Number(RecognitionDecisionWorkingDays),
        };

        static string? Day(DateOnly? date) => date is { } day ? D(day) : null;
        static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Joins the pieces of a rule, filling in the values and leaving out the pieces that do not apply.</summary>
    private static string FillRule(string[] pieces, IReadOnlyDictionary<string, string?> values)
    {
        string? ValueOf(Match placeholder) =>
            values.TryGetValue(placeholder.Groups["name"].Value, out var value)
                ? value
                : throw new InvalidOperationException($"The next-action texts name an unknown value: {placeholder.Value}.");

        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            var applies = Placeholder().Matches(piece).All(m => ValueOf(m) is null == (m.Groups["mark"].Value == "!"));
            if (applies)
            {
                text.Append(Placeholder().Replace(piece, m => m.Groups["mark"].Length > 0 ? "" : ValueOf(m)!));
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\{(?<mark>[?!]?)(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>An action the file allows now, with its rule in plain Vietnamese and its due date when it has one.</summary>
public sealed record NextAction(AdmissionAction Action, string Title, string Rule, DateOnly? DueBy);
