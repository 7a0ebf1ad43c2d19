using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Access;

/// <summary>A unit as the access checks see it.</summary>
public sealed record UnitRef(int Id, string Name, OrgUnitKind Kind, int? ParentId, LTree Path);

/// <summary>
/// The current user's <see cref="AccessScope"/>, read once per request (one small query, or none while the
/// <see cref="AccessCache"/> keeps it), and the
/// audit log of what they read. Every service scopes its queries and checks its writes through it.
/// </summary>
public sealed class CurrentAccess(ICurrentUser user, DangVienDbContext db, TimeProvider time, AccessCache? cache = null)
{
    /// <summary>Without a cache (a command, a test) the grants are read on every first call.</summary>
    private readonly AccessCache _cache = cache ?? AccessCache.Off;

    private AccessScope? _scope;

    /// <summary>
    /// The units looked up in this request (a dashboard asks for the same unit from the quota sheet and the alerts),
    /// found or not; the scope check runs on every call. The instance lives for one request of one user.
    /// </summary>
    private readonly Dictionary<int, UnitRef?> _units = [];

    /// <summary>What a lookup reads of a unit, the one projection of the single and the batch lookups.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<OrgUnit, UnitRef>> ToUnitRef =
        u => new UnitRef(u.Id, u.Name, u.Kind, u.ParentId, u.Path);

    /// <summary>The subjects whose refusal is already in the audit log for this request.</summary>
    private readonly HashSet<string> _denied = [];

    public ICurrentUser User => user;

    public async Task<AccessScope> GetScopeAsync(CancellationToken cancellationToken = default)
    {
        if (_scope is not null)
        {
            return _scope;
        }

        if (user.IsSystem)
        {
            return _scope = AccessScope.Everything(user.Name);
        }

        if (user.UserId is null)
        {
            return _scope = AccessScope.Nothing;
        }

        if (_cache.TryGetGrants(user.UserId, out var kept))
        {
            return _scope = AccessScope.For(user.Name, kept);
        }

        var generation = _cache.Generation;
        var grants = await db.RoleAssignments
            .AsNoTracking()
            .Where(r => r.UserId == user.UserId && r.OrgUnit!.ValidTo == null)
            .Select(r => new UnitGrant(r.OrgUnitId, r.OrgUnit!.Path, r.OrgUnit.Kind, r.Role))
            .ToListAsync(cancellationToken);
        _cache.KeepGrants(generation, user.UserId, grants);
        return _scope = AccessScope.For(user.Name, grants);
    }

    /// <summary>The unit when it exists and the user may read it; null otherwise (so ids do not leak).</summary>
    public async Task<UnitRef?> ReadableUnitAsync(int unitId, CancellationToken cancellationToken = default)
    {
        if (!_units.TryGetValue(unitId, out var unit))
        {
            unit = await db.OrgUnits.AsNoTracking()
                .Where(u => u.Id == unitId)
                .Select(ToUnitRef)
                .FirstOrDefaultAsync(cancellationToken);
            _units[unitId] = unit;
        }

        if (unit is null)
        {
            return null;
        }

        if (!(await GetScopeAsync(cancellationToken)).CanRead(unit.Path))
        {
            await DeniedAsync(AuditActions.UnitSubject(unitId), cancellationToken);
            return null;
        }

        return unit;
    }

    /// <summary>
    /// Records that the user asked for an existing record outside their scope (answered as not found, like an id that
    /// does not exist). Written at once by its own statement, so it neither saves nor waits for the caller's pending
    /// changes; once per subject per request.
    /// </summary>
    public async Task DeniedAsync(string subject, CancellationToken cancellationToken = default)
    {
        if (!_denied.Add(subject))
        {
            return;
        }

        var at = time.GetUtcNow();
        var userName = user.Name;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO audit_entries (at, user_name, action, subject, detail) VALUES ({at}, {userName}, {AuditActions.Denied}, {subject}, {"ngoài phạm vi được xem"})",
            cancellationToken);
    }

    /// <summary>
    /// The readable units among <paramref name="unitIds"/>, in one query: an id outside the user's scope is left out
    /// exactly as one that does not exist, so no rule ever reads its name, kind or state.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, UnitRef>> ReadableUnitsAsync(IEnumerable<int> unitIds, CancellationToken cancellationToken = default)
    {
        var wanted = unitIds.Distinct().ToList();
        var missing = wanted.Where(id => !_units.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var found = await db.OrgUnits.AsNoTracking()
                .Where(u => missing.Contains(u.Id))
                .Select(ToUnitRef)
                .ToDictionaryAsync(u => u.Id, cancellationToken);
            foreach (var id in missing)
            {
                _units[id] = found.GetValueOrDefault(id);
            }
        }

        var scope = await GetScopeAsync(cancellationToken);
        return wanted.Select(id => _units[id]).OfType<UnitRef>().Where(u => scope.CanRead(u.Path)).ToDictionary(u => u.Id);
    }

    /// <summary>
    /// Members of the cells the user may read. Every member id or citizen ID that comes in (a mentor, an introducer, a
    /// helper, a former member, a row of an import) is looked up here and nowhere else, so one outside the scope is
    /// "not found" like one that does not exist: its name and status never reach a rule or a message.
    /// </summary>
    public async Task<IQueryable<Member>> ReadableMembersAsync(CancellationToken cancellationToken = default) =>
        (await GetScopeAsync(cancellationToken)).Members(db.Members.AsNoTracking());

    /// <summary>Units the user may read, for lookups by something other than the id (an import's unit codes).</summary>
    public async Task<IQueryable<OrgUnit>> ReadableUnitQueryAsync(CancellationToken cancellationToken = default) =>
        (await GetScopeAsync(cancellationToken)).Units(db.OrgUnits.AsNoTracking());

    /// <summary>Appends to the audit log (who, when, what). Saved with the next SaveChanges of the caller, or now when <paramref name="save"/>.</summary>
    public async Task AuditAsync(string action, string subject, string? detail = null, bool save = true, CancellationToken cancellationToken = default)
    {
        // The log shows every action in words (one resource per code of AuditActions.All): a code without them is a bug.
        if (!AuditActions.All.Contains(action, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The audit action '{action}' is not one of AuditActions.", nameof(action));
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            UserName = user.Name,
            Action = action,
            Subject = subject,
            Detail = detail is { Length: > AuditEntry.DetailLength } ? detail[..(AuditEntry.DetailLength - 1)] + "…" : detail,
        });
        if (save)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
