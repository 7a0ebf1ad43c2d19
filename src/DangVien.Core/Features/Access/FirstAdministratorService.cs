using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DangVien.Core.Features.Access;

/// <summary>
/// What the operator gives the first-administrator command. The province (code and name) only when the database has
/// no unit yet: the administrator's role is held in the top unit, and units below it come in by import.
/// </summary>
public sealed record FirstAdministratorRequest(string? UserName, string? FullName, string? Password, string? ProvinceCode, string? ProvinceName);

/// <summary>The administrator created and the unit the role is held in (created with it when <see cref="UnitCreated"/>).</summary>
public sealed record FirstAdministrator(string UserId, string UserName, int UnitId, string UnitName, bool UnitCreated);

/// <summary>
/// The first administrator of an installation, created from the command line (the system acting, never a signed-in
/// user): an account checked by <see cref="UserAdminService"/>'s rules (name, full name, password) with the
/// Administrator role at the top unit, which is created as the province when the database has no unit yet.
/// Refused as soon as any administrator exists; later accounts are made by an administrator on the accounts page.
/// Two commands at once create one administrator: the whole runs under a PostgreSQL advisory lock.
/// </summary>
public sealed class FirstAdministratorService(
    DangVienDbContext db,
    CurrentAccess access,
    UserAdminService accounts,
    UserManager<AppUser> users,
    ILogger<FirstAdministratorService> logger)
{
    /// <summary>The province's longest name, the column's length.</summary>
    public const int ProvinceNameMaxLength = 200;

    /// <summary>
    /// The province exists from the Party's founding year, so every report year, and every unit imported below it with
    /// its own founding date, finds it in the tree.
    /// </summary>
    public static readonly DateOnly ProvinceValidFrom = new(SupportedRange.MinYear, 1, 1);

    /// <summary>Any fixed number: serialises two first-administrator commands on the same database.</summary>
    private const long AdvisoryLockKey = 0x44564669727374;

    public async Task<Result<FirstAdministrator>> CreateAsync(FirstAdministratorRequest request, CancellationToken cancellationToken = default)
    {
        if (!access.User.IsSystem)
        {
            return Result<FirstAdministrator>.Fail(string.Empty, CoreText.Get("FirstAdmin.CommandLineOnly"));
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
            try
            {
                return await CreateLockedAsync(request, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Result<FirstAdministrator>> CreateLockedAsync(FirstAdministratorRequest request, CancellationToken cancellationToken)
    {
        var administrators = await db.Users.AsNoTracking()
            .Where(u => u.Roles.Any(r => r.Role == AccessRole.Administrator))
            .OrderBy(u => u.UserName)
            .Select(u => u.UserName!)
            .ToListAsync(cancellationToken);
        if (administrators.Count > 0)
        {
            return Result<FirstAdministrator>.Fail(string.Empty, CoreText.Format("FirstAdmin.AdministratorExists", string.Join(", ", administrators)));
        }

        var top = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ParentId == null && u.ValidTo == null)
            .OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Code, u.Name })
            .FirstOrDefaultAsync(cancellationToken);
        var code = request.ProvinceCode?.Trim() is { Length: > 0 } c ? c : null;
        var name = request.ProvinceName?.Trim() is { Length: > 0 } n ? n : null;
        var errors = top is null ? ProvinceErrors(code, name) : [];
        if (top is not null && code is not null && code != top.Code)
        {
            errors.Add(new(nameof(FirstAdministratorRequest.ProvinceCode), CoreText.Format("FirstAdmin.ProvinceExists", top.Name, top.Code)));
        }

        if (errors.Count > 0)
        {
            return Result<FirstAdministrator>.Fail(errors);
        }

        var fullName = request.FullName?.Trim() is { Length: > 0 } given ? given : CoreText.InVietnamese(() => AccessLabels.Of(AccessRole.Administrator));
        var created = await accounts.CreateAsync(new CreateUserRequest(request.UserName ?? "", fullName, request.Password ?? ""), cancellationToken);
        if (!created.Succeeded)
        {
            return Result<FirstAdministrator>.Fail(created.Errors);
        }

        var userId = created.Value!;
        try
        {
            var unit = top is null ? await CreateProvinceAsync(code!, name!, cancellationToken) : (top.Id, top.Name);
            var assigned = await accounts.AssignRoleAsync(new AssignRoleRequest(userId, unit.Id, AccessRole.Administrator), cancellationToken);
            if (!assigned.Succeeded)
            {
                await RemoveAccountAsync(userId);
                return Result<FirstAdministrator>.Fail(assigned.Errors);
            }

            var userName = request.UserName!.Trim();
            logger.LogInformation("First administrator {UserName} created, role held in unit {UnitId}", userName, unit.Id);
            return Result<FirstAdministrator>.Success(new FirstAdministrator(userId, userName, unit.Id, unit.Name, top is null));
        }
        catch
        {
            await RemoveAccountAsync(userId);
            throw;
        }
    }

    private static List<FieldError> ProvinceErrors(string? code, string? name)
    {
        var errors = new List<FieldError>();
        if (code is null)
        {
            errors.Add(new(nameof(FirstAdministratorRequest.ProvinceCode), CoreText.Get("FirstAdmin.ProvinceCodeRequired")));
        }
        else if (!UnitCodes.IsValid(code))
        {
            errors.Add(new(nameof(FirstAdministratorRequest.ProvinceCode), UnitCodes.InvalidMessage(code)));
        }

        if (name is null)
        {
            errors.Add(new(nameof(FirstAdministratorRequest.ProvinceName), CoreText.Get("FirstAdmin.ProvinceNameRequired")));
        }
        else if (name.Length > ProvinceNameMaxLength)
        {
            errors.Add(new(nameof(FirstAdministratorRequest.ProvinceName), CoreText.Format("FirstAdmin.ProvinceNameTooLong", ProvinceNameMaxLength)));
        }
        else if (TextRules.Check(name, CoreText.Get("FirstAdmin.ProvinceNameLabel")) is { } problem)
        {
            errors.Add(new(nameof(FirstAdministratorRequest.ProvinceName), problem));
        }

        return errors;
    }

    /// <summary>The top unit, its place in the tree from <see cref="ProvinceValidFrom"/>, and its audit row, in one transaction.</summary>
    private async Task<(int Id, string Name)> CreateProvinceAsync(string code, string name, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var province = new OrgUnit { Code = code, Name = name, Kind = OrgUnitKind.Province, ValidFrom = ProvinceValidFrom };
        db.OrgUnits.Add(province);
        await db.SaveChangesAsync(cancellationToken);
        province.Path = new LTree(province.Id.ToString(CultureInfo.InvariantCulture));
        db.OrgUnitPlacements.Add(new OrgUnitPlacement { OrgUnitId = province.Id, Path = province.Path, ValidFrom = ProvinceValidFrom });
        await access.AuditAsync(AuditActions.UnitCreate, AuditActions.UnitSubject(province.Id), $"{name} ({code})", save: false, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (province.Id, province.Name);
    }

    /// <summary>Takes back an account whose role could not be given, so the command can be run again with the same name.</summary>
    private async Task RemoveAccountAsync(string userId)
    {
        db.ChangeTracker.Clear();
        if (await users.FindByIdAsync(userId) is { } user)
        {
            await users.DeleteAsync(user);
        }
    }
}
