using DangVien.Core.Domain;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Kết nạp lại: opens a candidate file for a former member. Name, birth, sex and citizen ID come
/// from the member record; the file then follows the normal pipeline, plus the provincial standing
/// committee's written consent before the decision.
/// </summary>
public sealed record StartReadmissionRequest
{
    public int FormerMemberId { get; init; }

    public int CellId { get; init; }

    public int MentorMemberId { get; init; }

    public DateOnly SourcedOn { get; init; }

    /// <summary>Had a criminal conviction, since cleared: the wait is 60 months instead of 36.</summary>
    public bool HadCriminalConviction { get; init; }

    public GeneralEducation GeneralEducation { get; init; } = GeneralEducation.UpperSecondary;

    public string Ethnicity { get; init; } = "Kinh";

    public string? Address { get; init; }

    public string? Occupation { get; init; }

    public string? Workplace { get; init; }

    public string? Phone { get; init; }

    public IReadOnlyList<int> CategoryIds { get; init; } = [];

    public string? Note { get; init; }
}

public sealed class StartReadmissionRequestValidator : AbstractValidator<StartReadmissionRequest>
{
    public StartReadmissionRequestValidator()
    {
        RuleFor(r => r.FormerMemberId).Id("đảng viên cũ");
        RuleFor(r => r.CellId).Id("chi bộ");
        RuleFor(r => r.MentorMemberId).Id("đảng viên chính thức theo dõi, giúp đỡ");
        RuleFor(r => r.SourcedOn).RequiredDate("ngày chi bộ đưa vào danh sách");
        RuleFor(r => r.GeneralEducation).IsInEnum().WithMessage("Trình độ giáo dục phổ thông không hợp lệ.");
        RuleFor(r => r.Ethnicity).RequiredText("dân tộc", 50);
        RuleFor(r => r.Address).OptionalText("nơi ở hiện nay", 300);
        RuleFor(r => r.Occupation).OptionalText("nghề nghiệp", 100);
        RuleFor(r => r.Workplace).OptionalText("nơi làm việc", 200);
        RuleFor(r => r.Phone).Matches(@"^\+?[0-9 .]{8,20}$").When(r => !string.IsNullOrEmpty(r.Phone))
            .WithMessage("Số điện thoại không hợp lệ.");
        RuleFor(r => r.CategoryIds).Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Một đối tượng nguồn được chọn hai lần.");
        RuleFor(r => r.Note).OptionalText("ghi chú", RequestValidation.NoteLength, multiLine: true);
    }
}
