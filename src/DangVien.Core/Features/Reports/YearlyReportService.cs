using DangVien.Core.Data;
using DangVien.Core.Data.Seeding;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Reports;

/// <summary>
/// The yearly report on party development of a unit's subtree (báo cáo năm), computed in a few set-based queries
/// over the history so it can run province-wide.
/// </summary>
public sealed class YearlyReportService(DangVienDbContext db, CurrentAccess access, RuleParameterReader parameters)
{
    /// <summary>The steps of the stage funnel, in pipeline order.</summary>
    public static readonly IReadOnlyList<StageKind> FunnelKinds =
    [
        StageKind.Source,
        StageKind.AwarenessCourse,
        StageKind.Application,
        StageKind.HistoryVerification,
        StageKind.Introduction,
        StageKind.Opinion,
        StageKind.CellVote,
        StageKind.CommitteeResolution,
        StageKind.AdmissionDecision,
        StageKind.Ceremony,
    ];

    private static readonly StageKind[] CountedKinds = [.. FunnelKinds, StageKind.Exit];

    /// <summary>
    /// The report of a unit's subtree for a year; null when the unit does not exist or the user may not read it
    /// (the subtree of a readable unit is readable, so every figure is within the user's scope).
    /// </summary>
    /// <remarks>
    /// All figures count the candidates and members of the cells under the unit (see <see cref="Tree"/>: the current tree
    /// in this version) and only history entries that stand (a corrected entry is replaced by its correction):
    /// <list type="bullet">
    /// <item><b>Admitted</b>: as <see cref="QuotaService"/> — a standing admission decision (or ceremony, by the rule
    /// parameter <see cref="RuleKeys.AdmissionCountingDate"/> read for this unit) dated in the year. <b>Quota</b>: the
    /// unit's own quota of the year. <b>Share of members</b>: admitted ÷ members at the start of the year (3–4 % guide).</item>
    /// <item><b>Members at the start / end</b>: members on 31/12 of the previous year / of the year, with the convention of
    /// <see cref="Member.IsMemberOn"/>.</item>
    /// <item><b>By source category</b>: the admitted of each category (a candidate in several categories counts in each),
    /// with the unit's target for that category when set; categories with neither are left out.</item>
    /// <item><b>Funnel</b>: for each stage, the candidates with a standing entry of that kind dated in the year (a cell
    /// vote only when passed); a candidate who later left still counts in the stages reached before. <b>Exited</b>:
    /// candidates with a standing exit dated in the year.</item>
    /// <item><b>Youth Union introduced → admitted</b>: the cohort is the candidates of the Youth Union category
    /// (<see cref="DefaultSourceCategories.YouthUnion"/>, as the candidate's categories stand now) with a standing
    /// introduction dated in the year; of them, those admitted in the year (as above).</item>
    /// <item><b>Awareness course completed → admitted</b>: the cohort is the candidates with a standing awareness-course
    /// entry dated in the year; of them, those admitted in the year. Both rates follow a cohort of one year and the
    /// admissions of that same year, so a closed year's rate no longer changes.</item>
    /// <item><b>Direct children with no admission</b>: child units of the unit with no candidate admitted in the year
    /// under them.</item>
    /// <item><b>Carried over</b>: candidates whose file was in progress at 31/12 of the year: a standing entry on or
    /// before that day, and no standing exit, removal or counted admission entry on or before it.</item>
    /// <item><b>Recognised / removed</b>: probationary members with a standing recognition decision (effective date) /
    /// removal entry dated in the year.</item>
    /// </list>
    /// </remarks>
    public async Task<YearlyReport?> GetAsync(int unitId, int year, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        var basis = await AdmissionCounting.BasisAsync(parameters, unitId, cancellationToken);
        var countedKind = QuotaMath.CountedKind(basis);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var atStart = AdmissionCounting.MemberOn(QuotaMath.MembersCountedOn(year));
        var atEnd = AdmissionCounting.MemberOn(last);

        var tree = Tree();
        var path = unit.Path;
        var cells = tree.Where(n => n.Path.IsDescendantOf(path)).Select(n => n.Id);
        var candidates = db.Candidates.AsNoTracking().Where(c => cells.Contains(c.CellId));
        var standing = AdmissionCounting.Standing(db);
        var admittedIds = AdmissionCounting.AdmittedCandidateIds(db, basis, year);
        var youthUnion = db.SourceCategories.Where(s => s.Code == DefaultSourceCategories.YouthUnion).Select(s => s.Id);
        var introduced = AdmissionCounting.StandingEntries(db, StageKind.Introduction, first, last).Select(e => e.CandidateId);
        var coursed = AdmissionCounting.StandingEntries(db, StageKind.AwarenessCourse, first, last).Select(e => e.CandidateId);
        var recognised = AdmissionCounting.StandingEntries(db, StageKind.RecognitionDecision, first, last).Select(e => e.CandidateId);
        var removed = AdmissionCounting.StandingEntries(db, StageKind.Removal, first, last).Select(e => e.CandidateId);

        var figures = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Id == unitId)
            .Select(u => new
            {
                MembersAtStart = db.Members.Where(atStart).Count(m => cells.Contains(m.CellId)),
                MembersAtEnd = db.Members.Where(atEnd).Count(m => cells.Contains(m.CellId)),
                Admitted = candidates.Count(c => admittedIds.Contains(c.Id)),
                Quota = db.Quotas.Where(q => q.OrgUnitId == unitId && q.Year == year).Select(q => (int?)q.Total).FirstOrDefault(),
                Youth = candidates.Count(c => c.Categories.Any(k => youthUnion.Contains(k.SourceCategoryId)) && introduced.Contains(c.Id)),
                YouthAdmitted = candidates.Count(c => c.Categories.Any(k => youthUnion.Contains(k.SourceCategoryId)) && introduced.Contains(c.Id)
                    && admittedIds.Contains(c.Id)),
                Coursed = candidates.Count(c => coursed.Contains(c.Id)),
                CoursedAdmitted = candidates.Count(c => coursed.Contains(c.Id) && admittedIds.Contains(c.Id)),
                CarriedOver = candidates.Count(c => standing.Any(e => e.CandidateId == c.Id && e.EffectiveOn <= last)
                    && !standing.Any(e => e.CandidateId == c.Id && e.EffectiveOn <= last
                        && (e.Kind == StageKind.Exit || e.Kind == StageKind.Removal || e.Kind == countedKind))),
                Recognised = candidates.Count(c => recognised.Contains(c.Id)),
                Removed = candidates.Count(c => removed.Contains(c.Id)),
            })
            .SingleAsync(cancellationToken);

