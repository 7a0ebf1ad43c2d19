using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Web.Tests.Admin;
using DangVien.Web.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DangVien.Web.Tests.Account;

/// <summary>Sign-out ends the session on the server; sign-in resists guessing without letting anyone lock others out.</summary>
public sealed class SignInSecurityTests(ITestOutputHelper output)
{
    private const string WrongPassword = "SaiMatKhau2026";

    [Fact]
    public async Task A_cookie_copied_before_sign_out_gets_the_sign_in_page_and_the_api_401_after_it()
    {
        await using var app = await DangVienApp.StartAsync();
        var root = await TinyProvince.CreateRootAsync(app);
        await app.CreateUserAsync("canbo1", (root, AccessRole.CommitteeStaff));
        var browser = From(app, "10.1.0.1");
        var signIn = await Accounts.SignInAsync(browser, "canbo1", Accounts.Password);
        var copy = CookieOf(signIn);
        var otherDevice = await app.SignedInClientAsync("canbo1");
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(app, copy, "/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(app, copy, "/api/units")).StatusCode);

        var home = await DangVienApp.ParseAsync(await browser.GetAsync("/"));
        var signOut = await Forms.PostAsync(browser, "/", Forms.Form(home, "form[action='/account/logout']"), []);
        var page = await GetWithCookieAsync(app, copy, "/candidates");
        var api = await GetWithCookieAsync(app, copy, "/api/units");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        // Only this device signs out: the same user's sign-in elsewhere goes on.
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_failures_locked_accounts_limits_and_sign_outs_are_audited_with_the_address_never_the_password()
    {
        await using var app = await DangVienApp.StartAsync();
        var root = await TinyProvince.CreateRootAsync(app);
        await app.CreateUserAsync("canbo2", (root, AccessRole.CommitteeStaff));
        var locked = await app.CreateUserAsync("canbo3");
        await using (var db = app.Database.CreateContext())
        {
            await db.Users.Where(u => u.Id == locked.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, UserAdminService.LockedIndefinitely));
        }

        var browser = From(app, "10.2.0.1");
        await Accounts.SignInAsync(browser, "canbo2", WrongPassword);
        await Accounts.SignInAsync(browser, "khongtontai", WrongPassword);
        var lockedAnswer = await DangVienApp.ParseAsync(await Accounts.SignInAsync(From(app, "10.2.0.2"), "canbo3", Accounts.Password));
        await Accounts.SignInAsync(browser, "canbo2", Accounts.Password);
        var home = await DangVienApp.ParseAsync(await browser.GetAsync("/"));
        await Forms.PostAsync(browser, "/", Forms.Form(home, "form[action='/account/logout']"), []);
        var guesser = From(app, "10.2.0.3");
        for (var i = 0; i < 12; i++)
        {
            await Accounts.SignInAsync(guesser, "canbo2", WrongPassword);
        }

        await using var check = app.Database.CreateContext();
        var entries = await check.AuditEntries.AsNoTracking()
            .Where(a => a.Action.StartsWith("account.sign"))
            .OrderBy(a => a.Id)
            .Select(a => new { a.UserName, a.Action, a.Subject, a.Detail })
            .ToListAsync();

        Assert.Equal("Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.", lockedAnswer.QuerySelector(".form-error")!.TextContent);
        Assert.Equal(
            [
                ("canbo2", AuditActions.SignInFailure, "user:canbo2", "10.2.0.1"),
                ("khongtontai", AuditActions.SignInFailure, "user:khongtontai", "10.2.0.1"),
                ("canbo3", AuditActions.SignInLocked, "user:canbo3", "10.2.0.2"),
                ("canbo2", AuditActions.SignIn, "user:canbo2", "10.2.0.1"),
                ("canbo2", AuditActions.SignOut, "user:canbo2", "10.2.0.1"),
            ],
            entries.Take(5).Select(e => (e.UserName, e.Action, e.Subject, e.Detail)));
        Assert.Equal(10, entries.Count(e => e.Action == AuditActions.SignInFailure && e.Detail == "10.2.0.3"));
        // One line per refused address and name in a window, not one per refused post.
        var limited = Assert.Single(entries, e => e.Action == AuditActions.SignInLimited);
        Assert.Equal(("canbo2", "10.2.0.3 (sign-in)"), (limited.UserName, limited.Detail));
        Assert.DoesNotContain(entries, e => $"{e.UserName} {e.Subject} {e.Detail}".Contains("MatKhau", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Too_many_sign_ins_from_one_address_get_a_429_page_in_Vietnamese_and_other_addresses_go_on()
    {
        await using var app = await DangVienApp.StartAsync();
        await app.CreateUserAsync("canbo4");
        var client = From(app, "10.3.0.1");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add((await Accounts.SignInAsync(client, "khongco" + i, WrongPassword)).StatusCode);
        }

        // Another spelling of the same page is the same endpoint, counted alike.
        var refused = await Forms.PostAsync(client, "/Account/Login/", "form", new() { ["Input.UserName"] = "canbo4", ["Input.Password"] = Accounts.Password });
        var page = await DangVienApp.ParseAsync(refused);
        var elsewhere = await Accounts.SignInAsync(From(app, "10.3.0.2"), "canbo4", Accounts.Password);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("Thử đăng nhập quá nhiều lần", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Có quá nhiều lần đăng nhập từ địa chỉ này hoặc vào tài khoản này", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/account/login", page.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Too_many_sign_ins_for_one_user_name_from_several_addresses_get_a_429()
    {
        await using var app = await DangVienApp.StartAsync();
        await app.CreateUserAsync("canbo5");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add((await Accounts.SignInAsync(From(app, $"10.4.0.{(i % 4) + 1}"), "CanBo5 ", WrongPassword)).StatusCode);
        }

        var fresh = From(app, "10.4.0.9");
        var refused = await Accounts.SignInAsync(fresh, "canbo5", Accounts.Password);
        var otherName = await Accounts.SignInAsync(fresh, "canbo6", WrongPassword);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherName.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_neither_lock_the_account_nor_keep_its_owner_out_elsewhere()
    {
        await using var app = await DangVienApp.StartAsync();
        var user = await app.CreateUserAsync("admin");
        var attacker = From(app, "10.5.0.1");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            answers.Add((await Accounts.SignInAsync(attacker, "admin", WrongPassword + i)).StatusCode);
        }

        var owner = await Accounts.SignInAsync(From(app, "10.5.0.2"), "admin", Accounts.Password);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 10).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 20)), answers);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        await using var db = app.Database.CreateContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
    }

