using DangVien.Core.Common;
using DangVien.Core.Domain;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// The written consent that lets the cell consider someone over 60, or with primary education in a
/// mountain, border, island, ethnic-minority or especially disadvantaged area, or with literacy only
/// (village elders and heads).
/// </summary>
public sealed record RecordEligibilityExceptionRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public EligibilityExceptionKind Kind { get; init; }

    public DateOnly ConsentedOn { get; init; }

    public string DocumentNumber { get; init; } = "";

    /// <summary>The committee that consented (e.g. a committee directly under the Centre).</summary>
    public string ConsentingBody { get; init; } = "";

    public string? Note { get; init; }
}

public sealed class RecordEligibilityExceptionRequestValidator : AbstractValidator<RecordEligibilityExceptionRequest>
{
    public RecordEligibilityExceptionRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => CoreText.Get("Validation.BadExceptionKind"));
        RuleFor(r => r.ConsentedOn).RequiredDate("Label.WrittenConsentOn");
        RuleFor(r => r.DocumentNumber).RequiredText("Label.ConsentNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.ConsentingBody).RequiredText("Label.ConsentingCommittee", RequestValidation.IssuerLength);
        RuleFor(r => r.Note).OptionalText("Label.Note", RequestValidation.NoteLength, multiLine: true);
    }
}
