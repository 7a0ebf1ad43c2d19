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
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.CertificateNumber).RequiredText("Label.CertificateNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.IssuingCentre).RequiredText("Label.IssuingCentre", RequestValidation.IssuerLength);
        RuleFor(r => r.IssuedOn).RequiredDate("Label.CertificateIssuedOn");
    }
}
