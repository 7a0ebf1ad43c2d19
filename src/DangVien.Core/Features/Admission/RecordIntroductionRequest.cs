using DangVien.Core.Common;
using DangVien.Core.Domain;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>An official member who introduces the candidate, and since when they know each other in the same unit.</summary>
public sealed record IntroducerInput(int MemberId, DateOnly KnownSince);

/// <summary>
/// Step 4: introduction (3-KNĐ) by two official members, or a Youth Union / Trade Union resolution
/// (4-KNĐ) plus one official member.
/// </summary>
public sealed record RecordIntroductionRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public DateOnly IntroducedOn { get; init; }

    public IntroductionBasis Basis { get; init; }

    public IReadOnlyList<IntroducerInput> Introducers { get; init; } = [];

    /// <summary>The Youth Union / Trade Union resolution's number (4-KNĐ), for those bases.</summary>
    public string? ResolutionNumber { get; init; }

    /// <summary>The Youth Union / Trade Union organisation that resolved.</summary>
    public string? ResolutionIssuer { get; init; }
}

public sealed class RecordIntroductionRequestValidator : AbstractValidator<RecordIntroductionRequest>
{
    public RecordIntroductionRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.IntroducedOn).RequiredDate("Label.IntroducedOn");
        RuleFor(r => r.Basis).IsInEnum().WithMessage(_ => CoreText.Get("Validation.BadBasis"));
        RuleForEach(r => r.Introducers).ChildRules(i =>
        {
            i.RuleFor(x => x.MemberId).Id("Label.Introducer");
            i.RuleFor(x => x.KnownSince).RequiredDate("Label.KnownSince");
        });
        RuleFor(r => r.ResolutionNumber).RequiredText("Label.IntroductionResolutionNumber", RequestValidation.DocumentNumberLength)
            .When(r => r.Basis != IntroductionBasis.TwoMembers);
        RuleFor(r => r.ResolutionIssuer).OptionalText("Label.UnionOrganisation", RequestValidation.IssuerLength);
    }
}
