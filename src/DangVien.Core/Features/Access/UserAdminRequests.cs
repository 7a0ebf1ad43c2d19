using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using FluentValidation;

namespace DangVien.Core.Features.Access;

/// <summary>The administrator creates an account with an initial password (there is no self-registration).</summary>
public sealed record CreateUserRequest(string UserName, string FullName, string Password);

/// <summary>The administrator sets a new password for someone who forgot theirs.</summary>
public sealed record ResetPasswordRequest(string UserId, string NewPassword);

/// <summary>The administrator gives a user a role in a unit (and so in its subtree). Null when the form left it empty.</summary>
public sealed record AssignRoleRequest(string UserId, int? UnitId, AccessRole? Role);

/// <summary>The signed-in user changes their own password.</summary>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword, string ConfirmPassword);

public sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    /// <summary>Short enough to fit the audit log's subject (<c>user:NAME</c>, 120 characters).</summary>
    public const int UserNameMaxLength = 64;

    /// <summary>The column's length.</summary>
    public const int FullNameMaxLength = 120;

    public CreateUserRequestValidator()
    {
        RuleFor(r => r.UserName)
            .NotEmpty().WithMessage(_ => CoreText.Get("Users.NoUserName"))
            .MaximumLength(UserNameMaxLength).WithMessage(_ => CoreText.Format("Users.UserNameTooLong", UserNameMaxLength))
            .CleanText("Label.UserName");
        RuleFor(r => r.FullName)
            .NotEmpty().WithMessage(_ => CoreText.Get("Users.NoFullName"))
            .MaximumLength(FullNameMaxLength).WithMessage(_ => CoreText.Format("Users.FullNameTooLong", FullNameMaxLength))
            .CleanText("Label.FullName");
        RuleFor(r => r.Password)
            .NotEmpty().WithMessage(_ => CoreText.Get("Users.NoInitialPassword"));
    }
}

public sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator()
    {
        RuleFor(r => r.NewPassword)
            .NotEmpty().WithMessage(_ => CoreText.Get("Users.NoNewPassword"));
    }
}

public sealed class AssignRoleRequestValidator : AbstractValidator<AssignRoleRequest>
{
    public AssignRoleRequestValidator()
    {
        RuleFor(r => r.Role)
            .NotNull().WithMessage(_ => CoreText.Get("Users.NoRole"))
            .IsInEnum().WithMessage(_ => CoreText.Get("Users.NoRole"));
        RuleFor(r => r.UnitId)
            .NotNull().WithMessage(_ => CoreText.Get("Users.NoUnit"));
    }
}

public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.CurrentPassword)
            .NotEmpty().WithMessage(_ => CoreText.Get("Users.NoCurrentPassword"));
        RuleFor(r => r.NewPassword)
            .NotEmpty().WithMessage(_ => CoreText.Get("Users.NoNewPassword"))
            .NotEqual(r => r.CurrentPassword).When(r => !string.IsNullOrEmpty(r.CurrentPassword))
            .WithMessage(_ => CoreText.Get("Users.SamePassword"));
        RuleFor(r => r.ConfirmPassword)
            .Equal(r => r.NewPassword).When(r => !string.IsNullOrEmpty(r.NewPassword))
            .WithMessage(_ => CoreText.Get("Users.ConfirmMismatch"));
    }
}
