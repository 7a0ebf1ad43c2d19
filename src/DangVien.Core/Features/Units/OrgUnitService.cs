using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Core.Features.Units;

/// <summary>Reads the organisation tree with the figures of each unit's subtree; moves and merges units.</summary>
/// <remarks>The clock and the logger are optional so that the readers' tests can build the service without them.</remarks>
public sealed partial class OrgUnitService(
    DangVienDbContext db,
    CurrentAccess access,
    IValidator<MoveUnitRequest> moveValidator,
    IValidator<MergeUnitRequest> mergeValidator,
    TimeProvider? clock = null,
    ILogger<OrgUnitService>? logger = null)
{
    private readonly TimeProvider _time = clock ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>How many candidates of one stage a unit page lists before "and N more".</summary>
    public const int CandidatesPerStage = 50;

    /// <summary>
    /// The user's starting points in the tree: the top units (no parent) for an administrator, otherwise
    /// the units the user holds a role in (less those inside another of them).
    /// </summary>
    public async Task<List<UnitOverview>> GetRootsAsync(int year, CancellationToken cancellationToken = default) =>
        await Overviews(await StartingPointsAsync(cancellationToken), year).ToListAsync(cancellationToken);

    /// <summary>
    /// The same starting points as <see cref="GetRootsAsync"/>, in the same order, without their figures
    /// (one narrow query: the dashboard only needs to know where to start).
    /// </summary>
    public async Task<List<UnitCrumb>> GetStartingPointsAsync(CancellationToken cancellationToken = default) =>
        await (await StartingPointsAsync(cancellationToken))
            .OrderBy(u => u.Name)
            .Select(u => new UnitCrumb(u.Id, u.Name))
            .ToListAsync(cancellationToken);

    /// <summary>A unit with its children and candidates; null when it does not exist or the user may not read it.</summary>
    public async Task<UnitDetails?> GetUnitAsync(int id, int year, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(id, cancellationToken) is not { } readable)
        {
            return null;
        }

        var unit = await Overviews(db.OrgUnits.Where(u => u.Id == id), year).SingleAsync(cancellationToken);
        var path = readable.Path;
        var scope = await access.GetScopeAsync(cancellationToken);
        var ancestors = await scope.Units(db.OrgUnits)
            .Where(u => u.Path.IsAncestorOf(path) && u.Id != id)
            .OrderBy(u => u.Path.NLevel)
            .Select(u => new UnitCrumb(u.Id, u.Name))
            .ToListAsync(cancellationToken);
        var children = await Overviews(db.OrgUnits.Where(u => u.ParentId == id && u.ValidTo == null), year)
            .ToListAsync(cancellationToken);

        var subtree = db.Candidates.Where(c => c.Cell!.Path.IsDescendantOf(path) && c.Stage < CandidateStage.Official);
        var counts = await subtree.GroupBy(c => c.Stage).Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Stage, g => g.Count, cancellationToken);
        var stages = new List<StageGroup>();
        foreach (var (stage, count) in counts.OrderBy(c => c.Key))
        {
            var rows = await subtree.Where(c => c.Stage == stage)
                .OrderBy(c => c.FullName)
                .Take(CandidatesPerStage)
                .Select(c => new { c.Id, c.FullName, c.DateOfBirth, CellName = c.Cell!.Name, CellPath = c.Cell.Path, c.Stage, c.StageSince })
                .ToListAsync(cancellationToken);
            var candidates = rows.Select(c => new CandidateSummary(
                c.Id, c.FullName, scope.PersonalFieldsAt(c.CellPath).KeepBirthDate(c.DateOfBirth), c.DateOfBirth.Year, c.CellName, c.Stage, c.StageSince)).ToList();
            stages.Add(new StageGroup(stage, count, candidates));
        }

        return new UnitDetails(unit, ancestors, children, stages, year);
    }

    private async Task<IQueryable<OrgUnit>> StartingPointsAsync(CancellationToken cancellationToken)
    {
        var scope = await access.GetScopeAsync(cancellationToken);
        if (scope.SeesEverything)
        {
            return db.OrgUnits.Where(u => u.ParentId == null && u.ValidTo == null);
        }

        var topIds = scope.Grants
            .Where(g => !scope.Grants.Any(other => other.UnitId != g.UnitId && ((string)g.Path).StartsWith((string)other.Path + ".", StringComparison.Ordinal)))
            .Select(g => g.UnitId)
            .Distinct()
            .ToList();
        return db.OrgUnits.Where(u => topIds.Contains(u.Id));
    }

    private IQueryable<UnitOverview> Overviews(IQueryable<OrgUnit> units, int year) =>
        units
            .OrderBy(u => u.Name)
            .Select(u => new UnitOverview(
                u.Id,
                u.Code,
                u.Name,
                u.Kind,
                db.Members.Count(m => (m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary)
                    && m.Cell!.Path.IsDescendantOf(u.Path)),
                db.Candidates.Count(c => c.Stage < CandidateStage.Probation && c.Cell!.Path.IsDescendantOf(u.Path)),
                db.Quotas.Where(q => q.OrgUnitId == u.Id && q.Year == year).Select(q => (int?)q.Total).FirstOrDefault(),
                db.Quotas.Where(q => q.Year == year && q.OrgUnit!.ParentId == u.Id).Sum(q => (int?)q.Total),
                db.OrgUnits.Count(child => child.ParentId == u.Id && child.ValidTo == null)));
}
