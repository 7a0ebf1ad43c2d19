using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DangVien.Core.Features.Access;

/// <summary>
/// Accounts and their roles, for administrators only: list, create with an initial password, reset a
/// password, lock and unlock, give and take away a role in a unit. There is no self-registration.
/// </summary>
/// <remarks>
/// Every method checks the caller's <see cref="AccessScope.SeesEverything"/>: reads return null (the
/// page answers 404), writes a failure. A change of roles, a new password or a lock renews the user's
/// security stamp, so a session signed in elsewhere is checked again (within a minute) and ends; a lock
/// or a password reset also closes the user's sessions at once.
/// Every change is written to the audit log.
/// </remarks>
public sealed class UserAdminService(
    UserManager<AppUser> users,
    DangVienDbContext db,
    CurrentAccess access,
    TimeProvider time,
    IValidator<CreateUserRequest> createValidator,
    IValidator<ResetPasswordRequest> resetValidator,
    IValidator<AssignRoleRequest> assignValidator,
    AccessCache cache,
    ILogger<UserAdminService> logger)
{
    /// <summary>Message when someone other than an administrator tries to manage accounts.</summary>
    public static string AdministratorsOnly => CoreText.Get("Users.AdministratorsOnly");

    public static string UserNotFound => CoreText.Get("Users.NotFound");

    /// <summary>Accounts listed on one page.</summary>
    public const int PageSize = 50;

    /// <summary>Units the role form lists at most; a search narrows them.</summary>
    public const int UnitChoiceLimit = 200;

    /// <summary>The lock-out end set by an administrator's lock: until unlocked.</summary>
    public static readonly DateTimeOffset LockedIndefinitely = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether the current user may manage accounts: administrators (and the system).</summary>
    public async Task<bool> CanManageAsync(CancellationToken cancellationToken = default) =>
        (await access.GetScopeAsync(cancellationToken)).SeesEverything;

    /// <summary>Accounts by full name, optionally those whose user name or full name (accents ignored) contains <paramref name="search"/>.</summary>
    public async Task<UserPage?> ListAsync(string? search = null, int page = 1, CancellationToken cancellationToken = default)
    {
        if (!await CanManageAsync(cancellationToken))
        {
            return null;
        }

        page = SupportedRange.Page(page);
        var query = db.Users.AsNoTracking();
        if (SupportedRange.Search(search) is { } term)
        {
            var normalized = users.NormalizeName(term);
            query = query.Where(u => u.NormalizedUserName!.Contains(normalized)
                || DangVienDbContext.Unaccent(u.FullName).Contains(DangVienDbContext.Unaccent(term)));
        }

        var rows = await Views(query.OrderBy(u => u.FullName).ThenBy(u => u.UserName))
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        return new UserPage([.. rows.Take(PageSize)], page, rows.Count > PageSize);
    }

    /// <summary>One account; null when it does not exist or the caller is not an administrator.</summary>
    public async Task<UserView?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!await CanManageAsync(cancellationToken))
        {
            return null;
        }

        return await Views(db.Users.AsNoTracking().Where(u => u.Id == userId)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The units a role may be given in (current units in the administrator's scope), the upper levels
    /// first, optionally those whose name (accents ignored) or code contains <paramref name="search"/>.
    /// </summary>
    public async Task<UnitChoices?> AssignableUnitsAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        var scope = await access.GetScopeAsync(cancellationToken);
        if (!scope.SeesEverything)
        {
            return null;
        }

        var units = scope.Units(db.OrgUnits.AsNoTracking()).Where(u => u.ValidTo == null);
        if (search?.Trim() is { Length: > 0 } term)
        {
            units = units.Where(u => DangVienDbContext.Unaccent(u.Name).Contains(DangVienDbContext.Unaccent(term)) || u.Code == term);
        }

        var rows = await units
            .OrderBy(u => u.Path.NLevel)
            .ThenBy(u => u.Name)
            .ThenBy(u => u.Id)
            .Take(UnitChoiceLimit + 1)
            .Select(u => new UnitChoice(u.Id, u.Name, u.Parent == null ? null : u.Parent.Name, u.Kind))
            .ToListAsync(cancellationToken);
        return new UnitChoices([.. rows.Take(UnitChoiceLimit)], rows.Count > UnitChoiceLimit);
    }

    /// <summary>
    /// Creates an account. Fails on <c>UserName</c> (empty, too long, characters, taken), <c>FullName</c>
    /// and <c>Password</c> (Identity's password rule), all at once. Returns the new account's id.
    /// </summary>
    public async Task<Result<string>> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken = default)
    {
        if (!await CanManageAsync(cancellationToken))
        {
            return Result<string>.Fail(string.Empty, AdministratorsOnly);
        }

        request = new CreateUserRequest(request.UserName?.Trim() ?? "", request.FullName?.Trim() ?? "", request.Password ?? "");
        var errors = ToFieldErrors(await createValidator.ValidateAsync(request, cancellationToken));
        var user = new AppUser { UserName = request.UserName, FullName = request.FullName };

        // Identity's own rules too, so a taken name and a weak password are reported together.
        if (!errors.Any(e => e.Field == nameof(CreateUserRequest.UserName)))
        {
            foreach (var validator in users.UserValidators)
            {
                errors.AddRange(IdentityErrors.ToFieldErrors(
                    (await validator.ValidateAsync(users, user)).Errors, nameof(CreateUserRequest.Password), nameof(CreateUserRequest.UserName)));
            }
        }

        if (!errors.Any(e => e.Field == nameof(CreateUserRequest.Password)))
        {
            errors.AddRange(await PasswordErrorsAsync(user, request.Password, nameof(CreateUserRequest.Password)));
        }

        if (errors.Count > 0)
        {
            return Result<string>.Fail(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another administrator took the name meanwhile.
            db.ChangeTracker.Clear();
            return Result<string>.Fail(nameof(CreateUserRequest.UserName), users.ErrorDescriber.DuplicateUserName(request.UserName).Description);
        }

        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<string>.Fail(IdentityErrors.ToFieldErrors(created.Errors, nameof(CreateUserRequest.Password), nameof(CreateUserRequest.UserName)));
        }

        await access.AuditAsync(AuditActions.UserCreate, AuditActions.UserSubject(user.UserName!), user.FullName, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Administrator} created the account {UserName}", access.User.Name, user.UserName);
        return Result<string>.Success(user.Id);
    }

    /// <summary>
    /// Sets a new password (Identity's password rule; failures on <c>NewPassword</c>). The user's other
    /// sessions end; a lock-out after wrong passwords is lifted, an administrator's lock is not.
    /// </summary>
    public async Task<Result> ResetPasswordAsync(ResetPasswordRequest request, CancellationToken cancellationToken = default)
    {
        if (!await CanManageAsync(cancellationToken))
        {
            return Result.Fail(string.Empty, AdministratorsOnly);
        }

        request = request with { NewPassword = request.NewPassword ?? "" };
        var errors = ToFieldErrors(await resetValidator.ValidateAsync(request, cancellationToken));
        if (await users.FindByIdAsync(request.UserId) is not { } user)
        {
            return Result.Fail(string.Empty, UserNotFound);
        }

        if (errors.Count == 0)
        {
            errors.AddRange(await PasswordErrorsAsync(user, request.NewPassword, nameof(ResetPasswordRequest.NewPassword)));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);

        // Also renews the security stamp.
        var reset = await users.ResetPasswordAsync(user, token, request.NewPassword);
        if (reset.Succeeded && user.LockoutEnd is { } end && end < LockedIndefinitely)
        {
            reset = await users.SetLockoutEndDateAsync(user, null);
        }

        if (reset.Succeeded)
        {
            reset = await users.ResetAccessFailedCountAsync(user);
        }

        if (!reset.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result.Fail(IdentityErrors.ToFieldErrors(reset.Errors, nameof(ResetPasswordRequest.NewPassword)));
        }

        await SignInService.EndSessionsAsync(db, cache, user.Id, keep: null, time.GetUtcNow(), cancellationToken);
        await access.AuditAsync(AuditActions.UserPasswordReset, AuditActions.UserSubject(user.UserName!), cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache.Clear();
        logger.LogInformation("{Administrator} reset the password of {UserName}", access.User.Name, user.UserName);
        return Result.Success();
    }

    /// <summary>Locks an account until it is unlocked; its sessions end. An administrator cannot lock their own account.</summary>
    public async Task<Result> LockAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!await CanManageAsync(cancellationToken))
        {
            return Result.Fail(string.Empty, AdministratorsOnly);
        }

        if (userId == access.User.UserId)
        {
            return Result.Fail(string.Empty, CoreText.Get("Users.CannotLockSelf"));
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Result.Fail(string.Empty, UserNotFound);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await users.SetLockoutEnabledAsync(user, true);
        if (locked.Succeeded)
        {
            locked = await users.SetLockoutEndDateAsync(user, LockedIndefinitely);
        }

        if (locked.Succeeded)
        {
            locked = await users.UpdateSecurityStampAsync(user);
        }

        if (!locked.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result.Fail(IdentityErrors.ToFieldErrors(locked.Errors, string.Empty));
        }

        await SignInService.EndSessionsAsync(db, cache, user.Id, keep: null, time.GetUtcNow(), cancellationToken);
        await access.AuditAsync(AuditActions.UserLock, AuditActions.UserSubject(user.UserName!), cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache.Clear();
        logger.LogInformation("{Administrator} locked the account {UserName}", access.User.Name, user.UserName);
        return Result.Success();
    }

    /// <summary>Unlocks an account, whether an administrator locked it or wrong passwords did.</summary>
    public async Task<Result> UnlockAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!await CanManageAsync(cancellationToken))
        {
            return Result.Fail(string.Empty, AdministratorsOnly);
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Result.Fail(string.Empty, UserNotFound);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        if (unlocked.Succeeded)
        {
            unlocked = await users.ResetAccessFailedCountAsync(user);
        }

        if (!unlocked.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result.Fail(IdentityErrors.ToFieldErrors(unlocked.Errors, string.Empty));
        }

        await access.AuditAsync(AuditActions.UserUnlock, AuditActions.UserSubject(user.UserName!), cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Administrator} unlocked the account {UserName}", access.User.Name, user.UserName);
        return Result.Success();
    }

    /// <summary>
    /// Gives a role in a unit. Fails on <c>Role</c> (none chosen) and <c>UnitId</c> (none chosen, gone,
    /// outside the administrator's scope, or the user already has that role there).
    /// </summary>
    public async Task<Result> AssignRoleAsync(AssignRoleRequest request, CancellationToken cancellationToken = default)
    {
        var scope = await access.GetScopeAsync(cancellationToken);
        if (!scope.SeesEverything)
        {
            return Result.Fail(string.Empty, AdministratorsOnly);
        }

        var errors = ToFieldErrors(await assignValidator.ValidateAsync(request, cancellationToken));
        if (await users.FindByIdAsync(request.UserId) is not { } user)
        {
            return Result.Fail(string.Empty, UserNotFound);
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        var role = request.Role!.Value;
        var unitId = request.UnitId!.Value;
        var unitName = await scope.Units(db.OrgUnits.AsNoTracking())
            .Where(u => u.Id == unitId && u.ValidTo == null)
            .Select(u => u.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (unitName is null)
        {
            return Result.Fail(nameof(AssignRoleRequest.UnitId), CoreText.Get("Users.UnitGone"));
        }

        var duplicate = Result.Fail(nameof(AssignRoleRequest.UnitId), CoreText.Format("Users.RoleExists", AccessLabels.Of(role), unitName));
        if (await db.RoleAssignments.AnyAsync(r => r.UserId == user.Id && r.OrgUnitId == unitId && r.Role == role, cancellationToken))
        {
            return duplicate;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, OrgUnitId = unitId, Role = role });
        await access.AuditAsync(
            AuditActions.UserRoleAdd, AuditActions.UserSubject(user.UserName!), CoreText.InVietnamese(() => $"{AccessLabels.Of(role)} — {unitName}"), save: false, cancellationToken: cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Given meanwhile by another administrator.
            db.ChangeTracker.Clear();
            return duplicate;
        }

        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result.Fail(IdentityErrors.ToFieldErrors(stamped.Errors, string.Empty));
        }

        await transaction.CommitAsync(cancellationToken);
        cache.Clear();
        logger.LogInformation(
            "{Administrator} gave {UserName} the role {Role} in unit {UnitId}", access.User.Name, user.UserName, role, unitId);
        return Result.Success();
    }

    /// <summary>Takes a role away. An administrator cannot take away their own administrator role.</summary>
    public async Task<Result> RemoveRoleAsync(string userId, int roleAssignmentId, CancellationToken cancellationToken = default)
    {
        if (!await CanManageAsync(cancellationToken))
        {
            return Result.Fail(string.Empty, AdministratorsOnly);
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Result.Fail(string.Empty, UserNotFound);
        }

        var assignment = await db.RoleAssignments
            .Include(r => r.OrgUnit)
            .FirstOrDefaultAsync(r => r.Id == roleAssignmentId && r.UserId == userId, cancellationToken);
        if (assignment is null)
        {
            return Result.Fail(string.Empty, CoreText.Get("Users.RoleAlreadyRemoved"));
        }

        if (assignment.Role == AccessRole.Administrator && userId == access.User.UserId)
        {
            return Result.Fail(string.Empty, CoreText.Get("Users.CannotDropOwnAdmin"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RoleAssignments.Remove(assignment);
        await access.AuditAsync(
            AuditActions.UserRoleRemove,
            AuditActions.UserSubject(user.UserName!),
            CoreText.InVietnamese(() => $"{AccessLabels.Of(assignment.Role)} — {assignment.OrgUnit!.Name}"),
            save: false,
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result.Fail(IdentityErrors.ToFieldErrors(stamped.Errors, string.Empty));
        }

        await transaction.CommitAsync(cancellationToken);
        cache.Clear();
        logger.LogInformation(
            "{Administrator} took the role {Role} in unit {UnitId} from {UserName}",
            access.User.Name,
            assignment.Role,
            assignment.OrgUnitId,
            user.UserName);
        return Result.Success();
    }

    private async Task<List<FieldError>> PasswordErrorsAsync(AppUser user, string password, string field)
    {
        var errors = new List<FieldError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange(IdentityErrors.ToFieldErrors((await validator.ValidateAsync(users, user, password)).Errors, field));
        }

        return errors;
    }

    private IQueryable<UserView> Views(IQueryable<AppUser> query)
    {
        var now = time.GetUtcNow();
        return query.Select(u => new UserView(
            u.Id,
            u.UserName!,
            u.FullName,
            u.LockoutEnd > now ? u.LockoutEnd : null,
            u.Roles
                .OrderBy(r => r.Role)
                .ThenBy(r => r.OrgUnit!.Name)
                .Select(r => new UserRoleView(r.Id, r.Role, r.OrgUnitId, r.OrgUnit!.Name))
                .ToList()));
    }

    private static List<FieldError> ToFieldErrors(ValidationResult validation) =>
        [.. validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage))];
}
