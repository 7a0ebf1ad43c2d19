using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using FluentValidation;

namespace DangVien.Core.Features.Members;

/// <summary>
/// A member already in the Party before DangVien (from the member database, or a former member
/// who may later be readmitted). Members admitted through DangVien are created by the ceremony.
/// </summary>
public sealed record AddMemberRequest
{
    public int CellId { get; init; }

    public string FullName { get; init; } = "";

    public DateOnly DateOfBirth { get; init; }

    public Sex Sex { get; init; }

    public string? CitizenId { get; init; }

    public MemberStatus Status { get; init; } = MemberStatus.Official;

    public DateOnly AdmittedOn { get; init; }

    /// <summary>Required for an official member.</summary>
    public DateOnly? RecognisedOn { get; init; }

    /// <summary>Required for a removed member or one who left.</summary>
    public DateOnly? LeftOn { get; init; }

    public string? LeftReason { get; init; }

    public bool BarredFromReadmission { get; init; }

    public bool HadCriminalConviction { get; init; }
}

/// <summary>The shape and the consistency of a member record (dates in order, status matching the dates).</summary>
public sealed class AddMemberRequestValidator : AbstractValidator<AddMemberRequest>
{
    public AddMemberRequestValidator()
    {
        RuleFor(r => r.CellId).GreaterThan(0).WithMessage("Chưa chọn chi bộ.");
        RuleFor(r => r.FullName).NotEmpty().WithMessage("Chưa nhập họ và tên.")
            .MaximumLength(120).WithMessage("Họ và tên dài tối đa 120 ký tự.")
            .CleanText("họ và tên");
        RuleFor(r => r.DateOfBirth).NotEqual(default(DateOnly)).WithMessage("Chưa nhập ngày sinh.");
        RuleFor(r => r.Sex).IsInEnum().WithMessage("Giới tính không hợp lệ.");
        RuleFor(r => r.CitizenId).Matches("^[0-9]{12}$").When(r => !string.IsNullOrEmpty(r.CitizenId))
            .WithMessage("Số CCCD phải gồm đúng 12 chữ số.");
        RuleFor(r => r.Status).IsInEnum().WithMessage("Tình trạng đảng viên không hợp lệ.");
        RuleFor(r => r.AdmittedOn).NotEqual(default(DateOnly)).WithMessage("Chưa nhập ngày vào Đảng.");
        RuleFor(r => r.AdmittedOn).GreaterThan(r => r.DateOfBirth).WithMessage("Ngày vào Đảng phải sau ngày sinh.");
        RuleFor(r => r.RecognisedOn).NotNull().When(r => r.Status == MemberStatus.Official)
            .WithMessage("Đảng viên chính thức phải có ngày công nhận chính thức.");
        RuleFor(r => r.RecognisedOn).Null().When(r => r.Status is MemberStatus.Probationary or MemberStatus.Removed)
            .WithMessage("Đảng viên dự bị (hoặc đã xóa tên khi dự bị) không có ngày công nhận chính thức.");
        RuleFor(r => r.RecognisedOn).GreaterThan(r => r.AdmittedOn).When(r => r.RecognisedOn is not null)
            .WithMessage("Ngày công nhận chính thức phải sau ngày vào Đảng.");
        RuleFor(r => r.LeftOn).NotNull().When(r => r.Status is MemberStatus.Removed or MemberStatus.Left)
            .WithMessage("Chưa nhập ngày xóa tên / ra khỏi Đảng.");
        RuleFor(r => r.LeftOn).Null().When(r => r.Status is MemberStatus.Probationary or MemberStatus.Official)
            .WithMessage("Đảng viên đang sinh hoạt không có ngày ra khỏi Đảng.");
        RuleFor(r => r.LeftOn).GreaterThanOrEqualTo(r => r.AdmittedOn).When(r => r.LeftOn is not null)
            .WithMessage("Ngày ra khỏi Đảng không thể trước ngày vào Đảng.");
        RuleFor(r => r.LeftReason).MaximumLength(500).WithMessage("Lý do dài tối đa 500 ký tự.")
            .CleanText("lý do", multiLine: true);
    }
}
