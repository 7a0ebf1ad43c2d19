using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using Microsoft.Extensions.Localization;

namespace DangVien.Web.Components.Pages.Candidates.Steps;

/// <summary>The choices of the step forms' lists, in the words of the procedure.</summary>
public static class StepOptions
{
    public static IReadOnlyList<(OpinionForm? Value, string Text)> OpinionForms(IStringLocalizer<UiText> l) =>
    [
        (OpinionForm.Summary, l["Action.OpinionSummary"]),
        (OpinionForm.ResidenceCommittee, l["Action.OpinionResidence"]),
        (OpinionForm.Organisation, l["Action.OpinionOrganisation"]),
    ];

    public static IReadOnlyList<(EligibilityExceptionKind? Value, string Text)> ExceptionKinds(IStringLocalizer<UiText> l) =>
        [.. Enum.GetValues<EligibilityExceptionKind>().Select(k => ((EligibilityExceptionKind?)k, AdmissionLabels.Of(k)))];

    public static IReadOnlyList<(ExitReason? Value, string Text)> ExitReasons(IStringLocalizer<UiText> l) =>
        [.. Enum.GetValues<ExitReason>().Select(r => ((ExitReason?)r, AdmissionLabels.Of(r)))];

    public static IReadOnlyList<(IntroductionBasis? Value, string Text)> IntroductionBases(IStringLocalizer<UiText> l) =>
        [.. Enum.GetValues<IntroductionBasis>().Select(b => ((IntroductionBasis?)b, AdmissionLabels.Of(b)))];
}
