using System.Globalization;
using DangVien.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace DangVien.Core.Features.Access;

/// <summary>
/// ASP.NET Core Identity's messages in Vietnamese (password rules, user names, a wrong current
/// password). Registered with <c>AddErrorDescriber</c>, so every validator of Identity speaks it.
/// </summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    /// <summary>The characters a user name may hold (Identity's default set), as users read them.</summary>
    public static string UserNameCharacters => CoreText.Get("Identity.UserNameCharacters");

    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), CoreText.Get("Identity.DefaultError"));

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), CoreText.Get("Identity.ConcurrencyFailure"));

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), CoreText.Get("Identity.PasswordMismatch"));

    public override IdentityError InvalidToken() =>
        Error(nameof(InvalidToken), CoreText.Get("Identity.InvalidToken"));

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), CoreText.Get("Identity.RecoveryCodeRedemptionFailed"));

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), CoreText.Get("Identity.LoginAlreadyAssociated"));

    public override IdentityError InvalidUserName(string? userName) =>
        Error(
            nameof(InvalidUserName),
            string.IsNullOrWhiteSpace(userName)
                ? CoreText.Get("Identity.InvalidUserName.Missing")
                : CoreText.Format("Identity.InvalidUserName", UserNameCharacters));

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), CoreText.Get("Identity.InvalidEmail"));

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), CoreText.Format("Identity.DuplicateUserName", userName));

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), CoreText.Format("Identity.DuplicateEmail", email));

    public override IdentityError InvalidRoleName(string? role) =>
        Error(nameof(InvalidRoleName), CoreText.Get("Identity.InvalidRoleName"));

    public override IdentityError DuplicateRoleName(string role) =>
        Error(nameof(DuplicateRoleName), CoreText.Format("Identity.DuplicateRoleName", role));

    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), CoreText.Get("Identity.UserAlreadyHasPassword"));

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), CoreText.Get("Identity.UserLockoutNotEnabled"));

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), CoreText.Format("Identity.UserAlreadyInRole", role));

    public override IdentityError UserNotInRole(string role) =>
        Error(nameof(UserNotInRole), CoreText.Format("Identity.UserNotInRole", role));

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), CoreText.Format("Identity.PasswordTooShort", length.ToString(CultureInfo.InvariantCulture)));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), CoreText.Format("Identity.PasswordRequiresUniqueChars", uniqueChars.ToString(CultureInfo.InvariantCulture)));

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), CoreText.Get("Identity.PasswordRequiresNonAlphanumeric"));

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), CoreText.Get("Identity.PasswordRequiresDigit"));

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), CoreText.Get("Identity.PasswordRequiresLower"));

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), CoreText.Get("Identity.PasswordRequiresUpper"));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
