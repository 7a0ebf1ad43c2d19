using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>Readmission: the written consent of the provincial standing committee (ban thường vụ tỉnh ủy).</summary>
public sealed record RecordReadmissionConsentRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly ConsentedOn { get; init; }

    public string DocumentNumber { get; init; } = "";

    public string ConsentingBody { get; init; } = "";
}

public sealed class RecordReadmissionConsentRequestValidator : AbstractValidator<RecordReadmissionConsentRequest>
{
    public RecordReadmissionConsentRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.ConsentedOn).RequiredDate("ngày ban thường vụ tỉnh ủy đồng ý");
        RuleFor(r => r.DocumentNumber).RequiredText("số văn bản đồng ý", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.ConsentingBody).RequiredText("cơ quan đồng ý", RequestValidation.IssuerLength);
    }
}
