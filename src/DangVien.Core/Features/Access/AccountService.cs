using DangVien.Core.Common;
using DangVien.Core.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace DangVien.Core.Features.Access;

/// <summary>What every signed-in user does with their own account: change the password.</summary>
public sealed class AccountService(
    UserManager<AppUser> users,
    CurrentAccess access,
    IValidator<ChangePasswordRequest> validator,
    ILogger<AccountService> logger)
{
    /// <summary>
    /// Changes the current user's password. Fails on <c>CurrentPassword</c> (empty or wrong),
    /// <c>NewPassword</c> (Identity's password rule, same as the current one) and <c>ConfirmPassword</c>
    /// (does not match), all at once. Renews the security stamp: the user's other sessions end, and the
    /// caller signs this one in again.
    /// </summary>
    public async Task<Result> ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default)
    {
        if (access.User.UserId is not { } userId || await users.FindByIdAsync(userId) is not { } user)
        {
            return Result.Fail(string.Empty, CoreText.Get("Users.SessionExpired"));
        }

        request = new ChangePasswordRequest(request.CurrentPassword ?? "", request.NewPassword ?? "", request.ConfirmPassword ?? "");
        var validation = await validator.ValidateAsync(request, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (request.CurrentPassword.Length > 0 && !await users.CheckPasswordAsync(user, request.CurrentPassword))
        {
            errors.Add(new FieldError(nameof(ChangePasswordRequest.CurrentPassword), users.ErrorDescriber.PasswordMismatch().Description));
        }

        if (!errors.Any(e => e.Field == nameof(ChangePasswordRequest.NewPassword)))
        {
            foreach (var passwordValidator in users.PasswordValidators)
            {
                errors.AddRange(IdentityErrors.ToFieldErrors(
                    (await passwordValidator.ValidateAsync(users, user, request.NewPassword)).Errors, nameof(ChangePasswordRequest.NewPassword)));
            }
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!changed.Succeeded)
        {
            return Result.Fail(IdentityErrors.ToFieldErrors(
                changed.Errors, nameof(ChangePasswordRequest.NewPassword), currentPasswordField: nameof(ChangePasswordRequest.CurrentPassword)));
        }

        await access.AuditAsync(AuditActions.PasswordChange, AuditActions.UserSubject(user.UserName!), cancellationToken: cancellationToken);
        logger.LogInformation("User {UserName} changed their password", user.UserName);
        return Result.Success();
    }
}
