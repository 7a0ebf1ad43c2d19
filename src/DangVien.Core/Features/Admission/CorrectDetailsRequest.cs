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
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.CategoryIds).NotEmpty().WithMessage("Chưa chọn đối tượng nguồn.");
        RuleFor(r => r.MentorMemberId).Id("đảng viên theo dõi, giúp đỡ");
        RuleFor(r => r.Reason).RequiredText("lý do đính chính", RequestValidation.ReasonLength, multiLine: true);
    }
}
