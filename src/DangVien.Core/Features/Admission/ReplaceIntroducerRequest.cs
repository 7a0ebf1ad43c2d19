using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>An introducer moved away or was disciplined: another official member takes over (the 12 months do not apply).</summary>
public sealed record ReplaceIntroducerRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly ReplacedOn { get; init; }

    public int ReplacedMemberId { get; init; }

    public int NewMemberId { get; init; }

    public DateOnly KnownSince { get; init; }

    public string Reason { get; init; } = "";
}

public sealed class ReplaceIntroducerRequestValidator : AbstractValidator<ReplaceIntroducerRequest>
{
    public ReplaceIntroducerRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.ReplacedOn).RequiredDate("ngày thay người giới thiệu");
        RuleFor(r => r.ReplacedMemberId).Id("người giới thiệu được thay");
        RuleFor(r => r.NewMemberId).Id("đảng viên giới thiệu thay thế");
        RuleFor(r => r.KnownSince).RequiredDate("thời điểm bắt đầu cùng công tác, học tập, sinh sống");
        RuleFor(r => r.Reason).RequiredText("lý do thay người giới thiệu", RequestValidation.ReasonLength, multiLine: true);
    }
}
