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
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.ExtendedOn).RequiredDate("ngày gia hạn");
        RuleFor(r => r.Reason).RequiredText("lý do gia hạn", RequestValidation.ReasonLength, multiLine: true);
        RuleFor(r => r.DocumentNumber).OptionalText("số văn bản", RequestValidation.DocumentNumberLength);
    }
}
