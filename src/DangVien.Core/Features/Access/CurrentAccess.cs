using DangVien.Core.Common;
using DangVien.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Access;

/// <summary>The current user's <see cref="AccessScope"/>, read once per request (one small query).</summary>
public sealed class CurrentAccess(ICurrentUser user, DangVienDbContext db)
{
    private AccessScope? _scope;

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

        var grants = await db.RoleAssignments
            .AsNoTracking()
            .Where(r => r.UserId == user.UserId && r.OrgUnit!.ValidTo == null)
            .Select(r => new UnitGrant(r.OrgUnitId, r.OrgUnit!.Path, r.OrgUnit.Kind, r.Role))
            .ToListAsync(cancellationToken);
        return _scope = AccessScope.For(user.Name, grants);
    }
}
