using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Units;

/// <summary>A unit as a picker or a page heading shows it: its name, kind and parent, and whether the user may write in it.</summary>
public sealed record UnitOption(int Id, string Name, OrgUnitKind Kind, string? ParentName, bool CanWrite)
{
    public bool IsCell => Kind.IsCell();
}

/// <summary>What a unit search found: at most the asked number of units, and whether more matched.</summary>
public sealed record UnitSearchResult(IReadOnlyList<UnitOption> Units, bool More);

/// <summary>The units a user can pick: one unit by id, and the cells for a new file, a transfer or a member.</summary>
public sealed partial class OrgUnitService
{
    /// <summary>How many cells a picker lists at most; more are found by typing part of the name.</summary>
    public const int MaxCellOptions = 200;

    /// <summary>The unit when it exists and the user may read it; null otherwise.</summary>
    public async Task<UnitOption?> FindUnitAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(id, cancellationToken) is not { } readable)
        {
            return null;
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        var parentName = readable.ParentId is { } parentId
            ? await db.OrgUnits.AsNoTracking().Where(u => u.Id == parentId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new UnitOption(readable.Id, readable.Name, readable.Kind, parentName, scope.CanWrite(readable.Path));
    }

    /// <summary>
    /// The existing cells the user may read (or, with <paramref name="writableOnly"/>, write in), by name
    /// in Vietnamese order, optionally those whose name contains <paramref name="search"/> (accents ignored).
    /// At most <see cref="MaxCellOptions"/>.
    /// </summary>
    public async Task<IReadOnlyList<UnitOption>> ListCellsAsync(string? search = null, bool writableOnly = false, CancellationToken cancellationToken = default)
    {
        var scope = await access.GetScopeAsync(cancellationToken);
        var cells = scope.Units(db.OrgUnits.AsNoTracking())
            .Where(u => (u.Kind == OrgUnitKind.Cell || u.Kind == OrgUnitKind.GrassrootsCell) && u.ValidTo == null);
        if (writableOnly && !scope.SeesEverything)
        {
            var roots = scope.WriteRoots;
            cells = cells.Where(u => roots.Any(r => r.IsAncestorOf(u.Path)));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            cells = cells.Where(u => DangVienDbContext.Unaccent(u.Name).Contains(DangVienDbContext.Unaccent(text)));
        }

        var rows = await cells
            .OrderBy(u => u.Name).ThenBy(u => u.Id)
            .Take(MaxCellOptions)
            .Select(u => new { u.Id, u.Name, u.Kind, ParentName = u.Parent == null ? null : u.Parent.Name, u.Path })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new UnitOption(r.Id, r.Name, r.Kind, r.ParentName, scope.CanWrite(r.Path)))];
    }

    /// <summary>How many units a unit search shows at most; more are found by typing more of the name.</summary>
    public const int MaxSearchResults = 20;

    /// <summary>
    /// The open units of any level the user may read whose name contains <paramref name="search"/> (accents and case
    /// ignored), the higher levels first, then by name; at most <paramref name="limit"/>, with whether more matched.
    /// Empty for an empty search: a province has thousands of units, a picker never lists them all.
    /// </summary>
    public async Task<UnitSearchResult> SearchUnitsAsync(string? search, int limit = MaxSearchResults, CancellationToken cancellationToken = default)
    {
        if (SupportedRange.Search(search) is not { } text)
        {
            return new UnitSearchResult([], More: false);
        }

        limit = Math.Clamp(limit, 1, MaxCellOptions);
        var scope = await access.GetScopeAsync(cancellationToken);
        var rows = await scope.Units(db.OrgUnits.AsNoTracking())
            .Where(u => u.ValidTo == null && DangVienDbContext.Unaccent(u.Name).Contains(DangVienDbContext.Unaccent(text)))
            .OrderBy(u => u.Path.NLevel).ThenBy(u => u.Name).ThenBy(u => u.Id)
            .Take(limit + 1)
            .Select(u => new { u.Id, u.Name, u.Kind, ParentName = u.Parent == null ? null : u.Parent.Name, u.Path })
            .ToListAsync(cancellationToken);
        var units = rows.Take(limit).Select(r => new UnitOption(r.Id, r.Name, r.Kind, r.ParentName, scope.CanWrite(r.Path))).ToList();
        return new UnitSearchResult(units, More: rows.Count > limit);
    }

    /// <summary>
    /// Where the unit can go, for the move and merge form: open units the user may reorganise, outside the unit's own
    /// subtree, that can hold it (<paramref name="merge"/> false: a higher level, not its current parent) or take it over
    /// (<paramref name="merge"/> true: the same level), by name, optionally matching <paramref name="search"/> (accents
    /// ignored). At most <see cref="MaxCellOptions"/>; empty when the unit cannot be read.
    /// </summary>
    public async Task<IReadOnlyList<UnitOption>> ListReorganiseTargetsAsync(int unitId, bool merge, string? search = null, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return [];
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        var path = unit.Path;
        var kind = unit.Kind;
        var units = db.OrgUnits.AsNoTracking().Where(u => u.ValidTo == null && !u.Path.IsDescendantOf(path));
        if (!scope.SeesEverything)
        {
            var roots = scope.ReorganiseRoots;
            units = units.Where(u => roots.Any(r => r.IsAncestorOf(u.Path)));
        }

        if (merge)
        {
            units = units.Where(u => u.Kind == kind);
        }
        else
        {
            var parentKinds = Enum.GetValues<OrgUnitKind>().Where(k => kind.CanBeUnder(k)).ToList();
            var parentId = unit.ParentId;
            units = units.Where(u => parentKinds.Contains(u.Kind) && u.Id != parentId);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            units = units.Where(u => DangVienDbContext.Unaccent(u.Name).Contains(DangVienDbContext.Unaccent(text)));
        }

        var rows = await units
            .OrderBy(u => u.Name).ThenBy(u => u.Id)
            .Take(MaxCellOptions)
            .Select(u => new { u.Id, u.Name, u.Kind, ParentName = u.Parent == null ? null : u.Parent.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new UnitOption(r.Id, r.Name, r.Kind, r.ParentName, CanWrite: true))];
    }
}
