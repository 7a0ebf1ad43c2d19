using System.Net;
using DangVien.Core.Features.Access;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests.Account;

/// <summary>Passwords have at least 12 characters and are not common ones, wherever a password is set.</summary>
public sealed class PasswordRuleTests
{
    private const string Hint = "Ít nhất 12 ký tự, có chữ hoa, chữ thường và chữ số. Không trùng với mật khẩu phổ biến (như Matkhau@123456).";

    [Theory]
    [InlineData("MatKhau2027", "Mật khẩu phải có ít nhất 12 ký tự.")]
    [InlineData("Password1234", CommonPasswordValidator.Message)]
    [InlineData("Matkhau@2024", CommonPasswordValidator.Message)]
    [InlineData("Anhyeuem123456", CommonPasswordValidator.Message)]
    public async Task The_password_page_refuses_short_and_common_passwords_next_to_the_field(string password, string message)
    {
        await using var app = await DangVienApp.StartAsync();
        await app.CreateUserAsync("canbo1");
        var client = await app.SignedInClientAsync("canbo1");

        var page = await Pages.GetAsync(client, "/account/password");
        var response = await Forms.SubmitTypedAsync(
            client, page, "/account/password", "#change-password",
            ("Input.CurrentPassword", Accounts.Password), ("Input.NewPassword", password), ("Input.ConfirmPassword", password));
        var refused = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], Pages.Messages(refused, "#password-new-error"));
        Assert.Equal(Hint, refused.QuerySelector("#password-new-hint")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(app.Client(), "canbo1", Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task The_demo_password_still_meets_the_rule()
    {
        await using var app = await DangVienApp.StartAsync();

        var user = await app.CreateUserAsync("demo");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, Components.Pages.Account.LoginPage.DemoPassword)).Errors);
        }

        Assert.Empty(errors);
    }
}
