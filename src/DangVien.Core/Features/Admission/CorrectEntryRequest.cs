using DangVien.Core.Common;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Đính chính: a new entry supersedes <see cref="EntryId"/> with these values; the old one stays
/// visible. The form pre-fills the entry's current values; what is sent is what the correction
/// records (<see cref="Date"/> is the document's date). The people of an entry (introducers, helper,
/// target cell) are not corrected here: replace an introducer, transfer, or record a new entry.
/// </summary>
public sealed record CorrectEntryRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public long EntryId { get; init; }

    public string Reason { get; init; } = "";

    public DateOnly Date { get; init; }

    public string? DocumentNumber { get; init; }

    public string? Issuer { get; init; }

    public string? Note { get; init; }

    /// <summary>For an admission decision: the day it reached the cell.</summary>
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>For a vote.</summary>
    public int? OfficialMembers { get; init; }

    public int? Present { get; init; }

    public int? InFavour { get; init; }

    /// <summary>For a vote: why <see cref="OfficialMembers"/> differs from the cell's member list of the (corrected) vote date.</summary>
    public string? OfficialMembersReason { get; init; }
}

public sealed class CorrectEntryRequestValidator : AbstractValidator<CorrectEntryRequest>
{
    public CorrectEntryRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.EntryId).GreaterThan(0).WithMessage(_ => CoreText.Get("Validation.NoEntryChosen"));
        RuleFor(r => r.Reason).RequiredText("Label.CorrectionReason", RequestValidation.ReasonLength, multiLine: true);
        RuleFor(r => r.Date).RequiredDate("Label.DocumentDate");
        RuleFor(r => r.DocumentNumber).OptionalText("Label.DocumentNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.Issuer).OptionalText("Label.IssuingBody", RequestValidation.IssuerLength);
        RuleFor(r => r.Note).OptionalText("Label.Note", RequestValidation.NoteLength, multiLine: true);
        RuleFor(r => r.OfficialMembers).GreaterThan(0).When(r => r.OfficialMembers is not null)
            .WithMessage(_ => CoreText.Get("Validation.NoOfficialMembers"));
        RuleFor(r => r.Present).GreaterThanOrEqualTo(0).When(r => r.Present is not null).WithMessage(_ => CoreText.Get("Validation.PresentNegative"));
        RuleFor(r => r.OfficialMembersReason).OptionalText("Label.OfficialMembersReason", RequestValidation.ReasonLength, multiLine: true);
        RuleFor(r => r.InFavour).GreaterThanOrEqualTo(0).When(r => r.InFavour is not null).WithMessage(_ => CoreText.Get("Validation.InFavourNegative"));
    }
}
