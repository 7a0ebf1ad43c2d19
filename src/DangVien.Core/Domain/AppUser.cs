using Microsoft.AspNetCore.Identity;

namespace DangVien.Core.Domain;

/// <summary>What a user may do in a unit's subtree. A user may hold roles in several units.</summary>
public enum AccessRole
{
    /// <summary>Quản trị hệ thống: everything, everywhere.</summary>
    Administrator = 0,

    /// <summary>Ban tổ chức tỉnh ủy: reads the whole subtree, runs reports, assigns quotas to the units directly below.</summary>
    ProvincialBoard = 1,

    /// <summary>Cán bộ văn phòng/ban tổ chức đảng ủy: reads and writes candidates, votes, decisions and quotas in the subtree.</summary>
    CommitteeStaff = 2,

    /// <summary>Bí thư chi bộ: reads the cell's candidates and dashboard, records the cell's votes and opinions.</summary>
    CellSecretary = 3,
}

/// <summary>A person who signs in (ASP.NET Core Identity). There is no self-registration.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public List<RoleAssignment> Roles { get; set; } = [];
}

/// <summary>A role held in one unit (and so in its subtree).</summary>
public sealed class RoleAssignment
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public int OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    public AccessRole Role { get; set; }
}

/// <summary>
/// Who read or exported what: every view of a full candidate file and every export. Append-only.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string UserName { get; set; }

    /// <summary>e.g. "candidate.view", "candidates.export".</summary>
    public required string Action { get; set; }

    /// <summary>e.g. "candidate:42", "unit:7".</summary>
    public required string Subject { get; set; }

    /// <summary>The longest detail stored; a longer one (a pasted search) is cut by <see cref="Features.Access.CurrentAccess.AuditAsync"/>.</summary>
    public const int DetailLength = 1000;

    public string? Detail { get; set; }
}
