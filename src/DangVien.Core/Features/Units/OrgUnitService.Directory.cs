using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Units;

/// <summary>A unit as the JSON API lists it.</summary>
public sealed record UnitListItem(int Id, string Code, string Name, OrgUnitKind Kind, int? ParentId, DateOnly ValidFrom, DateOnly? ValidTo);

public sealed partial class OrgUnitService
{
    /// <summary>The units the user may read (optionally the children of one), by name, one page at a time.</summary>
    public async Task<PagedList<UnitListItem>> ListReadableAsync(int? parentId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = SupportedRange.Page(page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var scope = await access.GetScopeAsync(cancellationToken);
        var units = scope.Units(db.OrgUnits.AsNoTracking());
        if (parentId is { } parent)
        {
            units = units.Where(u => u.ParentId == parent);
        }

        var total = await units.CountAsync(cancellationToken);
        var items = await units.OrderBy(u => u.Path).ThenBy(u => u.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new UnitListItem(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.ValidFrom, u.ValidTo))
            .ToListAsync(cancellationToken);
        return new PagedList<UnitListItem>(items, page, pageSize, total);
    }

    /// <summary>One unit; null when it does not exist or the user may not read it.</summary>
    public async Task<UnitListItem?> GetReadableAsync(int id, CancellationToken cancellationToken = default) =>
        await access.ReadableUnitAsync(id, cancellationToken) is null
            ? null
            : await db.OrgUnits.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new UnitListItem(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.ValidFrom, u.ValidTo))
                .SingleAsync(cancellationToken);
}
