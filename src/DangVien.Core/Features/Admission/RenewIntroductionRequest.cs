using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// More than 12 months passed since the dossier was compiled: the introduction letters and the
/// Youth Union / Trade Union resolution are renewed before the cell votes.
/// </summary>
public sealed record RenewIntroductionRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly RenewedOn { get; init; }

    public string? DocumentNumber { get; init; }

    public string? Note { get; init; }
}

public sealed class RenewIntroductionRequestValidator : AbstractValidator<RenewIntroductionRequest>
{
    public RenewIntroductionRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.RenewedOn).RequiredDate("Label.RenewedOn");
        RuleFor(r => r.DocumentNumber).OptionalText("Label.DocumentNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.Note).OptionalText("Label.Note", RequestValidation.NoteLength, multiLine: true);
    }
}
