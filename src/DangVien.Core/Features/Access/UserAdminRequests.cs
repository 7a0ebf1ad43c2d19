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
            .NotEmpty().WithMessage("Vui lòng nhập tên đăng nhập.")
            .MaximumLength(UserNameMaxLength).WithMessage($"Tên đăng nhập không được dài quá {UserNameMaxLength} ký tự.")
            .CleanText("tên đăng nhập");
        RuleFor(r => r.FullName)
            .NotEmpty().WithMessage("Vui lòng nhập họ và tên.")
            .MaximumLength(FullNameMaxLength).WithMessage($"Họ và tên không được dài quá {FullNameMaxLength} ký tự.")
            .CleanText("họ và tên");
        RuleFor(r => r.Password)
            .NotEmpty().WithMessage("Vui lòng nhập mật khẩu ban đầu.");
    }
}

public sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator()
    {
        RuleFor(r => r.NewPassword)
            .NotEmpty().WithMessage("Vui lòng nhập mật khẩu mới.");
    }
}

public sealed class AssignRoleRequestValidator : AbstractValidator<AssignRoleRequest>
{
    public AssignRoleRequestValidator()
    {
        RuleFor(r => r.Role)
            .NotNull().WithMessage("Vui lòng chọn vai trò.")
            .IsInEnum().WithMessage("Vui lòng chọn vai trò.");
        RuleFor(r => r.UnitId)
            .NotNull().WithMessage("Vui lòng chọn đơn vị.");
    }
}

public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.CurrentPassword)
            .NotEmpty().WithMessage("Vui lòng nhập mật khẩu hiện tại.");
        RuleFor(r => r.NewPassword)
            .NotEmpty().WithMessage("Vui lòng nhập mật khẩu mới.")
            .NotEqual(r => r.CurrentPassword).When(r => !string.IsNullOrEmpty(r.CurrentPassword))
            .WithMessage("Mật khẩu mới phải khác mật khẩu hiện tại.");
        RuleFor(r => r.ConfirmPassword)
            .Equal(r => r.NewPassword).When(r => !string.IsNullOrEmpty(r.NewPassword))
            .WithMessage("Mật khẩu nhập lại không khớp với mật khẩu mới.");
    }
}
