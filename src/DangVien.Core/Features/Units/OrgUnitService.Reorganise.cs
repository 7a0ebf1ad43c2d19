using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Members;
using DangVien.Core.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DangVien.Core.Features.Units;

/// <summary>What the move and merge form shows about the unit: its place, its version, and whether the user may act.</summary>
public sealed record ReorganiseForm(
    int Id, string Name, OrgUnitKind Kind, int? ParentId, string? ParentName, uint Version, DateOnly PlacedSince, DateOnly? ValidTo, bool MayReorganise);

/// <summary>
/// What a move or a merge takes along, counted now: a move takes the unit's subtree (<see cref="SubtreeUnits"/> open units,
/// itself included, with <see cref="SubtreeMembers"/> members and <see cref="SubtreeOpenFiles"/> open candidate files in
/// them); a merge takes the unit's own <see cref="Members"/>, <see cref="OpenFiles"/> and open <see cref="ChildUnits"/>.
/// </summary>
public sealed record ReorganisePreview(int SubtreeUnits, int SubtreeMembers, int SubtreeOpenFiles, int Members, int OpenFiles, int ChildUnits);

/// <summary>
/// Moving (chuyển) and merging (sáp nhập) units. The tree of past years stays as it stood: every unit whose place changes
/// gets its open <see cref="OrgUnitPlacement"/> closed on the day before and a new one opened on the day, so the reports
/// of earlier years still count it where it was. Everything of one action is one transaction behind the unit's xmin.
/// </summary>
public sealed partial class OrgUnitService
{
    /// <summary>The form's facts; null when the unit does not exist or the user may not read it.</summary>
    public async Task<ReorganiseForm?> GetReorganiseFormAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(id, cancellationToken) is not { } readable)
        {
            return null;
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Name, u.Kind, u.ParentId, ParentName = u.Parent == null ? null : u.Parent.Name, u.Version, u.ValidTo })
            .SingleAsync(cancellationToken);
        return new ReorganiseForm(
            unit.Id, unit.Name, unit.Kind, unit.ParentId, unit.ParentName, unit.Version,
            await PlacedSinceAsync(readable.Path, subtree: true, cancellationToken), unit.ValidTo,
            unit.ParentId is not null && unit.ValidTo is null && scope.CanReorganise(readable.Path));
    }

    /// <summary>What a move or a merge of the unit would take along; null when the unit does not exist or the user may not read it.</summary>
    public async Task<ReorganisePreview?> GetReorganisePreviewAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(id, cancellationToken) is not { } readable)
        {
            return null;
        }

        var path = readable.Path;
        var members = db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary);
        var files = db.Candidates.AsNoTracking().Where(c => c.Stage < CandidateStage.Official);
        return new ReorganisePreview(
            await db.OrgUnits.CountAsync(u => u.Path.IsDescendantOf(path) && u.ValidTo == null, cancellationToken),
            await members.CountAsync(m => m.Cell!.Path.IsDescendantOf(path), cancellationToken),
            await files.CountAsync(c => c.Cell!.Path.IsDescendantOf(path), cancellationToken),
            await members.CountAsync(m => m.CellId == id, cancellationToken),
            await files.CountAsync(c => c.CellId == id, cancellationToken),
            await db.OrgUnits.CountAsync(u => u.ParentId == id && u.ValidTo == null, cancellationToken));
    }

    /// <summary>Whether the unit page offers "Chuyển đơn vị / Sáp nhập": an open unit below the top that the user may reorganise.</summary>
    public async Task<bool> CanReorganiseAsync(int id, CancellationToken cancellationToken = default) =>
        await access.ReadableUnitAsync(id, cancellationToken) is { ParentId: not null } unit
        && (await access.GetScopeAsync(cancellationToken)).CanReorganise(unit.Path)
        && await db.OrgUnits.AnyAsync(u => u.Id == id && u.ValidTo == null, cancellationToken);

    /// <summary>
    /// Re-parents the unit with its whole subtree from <see cref="MoveUnitRequest.EffectiveOn"/> on. Fails on
    /// <c>NewParentId</c> (none, not found, itself or below itself, closed, the current parent, a level that does not fit,
    /// outside the user's units), <c>EffectiveOn</c> (none, in the future, not after the current place's start), the form
    /// (unit not found, not allowed, top unit, closed) and a conflict when the unit changed since <paramref name="expectedVersion"/>.
    /// </summary>
    public async Task<Result> MoveAsync(MoveUnitRequest request, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        var (unit, facts, parent, refusal) = await CheckReorganiseAsync(
            request.UnitId, request.NewParentId, request.EffectiveOn, expectedVersion, moveValidator.Errors(request),
            (subtree, other, scope) => ReorganisationRules.CheckMove(subtree, other, request.EffectiveOn, _time.Today(), scope),
            cancellationToken);
        if (refusal is not null || unit is null)
        {
            return refusal!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(unit, cancellationToken))
        {
            return Result.Conflict();
        }

        var moved = await RepositionAsync(unit.Id, parent!.Id, request.EffectiveOn, cancellationToken);
        await access.AuditAsync(
            AuditActions.UnitMove,
            AuditActions.UnitSubject(unit.Id),
            $"{unit.Name}: từ {await NameAsync(facts!.ParentId, cancellationToken)} sang {parent.Name} từ ngày {request.EffectiveOn.Display()}"
                + $" ({moved} đơn vị){Decision(request.DecisionNumber)}",
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The tracked unit's xmin is stale after the SQL above: the next action must read it again.
        db.ChangeTracker.Clear();
        _logger.LogInformation(
            "{UserName} moved unit {UnitId} ({Units} units) under {ParentId} from {EffectiveOn}", access.User.Name, unit.Id, moved, parent.Id, request.EffectiveOn);
        return Result.Success();
    }

    /// <summary>
    /// Merges the unit into another of the same level from <see cref="MergeUnitRequest.EffectiveOn"/> on: its members
    /// (official and probationary, each placed in the target from the day: <see cref="MemberPlacements"/>), its open
    /// candidate files (each with a transfer entry, the history kept as recorded) and its child units move to the target,
    /// and the unit ends the day before (no longer offered anywhere). Fails as <see cref="MoveAsync"/> does, on
    /// <c>TargetId</c> for a target of another level.
    /// </summary>
    public async Task<Result> MergeAsync(MergeUnitRequest request, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        var (unit, _, target, refusal) = await CheckReorganiseAsync(
            request.UnitId, request.TargetId, request.EffectiveOn, expectedVersion, mergeValidator.Errors(request),
            (subtree, other, scope) => ReorganisationRules.CheckMerge(subtree, other, request.EffectiveOn, _time.Today(), scope),
            cancellationToken);
        if (refusal is not null || unit is null)
        {
            return refusal!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(unit, cancellationToken))
        {
            return Result.Conflict();
        }

        var day = request.EffectiveOn;
        var lastDay = day.AddDays(-1);
        var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unit.Id && u.ValidTo == null).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            await RepositionAsync(child, target!.Id, day, cancellationToken);
        }

        var members = await MemberPlacements.MoveCellAsync(db, unit.Id, target!.Id, day, cancellationToken);
        var note = $"Sáp nhập {unit.Name} vào {target.Name}";
        var files = await db.Database.ExecuteSqlAsync($"""
            insert into stage_entries (candidate_id, kind, effective_on, unit_id, document_number, note, recorded_by, recorded_at)
            select c.id, {(short)StageKind.Transfer}, {day}, {target.Id}, {request.DecisionNumber?.Trim()}::text, {note}, {access.User.Name}, {_time.GetUtcNow()}
            from candidates c
            where c.cell_id = {unit.Id} and c.stage < {(short)CandidateStage.Official}
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            update candidates set cell_id = {target.Id}
            where cell_id = {unit.Id} and stage < {(short)CandidateStage.Official}
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            insert into org_unit_placements (org_unit_id, parent_id, path, valid_from, valid_to)
            select u.id, u.parent_id, u.path, u.valid_from, {lastDay}
            from org_units u
            where u.id = {unit.Id} and not exists (select 1 from org_unit_placements p where p.org_unit_id = u.id)
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"update org_unit_placements set valid_to = {lastDay} where org_unit_id = {unit.Id} and valid_to is null", cancellationToken);
        await db.Database.ExecuteSqlAsync($"update org_units set valid_to = {lastDay} where id = {unit.Id}", cancellationToken);
        await access.AuditAsync(
            AuditActions.UnitMerge,
            AuditActions.UnitSubject(unit.Id),
            $"{unit.Name} sáp nhập vào {target.Name} từ ngày {day.Display()}: {members} đảng viên, {files} hồ sơ đang xét, {children.Count} đơn vị trực thuộc chuyển sang"
                + Decision(request.DecisionNumber),
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The tracked unit's xmin is stale after the SQL above: the next action must read it again.
        db.ChangeTracker.Clear();
        _logger.LogInformation(
            "{UserName} merged unit {UnitId} into {TargetId} from {EffectiveOn}: {Members} members, {Files} open files, {Children} child units",
            access.User.Name, unit.Id, target.Id, day, members, files, children.Count);
        return Result.Success();
    }

    /// <summary>The unit, tracked, when the user may reorganise it and it has not changed since the form was read.</summary>
    /// <summary>
    /// What a move and a merge check before they write: the form's own errors, the unit loaded under its version (or the
    /// refusal), and the rules over the unit's subtree and the other unit (the new parent or the target), a rule's error
    /// left out where the form already reported on that field.
    /// </summary>
    private async Task<(OrgUnit? Unit, UnitFacts? Facts, UnitFacts? Other, Result? Refusal)> CheckReorganiseAsync(
        int unitId,
        int otherId,
        DateOnly effectiveOn,
        uint expectedVersion,
        IReadOnlyList<FieldError> invalid,
        Func<UnitFacts, UnitFacts?, AccessScope, IReadOnlyList<FieldError>> rules,
        CancellationToken cancellationToken)
    {
        var (unit, refusal) = await LoadForReorganiseAsync(unitId, expectedVersion, cancellationToken);
        if (refusal is not null)
        {
            return (null, null, null, refusal);
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        var facts = (await FactsAsync(unit!.Id, subtree: true, cancellationToken))!;
        // The other unit is resolved inside the user's scope first: one they cannot see is "not found" and no rule reads its name.
        var other = otherId > 0 && await access.ReadableUnitAsync(otherId, cancellationToken) is not null
            ? await FactsAsync(otherId, subtree: false, cancellationToken)
            : null;
        var errors = invalid.Concat(rules(facts, other, scope).Where(e => !invalid.Any(i => i.Field == e.Field))).ToList();

        // The move changes the figures of the unit's places before and after from the day: a year frozen for either is kept.
        const string dated = nameof(MoveUnitRequest.EffectiveOn);
        if (errors.All(e => e.Field != dated)
            && await FrozenUnitsAsync(other is null ? [unit.Id] : [unit.Id, other.Id], dated, effectiveOn, cancellationToken) is { } frozen)
        {
            errors.Add(frozen);
        }

        return errors.Count > 0 ? (unit, facts, other, Result.Fail(errors)) : (unit, facts, other, null);
    }

    /// <summary>The refusal of a reorganisation dated in a year frozen for one of the units (at it or above it), if any.</summary>
    private async Task<FieldError?> FrozenUnitsAsync(IEnumerable<int> unitIds, string field, DateOnly day, CancellationToken cancellationToken)
    {
        foreach (var id in unitIds)
        {
            if (await FrozenYears.CheckAsync(db, id, field, [day], cancellationToken) is { } frozen)
            {
                return frozen;
            }
        }

        return null;
    }

    private async Task<(OrgUnit? Unit, Result? Refusal)> LoadForReorganiseAsync(int id, uint expectedVersion, CancellationToken cancellationToken)
    {
        var scope = await access.GetScopeAsync(cancellationToken);
        var unit = await db.OrgUnits.AsTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null || !scope.CanRead(unit.Path))
        {
            return (null, Result.Fail("", ReorganisationRules.UnitNotFound));
        }

        if (!scope.CanReorganise(unit.Path))
        {
            _logger.LogWarning("{UserName} may not reorganise unit {UnitId}", access.User.Name, id);
            return (null, Result.Fail("", ReorganisationRules.NotAllowed));
        }

        return unit.Version == expectedVersion ? (unit, null) : (null, Result.Conflict());
    }

    /// <summary>
    /// Writes the unit's row first, where its xmin is still the one read: a concurrent move or merge of the same unit
    /// waits for this transaction and then fails here.
    /// </summary>
    private async Task<bool> ClaimAsync(OrgUnit unit, CancellationToken cancellationToken)
    {
        db.Entry(unit).Property(u => u.Name).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            _logger.LogInformation("Concurrent change refused for unit {UnitId}", unit.Id);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Puts the unit and its subtree under <paramref name="newParentId"/> from <paramref name="day"/> on: the open
    /// placements of its open units end the day before (a unit that had none gets its past one), the paths change, and
    /// each open unit gets a placement from the day. Returns how many open units moved.
    /// </summary>
    private async Task<int> RepositionAsync(int unitId, int newParentId, DateOnly day, CancellationToken cancellationToken)
    {
        var lastDay = day.AddDays(-1);
        await db.Database.ExecuteSqlAsync($"""
            insert into org_unit_placements (org_unit_id, parent_id, path, valid_from, valid_to)
            select u.id, u.parent_id, u.path, u.valid_from, {lastDay}
            from org_units u join org_units m on m.id = {unitId}
            where u.path <@ m.path and u.valid_to is null
                and not exists (select 1 from org_unit_placements p where p.org_unit_id = u.id)
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            update org_unit_placements p set valid_to = {lastDay}
            from org_units u join org_units m on m.id = {unitId}
            where p.org_unit_id = u.id and p.valid_to is null and p.valid_from < {day} and u.path <@ m.path and u.valid_to is null
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            update org_units u set path = np.path || subpath(u.path, nlevel(m.path) - 1)
            from org_units m, org_units np
            where m.id = {unitId} and np.id = {newParentId} and u.path <@ m.path
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"update org_units set parent_id = {newParentId} where id = {unitId}", cancellationToken);
        return await db.Database.ExecuteSqlAsync($"""
            insert into org_unit_placements (org_unit_id, parent_id, path, valid_from)
            select u.id, u.parent_id, u.path, {day}
            from org_units u join org_units m on m.id = {unitId}
            where u.path <@ m.path and u.valid_to is null
            """, cancellationToken);
    }

    private async Task<UnitFacts?> FactsAsync(int id, bool subtree, CancellationToken cancellationToken)
    {
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Name, u.Kind, u.ParentId, u.Path, u.ValidTo })
            .FirstOrDefaultAsync(cancellationToken);
        return unit is null
            ? null
            : new UnitFacts(unit.Id, unit.Name, unit.Kind, unit.ParentId, unit.Path, unit.ValidTo, await PlacedSinceAsync(unit.Path, subtree, cancellationToken));
    }

    /// <summary>The latest start of the current place of the unit (or, with <paramref name="subtree"/>, of any open unit below it too).</summary>
    private async Task<DateOnly> PlacedSinceAsync(LTree path, bool subtree, CancellationToken cancellationToken)
    {
        var text = (string)path;
        var since = await db.Database.SqlQuery<DateOnly?>($"""
            select max(coalesce(
                (select max(p.valid_from) from org_unit_placements p where p.org_unit_id = u.id and p.valid_to is null),
                u.valid_from)) as "Value"
            from org_units u
            where (u.path = {text}::ltree or ({subtree} and u.path <@ {text}::ltree and u.valid_to is null))
            """).SingleAsync(cancellationToken);
        return since ?? default;
    }

    private async Task<string> NameAsync(int? id, CancellationToken cancellationToken) =>
        id is null ? "" : await db.OrgUnits.Where(u => u.Id == id).Select(u => u.Name).SingleAsync(cancellationToken);

    private static string Decision(string? number) => string.IsNullOrWhiteSpace(number) ? "" : $", quyết định {number.Trim()}";
}
