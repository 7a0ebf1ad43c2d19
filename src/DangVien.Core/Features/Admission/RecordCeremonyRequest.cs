using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>Step 9: the admission ceremony (lễ kết nạp), the date of joining; an official member is assigned to help.</summary>
public sealed record RecordCeremonyRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly HeldOn { get; init; }

    /// <summary>The official member assigned to help the new probationary member.</summary>
    public int HelperMemberId { get; init; }
}

public sealed class RecordCeremonyRequestValidator : AbstractValidator<RecordCeremonyRequest>
{
    public RecordCeremonyRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.HeldOn).RequiredDate("Label.CeremonyHeldOn");
        RuleFor(r => r.HelperMemberId).Id("Label.HelperShort");
    }
}
