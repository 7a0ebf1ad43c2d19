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
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.TransferredOn).RequiredDate("Label.TransferredOn");
        RuleFor(r => r.TargetCellId).Id("Label.TargetCell");
        RuleFor(r => r.Reason).RequiredText("Label.TransferReason", RequestValidation.ReasonLength, multiLine: true);
        RuleFor(r => r.DocumentNumber).OptionalText("Label.DocumentNumber", RequestValidation.DocumentNumberLength);
    }
}
