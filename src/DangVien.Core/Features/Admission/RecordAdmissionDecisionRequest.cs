using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Step 8: the admission decision (9-KNĐ) of the deciding unit, the nearest ancestor of the cell
/// holding admission authority, and the day it reached the cell.
/// </summary>
public sealed record RecordAdmissionDecisionRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly DecidedOn { get; init; }

    public string DecisionNumber { get; init; } = "";

    /// <summary>The day the decision reached the cell: the ceremony's 30 working days start here.</summary>
    public DateOnly ReceivedOn { get; init; }
}

public sealed class RecordAdmissionDecisionRequestValidator : AbstractValidator<RecordAdmissionDecisionRequest>
{
    public RecordAdmissionDecisionRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.DecidedOn).RequiredDate("Label.AdmissionDecidedOn");
        RuleFor(r => r.DecisionNumber).RequiredText("Label.AdmissionDecisionNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.ReceivedOn).RequiredDate("Label.DecisionReceivedOn");
    }
}
