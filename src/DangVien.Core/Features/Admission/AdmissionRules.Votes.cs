using DangVien.Core.Common;

namespace DangVien.Core.Features.Admission;

// Votes: two thirds of the cell's official members, and the counts of a vote.
public static partial class AdmissionRules
{
    /// <summary>Two thirds of the cell's official members in favour (not of those present).</summary>
    public static bool PassesTwoThirds(int officialMembers, int inFavour) => (long)inFavour * 3 >= (long)officialMembers * 2;

    /// <summary>The fewest votes in favour that pass (<see cref="PassesTwoThirds"/>): 30 of 44, 16 of 24, 2 of 3.</summary>
    public static int InFavourNeeded(int officialMembers) => (int)((((long)officialMembers * 2) + 2) / 3);

    /// <summary>The share in favour of the cell's official members (the base of <see cref="PassesTwoThirds"/>), in percent rounded to two decimals: 10 of 12 is 83.33.</summary>
    public static decimal VoteShare(int officialMembers, int inFavour) =>
        officialMembers <= 0 ? 0m : Math.Round(inFavour * 100m / officialMembers, 2, MidpointRounding.AwayFromZero);

    /// <summary>In favour ≤ present ≤ official members.</summary>
    public static IEnumerable<FieldError> VoteCounts(int officialMembers, int present, int inFavour)
    {
        if (present > officialMembers)
        {
            yield return new FieldError("Present", CoreText.Format("Vote.PresentOverOfficial", present, officialMembers));
        }

        if (inFavour > present)
        {
            yield return new FieldError("InFavour", CoreText.Format("Vote.InFavourOverPresent", inFavour, present));
        }
    }

    /// <summary>What a written reason for a number of official members that differs from the member list says for an imported history.</summary>
    public const string ImportedRosterReason = "Nhập từ hồ sơ cũ";

    /// <summary>
    /// The typed number of official members against the cell's member list on the vote date (<see cref="VoteRoster"/>):
    /// more than the members of any standing placed in the cell that day is refused outright; a number that differs from
    /// the official members of the list needs a written reason.
    /// </summary>
    public static IEnumerable<FieldError> VoteRosterRule(VoteRoster roster, DateOnly votedOn, int officialMembers, string? reason)
    {
        if (officialMembers > roster.Members)
        {
            yield return new FieldError(nameof(IVoteRequest.OfficialMembers), CoreText.Format("Vote.OfficialOverRoster", officialMembers, D(votedOn), roster.Members));
        }
        else if (officialMembers != roster.Official && string.IsNullOrWhiteSpace(reason))
        {
            yield return new FieldError(nameof(IVoteRequest.OfficialMembersReason), OfficialMembersReasonNeeded(roster.Official));
        }
    }

    /// <summary>The refusal of a number of official members that differs from the member list without a reason.</summary>
    public static string OfficialMembersReasonNeeded(int listed) =>
        CoreText.Format("Vote.ReasonNeeded", listed);
}

/// <summary>A cell's vote (admission or recognition): its date and the number of official members it counts on.</summary>
public interface IVoteRequest : ICandidateRequest
{
    DateOnly VotedOn { get; }

    int OfficialMembers { get; }

    string? OfficialMembersReason { get; }
}

/// <summary>
/// A cell's member list on a day (<see cref="Domain.MemberStanding"/>): its official members (the base of a vote's two
/// thirds) and its members of any standing, official or probationary (the most a vote can count).
/// </summary>
public sealed record VoteRoster(int CellId, DateOnly On, int Official, int Members);
