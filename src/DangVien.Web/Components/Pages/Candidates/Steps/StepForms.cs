using DangVien.Core.Features.Admission;

namespace DangVien.Web.Components.Pages.Candidates.Steps;

/// <summary>The form of each action on a file: one component per step of <see cref="AdmissionSteps"/>, and the correction's.</summary>
public static class StepForms
{
    private static readonly Dictionary<AdmissionAction, Type> Forms = new()
    {
        [AdmissionAction.RecordAwarenessCourse] = typeof(AwarenessCourseStep),
        [AdmissionAction.RecordApplication] = typeof(ApplicationStep),
        [AdmissionAction.RecordHistoryVerification] = typeof(HistoryVerificationStep),
        [AdmissionAction.RecordIntroduction] = typeof(IntroductionStep),
        [AdmissionAction.ReplaceIntroducer] = typeof(ReplaceIntroducerStep),
        [AdmissionAction.RenewIntroduction] = typeof(RenewIntroductionStep),
        [AdmissionAction.RecordOpinion] = typeof(OpinionStep),
        [AdmissionAction.RecordEligibilityException] = typeof(EligibilityExceptionStep),
        [AdmissionAction.RecordCellVote] = typeof(CellVoteStep),
        [AdmissionAction.RecordCommitteeResolution] = typeof(CommitteeResolutionStep),
        [AdmissionAction.RecordReadmissionConsent] = typeof(ReadmissionConsentStep),
        [AdmissionAction.ExtendDecision] = typeof(ExtendDecisionStep),
        [AdmissionAction.RecordAdmissionDecision] = typeof(AdmissionDecisionStep),
        [AdmissionAction.RecordLateCeremonyConsent] = typeof(LateCeremonyConsentStep),
        [AdmissionAction.RecordCeremony] = typeof(CeremonyStep),
        [AdmissionAction.RecordNewMemberCourse] = typeof(NewMemberCourseStep),
        [AdmissionAction.RecordRecognitionVote] = typeof(RecognitionVoteStep),
        [AdmissionAction.RecordRecognitionDecision] = typeof(RecognitionDecisionStep),
        [AdmissionAction.ReferToSuperior] = typeof(ReferToSuperiorStep),
        [AdmissionAction.RemoveFromList] = typeof(RemoveFromListStep),
        [AdmissionAction.RecordExit] = typeof(ExitStep),
        [AdmissionAction.Transfer] = typeof(TransferStep),
        [AdmissionAction.CorrectEntry] = typeof(CorrectionStep),
    };

    /// <summary>The component of the action's form.</summary>
    public static Type Of(AdmissionAction action) => Forms[action];

    /// <summary>Every action with a form: a test checks it covers every step.</summary>
    public static IReadOnlyCollection<AdmissionAction> All => Forms.Keys;
}
