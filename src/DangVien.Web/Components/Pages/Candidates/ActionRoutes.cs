using System.Globalization;
using DangVien.Core.Features.Admission;

namespace DangVien.Web.Components.Pages.Candidates;

/// <summary>The address of each action's form: <c>/candidates/{id}/actions/{slug}</c>, and the notice after it.</summary>
public static class ActionRoutes
{
    private static readonly Dictionary<AdmissionAction, string> Slugs = new()
    {
        [AdmissionAction.RecordAwarenessCourse] = "awareness-course",
        [AdmissionAction.RecordApplication] = "application",
        [AdmissionAction.RecordHistoryVerification] = "history-verification",
        [AdmissionAction.RecordIntroduction] = "introduction",
        [AdmissionAction.ReplaceIntroducer] = "replace-introducer",
        [AdmissionAction.RenewIntroduction] = "renew-introduction",
        [AdmissionAction.RecordOpinion] = "opinion",
        [AdmissionAction.RecordEligibilityException] = "eligibility-exception",
        [AdmissionAction.RecordCellVote] = "cell-vote",
        [AdmissionAction.RecordCommitteeResolution] = "committee-resolution",
        [AdmissionAction.RecordReadmissionConsent] = "readmission-consent",
        [AdmissionAction.ExtendDecision] = "extend-decision",
        [AdmissionAction.RecordAdmissionDecision] = "admission-decision",
        [AdmissionAction.RecordLateCeremonyConsent] = "late-ceremony-consent",
        [AdmissionAction.RecordCeremony] = "ceremony",
        [AdmissionAction.RecordNewMemberCourse] = "new-member-course",
        [AdmissionAction.RecordRecognitionVote] = "recognition-vote",
        [AdmissionAction.RecordRecognitionDecision] = "recognition-decision",
        [AdmissionAction.ReferToSuperior] = "refer-to-superior",
        [AdmissionAction.RemoveFromList] = "removal",
        [AdmissionAction.RecordExit] = "exit",
        [AdmissionAction.Transfer] = "transfer",
        [AdmissionAction.CorrectEntry] = "correction",
    };

    private static readonly Dictionary<string, AdmissionAction> Actions = Slugs.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Slug(AdmissionAction action) => Slugs[action];

    public static bool TryParse(string? slug, out AdmissionAction action) => Actions.TryGetValue(slug ?? "", out action);

    public static string File(int candidateId) => string.Create(CultureInfo.InvariantCulture, $"/candidates/{candidateId}");

    /// <summary>The correction of the file's source categories and mentor.</summary>
    public static string Details(int candidateId) => string.Create(CultureInfo.InvariantCulture, $"/candidates/{candidateId}/details");

    public static string Form(int candidateId, AdmissionAction action) =>
        string.Create(CultureInfo.InvariantCulture, $"/candidates/{candidateId}/actions/{Slug(action)}");

    public static string Correction(int candidateId, long entryId) =>
        string.Create(CultureInfo.InvariantCulture, $"/candidates/{candidateId}/actions/{Slug(AdmissionAction.CorrectEntry)}?entry={entryId}");

    /// <summary>The file after an action was recorded: the notice names the action (only our own texts are shown).</summary>
    public static string Done(int candidateId, AdmissionAction action) => File(candidateId) + "?notice=" + Slug(action);

    /// <summary>Every action has a form: a test walks this list.</summary>
    public static IReadOnlyCollection<AdmissionAction> All => Slugs.Keys;
}
