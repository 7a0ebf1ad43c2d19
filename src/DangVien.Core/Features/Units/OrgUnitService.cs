using DangVien.Core.Data;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Units;

/// <summary>Reads the organisation tree with the figures of each unit's subtree.</summary>
public sealed class OrgUnitService(DangVienDbContext db)
{
    /// <summary>How many candidates of one stage a unit page lists before "and N more".</summary>
    public const int CandidatesPerStage = 50;

    /// <summary>The top units (no parent) that exist today.</summary>
    public Task<List<UnitOverview>> GetRootsAsync(int year, CancellationToken cancellationToken = default) =>
        Overviews(db.OrgUnits.Where(u => u.ParentId == null && u.ValidTo == null), year).ToListAsync(cancellationToken);

    public async Task<UnitDetails?> GetUnitAsync(int id, int year, CancellationToken cancellationToken = default)
    {
        var unit = await Overviews(db.OrgUnits.Where(u => u.Id == id), year).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var path = await db.OrgUnits.Where(u => u.Id == id).Select(u => u.Path).SingleAsync(cancellationToken);
        var ancestors = await db.OrgUnits
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
            var candidates = await subtree.Where(c => c.Stage == stage)
                .OrderBy(c => c.FullName)
                .Take(CandidatesPerStage)
                .Select(c => new CandidateSummary(c.Id, c.FullName, c.DateOfBirth, c.Cell!.Name, c.Stage, c.StageSince))
                .ToListAsync(cancellationToken);
            stages.Add(new StageGroup(stage, count, candidates));
        }

        return new UnitDetails(unit, ancestors, children, stages, year);
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
