using DangVien.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace DangVien.Core.Features.Access;

/// <summary>Puts Identity's failures (in Vietnamese, see <see cref="VietnameseIdentityErrorDescriber"/>) next to the form field they are about.</summary>
internal static class IdentityErrors
{
    public static IEnumerable<FieldError> ToFieldErrors(
        IEnumerable<IdentityError> errors,
        string passwordField,
        string userNameField = "",
        string currentPasswordField = "")
    {
        foreach (var error in errors)
        {
            var field = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) => currentPasswordField,
                nameof(IdentityErrorDescriber.ConcurrencyFailure) => Result.ConflictField,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                _ when error.Code.Contains("UserName", StringComparison.Ordinal) => userNameField,
                _ => "",
            };
            yield return new FieldError(field, error.Description);
        }
    }
}
