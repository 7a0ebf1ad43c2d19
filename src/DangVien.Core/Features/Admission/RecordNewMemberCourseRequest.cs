using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>Step 10: the new-member course (lớp bồi dưỡng lý luận chính trị cho đảng viên mới) certificate.</summary>
public sealed record RecordNewMemberCourseRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public string CertificateNumber { get; init; } = "";

    public string IssuingCentre { get; init; } = "";

    public DateOnly IssuedOn { get; init; }
}

public sealed class RecordNewMemberCourseRequestValidator : AbstractValidator<RecordNewMemberCourseRequest>
{
    public RecordNewMemberCourseRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.CertificateNumber).RequiredText("số giấy chứng nhận", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.IssuingCentre).RequiredText("nơi cấp giấy chứng nhận", RequestValidation.IssuerLength);
        RuleFor(r => r.IssuedOn).RequiredDate("ngày cấp giấy chứng nhận");
    }
}
