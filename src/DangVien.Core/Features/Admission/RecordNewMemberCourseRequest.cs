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
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.CertificateNumber).RequiredText("Label.CertificateNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.IssuingCentre).RequiredText("Label.IssuingCentre", RequestValidation.IssuerLength);
        RuleFor(r => r.IssuedOn).RequiredDate("Label.CertificateIssuedOn");
    }
}
