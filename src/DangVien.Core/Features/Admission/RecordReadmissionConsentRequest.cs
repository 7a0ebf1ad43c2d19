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
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.ConsentedOn).RequiredDate("Label.ProvinceConsentedOn");
        RuleFor(r => r.DocumentNumber).RequiredText("Label.ConsentNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.ConsentingBody).RequiredText("Label.ConsentingAgency", RequestValidation.IssuerLength);
    }
}
