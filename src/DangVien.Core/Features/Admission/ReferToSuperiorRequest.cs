using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>After three failed recognition votes the matter goes up to the superior committee.</summary>
public sealed record ReferToSuperiorRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly ReferredOn { get; init; }

    public string? DocumentNumber { get; init; }

    /// <summary>The superior committee.</summary>
    public string? ReferredTo { get; init; }

    public string? Note { get; init; }
}

public sealed class ReferToSuperiorRequestValidator : AbstractValidator<ReferToSuperiorRequest>
{
    public ReferToSuperiorRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.ReferredOn).RequiredDate("Label.ReferredOn");
        RuleFor(r => r.DocumentNumber).OptionalText("Label.DocumentNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.ReferredTo).OptionalText("Label.SuperiorCommittee", RequestValidation.IssuerLength);
        RuleFor(r => r.Note).OptionalText("Label.Note", RequestValidation.NoteLength, multiLine: true);
    }
}
