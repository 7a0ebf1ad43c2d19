using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

/// <summary>What users read for the codes of the admission feature (<see cref="CoreText"/>).</summary>
public static class AdmissionLabels
{
    public static string Of(CandidateStage stage) => CoreText.Find("Stage." + stage) ?? stage.ToString();

    public static string Of(StageKind kind) => CoreText.Find("StageKind." + kind) ?? kind.ToString();

    public static string Of(AdmissionAction action) => CoreText.Find("Action." + action) ?? action.ToString();

    public static string Of(ExitReason reason) => CoreText.Find("ExitReason." + reason) ?? reason.ToString();

    public static string Of(EligibilityExceptionKind kind) => CoreText.Find("Exception." + kind) ?? kind.ToString();

    public static string Of(IntroductionBasis basis) => CoreText.Find("IntroductionBasis." + basis) ?? basis.ToString();

    public static string Of(GeneralEducation education) => CoreText.Find("Education." + education) ?? education.ToString();

    public static string FormCodeOf(OpinionForm form) => form switch
    {
        OpinionForm.Summary => "5-KNĐ",
        OpinionForm.ResidenceCommittee => "5B-KNĐ",
        OpinionForm.Organisation => "5C-KNĐ",
        _ => form.ToString(),
    };
}
