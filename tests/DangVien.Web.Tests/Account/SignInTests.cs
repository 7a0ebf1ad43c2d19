using System.Net;

namespace DangVien.Web.Tests.Account;

public sealed class SignInTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/units/1")]
    [InlineData("/khong-co-trang-nay")]
    public async Task An_anonymous_request_is_sent_to_the_sign_in_page(string path)
    {
        await using var app = await DangVienApp.StartAsync();

        var response = await app.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery.ToString());
    }

    [Fact]
    public async Task The_sign_in_page_and_health_need_no_sign_in()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = app.Client();

        var login = await DangVienApp.ParseAsync(await client.GetAsync("/account/login"));
        var health = await client.GetAsync("/health");

        Assert.Equal("Đăng nhập", login.QuerySelector("h1")!.TextContent);
        Assert.Null(login.QuerySelector(".demo-credentials"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_says_so_in_Vietnamese_and_keeps_the_user_name()
    {
        await using var app = await DangVienApp.StartAsync();
        await app.CreateUserAsync("canbo1");
        var client = app.Client();

        var response = await Accounts.SignInAsync(client, "canbo1", "sai-mat-khau");
        var page = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", page.QuerySelector(".form-error")!.TextContent);
        Assert.Equal("canbo1", page.QuerySelector("#login-username")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_needs_the_antiforgery_token()
    {
        await using var app = await DangVienApp.StartAsync();
        var root = await TinyProvince.CreateRootAsync(app);
        var client = await app.AdminClientAsync(root);

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        var stillIn = await client.GetAsync("/");
        var home = await DangVienApp.ParseAsync(stillIn);
        var logout = await Forms.PostAsync(client, "/", Forms.Form(home, "form[action='/account/logout']"), []);
        var afterLogout = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterLogout.StatusCode);
    }

    [Fact]
    public async Task A_forged_sign_in_post_without_antiforgery_token_is_refused()
    {
        await using var app = await DangVienApp.StartAsync();
        await app.CreateUserAsync("canbo3");

        var response = await app.Client().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "canbo3",
            ["Input.Password"] = Accounts.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_a_safe_cookie()
    {
        await using var app = await DangVienApp.StartAsync();
        await app.CreateUserAsync("canbo4");
        var client = app.Client();

        var page = await client.GetAsync("/account/login");
        var signIn = await Accounts.SignInAsync(client, "canbo4");

        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        // Scripts only from our origin, never inline; inline styles are allowed for MudBlazor (docs/SECURITY.md).
        Assert.Equal("script-src 'self'", csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal)));
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dangvien.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/units/5?year=2025", "/units/5?year=2025")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("\t//evil.example", "/")]
    [InlineData("/\r\nSet-Cookie: x=1", "/")]
    [InlineData("/\u3002evil.example", "/")]
    [InlineData("/candidates?q=Nguy%E1%BB%85n", "/candidates?q=Nguy%E1%BB%85n")]
    public void Only_local_return_addresses_are_followed_after_sign_in(string returnUrl, string expected) =>
        Assert.Equal(expected, Components.Pages.Account.LoginPage.SafeReturnUrl(returnUrl));
}
