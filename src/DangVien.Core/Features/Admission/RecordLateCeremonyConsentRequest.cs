using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>The superior committee's consent to hold the ceremony after the 30 working days.</summary>
public sealed record RecordLateCeremonyConsentRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly ConsentedOn { get; init; }

    public string DocumentNumber { get; init; } = "";

    public string ConsentingBody { get; init; } = "";

    public string Reason { get; init; } = "";
}

public sealed class RecordLateCeremonyConsentRequestValidator : AbstractValidator<RecordLateCeremonyConsentRequest>
{
    public RecordLateCeremonyConsentRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.ConsentedOn).RequiredDate("ngày cấp ủy cấp trên đồng ý");
        RuleFor(r => r.DocumentNumber).RequiredText("số văn bản đồng ý", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.ConsentingBody).RequiredText("cấp ủy đồng ý", RequestValidation.IssuerLength);
        RuleFor(r => r.Reason).RequiredText("lý do tổ chức lễ kết nạp chậm", RequestValidation.ReasonLength, multiLine: true);
    }
}
