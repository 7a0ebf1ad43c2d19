using System.Net;
using DangVien.Web.Tests.Admin;

namespace DangVien.Web.Tests.Account;

public sealed class ChangePasswordTests
{
    [Fact]
    public async Task A_wrong_current_password_is_refused_next_to_its_field_and_no_password_is_sent_back()
    {
        await using var app = await DangVienApp.StartAsync();
        await app.CreateUserAsync("canbo1");
        var client = await app.SignedInClientAsync("canbo1");

        var page = await Pages.GetAsync(client, "/account/password");
        var response = await Forms.SubmitTypedAsync(
            client, page, "/account/password", "#change-password",
            ("Input.CurrentPassword", "SaiMatKhau2026"), ("Input.NewPassword", "MatKhauMoi2027"), ("Input.ConfirmPassword", "MatKhauMoi2027"));
        var refused = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Đổi mật khẩu", refused.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Mật khẩu hiện tại không đúng."], Pages.Messages(refused, "#password-current-error"));
        Assert.Empty(Pages.Messages(refused, "#password-new-error"));
        Assert.All(refused.QuerySelectorAll("input[type=password]"), input => Assert.True(string.IsNullOrEmpty(input.GetAttribute("value"))));
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(app.Client(), "canbo1", Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task A_weak_or_mistyped_new_password_is_refused_next_to_its_field()
    {
        await using var app = await DangVienApp.StartAsync();
        await app.CreateUserAsync("canbo2");
        var client = await app.SignedInClientAsync("canbo2");

        var page = await Pages.GetAsync(client, "/account/password");
        var weak = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(
            client, page, "/account/password", "#change-password",
            ("Input.CurrentPassword", Accounts.Password), ("Input.NewPassword", "matkhaumoi2027"), ("Input.ConfirmPassword", "matkhaumoi2027")));
        var mistyped = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(
            client, page, "/account/password", "#change-password",
            ("Input.CurrentPassword", Accounts.Password), ("Input.NewPassword", "MatKhauMoi2027"), ("Input.ConfirmPassword", "MatKhauMoi2028")));
        var same = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(
            client, page, "/account/password", "#change-password",
            ("Input.CurrentPassword", Accounts.Password), ("Input.NewPassword", Accounts.Password), ("Input.ConfirmPassword", Accounts.Password)));

        Assert.Equal(["Mật khẩu phải có ít nhất một chữ hoa (A–Z)."], Pages.Messages(weak, "#password-new-error"));
        Assert.Equal(["Mật khẩu nhập lại không khớp với mật khẩu mới."], Pages.Messages(mistyped, "#password-confirm-error"));
        Assert.Equal(["Mật khẩu mới phải khác mật khẩu hiện tại."], Pages.Messages(same, "#password-new-error"));
    }

    [Fact]
    public async Task A_changed_password_keeps_this_session_ends_the_others_and_is_the_one_to_sign_in_with()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var app = await DangVienApp.StartAsync(clock);
        await app.CreateUserAsync("canbo3");
        var client = await app.SignedInClientAsync("canbo3");
        var elsewhere = await app.SignedInClientAsync("canbo3");

        var page = await Pages.GetAsync(client, "/account/password");
        var changed = await Forms.SubmitTypedAsync(
            client, page, "/account/password", "#change-password",
            ("Input.CurrentPassword", Accounts.Password), ("Input.NewPassword", "MatKhauMoi2027"), ("Input.ConfirmPassword", "MatKhauMoi2027"));

        Assert.Equal("/account/password?notice=changed", Pages.RedirectTarget(changed));
        var after = await Pages.GetAsync(client, "/account/password?notice=changed");
        Assert.Equal("Đã đổi mật khẩu. Lần đăng nhập sau, hãy dùng mật khẩu mới.", after.QuerySelector(".notice")!.TextContent);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Accounts.SignInAsync(app.Client(), "canbo3", Accounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(app.Client(), "canbo3", "MatKhauMoi2027")).StatusCode);
    }

    [Fact]
    public async Task The_page_needs_a_signed_in_user()
    {
        await using var app = await DangVienApp.StartAsync();

        var response = await app.Client().GetAsync("/account/password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
