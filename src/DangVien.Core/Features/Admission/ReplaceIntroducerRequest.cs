using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>An introducer moved away or was disciplined: another official member takes over (the 12 months do not apply).</summary>
public sealed record ReplaceIntroducerRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly ReplacedOn { get; init; }

    public int ReplacedMemberId { get; init; }

    public int NewMemberId { get; init; }

    public DateOnly KnownSince { get; init; }

    public string Reason { get; init; } = "";
}

public sealed class ReplaceIntroducerRequestValidator : AbstractValidator<ReplaceIntroducerRequest>
{
    public ReplaceIntroducerRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.ReplacedOn).RequiredDate("Label.ReplacedOn");
        RuleFor(r => r.ReplacedMemberId).Id("Label.ReplacedIntroducer");
        RuleFor(r => r.NewMemberId).Id("Label.ReplacementIntroducer");
        RuleFor(r => r.KnownSince).RequiredDate("Label.KnownSince");
        RuleFor(r => r.Reason).RequiredText("Label.ReplacementReason", RequestValidation.ReasonLength, multiLine: true);
    }
}
