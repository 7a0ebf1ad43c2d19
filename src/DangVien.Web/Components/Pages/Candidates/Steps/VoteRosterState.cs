using DangVien.Core.Features.Admission;
using DangVien.Web.Hosting;

namespace DangVien.Web.Components.Pages.Candidates.Steps;

/// <summary>What a vote form types that the cell's member list of the vote date fills in.</summary>
public interface IVoteModel
{
    int? OfficialMembers { get; set; }
}

/// <summary>
/// The cell's member list on the vote date a vote form counts on (<see cref="AdmissionService.GetVoteRosterAsync"/>):
/// read again when the date changes, and the number of official members filled in from it unless one was typed.
/// Whether a different number is allowed is Core's rule; the form only shows the list beside the field.
/// </summary>
public sealed class VoteRosterState(int filledIn)
{
    private int? _filledIn = filledIn > 0 ? filledIn : null;

    /// <summary>The list of the vote date once it is read; null before a date is typed.</summary>
    public VoteRoster? Roster { get; private set; }

    /// <summary>Reads the list of <paramref name="votedOn"/> (once per date) and fills the number in when none of the user's own is typed.</summary>
    public async Task RefreshAsync(CircuitServices calls, int candidateId, DateOnly votedOn, IVoteModel typed, CancellationToken cancellationToken)
    {
        if (votedOn == default || Roster?.On == votedOn)
        {
            return;
        }

        Roster = await calls.RunAsync<AdmissionService, VoteRoster?>((admission, ct) => admission.GetVoteRosterAsync(candidateId, votedOn, ct), cancellationToken);
        if (Roster is { } roster && (typed.OfficialMembers is null || typed.OfficialMembers == _filledIn))
        {
            typed.OfficialMembers = roster.Official;
            _filledIn = roster.Official;
        }
    }

    /// <summary>Whether the typed number differs from the list of the vote date: the form then asks for the reason.</summary>
    public bool Differs(int? typed) => Roster is { } roster && typed is { } number && number != roster.Official;
}
