using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Domain;

/// <summary>The kinds of party organisation (tổ chức đảng), from the province down to a cell.</summary>
public enum OrgUnitKind
{
    /// <summary>Tỉnh ủy / thành ủy trực thuộc Trung ương.</summary>
    Province = 0,

    /// <summary>Huyện ủy, quận ủy, đảng ủy khối… (district level, gone from 1 July 2025).</summary>
    UpperCommittee = 1,

    /// <summary>Đảng ủy xã / phường / đặc khu (from 1 July 2025).</summary>
    CommuneCommittee = 2,

    /// <summary>Đảng bộ cơ sở.</summary>
    GrassrootsCommittee = 3,

    /// <summary>Chi bộ cơ sở: a grassroots organisation that is itself a cell.</summary>
    GrassrootsCell = 4,

    /// <summary>Chi bộ trực thuộc đảng ủy cơ sở.</summary>
    Cell = 5,
}

public static class OrgUnitKindExtensions
{
    /// <summary>Cells are where members belong and candidates are nurtured.</summary>
    public static bool IsCell(this OrgUnitKind kind) => kind is OrgUnitKind.Cell or OrgUnitKind.GrassrootsCell;

    /// <summary>
    /// The level rule of the tree: a unit sits only under a unit of a higher level (a smaller kind) that is not a cell
    /// (a cell under a grassroots or commune committee, a grassroots committee under a commune committee…). The import
    /// and the move of a unit both ask it.
    /// </summary>
    public static bool CanBeUnder(this OrgUnitKind kind, OrgUnitKind parent) => !parent.IsCell() && kind > parent;
}

/// <summary>
/// A party organisation. The tree has any depth; <see cref="Path"/> is the materialised path of ids
/// (an ltree, e.g. <c>1.12.340</c>) of the unit's current place, indexed for subtree queries.
/// Where it stood in earlier years is kept in <see cref="OrgUnitPlacement"/>.
/// </summary>
public sealed class OrgUnit
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public OrgUnitKind Kind { get; set; }

    public int? ParentId { get; set; }

    public OrgUnit? Parent { get; set; }

    /// <summary>Ids from the root to this unit, dot-separated (PostgreSQL ltree).</summary>
    public LTree Path { get; set; } = new("");

    public DateOnly ValidFrom { get; set; }

    /// <summary>The last day the unit existed (merged, split, dissolved); null while it exists.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>Whether this unit issues admission decisions for the cells below it (configurable per unit).</summary>
    public bool HasAdmissionAuthority { get; set; }

    public List<OrgUnitPlacement> Placements { get; set; } = [];

    /// <summary>PostgreSQL xmin: optimistic concurrency for moving and merging units.</summary>
    public uint Version { get; set; }

    /// <summary>0 for the root.</summary>
    public int Depth => ((string)Path).Count(c => c == '.');
}

/// <summary>
/// Where a unit stood in the tree during a span of dates. A report for a past year reads the
/// placements valid on that year's last day, so units re-parented later count where they were.
/// </summary>
public sealed class OrgUnitPlacement
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public int? ParentId { get; set; }

    /// <summary>The materialised path during this span.</summary>
    public LTree Path { get; set; } = new("");

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}