    [Fact]
    public async Task An_unknown_user_name_is_answered_like_a_known_one_in_about_the_same_time()
    {
        const int Rounds = 15;
        await using var app = await DangVienApp.StartAsync();
        await app.CreateUserAsync("canbo7");
        var known = new List<double>();
        var unknown = new List<double>();
        var answers = new List<string?>();
        for (var i = 0; i <= Rounds; i++)
        {
            // A fresh address each round keeps every post under the address limit; each name goes first in
            // every other round, so neither pays for coming second; round 0 warms up.
            var client = From(app, $"10.6.{i}.1");
            foreach (var name in i % 2 == 0 ? ["canbo7", "khongco" + i] : new[] { "khongco" + i, "canbo7" })
            {
                var (milliseconds, message) = await TimedSignInAsync(client, name);
                if (i > 0)
                {
                    (name == "canbo7" ? known : unknown).Add(milliseconds);
                    answers.Add(message);
                }
            }
        }

        var knownMedian = Median(known);
        var unknownMedian = Median(unknown);
        output.WriteLine($"median of {Rounds} sign-ins with a wrong password: known user {knownMedian:F1} ms, unknown user {unknownMedian:F1} ms");
        Assert.All(answers, answer => Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", answer));
        Assert.InRange(unknownMedian / knownMedian, 0.5, 1.5);
    }

    [Fact]
    public async Task Refused_api_tokens_from_one_address_get_a_429_problem_and_others_are_not_held_up()
    {
        await using var app = await DangVienApp.StartAsync();
        var root = await TinyProvince.CreateRootAsync(app);
        await app.CreateUserAsync("canbo8", (root, AccessRole.CommitteeStaff));
        var token = await ApiTests.CreateTokenAsync(await app.SignedInClientAsync("canbo8"), "bảng tính");
        var guesser = Bearer(app, "10.7.0.1", "dv_doan-thu");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add((await guesser.GetAsync("/api/units")).StatusCode);
        }

        var refused = await guesser.GetAsync("/api/units");
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        var otherAddress = await Bearer(app, "10.7.0.2", "dv_doan-thu").GetAsync("/api/units");
        var rightToken = await Bearer(app, "10.7.0.3", token).GetAsync("/api/units");

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.StartsWith("Quá nhiều mã truy cập sai được gửi từ địa chỉ này. Vui lòng thử lại sau", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightToken.StatusCode);
    }

    private async Task<(double Milliseconds, string? Message)> TimedSignInAsync(HttpClient client, string userName)
    {
        var page = await Pages.GetAsync(client, "/account/login");
        var watch = Stopwatch.StartNew();
        var response = await Forms.SubmitAsync(client, page, "/account/login", "form", ("Input.UserName", userName), ("Input.Password", WrongPassword));
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (watch.Elapsed.TotalMilliseconds, (await DangVienApp.ParseAsync(response)).QuerySelector(".form-error")?.TextContent);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static HttpClient From(DangVienApp app, string address)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        return client;
    }

    private static HttpClient Bearer(DangVienApp app, string address, string token)
    {
        var client = From(app, address);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The sign-in cookie as a browser would send it (every chunk of it).</summary>
    private static string CookieOf(HttpResponseMessage signIn) =>
        string.Join("; ", signIn.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("dangvien.auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));

    /// <summary>A request carrying only the copied cookie, from a client that keeps no cookies of its own.</summary>
    private static Task<HttpResponseMessage> GetWithCookieAsync(DangVienApp app, string cookie, string url)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
