using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Step 11: the committee's decision recognising the member as official. It takes effect on the day
/// the 12 months of probation end, whatever the day it is signed.
/// </summary>
public sealed record RecordRecognitionDecisionRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    /// <summary>The day the decision was signed.</summary>
    public DateOnly DecidedOn { get; init; }

    public string DecisionNumber { get; init; } = "";
}

public sealed class RecordRecognitionDecisionRequestValidator : AbstractValidator<RecordRecognitionDecisionRequest>
{
    public RecordRecognitionDecisionRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.DecidedOn).RequiredDate("Label.RecognisedOn");
        RuleFor(r => r.DecisionNumber).RequiredText("Label.RecognitionDecisionNumber", RequestValidation.DocumentNumberLength);
    }
}