        var steps = await standing
            .Where(e => e.EffectiveOn >= first && e.EffectiveOn <= last && CountedKinds.Contains(e.Kind)
                && (e.Kind != StageKind.CellVote || e.Vote!.Passed)
                && candidates.Any(c => c.Id == e.CandidateId))
            .GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Candidates = g.Select(e => e.CandidateId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Candidates, cancellationToken);

        var categories = await db.SourceCategories.AsNoTracking()
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.SortOrder,
                Admitted = db.CandidateCategories.Count(k => k.SourceCategoryId == s.Id && candidates.Any(c => c.Id == k.CandidateId) && admittedIds.Contains(k.CandidateId)),
                Target = db.QuotaCategoryTargets
                    .Where(t => t.SourceCategoryId == s.Id && db.Quotas.Any(q => q.Id == t.QuotaId && q.OrgUnitId == unitId && q.Year == year))
                    .Select(t => (int?)t.Target)
                    .FirstOrDefault(),
            })
            .Where(s => s.Admitted > 0 || s.Target != null)
            .OrderBy(s => s.SortOrder)
            .ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);

        var children = await tree
            .Where(n => n.ParentId == unitId && n.Listed)
            .Select(n => new
            {
                n.Id,
                n.Path,
                Admitted = candidates.Any(c => admittedIds.Contains(c.Id) && tree.Any(t => t.Id == c.CellId && t.Path.IsDescendantOf(n.Path))),
            })
            .Join(db.OrgUnits, n => n.Id, u => u.Id, (n, u) => new { n.Id, u.Name, n.Admitted })
            .OrderBy(n => n.Name)
            .ToListAsync(cancellationToken);

        var ancestors = await scope.Units(db.OrgUnits.AsNoTracking())
            .Where(u => u.Path.IsAncestorOf(unit.Path) && u.Id != unitId)
            .OrderBy(u => u.Path.NLevel)
            .Select(u => new UnitCrumb(u.Id, u.Name))
            .ToListAsync(cancellationToken);

        return new YearlyReport(
            unitId,
            unit.Name,
            unit.Kind,
            year,
            ancestors,
            basis,
            figures.MembersAtStart,
            figures.MembersAtEnd,
            figures.Admitted,
            figures.Quota,
            [.. categories.Select(c => new CategoryLine(c.Id, c.Name, c.Admitted, c.Target))],
            [.. FunnelKinds.Select(k => new FunnelStep(k, steps.GetValueOrDefault(k)))],
            steps.GetValueOrDefault(StageKind.Exit),
            new Conversion(figures.Youth, figures.YouthAdmitted),
            new Conversion(figures.Coursed, figures.CoursedAdmitted),
            children.Count,
            [.. children.Where(c => !c.Admitted).Select(c => new UnitCrumb(c.Id, c.Name))],
            figures.CarriedOver,
            figures.Recognised,
            figures.Removed);
    }

    /// <summary>
    /// The highest units the user may read (those whose parent they may not read), by name: where the report opens when no
    /// unit is asked for.
    /// </summary>
    public async Task<IReadOnlyList<UnitCrumb>> TopUnitsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await access.GetScopeAsync(cancellationToken);
        var readable = scope.Units(db.OrgUnits.AsNoTracking()).Where(u => u.ValidTo == null);
        return await readable
            .Where(u => u.ParentId == null || !readable.Any(p => p.Id == u.ParentId))
            .OrderBy(u => u.Path.NLevel)
            .ThenBy(u => u.Name)
            .Select(u => new UnitCrumb(u.Id, u.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The organisation tree the report counts under — the one place that decides it. This version reads the current
    /// tree (<see cref="OrgUnit.Path"/>; every unit where it stands now, <see cref="TreeNode.Listed"/> while it exists, as
    /// the quota sheet lists children); issue 6 item 2 switches it to the <see cref="OrgUnitPlacement"/>s valid on 31/12 of
    /// the year, so units merged or re-parented later count where they stood.
    /// </summary>
    private IQueryable<TreeNode> Tree() =>
        db.OrgUnits.AsNoTracking()
            .Select(u => new TreeNode { Id = u.Id, ParentId = u.ParentId, Path = u.Path, Listed = u.ValidTo == null });

    /// <summary>A unit's place in the tree the report counts under.</summary>
    private sealed class TreeNode
    {
        public int Id { get; init; }

        public int? ParentId { get; init; }

        public LTree Path { get; init; } = new("");

        /// <summary>Whether the unit is listed among its parent's children.</summary>
        public bool Listed { get; init; }
    }
}
