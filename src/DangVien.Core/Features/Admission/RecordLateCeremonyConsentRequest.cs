using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>The superior committee's consent to hold the ceremony after the 30 working days.</summary>
public sealed record RecordLateCeremonyConsentRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly ConsentedOn { get; init; }

    public string DocumentNumber { get; init; } = "";

    public string ConsentingBody { get; init; } = "";

    public string Reason { get; init; } = "";
}

public sealed class RecordLateCeremonyConsentRequestValidator : AbstractValidator<RecordLateCeremonyConsentRequest>
{
    public RecordLateCeremonyConsentRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.ConsentedOn).RequiredDate("Label.LateCeremonyConsentedOn");
        RuleFor(r => r.DocumentNumber).RequiredText("Label.ConsentNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.ConsentingBody).RequiredText("Label.ConsentingCommittee", RequestValidation.IssuerLength);
        RuleFor(r => r.Reason).RequiredText("Label.LateCeremonyReason", RequestValidation.ReasonLength, multiLine: true);
    }
}
