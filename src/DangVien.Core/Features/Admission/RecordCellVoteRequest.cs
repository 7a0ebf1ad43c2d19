using DangVien.Core.Common;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>Step 6: the cell's vote on admission (nghị quyết 6-KNĐ).</summary>
public sealed record RecordCellVoteRequest : IVoteRequest
{
    public int CandidateId { get; init; }

    public DateOnly VotedOn { get; init; }

    public string? ResolutionNumber { get; init; }

    /// <summary>Official members of the cell on the day (the base of the two thirds).</summary>
    public int OfficialMembers { get; init; }

    public int Present { get; init; }

    public int InFavour { get; init; }

    /// <summary>Why <see cref="OfficialMembers"/> differs from the cell's member list of the day: required then, and recorded.</summary>
    public string? OfficialMembersReason { get; init; }
}

public sealed class RecordCellVoteRequestValidator : AbstractValidator<RecordCellVoteRequest>
{
    public RecordCellVoteRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        RuleFor(r => r.VotedOn).RequiredDate("Label.CellVotedOn");
        RuleFor(r => r.ResolutionNumber).OptionalText("Label.ResolutionNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.OfficialMembers).GreaterThan(0).WithMessage(_ => CoreText.Get("Validation.NoOfficialMembers"));
        RuleFor(r => r.Present).Count("Label.Present");
        RuleFor(r => r.InFavour).Count("Label.InFavour");
        RuleFor(r => r.OfficialMembersReason).OptionalText("Label.RosterReason", RequestValidation.ReasonLength, multiLine: true);
    }
}
