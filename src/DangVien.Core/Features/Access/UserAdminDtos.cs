using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Access;

/// <summary>A role a user holds in a unit.</summary>
public sealed record UserRoleView(int Id, AccessRole Role, int UnitId, string UnitName);

/// <summary>An account as the administrator sees it. <see cref="LockedUntil"/> is set while the account is locked.</summary>
public sealed record UserView(
    string Id,
    string UserName,
    string FullName,
    DateTimeOffset? LockedUntil,
    IReadOnlyList<UserRoleView> Roles)
{
    public bool IsLockedOut => LockedUntil is not null;

    /// <summary>Locked by an administrator until unlocked (not just for a while after wrong passwords).</summary>
    public bool IsLockedByAdministrator => LockedUntil >= UserAdminService.LockedIndefinitely;
}

/// <summary>One page of accounts (<see cref="HasMore"/>: a next page exists).</summary>
public sealed record UserPage(IReadOnlyList<UserView> Users, int Page, bool HasMore);

/// <summary>A unit offered by the role form, with its parent's name to tell same-named cells apart.</summary>
public sealed record UnitChoice(int Id, string Name, string? ParentName, OrgUnitKind Kind);

/// <summary>The units the role form offers (<see cref="HasMore"/>: more match than are listed).</summary>
public sealed record UnitChoices(IReadOnlyList<UnitChoice> Units, bool HasMore);

/// <summary>One line of the audit log.</summary>
public sealed record AuditLine(long Id, DateTimeOffset At, string UserName, string Action, string Subject, string? Detail);

/// <summary>
/// What the audit page asks for: filters (empty for none) and a page (from 1). <see cref="From"/> and <see cref="To"/> are
/// days in Vietnam, both included; <see cref="Action"/> is one of <see cref="AuditActions.All"/>.
/// </summary>
public sealed record AuditQuery(string? UserName, string? Subject, int Page, DateOnly? From = null, DateOnly? To = null, string? Action = null);

/// <summary>One page of the audit log, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditLine> Entries, ListWindow Window)
{
    public int Page => Window.Page;

    public bool HasMore => Window.HasMore;
}
