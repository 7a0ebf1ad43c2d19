using DangVien.Core.Domain;
using DangVien.Core.Features.Access;

namespace DangVien.Core.Tests.Features.Access;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("Password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("Matkhau@2024")]
    [InlineData("Qwerty123456")]
    [InlineData("123456789012")]
    [InlineData("Anhyeuem123456")]
    [InlineData(" Iloveyou2025 ")]
    public async Task A_common_password_is_refused_whatever_its_case(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new AppUser { UserName = "canbo", FullName = "Cán bộ" }, password);

        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator.Code, error.Code);
        Assert.Equal("Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.", error.Description);
    }

    [Theory]
    [InlineData("DangVien2026")]
    [InlineData("MatKhau2026x")]
    [InlineData("Chi bộ thôn Đồng Tâm 1930")]
    public async Task An_uncommon_password_passes(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new AppUser { UserName = "canbo", FullName = "Cán bộ" }, password);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void The_list_ships_with_the_app_and_holds_only_passwords_the_length_rule_lets_through() =>
        Assert.InRange(CommonPasswordValidator.Count, 5_000, 20_000);
}
