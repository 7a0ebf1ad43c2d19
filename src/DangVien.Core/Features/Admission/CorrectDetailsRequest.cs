using DangVien.Core.Common;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Đính chính: the candidate's source categories and mentor as they should be, and why. Recorded as an append-only
/// <see cref="Domain.CandidateDetailsCorrection"/>; reports and quotas count by the corrected categories.
/// </summary>
public sealed record CorrectDetailsRequest(int CandidateId, IReadOnlyList<int> CategoryIds, int MentorMemberId, string? Reason) : ICandidateRequest;

public sealed class CorrectDetailsRequestValidator : AbstractValidator<CorrectDetailsRequest>
{
    public CorrectDetailsRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.CategoryIds).NotEmpty().WithMessage(_ => CoreText.Get("Validation.NoCategory"));
        RuleFor(r => r.MentorMemberId).Id("Label.Mentor");
        RuleFor(r => r.Reason).RequiredText("Label.CorrectionReason", RequestValidation.ReasonLength, multiLine: true);
    }
}
