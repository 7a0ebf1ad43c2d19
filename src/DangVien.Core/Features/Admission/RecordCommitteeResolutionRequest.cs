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
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.ResolvedOn).RequiredDate("ngày nghị quyết của đảng ủy cơ sở");
        RuleFor(r => r.ResolutionNumber).RequiredText("số nghị quyết (8-KNĐ)", RequestValidation.DocumentNumberLength);
    }
}
