using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Reports;
using DangVien.Core.Features.Units;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DangVien.Core.Features.Quotas;

/// <summary>
/// Yearly admission targets (chỉ tiêu kết nạp): a unit's quota sheet (its children's members base, the
/// 3–4 % guide of Nghị quyết 21-NQ/TW, their quotas and admissions so far), assigning the children's
/// quotas, and a unit's quota history.
/// </summary>
/// <remarks>
/// Counting conventions, applied in SQL over each unit's current subtree (<c>path &lt;@ unit.path</c>):
/// <list type="bullet">
/// <item>Members base of year Y: members of the subtree's cells admitted on or before 31/12 of Y−1 and not
/// left on or before that day (<see cref="Member.IsMemberOn"/>: one who left on 31/12 is not counted; a
/// member marked left or removed without a date is not counted either).</item>
/// <item>Admitted in year Y: candidates of the subtree's cells with an admission decision dated in Y that
/// stands (not superseded by a correction), or with a ceremony dated in Y when the rule parameter
/// <see cref="RuleKeys.AdmissionCountingDate"/> says so. The parameter is read for the unit whose sheet or
/// history it is, so the unit and its children are counted on one basis.</item>
/// </list>
/// </remarks>
public sealed class QuotaService(
    DangVienDbContext db,
    CurrentAccess access,
    RuleParameterReader parameters,
    IValidator<AssignQuotasRequest> validator,
    TimeProvider time,
    ILogger<QuotaService> logger)
{
    /// <summary>The categories DOMAIN.md names as usual targets (youth, students, private-sector workers, women, ethnic minorities).</summary>
    private static readonly string[] UsualCategoryCodes =
    [
        DefaultSourceCategories.YouthUnion,
        DefaultSourceCategories.Student,
        DefaultSourceCategories.PrivateEnterpriseWorker,
        DefaultSourceCategories.Woman,
        DefaultSourceCategories.EthnicMinority,
    ];

    /// <summary>
    /// The quota sheet of a unit for a year; null when the unit does not exist or the user may not read it.
    /// </summary>
    public Task<QuotaSheet?> GetQuotaSheetAsync(int unitId, int year, CancellationToken cancellationToken = default) =>
        SheetAsync(unitId, year, forAssignment: true, cancellationToken);

    /// <summary>
    /// The same figures without what only the assignment form needs: the quotas carry no per-category targets
    /// and <see cref="QuotaSheet.Categories"/> is empty (one query fewer and a narrower one, for the dashboard).
    /// Null when the unit does not exist or the user may not read it.
    /// </summary>
    public Task<QuotaSheet?> GetQuotaProgressAsync(int unitId, int year, CancellationToken cancellationToken = default) =>
        SheetAsync(unitId, year, forAssignment: false, cancellationToken);

    private async Task<QuotaSheet?> SheetAsync(int unitId, int year, bool forAssignment, CancellationToken cancellationToken)
    {
        if (await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        var basis = await BasisAsync(unitId, cancellationToken);

        var ancestors = await scope.Units(db.OrgUnits.AsNoTracking())
            .Where(u => u.Path.IsAncestorOf(unit.Path) && u.Id != unitId)
            .OrderBy(u => u.Path.NLevel)
            .Select(u => new UnitCrumb(u.Id, u.Name))
            .ToListAsync(cancellationToken);

        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Id == unitId || (u.ParentId == unitId && u.ValidTo == null))
            .OrderBy(u => u.Name)
            .Select(u => new { u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path })
            .ToListAsync(cancellationToken);
        var (members, admitted) = await SubtreeFiguresAsync(unit.Path, basis, year, cancellationToken);
        var figures = units
            .Select(u => new
            {
                u.Id,
                u.Code,
                u.Name,
                u.Kind,
                u.ParentId,
                u.Path,
                Members = u.Id == unitId ? members.Values.Sum() : members.GetValueOrDefault(u.Id),
                Admitted = u.Id == unitId ? admitted.Values.Sum() : admitted.GetValueOrDefault(u.Id),
            })
            .ToList();

        var quotas = await QuotasAsync(figures.Select(f => f.Id).ToList(), year, withTargets: forAssignment, cancellationToken);
        var own = figures.Single(f => f.Id == unitId);
        var children = figures
            .Where(f => f.Id != unitId)
            .Select(f => new ChildQuotaLine(
                f.Id, f.Code, f.Name, f.Kind, f.Members, quotas.GetValueOrDefault(f.Id), f.Admitted,
                scope.CanAssignQuota(f.Path, f.ParentId)))
            .ToList();
        var categories = forAssignment ? await CategoriesAsync(quotas.Values, cancellationToken) : [];

        var isTop = own.ParentId is null;
        return new QuotaSheet(
            unitId, own.Name, own.Kind, year, ancestors, basis, own.Members, quotas.GetValueOrDefault(unitId), own.Admitted,
            categories, children, isTop, isTop && scope.CanAssignQuota(own.Path, null));
    }

    /// <summary>
    /// Sets the quotas of several child units for a year in one transaction. Nothing is saved when any row
    /// fails, and a row whose quota changed since the user loaded it makes the whole request a
    /// <see cref="Result.Conflict"/>. On success, the value is the number of quotas created or changed.
    /// </summary>
    public async Task<Result<int>> AssignAsync(AssignQuotasRequest request, CancellationToken cancellationToken = default)
    {
        var invalid = validator.Validate(request).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (invalid.Count > 0)
        {
            return Result<int>.Fail(invalid);
        }

        if (await access.ReadableUnitAsync(request.UnitId, cancellationToken) is not { } parent)
        {
            return Result<int>.Fail(nameof(request.UnitId), CoreText.Get("Quota.UnitNotFound"));
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        if (request.Children.Count == 0)
        {
            // Nothing to save; still, only someone who may assign here gets a success.
            var children = await db.OrgUnits.AsNoTracking()
                .Where(u => u.ParentId == parent.Id && u.ValidTo == null)
                .Select(u => new { u.Path, u.ParentId })
                .ToListAsync(cancellationToken);
            return children.Any(c => scope.CanAssignQuota(c.Path, c.ParentId)) ? Result<int>.Success(0) : Result<int>.Fail("", Messages.NotAllowed);
        }

        var childIds = request.Children.Select(c => c.UnitId).ToList();
        var rowUnits = await access.ReadableUnitsAsync(childIds, cancellationToken);

        // Permission first (a unit the user may not read is "not found", so ids do not leak), then the structure.
        var errors = new List<FieldError>();
        for (var i = 0; i < request.Children.Count; i++)
        {
            var row = request.Children[i];
            if (!rowUnits.TryGetValue(row.UnitId, out var child))
            {
                errors.Add(new FieldError(RowField(i, nameof(ChildQuotaInput.Total)), CoreText.Get("Quota.UnitNotFound")));
            }
            else if (!scope.CanAssignQuota(child.Path, child.ParentId))
            {
                return Result<int>.Fail("", Messages.NotAllowed);
            }
            else if (child.ParentId != parent.Id)
            {
                errors.Add(new FieldError(RowField(i, nameof(ChildQuotaInput.Total)), CoreText.Format("Quota.NotAChild", child.Name, parent.Name)));
            }
            else if ((await FrozenYears.FrozenAsync(db, child.Id, [request.Year], cancellationToken)).Count > 0)
            {
                errors.Add(new FieldError(RowField(i, nameof(ChildQuotaInput.Total)), FrozenYears.Message(request.Year)));
            }
        }

        return await WriteAsync(request.Year, request.Children, parent.Id, errors, cancellationToken);
    }

    /// <summary>
    /// Sets the own quota of a top unit (the province), which has no level above it in the tree to assign it: only an
    /// administrator may. The quota is one row named <c>Children[0]</c> in errors, as on <see cref="AssignAsync"/>; its
    /// <see cref="ChildQuotaInput.UnitId"/> must be the unit's. A unit that has a parent is refused with where its quota
    /// is set; anyone but an administrator gets <see cref="Messages.NotAllowed"/>. Same versions, conflicts and targets as
    /// <see cref="AssignAsync"/>; the stored quota names no assigning unit.
    /// </summary>
    public async Task<Result<int>> AssignTopQuotaAsync(int unitId, int year, ChildQuotaInput quota, CancellationToken cancellationToken = default)
    {
        var request = new AssignQuotasRequest(unitId, year, [quota]);
        var invalid = validator.Validate(request).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (invalid.Count > 0)
        {
            return Result<int>.Fail(invalid);
        }

        if (await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit || quota.UnitId != unitId)
        {
            return Result<int>.Fail(nameof(request.UnitId), CoreText.Get("Quota.UnitNotFound"));
        }

        if (unit.ParentId is { } parentId)
        {
            var parentName = await db.OrgUnits.Where(u => u.Id == parentId).Select(u => u.Name).SingleAsync(cancellationToken);
            return Result<int>.Fail("", CoreText.Format("Quota.SetByParent", unit.Name, parentName));
        }

        if (!(await access.GetScopeAsync(cancellationToken)).CanAssignQuota(unit.Path, null))
        {
            logger.LogWarning("{UserName} may not set the quota of top unit {UnitId}", access.User.Name, unitId);
            return Result<int>.Fail("", Messages.NotAllowed);
        }

        return await WriteAsync(year, request.Children, assignedByUnitId: null, [], cancellationToken);
    }

    /// <summary>
    /// The write shared by <see cref="AssignAsync"/> and <see cref="AssignTopQuotaAsync"/>, once the rows' units are
    /// checked: the categories named, the versions the user saw, no erased total, then one save with an audit entry
    /// per quota created or changed (<see cref="AuditActions.QuotaAssign"/>: the year, the total before and after).
    /// </summary>
    private async Task<Result<int>> WriteAsync(
        int year, IReadOnlyList<ChildQuotaInput> rows, int? assignedByUnitId, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var childIds = rows.Select(c => c.UnitId).ToList();
        var categoryIds = rows.SelectMany(c => c.Targets).Select(t => t.CategoryId).Distinct().ToList();
        var knownCategories = await db.SourceCategories.AsNoTracking()
            .Where(c => categoryIds.Contains(c.Id))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            var targets = rows[i].Targets;
            for (var j = 0; j < targets.Count; j++)
            {
                if (!knownCategories.Contains(targets[j].CategoryId))
                {
                    errors.Add(new FieldError(TargetField(i, j), CoreText.Get("Quota.CategoryNotFound")));
                }
            }
        }

        // Nothing about the quotas of a unit not found (does it have one? which version?) may change the answer.
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        var existing = await db.Quotas.AsTracking()
            .Include(q => q.CategoryTargets)
            .Where(q => q.Year == year && childIds.Contains(q.OrgUnitId))
            .ToDictionaryAsync(q => q.OrgUnitId, cancellationToken);

        // A quota created, changed or removed by someone else since the form was loaded: nothing is saved.
        if (rows.Any(row => existing.TryGetValue(row.UnitId, out var quota) ? quota.Version != row.ExpectedVersion : row.ExpectedVersion is not null))
        {
            return Result<int>.Conflict();
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Total is null && existing.ContainsKey(rows[i].UnitId))
            {
                errors.Add(new FieldError(RowField(i, nameof(ChildQuotaInput.Total)), CoreText.Get("Quota.TotalMissing")));
            }
        }

        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        var now = time.GetUtcNow();
        var changed = 0;
        foreach (var row in rows)
        {
            if (row.Total is not { } total)
            {
                continue;
            }

            var before = existing.TryGetValue(row.UnitId, out var quota) ? quota.Total.ToString(CultureInfo.InvariantCulture) : "—";
            if (quota is null)
            {
                quota = new Quota { OrgUnitId = row.UnitId, Year = year };
                db.Quotas.Add(quota);
            }
            else if (!Changes(quota, total, row.Targets))
            {
                continue;
            }
            else
            {
                // The version the user saw: SaveChanges checks it again (xmin), so a change made between
                // this read and the write is a conflict too.
                db.Entry(quota).Property(q => q.Version).OriginalValue = row.ExpectedVersion!.Value;
            }

            quota.Total = total;
            Apply(quota, row.Targets);
            quota.AssignedByUnitId = assignedByUnitId;
            quota.AssignedBy = access.User.Name;
            quota.AssignedAt = now;
            changed++;
            await access.AuditAsync(
                AuditActions.QuotaAssign, AuditActions.UnitSubject(row.UnitId),
                string.Create(CultureInfo.InvariantCulture, $"{year}: {before} → {total}"), save: false, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<int>.Conflict();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another user created one of these quotas at the same moment.
            db.ChangeTracker.Clear();
            return Result<int>.Conflict();
        }

        logger.LogInformation("Assigned {Year} quotas of {Changed} units (assigning unit {UnitId})", year, changed, assignedByUnitId);
        return Result<int>.Success(changed);
    }

    /// <summary>The unit's quota of every year that has one, newest first, with the admissions of that year; null when not readable.</summary>
    public async Task<QuotaHistory?> GetQuotaHistoryAsync(int unitId, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        var basis = await BasisAsync(unitId, cancellationToken);
        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.OrgUnitId == unitId)
            .OrderByDescending(q => q.Year)
            .Select(q => new { q.Year, q.Total, q.AssignedBy, q.AssignedAt })
            .ToListAsync(cancellationToken);
        if (quotas.Count == 0)
        {
            return new QuotaHistory(unitId, basis, []);
        }

        var first = new DateOnly(quotas[^1].Year, 1, 1);
        var last = new DateOnly(quotas[0].Year, 12, 31);
        var kind = QuotaMath.CountedKind(basis);
        var path = unit.Path;
        var admitted = await AdmissionCounting.StandingEntries(db, kind, first, last)
            .Where(e => db.Candidates.Any(c => c.Id == e.CandidateId && c.Cell!.Path.IsDescendantOf(path)))
            .GroupBy(e => e.EffectiveOn.Year)
            .Select(g => new { Year = g.Key, Count = g.Select(e => e.CandidateId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Year, g => g.Count, cancellationToken);

        return new QuotaHistory(unitId, basis, [.. quotas.Select(q => new QuotaYear(q.Year, q.Total, admitted.GetValueOrDefault(q.Year), q.AssignedBy, q.AssignedAt))]);
    }

    /// <summary>
    /// The members base and the admissions of a year over a unit's subtree, each counted once by the child unit
    /// whose subtree holds the cell (key: the child's id, the label of the cell's path just below the unit; 0 for
    /// a cell that is the unit itself). The unit's own figure is the sum. Two grouped queries, whatever the
    /// number of children: members counted per cell (an index scan each) then added up by child, and the
    /// admissions read from the year's standing entries (a few thousand in a province) rather than from every
    /// candidate of every child's subtree. The path is a parameter, so the planner sees how large the subtree is.
    /// </summary>
    private async Task<(Dictionary<int, int> Members, Dictionary<int, int> Admitted)> SubtreeFiguresAsync(
        LTree path, AdmissionCountingBasis basis, int year, CancellationToken cancellationToken)
    {
        var level = ((string)path).Split('.').Length;
        var countedOn = QuotaMath.MembersCountedOn(year);
        var memberOn = MemberStanding.MemberOn(countedOn);
        var members = await db.OrgUnits.AsNoTracking()
            .Where(cell => cell.Path.IsDescendantOf(path))
            .Select(cell => new
            {
                Branch = cell.Path.NLevel > level ? cell.Path.Subpath(level, 1) : (LTree?)null,
                Count = db.Members.Where(memberOn).Count(m => m.CellId == cell.Id),
            })
            .GroupBy(c => c.Branch)
            .Select(g => new { g.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);

        var admitted = await (
                from e in AdmissionCounting.StandingEntries(db, QuotaMath.CountedKind(basis), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
                join c in db.Candidates on e.CandidateId equals c.Id
                join cell in db.OrgUnits on c.CellId equals cell.Id
                where cell.Path.IsDescendantOf(path)
                select new { c.Id, Branch = cell.Path.NLevel > level ? cell.Path.Subpath(level, 1) : (LTree?)null })
            .Distinct()
            .GroupBy(a => a.Branch)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return (
            members.ToDictionary(m => BranchId(m.Key), m => m.Count),
            admitted.ToDictionary(a => BranchId(a.Key), a => a.Count));

        static int BranchId(LTree? branch) => branch is { } label ? int.Parse((string)label, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private Task<AdmissionCountingBasis> BasisAsync(int unitId, CancellationToken cancellationToken) =>
        AdmissionCounting.BasisAsync(parameters, unitId, cancellationToken);

    private async Task<Dictionary<int, AssignedQuota>> QuotasAsync(List<int> unitIds, int year, bool withTargets, CancellationToken cancellationToken)
    {
        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.Year == year && unitIds.Contains(q.OrgUnitId))
            .Select(q => new
            {
                q.OrgUnitId,
                q.Total,
                q.Version,
                q.AssignedByUnitId,
                q.AssignedBy,
                q.AssignedAt,
                Targets = withTargets ? q.CategoryTargets.Select(t => new { t.SourceCategoryId, t.Target }).ToList() : null,
            })
            .ToListAsync(cancellationToken);
        return quotas.ToDictionary(
            q => q.OrgUnitId,
            q => new AssignedQuota(
                q.Total,
                q.Targets?.ToDictionary(t => t.SourceCategoryId, t => t.Target) ?? [],
                q.Version,
                q.AssignedByUnitId,
                q.AssignedBy,
                q.AssignedAt));
    }

    /// <summary>
    /// The categories offered on the form: the usual ones of DOMAIN.md and every category that already has
    /// a target on this sheet (so a form post covers every stored target), in display order.
    /// </summary>
    private async Task<List<QuotaCategory>> CategoriesAsync(IEnumerable<AssignedQuota> quotas, CancellationToken cancellationToken)
    {
        var withTargets = quotas.SelectMany(q => q.Targets.Keys).Distinct().ToList();
        return await db.SourceCategories.AsNoTracking()
            .Where(c => withTargets.Contains(c.Id) || (c.IsActive && UsualCategoryCodes.Contains(c.Code)))
            .OrderBy(c => c.SortOrder)
            .ThenBy(c => c.Id)
            .Select(c => new QuotaCategory(c.Id, DefaultSourceCategories.Shown(c.Code, c.Name)))
            .ToListAsync(cancellationToken);
    }

    internal static bool Changes(Quota quota, int total, IReadOnlyList<CategoryTargetInput> targets) =>
        quota.Total != total
        || targets.Any(t => quota.CategoryTargets.FirstOrDefault(c => c.SourceCategoryId == t.CategoryId)?.Target != t.Target);

    private static void Apply(Quota quota, IReadOnlyList<CategoryTargetInput> targets)
    {
        foreach (var input in targets)
        {
            var stored = quota.CategoryTargets.FirstOrDefault(c => c.SourceCategoryId == input.CategoryId);
            if (input.Target is not { } target)
            {
                if (stored is not null)
                {
                    quota.CategoryTargets.Remove(stored);
                }
            }
            else if (stored is null)
            {
                quota.CategoryTargets.Add(new QuotaCategoryTarget { SourceCategoryId = input.CategoryId, Target = target });
            }
            else
            {
                stored.Target = target;
            }
        }
    }

    private static string RowField(int row, string field) => $"{nameof(AssignQuotasRequest.Children)}[{row}].{field}";

    private static string TargetField(int row, int target) => $"{nameof(AssignQuotasRequest.Children)}[{row}].{nameof(ChildQuotaInput.Targets)}[{target}]";
}
