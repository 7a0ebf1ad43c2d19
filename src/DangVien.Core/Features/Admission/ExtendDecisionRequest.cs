using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// The deciding committee extends its deadline by 30 working days, with a reason: the admission
/// decision's (before the ceremony) or the recognition decision's (after the recognition vote).
/// </summary>
public sealed record ExtendDecisionRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly ExtendedOn { get; init; }

    public string Reason { get; init; } = "";

    public string? DocumentNumber { get; init; }
}

public sealed class ExtendDecisionRequestValidator : AbstractValidator<ExtendDecisionRequest>
{
    public ExtendDecisionRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.ExtendedOn).RequiredDate("Label.ExtendedOn");
        RuleFor(r => r.Reason).RequiredText("Label.ExtensionReason", RequestValidation.ReasonLength, multiLine: true);
        RuleFor(r => r.DocumentNumber).OptionalText("Label.DocumentNumber", RequestValidation.DocumentNumberLength);
    }
}
