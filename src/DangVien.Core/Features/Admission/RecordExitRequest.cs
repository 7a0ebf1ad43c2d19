using DangVien.Core.Common;
using DangVien.Core.Domain;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>The file stops before admission: withdrew, moved away, found ineligible, or the cell stopped nurturing. Never deleted.</summary>
public sealed record RecordExitRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly ExitedOn { get; init; }

    public ExitReason Reason { get; init; }

    /// <summary>What happened, in words.</summary>
    public string Explanation { get; init; } = "";
}

public sealed class RecordExitRequestValidator : AbstractValidator<RecordExitRequest>
{
    public RecordExitRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.ExitedOn).RequiredDate("Label.ExitedOn");
        RuleFor(r => r.Reason).IsInEnum().WithMessage(_ => CoreText.Get("Validation.BadExitReason"));
        RuleFor(r => r.Explanation).RequiredText("Label.Explanation", RequestValidation.ReasonLength, multiLine: true);
    }
}
