using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Access;

/// <summary>One role held in one unit, with the unit's current materialised path.</summary>
public sealed record UnitGrant(int UnitId, LTree Path, OrgUnitKind Kind, AccessRole Role);

/// <summary>
/// What the current user may see and do: the single mechanism every service uses to scope its
/// queries and check its writes. Subtree checks compare ltree paths, in SQL (<c>@paths @&gt; path</c>)
/// and in memory alike.
/// </summary>
public sealed class AccessScope
{
    private AccessScope(string userName, bool everything, IReadOnlyList<UnitGrant> grants)
    {
        UserName = userName;
        SeesEverything = everything;
        Grants = grants;
        ReadRoots = [.. grants.Select(g => g.Path)];
        WriteRoots = [.. grants.Where(g => g.Role == AccessRole.CommitteeStaff).Select(g => g.Path)];
        CellRoots = [.. grants.Where(g => g.Role is AccessRole.CommitteeStaff or AccessRole.CellSecretary).Select(g => g.Path)];
    }

    public string UserName { get; }

    /// <summary>Administrators and the system: no restriction.</summary>
    public bool SeesEverything { get; }

    public bool IsAnonymous => !SeesEverything && Grants.Count == 0;

    public IReadOnlyList<UnitGrant> Grants { get; }

    /// <summary>Roots of the subtrees the user may read (any role).</summary>
    public LTree[] ReadRoots { get; }

    /// <summary>Roots of the subtrees where the user may write candidates, decisions and quotas (committee staff).</summary>
    public LTree[] WriteRoots { get; }

    /// <summary>Roots where the user may record a cell's own actions: votes and opinions (committee staff, cell secretaries).</summary>
    public LTree[] CellRoots { get; }

    /// <summary>Roots of the subtrees where the user sees <paramref name="group"/> (<see cref="PersonalDataPolicy"/>); not used when <see cref="SeesEverything"/>.</summary>
    public LTree[] PersonalDataRoots(PersonalFields group) =>
        [.. Grants.Where(g => PersonalDataPolicy.For(g.Role).Shows(group)).Select(g => g.Path)];

    public static AccessScope Everything(string userName) => new(userName, true, []);

    public static AccessScope Nothing { get; } = new("", false, []);

    public static AccessScope For(string userName, IReadOnlyList<UnitGrant> grants) =>
        grants.Any(g => g.Role == AccessRole.Administrator) ? new(userName, true, grants) : new(userName, false, grants);

    public bool HasRole(AccessRole role) => SeesEverything || Grants.Any(g => g.Role == role);

    public bool CanRead(LTree unitPath) => SeesEverything || Covers(ReadRoots, unitPath);

    public bool CanWrite(LTree unitPath) => SeesEverything || Covers(WriteRoots, unitPath);

    public bool CanRecordCellAction(LTree cellPath) => SeesEverything || Covers(CellRoots, cellPath);

    /// <summary>The personal data the user sees of a person of the cell: the union over the grants covering it.</summary>
    public PersonalFields PersonalFieldsAt(LTree cellPath)
    {
        if (SeesEverything)
        {
            return PersonalFields.All;
        }

        var shown = PersonalFields.None;
        foreach (var grant in Grants)
        {
            if (Covers([grant.Path], cellPath))
            {
                shown |= PersonalDataPolicy.For(grant.Role);
            }
        }

        return shown;
    }

    /// <summary>
    /// Quotas are set by the level above: committee staff in the subtree, and the provincial board for the units directly
    /// below its unit. A top unit (the province) has no level above in the tree: only an administrator sets its quota.
    /// </summary>
    public bool CanAssignQuota(LTree unitPath, int? parentId) =>
        SeesEverything
        || (parentId is not null
            && (Covers(WriteRoots, unitPath) || Grants.Any(g => g.Role == AccessRole.ProvincialBoard && g.UnitId == parentId)));

    /// <summary>
    /// Moving and merging units: committee staff in the subtree, and the provincial board in its province. A move needs
    /// it over the unit and over the new parent (or the unit merged into).
    /// </summary>
    public bool CanReorganise(LTree unitPath) => SeesEverything || Covers(ReorganiseRoots, unitPath);

    /// <summary>Roots where the user may move and merge units (<see cref="CanReorganise"/>).</summary>
    public LTree[] ReorganiseRoots =>
        [.. WriteRoots.Concat(Grants.Where(g => g.Role == AccessRole.ProvincialBoard).Select(g => g.Path))];

    /// <summary>Units the user may read.</summary>
    public IQueryable<OrgUnit> Units(IQueryable<OrgUnit> units)
    {
        if (SeesEverything)
        {
            return units;
        }

        var roots = ReadRoots;
        return units.Where(u => roots.Any(r => r.IsAncestorOf(u.Path)));
    }

    /// <summary>Candidates of the cells the user may read.</summary>
    public IQueryable<Candidate> Candidates(IQueryable<Candidate> candidates)
    {
        if (SeesEverything)
        {
            return candidates;
        }

        var roots = ReadRoots;
        return candidates.Where(c => roots.Any(r => r.IsAncestorOf(c.Cell!.Path)));
    }

    /// <summary>Members of the cells the user may read.</summary>
    public IQueryable<Member> Members(IQueryable<Member> members)
    {
        if (SeesEverything)
        {
            return members;
        }

        var roots = ReadRoots;
        return members.Where(m => roots.Any(r => r.IsAncestorOf(m.Cell!.Path)));
    }

    private static bool Covers(LTree[] roots, LTree path)
    {
        var target = (string)path;
        foreach (var root in roots)
        {
            var prefix = (string)root;
            if (target == prefix || target.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
