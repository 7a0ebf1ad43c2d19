using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>Step 12: removal from the list of probationary members (xóa tên), with decision and date.</summary>
public sealed record RemoveFromListRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly RemovedOn { get; init; }

    public string DecisionNumber { get; init; } = "";

    public string Reason { get; init; } = "";
}

public sealed class RemoveFromListRequestValidator : AbstractValidator<RemoveFromListRequest>
{
    public RemoveFromListRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.RemovedOn).RequiredDate("Label.RemovedOn");
        RuleFor(r => r.DecisionNumber).RequiredText("Label.RemovalDecisionNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.Reason).RequiredText("Label.RemovalReason", RequestValidation.ReasonLength, multiLine: true);
    }
}
