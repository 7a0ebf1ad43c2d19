using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Web.Components.Pages.Admin;
using DangVien.Web.Tests.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace DangVien.Web.Tests.Interactive;

/// <summary>
/// The interactive account pages (<c>/admin/users</c>, <c>/admin/users/{id}</c>) in bUnit over the real app and
/// database: the create form's messages next to its fields, roles given with the unit picker and taken away after a
/// confirmation, password resets, locks, and what each does to the user's sign-ins (over real HTTP).
/// </summary>
public sealed partial class UserAdminComponentTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_administrator_creates_a_user_gives_a_role_and_the_user_sees_that_unit()
    {
        await using var host = await ComponentHost.StartAsync();
        var tree = await TreeAsync(host);
        await host.SignInAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var list = host.Render<UsersPage>("/admin/users");

        // A weak password: its messages under the password field, the typed names kept, the password not.
        Type(list, "#user-username", "canbomoi");
        Type(list, "#user-fullname", "Phạm Thị Thu");
        Type(list, "#user-password", "matkhau");
        ComponentHost.Click(list, "#create-user-button");
        list.WaitForAssertion(
            () => Assert.Equal(
                "Mật khẩu phải có ít nhất 12 ký tự. Mật khẩu phải có ít nhất một chữ số (0–9). Mật khẩu phải có ít nhất một chữ hoa (A–Z).",
                ComponentHost.MessageOf(list.Find("#user-password"))),
            Wait);
        Assert.Null(ComponentHost.MessageOf(list.Find("#user-username")));
        Assert.Equal("canbomoi", list.Find("#user-username").GetAttribute("value"));
        Assert.Equal("Phạm Thị Thu", list.Find("#user-fullname").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(list.Find("#user-password").GetAttribute("value")));
        Assert.Equal("Ít nhất 12 ký tự, có chữ hoa, chữ thường và chữ số. Không trùng với mật khẩu phổ biến (như Matkhau@123456).", list.Find("#user-password-hint").TextContent);

        // A valid one: to the new account's page.
        Type(list, "#user-password", "MatKhauMoi2026");
        ComponentHost.Click(list, "#create-user-button");
        list.WaitForAssertion(() => Assert.Matches("/admin/users/[0-9a-f-]{36}\\?notice=created$", host.Navigation.Uri), Wait);
        var id = CreatedId().Match(host.Navigation.Uri).Groups[1].Value;
        var details = Details(host, id, "?notice=created", anotherTab: true);
        Assert.Equal("Phạm Thị Thu", details.Find("h1").TextContent);
        Assert.StartsWith("Đã tạo tài khoản.", details.Find(".notice[role=status]").TextContent);
        Assert.Equal("Đang hoạt động", details.Find(".page-head .badge").TextContent);

        // Committee staff of the commune, the commune found by its name without marks.
        await ChooseRoleAsync(details, AccessRole.CommitteeStaff);
        await PickUnitAsync(details, "tan lap", tree.Commune.Id);
        ComponentHost.Click(details, "#add-role-button");
        details.WaitForAssertion(() => Assert.Equal("Đã giao vai trò.", details.Find(".notice[role=status]").TextContent), Wait);
        Assert.Equal(["Cán bộ văn phòng, ban tổ chức đảng ủy", "Đảng bộ xã Tân Lập", "Bỏ vai trò"], Assert.Single(Rows(details, "table.role-table")));

        var listed = host.RenderInAnotherTab<UsersPage>("/admin/users");
        listed.WaitForAssertion(() => Assert.Contains(Rows(listed, ".user-table"), r => r[0] == "canbomoi"), Wait);
        var row = Rows(listed, ".user-table").Single(r => r[0] == "canbomoi");
        Assert.Equal("Phạm Thị Thu", row[1]);
        Assert.Contains("Đảng bộ xã Tân Lập", row[2]);

        // The new user signs in and sees that unit, and no administration links.
        var user = await host.App.SignedInClientAsync("canbomoi", "MatKhauMoi2026");
        var home = await Pages.GetAsync(user, "/units");
        Assert.Equal(["Đảng bộ xã Tân Lập"], home.QuerySelectorAll("section.card h2 a").Select(a => a.TextContent));
        Assert.Equal("Phạm Thị Thu", home.QuerySelector(".user-box__name")!.TextContent);
        Assert.Empty(home.QuerySelectorAll("a[href^='/admin']"));
    }

    [Fact]
    public async Task A_taken_user_name_empty_fields_spaces_and_a_common_password_are_refused_next_to_their_fields()
    {
        await using var host = await ComponentHost.StartAsync();
        await host.SignInAdminAsync();
        await host.App.CreateUserAsync("canbo1");
        var list = host.Render<UsersPage>("/admin/users");

        Type(list, "#user-username", "CanBo1");
        Type(list, "#user-fullname", "Người thứ hai");
        Type(list, "#user-password", "MatKhauMoi2026");
        ComponentHost.Click(list, "#create-user-button");
        list.WaitForAssertion(() => Assert.Equal("Tên đăng nhập “CanBo1” đã có người dùng. Vui lòng chọn tên khác.", ComponentHost.MessageOf(list.Find("#user-username"))), Wait);
        Assert.Equal("CanBo1", list.Find("#user-username").GetAttribute("value"));

        Type(list, "#user-username", " ");
        Type(list, "#user-fullname", "");
        ComponentHost.Click(list, "#create-user-button");
        list.WaitForAssertion(() => Assert.Equal("Vui lòng nhập tên đăng nhập.", ComponentHost.MessageOf(list.Find("#user-username"))), Wait);
        Assert.Equal("Vui lòng nhập họ và tên.", ComponentHost.MessageOf(list.Find("#user-fullname")));
        Assert.Equal("Vui lòng nhập mật khẩu ban đầu.", ComponentHost.MessageOf(list.Find("#user-password")));

        Type(list, "#user-username", "can bo");
        Type(list, "#user-fullname", "Có dấu cách");
        Type(list, "#user-password", "Qwerty123456");
        ComponentHost.Click(list, "#create-user-button");
        list.WaitForAssertion(
            () => Assert.Equal("Tên đăng nhập chỉ được gồm chữ cái không dấu, chữ số và các ký tự - . _ @ +, không có dấu cách.", ComponentHost.MessageOf(list.Find("#user-username"))),
            Wait);
        Assert.Equal(CommonPasswordValidator.Message, ComponentHost.MessageOf(list.Find("#user-password")));
        Assert.Null(ComponentHost.MessageOf(list.Find("#user-fullname")));

        await using var db = host.App.Database.CreateContext();
        Assert.Equal(2, await db.Users.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await Accounts.SignInAsync(host.App.Client(), "can bo", "Qwerty123456")).StatusCode);
    }

    [Fact]
    public async Task A_second_press_while_the_first_is_creating_creates_the_account_once()
    {
        await using var host = await ComponentHost.StartAsync();
        await host.SignInAdminAsync();
        var list = host.Render<UsersPage>("/admin/users");
        Type(list, "#user-username", "canbomoi");
        Type(list, "#user-fullname", "Phạm Thị Thu");
        Type(list, "#user-password", "MatKhauMoi2026");

        await ComponentHost.PressTwiceAsync(list, "#create-user-button");

        list.WaitForAssertion(() => Assert.Contains("?notice=created", host.Navigation.Uri, StringComparison.Ordinal), Wait);
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "canbomoi"));
        Assert.Empty(list.FindAll(".mud-input-error"));
    }

    [Fact]
    public async Task The_list_finds_accounts_by_user_name_or_by_full_name_without_accents_as_one_types()
    {
        await using var host = await ComponentHost.StartAsync();
        await host.SignInAdminAsync();
        await host.App.CreateUserAsync("vanphong");
        await host.App.CreateUserAsync("bithu");
        var list = host.Render<UsersPage>("/admin/users");
        list.WaitForAssertion(() => Assert.Equal(3, Rows(list, ".user-table").Count), Wait);

        Type(list, "#user-search", "PHONG");
        list.WaitForAssertion(() => Assert.Equal(["vanphong"], Rows(list, ".user-table").Select(r => r[0])), Wait);
        Type(list, "#user-search", "cán bo bithu");
        list.WaitForAssertion(() => Assert.Equal(["bithu"], Rows(list, ".user-table").Select(r => r[0])), Wait);
        Type(list, "#user-search", "' OR 1=1 --");
        list.WaitForAssertion(() => Assert.Equal("Không có tài khoản nào khớp với nội dung tìm.", list.Find(".empty").TextContent), Wait);

        // The address's search is the first one shown.
        var searched = host.RenderInAnotherTab<UsersPage>("/admin/users?q=bithu");
        searched.WaitForAssertion(() => Assert.Equal(["bithu"], Rows(searched, ".user-table").Select(r => r[0])), Wait);
        Assert.Equal("bithu", searched.Find("#user-search").GetAttribute("value"));
    }

    [Fact]
    public async Task After_a_password_reset_the_old_password_fails_the_new_one_works_and_open_sessions_end_at_once()
    {
        await using var host = await ComponentHost.StartAsync();
        await host.SignInAdminAsync();
        var user = await host.App.CreateUserAsync("canbo2");
        var session = await host.App.SignedInClientAsync("canbo2");
        var page = Details(host, user.Id);

        Type(page, "#reset-password-new", "ngan1A");
        ComponentHost.Click(page, "#reset-password-button");
        page.WaitForAssertion(() => Assert.Equal("Mật khẩu phải có ít nhất 12 ký tự.", ComponentHost.MessageOf(page.Find("#reset-password-new"))), Wait);
        Assert.True(string.IsNullOrEmpty(page.Find("#reset-password-new").GetAttribute("value")));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        Type(page, "#reset-password-new", "DatLaiMatKhau2027");
        ComponentHost.Click(page, "#reset-password-button");
        page.WaitForAssertion(() => Assert.Equal("Đã đặt lại mật khẩu. Các phiên đăng nhập cũ của người dùng sẽ kết thúc.", page.Find(".notice[role=status]").TextContent), Wait);
        Assert.True(string.IsNullOrEmpty(page.Find("#reset-password-new").GetAttribute("value")));

        // No minute passes: the session is closed, not waiting for the security-stamp check.
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
        var old = await DangVienApp.ParseAsync(await Accounts.SignInAsync(host.App.Client(), "canbo2", Accounts.Password));
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", old.QuerySelector(".form-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(host.App.Client(), "canbo2", "DatLaiMatKhau2027")).StatusCode);
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(
            [("quantri", AuditActions.UserPasswordReset)],
            (await db.AuditEntries.Where(a => a.Subject == "user:canbo2" && a.Action.StartsWith("user.")).ToListAsync()).Select(a => (a.UserName, a.Action)));
    }

    [Fact]
    public async Task A_lock_asks_first_then_the_account_cannot_sign_in_until_unlocked_and_both_are_audited()
    {
        await using var host = await ComponentHost.StartAsync();
        await host.SignInAdminAsync();
        var user = await host.App.CreateUserAsync("canbo3");
        var session = await host.App.SignedInClientAsync("canbo3");
        var page = Details(host, user.Id);
        Assert.Empty(page.FindAll("#unlock-user-button"));

        // Cancelled: nothing happens.
        ComponentHost.Click(page, "#lock-user-button");
        Answer(page, "Khóa tài khoản Cán bộ canbo3 (canbo3)?", "Hủy");
        Assert.Equal("Đang hoạt động", page.Find(".page-head .badge").TextContent);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        ComponentHost.Click(page, "#lock-user-button");
        Answer(page, "Khóa tài khoản Cán bộ canbo3 (canbo3)?", "Khóa tài khoản");
        page.WaitForAssertion(() => Assert.Equal("Đã khóa tài khoản.", page.Find(".notice[role=status]").TextContent), Wait);
        Assert.Equal("Đã khóa", page.Find(".page-head .badge").TextContent);
        Assert.Empty(page.FindAll("#lock-user-button"));
        var listed = host.RenderInAnotherTab<UsersPage>("/admin/users");
        listed.WaitForAssertion(() => Assert.Equal("Đã khóa", Rows(listed, ".user-table").Single(r => r[0] == "canbo3")[3]), Wait);

        // Its session ends at once, and it cannot sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
        var refused = await Accounts.SignInAsync(host.App.Client(), "canbo3", Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.", (await DangVienApp.ParseAsync(refused)).QuerySelector(".form-error")!.TextContent);

        ComponentHost.Click(page, "#unlock-user-button");
        Answer(page, "Mở khóa tài khoản Cán bộ canbo3 (canbo3)?", "Mở khóa");
        page.WaitForAssertion(() => Assert.Equal("Đã mở khóa tài khoản.", page.Find(".notice[role=status]").TextContent), Wait);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(host.App.Client(), "canbo3", Accounts.Password)).StatusCode);

        var admin = await host.App.SignedInClientAsync("quantri");
        var log = Pages.Rows(await Pages.GetAsync(admin, "/admin/audit?subject=user:canbo3"), "table.audit-table");
        Assert.Equal(
            [("quantri", "Mở khóa tài khoản user.unlock"), ("quantri", "Khóa tài khoản user.lock")],
            log.Where(r => r[1] == "quantri").Select(r => (r[1], r[2])));
    }

    [Fact]
    public async Task A_removed_role_and_a_lock_end_the_users_open_session_and_the_removal_is_audited()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var host = await ComponentHost.StartAsync(clock);
        var tree = await TreeAsync(host);
        await host.SignInAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var user = await host.App.CreateUserAsync("canbo4", (tree.CellA.Id, AccessRole.CellSecretary), (tree.Commune.Id, AccessRole.CommitteeStaff));
        var session = await host.App.SignedInClientAsync("canbo4");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        var page = Details(host, user.Id);

        ClickRemove(page, "Bỏ vai trò Cán bộ văn phòng, ban tổ chức đảng ủy ở Đảng bộ xã Tân Lập");
        Answer(page, "Bỏ vai trò “Cán bộ văn phòng, ban tổ chức đảng ủy” ở Đảng bộ xã Tân Lập của Cán bộ canbo4?", "Bỏ vai trò");
        page.WaitForAssertion(() => Assert.Equal("Đã bỏ vai trò.", page.Find(".notice[role=status]").TextContent), Wait);
        Assert.Equal([["Bí thư chi bộ", "Chi bộ thôn Đồng Tâm", "Bỏ vai trò"]], Rows(page, "table.role-table"));

        clock.Advance(TimeSpan.FromMinutes(2));
        var ended = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/account/login", ended.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));

        // Signed in again with the remaining role, then locked: that session ends too.
        var again = await host.App.SignedInClientAsync("canbo4");
        Assert.Equal(["Chi bộ thôn Đồng Tâm"], (await Pages.GetAsync(again, "/units")).QuerySelectorAll("section.card h2 a").Select(a => a.TextContent));
        ComponentHost.Click(page, "#lock-user-button");
        Answer(page, "Khóa tài khoản Cán bộ canbo4 (canbo4)?", "Khóa tài khoản");
        page.WaitForAssertion(() => Assert.Equal("Đã khóa", page.Find(".page-head .badge").TextContent), Wait);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/")).StatusCode);

        await using var db = host.App.Database.CreateContext();
        var removal = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.UserRoleRemove);
        Assert.Equal(("quantri", "user:canbo4", "Cán bộ văn phòng, ban tổ chức đảng ủy — Đảng bộ xã Tân Lập"), (removal.UserName, removal.Subject, removal.Detail));
    }

    [Fact]
    public async Task An_administrator_cannot_lock_themselves_or_drop_their_own_administrator_role()
    {
        await using var host = await ComponentHost.StartAsync();
        var admin = await host.SignInAdminAsync();
        var page = Details(host, admin.Id);

        Assert.Contains("(tài khoản của bạn)", page.Find("p.muted").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#lock-user-button"));
        Assert.Equal("Bạn không thể tự khóa tài khoản của chính mình.", page.Find("section[aria-labelledby=lock-heading] p").TextContent);
        page.Find("table.role-table button").Click();
        Answer(page, "Bỏ vai trò “Quản trị hệ thống”", "Bỏ vai trò");
        page.WaitForAssertion(() => Assert.StartsWith("Bạn không thể tự bỏ vai trò quản trị của chính mình.", page.Find(".notice--error[role=alert]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Single(Rows(page, "table.role-table"));

        // The service refuses a lock of one's own account too, whatever sends it.
        var calls = host.Context.Services.GetRequiredService<DangVien.Web.Hosting.CircuitServices>();
        var locked = await calls.RunAsync<UserAdminService, DangVien.Core.Common.Result>((accounts, ct) => accounts.LockAsync(admin.Id, ct));
        Assert.Equal("Bạn không thể tự khóa tài khoản của chính mình.", Assert.Single(locked.Errors).Message);
    }

    [Fact]
    public async Task The_role_form_needs_a_role_and_a_unit_refuses_a_role_held_already_and_a_unit_closed_meanwhile()
    {
        await using var host = await ComponentHost.StartAsync();
        var tree = await TreeAsync(host);
        await host.SignInAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var user = await host.App.CreateUserAsync("canbo5", (tree.CellB.Id, AccessRole.CellSecretary));
        var page = Details(host, user.Id);

        ComponentHost.Click(page, "#add-role-button");
        page.WaitForAssertion(() => Assert.Equal("Vui lòng chọn vai trò.", ComponentHost.MessageOf(page.Find("#role-role"))), Wait);
        Assert.Equal("Vui lòng chọn đơn vị.", ComponentHost.MessageOf(page.Find("#role-unit")));

        await ChooseRoleAsync(page, AccessRole.CellSecretary);
        await PickUnitAsync(page, "ap bac", tree.CellB.Id);
        ComponentHost.Click(page, "#add-role-button");
        page.WaitForAssertion(() => Assert.Equal("Tài khoản này đã có vai trò “Bí thư chi bộ” ở Chi bộ thôn Ấp Bắc.", ComponentHost.MessageOf(page.Find("#role-unit"))), Wait);
        Assert.Null(ComponentHost.MessageOf(page.Find("#role-role")));
        Assert.Equal(AccessRole.CellSecretary, page.FindComponent<MudSelect<AccessRole?>>().Instance.GetState(x => x.Value));
        Assert.Equal("Chi bộ thôn Ấp Bắc — Đảng bộ xã Tân Lập", page.Find("#role-unit").GetAttribute("value"));

        // A unit picked, then closed by someone else before the press.
        await PickUnitAsync(page, "dong tam", tree.CellA.Id);
        await using (var db = host.App.Database.CreateContext())
        {
            await db.OrgUnits.Where(u => u.Id == tree.CellA.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ValidTo, new DateOnly(2026, 1, 1)));
        }

        ComponentHost.Click(page, "#add-role-button");
        page.WaitForAssertion(() => Assert.Equal("Đơn vị này không còn tồn tại. Vui lòng chọn đơn vị khác.", ComponentHost.MessageOf(page.Find("#role-unit"))), Wait);
        Assert.Equal([["Bí thư chi bộ", "Chi bộ thôn Ấp Bắc", "Bỏ vai trò"]], Rows(page, "table.role-table"));
    }

    [Fact]
    public async Task The_unit_picker_offers_the_units_upper_levels_first_and_narrows_them_by_name_without_accents()
    {
        await using var host = await ComponentHost.StartAsync();
        var tree = await TreeAsync(host);
        await host.SignInAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var user = await host.App.CreateUserAsync("canbo6");
        var page = Details(host, user.Id);

        Assert.Equal(
            ["Đảng bộ tỉnh Thử Nghiệm", "Đảng bộ xã Tân Lập — Đảng bộ tỉnh Thử Nghiệm", "Chi bộ thôn Ấp Bắc — Đảng bộ xã Tân Lập", "Chi bộ thôn Đồng Tâm — Đảng bộ xã Tân Lập"],
            (await OfferedAsync(page, "")).Select(Label));
        Assert.Equal(["Chi bộ thôn Ấp Bắc — Đảng bộ xã Tân Lập"], (await OfferedAsync(page, "ap bac")).Select(Label));
        Assert.Empty(await OfferedAsync(page, "không có"));
    }

    [Fact]
    public async Task An_account_that_does_not_exist_and_a_user_who_is_not_an_administrator_get_not_found_and_see_nothing()
    {
        await using var host = await ComponentHost.StartAsync();
        var root = await TinyProvince.CreateRootAsync(host.App);
        await host.SignInAsync("quantri", (root, AccessRole.Administrator));
        var notFound = 0;
        host.Navigation.OnNotFound += (_, _) => notFound++;
        var missing = Details(host, "khong-co", wait: false);
        missing.WaitForAssertion(() => Assert.Equal(1, notFound), Wait);
        Assert.Empty(missing.FindAll("h1"));

        await using var staffHost = await ComponentHost.StartAsync();
        var staffRoot = await TinyProvince.CreateRootAsync(staffHost.App);
        var other = await staffHost.App.CreateUserAsync("bithu", (staffRoot, AccessRole.CellSecretary));
        await staffHost.SignInAsync("vanphong", (staffRoot, AccessRole.CommitteeStaff));
        var refused = 0;
        staffHost.Navigation.OnNotFound += (_, _) => refused++;
        var list = staffHost.Render<UsersPage>("/admin/users");
        var details = staffHost.RenderInAnotherTab<UserDetailsPage>($"/admin/users/{other.Id}", p => p.Add(x => x.Id, other.Id));
        list.WaitForAssertion(() => Assert.Empty(list.FindAll("h1")), Wait);
        details.WaitForAssertion(() => Assert.Empty(details.FindAll("h1")), Wait);
        list.WaitForAssertion(() => Assert.True(refused >= 1), Wait);
        Assert.Empty(list.FindAll("#create-user, .user-table"));
        Assert.Empty(details.FindAll("#add-role, #reset-password, #lock-user-button"));
    }

    [Theory]
    [InlineData("Robert'); DROP TABLE asp_net_users; --")]
    [InlineData("<script>alert('xss')</script> Nguyễn \"Văn\" <b>Đức</b> & 1=1")]
    [InlineData("' OR '1'='1")]
    public async Task Injection_strings_in_the_full_name_are_stored_and_shown_verbatim(string fullName)
    {
        await using var host = await ComponentHost.StartAsync();
        await host.SignInAdminAsync();
        var form = host.Render<UsersPage>("/admin/users");
        Type(form, "#user-username", "thunghiem");
        Type(form, "#user-fullname", fullName);
        Type(form, "#user-password", "MatKhauMoi2026");
        ComponentHost.Click(form, "#create-user-button");
        form.WaitForAssertion(() => Assert.Contains("?notice=created", host.Navigation.Uri, StringComparison.Ordinal), Wait);
        var detailsUrl = new Uri(host.Navigation.Uri).PathAndQuery;

        await using (var db = host.App.Database.CreateContext())
        {
            Assert.Equal(fullName, await db.Users.Where(u => u.UserName == "thunghiem").Select(u => u.FullName).SingleAsync());
            Assert.Equal(2, await db.Users.CountAsync());
        }

        // The pages as the server first sends them, over HTTP.
        var admin = await host.App.SignedInClientAsync("quantri");
        var listResponse = await admin.GetAsync("/admin/users");
        var html = await listResponse.Content.ReadAsStringAsync();
        var listed = await DangVienApp.ParseAsync(listResponse);
        var details = await Pages.GetAsync(admin, detailsUrl);
        var audit = await Pages.GetAsync(admin, "/admin/audit?subject=user:thunghiem");
        var home = await Pages.GetAsync(await host.App.SignedInClientAsync("thunghiem", "MatKhauMoi2026"), "/");

        Assert.Equal(fullName, Pages.Rows(listed, ".user-table table").Single(r => r[0] == "thunghiem")[1]);
        Assert.Equal(fullName, details.QuerySelector("h1")!.TextContent);
        Assert.Equal(fullName, Pages.Rows(audit, "table.audit-table").Single()[4]);
        Assert.Equal(fullName, home.QuerySelector(".user-box__name")!.TextContent);
        foreach (var page in new[] { listed, details, audit, home })
        {
            Assert.Empty(page.QuerySelectorAll("main script"));
            Assert.Empty(Markup.InlineScripts(page));
            Assert.Empty(page.QuerySelectorAll("main b"));
        }

        if (fullName.Contains('<', StringComparison.Ordinal))
        {
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_create_forms_names_come_back_from_the_tabs_draft_and_its_password_is_never_kept()
    {
        await using var host = await ComponentHost.StartAsync();
        var tree = await TreeAsync(host);
        await host.SignInAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var module = host.Context.JSInterop.SetupModule("./js/step-form.js");
        var drafts = module.Setup<string?>("loadDraft", _ => true);
        drafts.SetResult(null);
        var list = host.Render<UsersPage>("/admin/users");
        Type(list, "#user-username", "canbomoi");
        Type(list, "#user-fullname", "Phạm Thị Thu");
        Type(list, "#user-password", "Tan-Lap-2026-xa");

        var kept = module.Invocations["saveDraft"].Select(i => (string)i.Arguments[1]!).ToList();
        Assert.Contains(kept, d => System.Text.Json.JsonDocument.Parse(d).RootElement is var draft
            && draft.GetProperty("userName").GetString() == "canbomoi" && draft.GetProperty("fullName").GetString() == "Phạm Thị Thu");
        Assert.DoesNotContain(kept, d => d.Contains("Tan-Lap", StringComparison.Ordinal));
        Assert.Equal("dangvien:draft:/admin/users:0", module.Invocations["saveDraft"][^1].Arguments[0]);

        drafts.SetResult(kept[^1]);
        await host.Context.DisposeComponentsAsync();
        var again = host.Render<UsersPage>("/admin/users");
        again.WaitForAssertion(() => Assert.Equal("canbomoi", again.Find("#user-username").GetAttribute("value")), Wait);
        Assert.Equal("Phạm Thị Thu", again.Find("#user-fullname").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(again.Find("#user-password").GetAttribute("value")));
    }

    [Fact]
    public async Task After_sign_out_elsewhere_the_users_list_says_the_session_ended_and_creates_nobody()
    {
        await using var host = await ComponentHost.StartAsync();
        var tree = await TreeAsync(host);
        await host.SignInAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var list = host.Render<UsersPage>("/admin/users");
        list.WaitForAssertion(() => Assert.Equal("true", list.Find(".page-head").GetAttribute("data-interactive")), Wait);
        Assert.Empty(list.FindAll(".session-ended"));

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SignInService>().EndSessionAsync(host.SessionId, "quantri", "127.0.0.1");
        }

        Type(list, "#user-username", "canbomoi");
        Type(list, "#user-fullname", "Phạm Thị Thu");
        Type(list, "#user-password", "Tan-Lap-2026-xa");
        ComponentHost.Click(list, "#create-user-button");

        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll(".session-ended")), Wait);
        Assert.Equal("Phiên đăng nhập đã kết thúc. Đăng nhập lại", string.Join(' ', list.Find(".session-ended").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("/account/login?returnUrl=%2Fadmin%2Fusers", list.Find(".session-ended a").GetAttribute("href"));
        await using var db = host.App.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "canbomoi"));
    }

    private static async Task<TinyProvince> TreeAsync(ComponentHost host)
    {
        await using var db = host.App.Database.CreateContext();
        return await TinyProvince.CreateAsync(db, DateTime.Now.Year);
    }

    private static IRenderedComponent<UserDetailsPage> Details(ComponentHost host, string id, string query = "", bool wait = true, bool anotherTab = false)
    {
        var url = $"/admin/users/{id}{query}";
        var page = anotherTab
            ? host.RenderInAnotherTab<UserDetailsPage>(url, p => p.Add(x => x.Id, id))
            : host.Render<UserDetailsPage>(url, p => p.Add(x => x.Id, id));
        if (wait)
        {
            page.WaitForAssertion(() => Assert.Equal("true", page.Find(".page-head").GetAttribute("data-interactive")), Wait);
        }

        return page;
    }

    /// <summary>Types into an input found by its selector, then waits until it holds the text (MudBlazor finishes a change asynchronously).</summary>
    private static void Type<T>(IRenderedComponent<T> page, string selector, string value)
        where T : IComponent
    {
        page.WaitForAssertion(() => Assert.Null(page.Find(selector).GetAttribute("disabled")), Wait);
        page.InvokeAsync(() =>
        {
            var input = page.Find(selector);
            if (input.HasAttribute("blazor:oninput") && !input.HasAttribute("blazor:onchange"))
            {
                input.Input(value);
            }
            else
            {
                input.Change(value);
            }
        }).GetAwaiter().GetResult();
        page.WaitForAssertion(() => Assert.Equal(value, page.Find(selector).GetAttribute("value") ?? ""), Wait);
    }

    private static void ClickRemove(IRenderedComponent<UserDetailsPage> page, string label) =>
        page.InvokeAsync(() => page.FindAll("table.role-table button").Single(b => b.GetAttribute("aria-label") == label).Click()).GetAwaiter().GetResult();

    /// <summary>Waits for the confirmation dialog, checks its question, and presses the named button.</summary>
    private static void Answer<T>(IRenderedComponent<T> page, string question, string button)
        where T : IComponent
    {
        page.WaitForAssertion(() => Assert.StartsWith(question, page.Find(".mud-dialog .mud-dialog-content").TextContent.Trim(), StringComparison.Ordinal), Wait);
        page.InvokeAsync(() => page.FindAll(".mud-dialog .mud-dialog-actions button").Single(b => b.TextContent.Trim() == button).Click()).GetAwaiter().GetResult();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")), Wait);
    }

    private static async Task ChooseRoleAsync(IRenderedComponent<UserDetailsPage> page, AccessRole role)
    {
        var select = page.FindComponent<MudSelect<AccessRole?>>();
        await select.InvokeAsync(() => select.Instance.SelectOption(role));
        page.WaitForAssertion(() => Assert.Equal(role, select.Instance.GetState(x => x.Value)), Wait);
    }

    private static async Task<List<UnitChoice>> OfferedAsync(IRenderedComponent<UserDetailsPage> page, string typed)
    {
        var picker = page.FindComponent<MudAutocomplete<UnitChoice>>();
        var search = picker.Instance.SearchFunc ?? throw new InvalidOperationException("the unit picker has no search");
        return [.. await picker.InvokeAsync(() => search(typed, CancellationToken.None)!) ?? []];
    }

    /// <summary>Types part of a unit's name and takes the unit among those offered, as a click on that option does.</summary>
    private static async Task PickUnitAsync(IRenderedComponent<UserDetailsPage> page, string typed, int unitId)
    {
        var picker = page.FindComponent<MudAutocomplete<UnitChoice>>();
        await page.InvokeAsync(() => page.Find("#role-unit").Input(typed));
        var option = (await OfferedAsync(page, typed)).Single(u => u.Id == unitId);
        await picker.InvokeAsync(() => picker.Instance.SelectOptionAsync(option));
        page.WaitForAssertion(() => Assert.Equal(option, picker.Instance.GetState(x => x.Value)), Wait);
    }

    private static string Label(UnitChoice unit) => unit.ParentName is null ? unit.Name : $"{unit.Name} — {unit.ParentName}";

    private static List<List<string>> Rows<T>(IRenderedComponent<T> page, string table)
        where T : IComponent =>
        [.. page.FindAll($"{table} tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())];

    [GeneratedRegex("/admin/users/([0-9a-f-]{36})\\?")]
    private static partial Regex CreatedId();
}
