using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>Step 3: the application (đơn xin vào Đảng, 1-KNĐ) and the personal history (lý lịch, 2-KNĐ).</summary>
public sealed record RecordApplicationRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    /// <summary>The date of the application.</summary>
    public DateOnly AppliedOn { get; init; }

    public string? Note { get; init; }
}

public sealed class RecordApplicationRequestValidator : AbstractValidator<RecordApplicationRequest>
{
    public RecordApplicationRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.AppliedOn).RequiredDate("Label.AppliedOn");
        RuleFor(r => r.Note).OptionalText("Label.Note", RequestValidation.NoteLength, multiLine: true);
    }
}
