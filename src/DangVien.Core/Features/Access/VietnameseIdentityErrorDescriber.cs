using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace DangVien.Core.Features.Access;

/// <summary>
/// ASP.NET Core Identity's messages in Vietnamese (password rules, user names, a wrong current
/// password). Registered with <c>AddErrorDescriber</c>, so every validator of Identity speaks it.
/// </summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    /// <summary>The characters a user name may hold (Identity's default set), as users read them.</summary>
    public const string UserNameCharacters = "chữ cái không dấu, chữ số và các ký tự - . _ @ +";

    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), "Đã có lỗi xảy ra. Vui lòng thử lại.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Tài khoản này vừa được người khác thay đổi. Vui lòng tải lại trang rồi thực hiện lại.");

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), "Mật khẩu hiện tại không đúng.");

    public override IdentityError InvalidToken() =>
        Error(nameof(InvalidToken), "Mã xác nhận không hợp lệ hoặc đã hết hạn.");

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), "Mã khôi phục không đúng.");

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), "Tài khoản đăng nhập bên ngoài này đã gắn với một người dùng khác.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(
            nameof(InvalidUserName),
            string.IsNullOrWhiteSpace(userName)
                ? "Vui lòng nhập tên đăng nhập."
                : $"Tên đăng nhập chỉ được gồm {UserNameCharacters}, không có dấu cách.");

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), "Địa chỉ thư điện tử không hợp lệ.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"Tên đăng nhập “{userName}” đã có người dùng. Vui lòng chọn tên khác.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), $"Địa chỉ thư điện tử “{email}” đã được dùng cho tài khoản khác.");

    public override IdentityError InvalidRoleName(string? role) =>
        Error(nameof(InvalidRoleName), "Tên nhóm quyền không hợp lệ.");

    public override IdentityError DuplicateRoleName(string role) =>
        Error(nameof(DuplicateRoleName), $"Nhóm quyền “{role}” đã có.");

    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), "Tài khoản này đã có mật khẩu.");

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), "Tài khoản này không dùng chế độ tạm khóa.");

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), $"Người dùng đã thuộc nhóm quyền “{role}”.");

    public override IdentityError UserNotInRole(string role) =>
        Error(nameof(UserNotInRole), $"Người dùng không thuộc nhóm quyền “{role}”.");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"Mật khẩu phải có ít nhất {length.ToString(CultureInfo.InvariantCulture)} ký tự.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars.ToString(CultureInfo.InvariantCulture)} ký tự khác nhau.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ít nhất một ký tự đặc biệt (không phải chữ, không phải số).");

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), "Mật khẩu phải có ít nhất một chữ số (0–9).");

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "Mật khẩu phải có ít nhất một chữ thường (a–z).");

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "Mật khẩu phải có ít nhất một chữ hoa (A–Z).");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
