using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>Step 2: the political awareness course certificate (giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng).</summary>
public sealed record RecordAwarenessCourseRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public string CertificateNumber { get; init; } = "";

    /// <summary>The political centre that issued it (trung tâm chính trị).</summary>
    public string IssuingCentre { get; init; } = "";

    public DateOnly IssuedOn { get; init; }
}

public sealed class RecordAwarenessCourseRequestValidator : AbstractValidator<RecordAwarenessCourseRequest>
{
    public RecordAwarenessCourseRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.CertificateNumber).RequiredText("số giấy chứng nhận", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.IssuingCentre).RequiredText("nơi cấp giấy chứng nhận", RequestValidation.IssuerLength);
        RuleFor(r => r.IssuedOn).RequiredDate("ngày cấp giấy chứng nhận");
    }
}
