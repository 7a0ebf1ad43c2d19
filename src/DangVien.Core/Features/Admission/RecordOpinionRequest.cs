using DangVien.Core.Common;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>The opinion forms of step 5.</summary>
public enum OpinionForm
{
    /// <summary>5-KNĐ: tổng hợp ý kiến nhận xét của tổ chức đoàn thể và chi ủy nơi cư trú.</summary>
    Summary = 0,

    /// <summary>5B-KNĐ: nhận xét của chi ủy (hoặc chi bộ) nơi cư trú.</summary>
    ResidenceCommittee = 1,

    /// <summary>5C-KNĐ: nhận xét của tổ chức đoàn thể chính trị - xã hội.</summary>
    Organisation = 2,
}

/// <summary>Step 5: an opinion received (5-KNĐ, 5B-KNĐ, 5C-KNĐ).</summary>
public sealed record RecordOpinionRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public OpinionForm Form { get; init; }

    public DateOnly ReceivedOn { get; init; }

    /// <summary>Who gave the opinion.</summary>
    public string Organisation { get; init; } = "";

    public string? DocumentNumber { get; init; }

    public string? Note { get; init; }
}

public sealed class RecordOpinionRequestValidator : AbstractValidator<RecordOpinionRequest>
{
    public RecordOpinionRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.Form).IsInEnum().WithMessage(_ => CoreText.Get("Validation.BadOpinionForm"));
        RuleFor(r => r.ReceivedOn).RequiredDate("Label.OpinionsReceivedOn");
        RuleFor(r => r.Organisation).RequiredText("Label.OpinionOrganisation", RequestValidation.IssuerLength);
        RuleFor(r => r.DocumentNumber).OptionalText("Label.DocumentNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.Note).OptionalText("Label.Note", RequestValidation.NoteLength, multiLine: true);
    }
}
