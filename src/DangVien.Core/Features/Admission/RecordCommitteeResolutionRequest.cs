using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>Step 7: the grassroots committee's resolution (8-KNĐ), where the cell sits under a grassroots committee.</summary>
public sealed record RecordCommitteeResolutionRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly ResolvedOn { get; init; }

    public string ResolutionNumber { get; init; } = "";
}

public sealed class RecordCommitteeResolutionRequestValidator : AbstractValidator<RecordCommitteeResolutionRequest>
{
    public RecordCommitteeResolutionRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.ResolvedOn).RequiredDate("Label.CommitteeResolvedOn");
        RuleFor(r => r.ResolutionNumber).RequiredText("Label.CommitteeResolutionNumber", RequestValidation.DocumentNumberLength);
    }
}
