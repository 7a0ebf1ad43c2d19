using System.Collections.Frozen;
using DangVien.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace DangVien.Core.Features.Access;

/// <summary>
/// Refuses the passwords people pick first ("Password1234", "Matkhau@2024", "Qwerty123456" …): the list
/// shipped with the app (<c>Resources/common-passwords.txt</c>, written by <c>scripts/common-passwords.py</c>),
/// compared without regard to case.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordCommon";

    public const string Message = "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    /// <summary>How many passwords the list holds.</summary>
    public static int Count => Common.Value.Count;

    public static bool IsCommon(string? password) =>
        password is not null && Common.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("DangVien.Core.CommonPasswords")
            ?? throw new InvalidOperationException("The common-password list is not embedded in DangVien.Core.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
