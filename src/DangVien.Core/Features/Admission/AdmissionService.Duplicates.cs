using DangVien.Core.Common;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Admission;

/// <summary>What a possible duplicate matched on.</summary>
public enum DuplicateBasis
{
    CitizenId = 0,
    NameAndBirthDate = 1,
}

/// <summary>
/// A file or a member that may be the same person as a new file. Outside the user's scope only the
/// fact is given: <see cref="Id"/>, <see cref="FullName"/> and <see cref="UnitName"/> are null.
/// </summary>
public sealed record DuplicateMatch(bool IsMember, DuplicateBasis Basis, int? Id, string? FullName, string? UnitName, string Message);

/// <summary>The duplicate warning of a new file.</summary>
public sealed partial class AdmissionService
{
    /// <summary>
    /// Who already holds <paramref name="citizenId"/>, as the rules see it: a file under review other than
    /// <paramref name="exceptCandidateId"/>, and a member (present or former) other than the one that file became. Each is
    /// named only when the user may read its cell; outside the scope it is <see cref="CitizenIdHolder.Unseen"/>.
    /// </summary>
    private async Task<(CitizenIdHolder? OpenFile, CitizenIdHolder? Member)> CitizenIdHoldersAsync(
        string citizenId, int? exceptCandidateId, CancellationToken cancellationToken)
    {
        var file = await db.Candidates.AsNoTracking()
            .Where(c => c.Id != exceptCandidateId && c.CitizenId == citizenId && c.Stage != CandidateStage.Exited && c.Stage != CandidateStage.Removed)
            .OrderBy(c => c.Id)
            .Select(c => new { c.FullName, CellName = c.Cell!.Name, CellPath = c.Cell.Path })
            .FirstOrDefaultAsync(cancellationToken);
        var member = await db.Members.AsNoTracking()
            .Where(m => m.CitizenId == citizenId && (exceptCandidateId == null || m.CandidateId == null || m.CandidateId != exceptCandidateId))
            .OrderBy(m => m.Id)
            .Select(m => new { m.FullName, CellName = m.Cell!.Name, CellPath = m.Cell.Path })
            .FirstOrDefaultAsync(cancellationToken);
        var scope = await access.GetScopeAsync(cancellationToken);
        return (
            file is null ? null : scope.CanRead(file.CellPath) ? new CitizenIdHolder(file.FullName, file.CellName) : CitizenIdHolder.Unseen,
            member is null ? null : scope.CanRead(member.CellPath) ? new CitizenIdHolder(member.FullName, member.CellName) : CitizenIdHolder.Unseen);
    }

    /// <summary>
    /// Files and members with the same citizen ID, or the same full name (case and spacing ignored)
    /// and birth date, except those <see cref="AdmissionRules.CheckCreate"/> already refuses (the citizen
    /// ID of an open file or of a member). Named only when the user may read their unit.
    /// </summary>
    public Task<IReadOnlyList<DuplicateMatch>> FindDuplicatesAsync(string fullName, DateOnly dateOfBirth, string? citizenId, CancellationToken cancellationToken = default) =>
        FindDuplicatesAsync(fullName, dateOfBirth, citizenId, exceptCandidateId: null, cancellationToken);

    /// <summary>As above, leaving out the file being edited (and the member it became).</summary>
    public async Task<IReadOnlyList<DuplicateMatch>> FindDuplicatesAsync(
        string fullName, DateOnly dateOfBirth, string? citizenId, int? exceptCandidateId, CancellationToken cancellationToken = default)
    {
        var name = string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLower(VietnamTime.Culture);
        var id = string.IsNullOrWhiteSpace(citizenId) ? null : citizenId.Trim();
        if (name.Length == 0 && id is null)
        {
            return [];
        }

        var files = await db.Candidates.AsNoTracking()
            .Where(c => c.Id != exceptCandidateId && ((id != null && c.CitizenId == id) || (c.DateOfBirth == dateOfBirth && c.FullName.ToLower() == name)))
            .Select(c => new { c.Id, c.FullName, c.CitizenId, c.Stage, CellName = c.Cell!.Name, CellPath = c.Cell.Path })
            .OrderBy(c => c.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
        var members = await db.Members.AsNoTracking()
            .Where(m => (exceptCandidateId == null || m.CandidateId == null || m.CandidateId != exceptCandidateId)
                && (id == null || m.CitizenId == null || m.CitizenId != id) && m.DateOfBirth == dateOfBirth && m.FullName.ToLower() == name)
            .Select(m => new { m.Id, m.FullName, CellName = m.Cell!.Name, CellPath = m.Cell.Path })
            .OrderBy(m => m.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
        var scope = await access.GetScopeAsync(cancellationToken);
        var born = dateOfBirth.Display();
        var matches = new List<DuplicateMatch>();
        foreach (var file in files)
        {
            var sameId = id is not null && file.CitizenId == id;
            if (sameId && file.Stage is not (CandidateStage.Exited or CandidateStage.Removed))
            {
                continue;
            }

            var basis = sameId ? DuplicateBasis.CitizenId : DuplicateBasis.NameAndBirthDate;
            var what = sameId ? CoreText.Format("Duplicates.SameCitizenId", id) : CoreText.Format("Duplicates.SameNameAndBirth", born);
            matches.Add(scope.CanRead(file.CellPath)
                ? new DuplicateMatch(false, basis, file.Id, file.FullName, file.CellName,
                    CoreText.Format("Duplicates.File", file.FullName, file.Id, file.CellName, AdmissionLabels.Of(file.Stage), what))
                : new DuplicateMatch(false, basis, null, null, null, CoreText.Format("Duplicates.HiddenFile", what)));
        }

        foreach (var member in members)
        {
            matches.Add(scope.CanRead(member.CellPath)
                ? new DuplicateMatch(true, DuplicateBasis.NameAndBirthDate, member.Id, member.FullName, member.CellName,
                    CoreText.Format("Duplicates.Member", member.FullName, member.CellName, born))
                : new DuplicateMatch(true, DuplicateBasis.NameAndBirthDate, null, null, null,
                    CoreText.Format("Duplicates.HiddenMember", born)));
        }

        return matches;
    }
}
