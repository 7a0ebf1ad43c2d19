using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Step 3: the personal history verified (thẩm tra lý lịch) and certified by the grassroots
/// committee. Record it when the result allows the file to go on; a history that rules the person
/// out is an exit (<see cref="RecordExitRequest"/>, ineligible).
/// </summary>
public sealed record RecordHistoryVerificationRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly VerifiedOn { get; init; }

    /// <summary>The conclusion of the verification (kết luận thẩm tra).</summary>
    public string Result { get; init; } = "";

    /// <summary>The committee that certified the history.</summary>
    public string? CertifiedBy { get; init; }

    public string? DocumentNumber { get; init; }
}

public sealed class RecordHistoryVerificationRequestValidator : AbstractValidator<RecordHistoryVerificationRequest>
{
    public RecordHistoryVerificationRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.VerifiedOn).RequiredDate("Label.CertifiedOn");
        RuleFor(r => r.Result).RequiredText("Label.VerificationResult", RequestValidation.NoteLength, multiLine: true);
        RuleFor(r => r.CertifiedBy).OptionalText("Label.CertifyingCommittee", RequestValidation.IssuerLength);
        RuleFor(r => r.DocumentNumber).OptionalText("Label.DocumentNumber", RequestValidation.DocumentNumberLength);
    }
}
