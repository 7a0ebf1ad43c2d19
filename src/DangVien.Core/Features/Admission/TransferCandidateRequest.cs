using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>The candidate moves to another cell (new job, graduation) with the dossier and history intact.</summary>
public sealed record TransferCandidateRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly TransferredOn { get; init; }

    public int TargetCellId { get; init; }

    public string Reason { get; init; } = "";

    public string? DocumentNumber { get; init; }
}

public sealed class TransferCandidateRequestValidator : AbstractValidator<TransferCandidateRequest>
{
    public TransferCandidateRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.TransferredOn).RequiredDate("ngày chuyển");
        RuleFor(r => r.TargetCellId).Id("chi bộ chuyển đến");
        RuleFor(r => r.Reason).RequiredText("lý do chuyển", RequestValidation.ReasonLength, multiLine: true);
        RuleFor(r => r.DocumentNumber).OptionalText("số văn bản", RequestValidation.DocumentNumberLength);
    }
}
