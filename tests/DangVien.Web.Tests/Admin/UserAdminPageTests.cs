using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests.Admin;

public sealed class UserAdminPageTests
{
    private static readonly int ThisYear = DateTime.Now.Year;

    [Fact]
    public async Task An_administrator_creates_a_user_gives_a_role_and_the_user_sees_that_unit()
    {
        await using var app = await DangVienApp.StartAsync();
        var tree = await TreeAsync(app);
        var admin = await app.AdminClientAsync(tree.Province.Id);

        // A weak password: Vietnamese messages under the password field, the typed name kept, the password not.
        var list = await Pages.GetAsync(admin, "/admin/users");
        var weak = await Forms.SubmitTypedAsync(
            admin, list, "/admin/users", "#create-user",
            ("Input.UserName", "canbomoi"), ("Input.FullName", "Phạm Thị Thu"), ("Input.Password", "matkhau"));
        var refused = await DangVienApp.ParseAsync(weak);
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Equal(
            ["Mật khẩu phải có ít nhất 12 ký tự.", "Mật khẩu phải có ít nhất một chữ số (0–9).", "Mật khẩu phải có ít nhất một chữ hoa (A–Z)."],
            Pages.Messages(refused, "#user-password-error"));
        Assert.Empty(Pages.Messages(refused, "#user-username-error"));
        Assert.Equal("canbomoi", refused.QuerySelector("#user-username")!.GetAttribute("value"));
        Assert.Equal("Phạm Thị Thu", refused.QuerySelector("#user-fullname")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(refused.QuerySelector("#user-password")!.GetAttribute("value")));
        Assert.Equal("Ít nhất 12 ký tự, có chữ hoa, chữ thường và chữ số. Không trùng với mật khẩu phổ biến (như Matkhau@123456).", refused.QuerySelector("#user-password-hint")!.TextContent);

        // A valid one: to the new account's page.
        var created = await Forms.SubmitTypedAsync(
            admin, refused, "/admin/users", "#create-user",
            ("Input.UserName", "canbomoi"), ("Input.FullName", "Phạm Thị Thu"), ("Input.Password", "MatKhauMoi2026"));
        var location = Pages.RedirectTarget(created);
        Assert.Matches("^/admin/users/[0-9a-f-]{36}\\?notice=created$", location);
        var details = await Pages.GetAsync(admin, location);
        Assert.Equal("Phạm Thị Thu", details.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Đã tạo tài khoản.", details.QuerySelector(".notice")!.TextContent);
        Assert.Equal("Đang hoạt động", details.QuerySelector(".page-head .badge")!.TextContent);

        // Committee staff of the commune.
        var detailsUrl = location.Split('?')[0];
        var assigned = await Forms.SubmitTypedAsync(
            admin, details, detailsUrl, "#add-role",
            ("RoleInput.Role", nameof(AccessRole.CommitteeStaff)), ("RoleInput.UnitId", tree.Commune.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(detailsUrl + "?notice=role-added", Pages.RedirectTarget(assigned));
        var withRole = await Pages.GetAsync(admin, Pages.RedirectTarget(assigned));
        Assert.Equal(["Cán bộ văn phòng, ban tổ chức đảng ủy", "Đảng bộ xã Tân Lập", "Bỏ vai trò"], Pages.Rows(withRole, "table.role-table").Single());

        var listed = await Pages.GetAsync(admin, "/admin/users");
        var row = Pages.Rows(listed, "table.user-table").Single(r => r[0] == "canbomoi");
        Assert.Equal("Phạm Thị Thu", row[1]);
        Assert.Contains("Đảng bộ xã Tân Lập", row[2]);

        // The new user signs in and sees that unit, and no administration links.
        var user = await app.SignedInClientAsync("canbomoi", "MatKhauMoi2026");
        var home = await Pages.GetAsync(user, "/units");
        Assert.Equal(["Đảng bộ xã Tân Lập"], home.QuerySelectorAll("section.card h2 a").Select(a => a.TextContent));
        Assert.Equal("Phạm Thị Thu", home.QuerySelector(".user-box__name")!.TextContent);
        Assert.Empty(home.QuerySelectorAll("a[href^='/admin']"));
    }

    [Fact]
    public async Task A_taken_user_name_and_empty_fields_are_refused_next_to_their_fields()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        await app.CreateUserAsync("canbo1");

        var list = await Pages.GetAsync(admin, "/admin/users");
        var taken = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(
            admin, list, "/admin/users", "#create-user",
            ("Input.UserName", "CanBo1"), ("Input.FullName", "Người thứ hai"), ("Input.Password", "MatKhauMoi2026")));
        var empty = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(
            admin, list, "/admin/users", "#create-user",
            ("Input.UserName", " "), ("Input.FullName", ""), ("Input.Password", "")));
        var spaces = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(
            admin, list, "/admin/users", "#create-user",
            ("Input.UserName", "can bo"), ("Input.FullName", "Có dấu cách"), ("Input.Password", "MatKhauMoi2026")));

        Assert.Equal(["Tên đăng nhập “CanBo1” đã có người dùng. Vui lòng chọn tên khác."], Pages.Messages(taken, "#user-username-error"));
        Assert.Equal("CanBo1", taken.QuerySelector("#user-username")!.GetAttribute("value"));
        Assert.Equal(["Vui lòng nhập tên đăng nhập."], Pages.Messages(empty, "#user-username-error"));
        Assert.Equal(["Vui lòng nhập họ và tên."], Pages.Messages(empty, "#user-fullname-error"));
        Assert.Equal(["Vui lòng nhập mật khẩu ban đầu."], Pages.Messages(empty, "#user-password-error"));
        Assert.Equal(
            ["Tên đăng nhập chỉ được gồm chữ cái không dấu, chữ số và các ký tự - . _ @ +, không có dấu cách."],
            Pages.Messages(spaces, "#user-username-error"));
        await using var db = app.Database.CreateContext();
        Assert.Equal(2, await db.Users.CountAsync());
    }

    [Fact]
    public async Task After_a_password_reset_the_old_password_fails_and_the_new_one_works()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        var user = await app.CreateUserAsync("canbo2");
        var url = $"/admin/users/{user.Id}";

        var page = await Pages.GetAsync(admin, url);
        var weak = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(admin, page, url, "#reset-password", ("PasswordInput.NewPassword", "ngan1A")));
        Assert.Equal(["Mật khẩu phải có ít nhất 12 ký tự."], Pages.Messages(weak, "#reset-password-error"));
        Assert.True(string.IsNullOrEmpty(weak.QuerySelector("#reset-password-new")!.GetAttribute("value")));

        var reset = await Forms.SubmitTypedAsync(admin, page, url, "#reset-password", ("PasswordInput.NewPassword", "DatLaiMatKhau2027"));
        Assert.Equal(url + "?notice=password-reset", Pages.RedirectTarget(reset));

        var old = await DangVienApp.ParseAsync(await Accounts.SignInAsync(app.Client(), "canbo2", Accounts.Password));
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", old.QuerySelector(".form-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(app.Client(), "canbo2", "DatLaiMatKhau2027")).StatusCode);
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_in_until_it_is_unlocked()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        var user = await app.CreateUserAsync("canbo3");
        var url = $"/admin/users/{user.Id}";

        var page = await Pages.GetAsync(admin, url);
        Assert.Null(page.QuerySelector("#unlock-user button"));
        var locked = await Forms.SubmitTypedAsync(admin, page, url, "#lock-user");
        Assert.Equal(url + "?notice=locked", Pages.RedirectTarget(locked));
        var after = await Pages.GetAsync(admin, Pages.RedirectTarget(locked));
        Assert.Equal("Đã khóa", after.QuerySelector(".page-head .badge")!.TextContent);
        Assert.Null(after.QuerySelector("#lock-user button"));
        var listed = await Pages.GetAsync(admin, "/admin/users");
        Assert.Equal("Đã khóa", Pages.Rows(listed, "table.user-table").Single(r => r[0] == "canbo3")[3]);

        var refused = await Accounts.SignInAsync(app.Client(), "canbo3", Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.", (await DangVienApp.ParseAsync(refused)).QuerySelector(".form-error")!.TextContent);

        var unlocked = await Forms.SubmitTypedAsync(admin, after, url, "#unlock-user");
        Assert.Equal(url + "?notice=unlocked", Pages.RedirectTarget(unlocked));
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(app.Client(), "canbo3", Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Role_changes_and_locks_end_the_users_open_session_at_the_next_check()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var app = await DangVienApp.StartAsync(clock);
        var tree = await TreeAsync(app);
        var admin = await app.AdminClientAsync(tree.Province.Id);
        var user = await app.CreateUserAsync("canbo4", (tree.CellA.Id, AccessRole.CellSecretary), (tree.Commune.Id, AccessRole.CommitteeStaff));
        var session = await app.SignedInClientAsync("canbo4");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        var url = $"/admin/users/{user.Id}";
        var page = await Pages.GetAsync(admin, url);
        var remove = page.QuerySelectorAll("button[form=remove-role]")
            .Single(b => b.GetAttribute("aria-label") == "Bỏ vai trò Cán bộ văn phòng, ban tổ chức đảng ủy ở Đảng bộ xã Tân Lập");
        var removed = await Forms.SubmitTypedAsync(admin, page, url, "#remove-role", (remove.GetAttribute("name")!, remove.GetAttribute("value")!));
        Assert.Equal(url + "?notice=role-removed", Pages.RedirectTarget(removed));
        var after = await Pages.GetAsync(admin, Pages.RedirectTarget(removed));
        Assert.Equal([["Bí thư chi bộ", "Chi bộ thôn Đồng Tâm", "Bỏ vai trò"]], Pages.Rows(after, "table.role-table"));

        clock.Advance(TimeSpan.FromMinutes(2));
        var ended = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/account/login", ended.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));

        // Signed in again with the remaining role, then locked: that session ends too.
        var again = await app.SignedInClientAsync("canbo4");
        Assert.Equal(["Chi bộ thôn Đồng Tâm"], (await Pages.GetAsync(again, "/units")).QuerySelectorAll("section.card h2 a").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.Found, (await Forms.SubmitTypedAsync(admin, after, url, "#lock-user")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_lock_themselves_or_drop_their_own_administrator_role()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        string adminId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            adminId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("quantri"))!.Id;
        }

        var url = $"/admin/users/{adminId}";
        var page = await Pages.GetAsync(admin, url);
        Assert.Null(page.QuerySelector("#lock-user button"));
        var lockPost = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(admin, page, url, "#lock-user"));
        var remove = page.QuerySelector("button[form=remove-role]")!;
        var removePost = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(admin, page, url, "#remove-role", ("RemoveRoleId", remove.GetAttribute("value")!)));

        Assert.Equal("Bạn không thể tự khóa tài khoản của chính mình.", lockPost.QuerySelector(".notice--error")!.TextContent);
        Assert.StartsWith("Bạn không thể tự bỏ vai trò quản trị của chính mình.", removePost.QuerySelector(".notice--error")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task The_role_form_needs_a_role_and_a_unit_and_refuses_a_role_held_already()
    {
        await using var app = await DangVienApp.StartAsync();
        var tree = await TreeAsync(app);
        var admin = await app.AdminClientAsync(tree.Province.Id);
        var user = await app.CreateUserAsync("canbo5", (tree.CellB.Id, AccessRole.CellSecretary));
        var url = $"/admin/users/{user.Id}";

        var page = await Pages.GetAsync(admin, url);
        var empty = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(admin, page, url, "#add-role", ("RoleInput.Role", ""), ("RoleInput.UnitId", "")));
        var twice = await DangVienApp.ParseAsync(await Forms.SubmitTypedAsync(
            admin, page, url, "#add-role",
            ("RoleInput.Role", nameof(AccessRole.CellSecretary)), ("RoleInput.UnitId", tree.CellB.Id.ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(["Vui lòng chọn vai trò."], Pages.Messages(empty, "#role-role-error"));
        Assert.Equal(["Vui lòng chọn đơn vị."], Pages.Messages(empty, "#role-unit-error"));
        Assert.Equal(["Tài khoản này đã có vai trò “Bí thư chi bộ” ở Chi bộ thôn Ấp Bắc."], Pages.Messages(twice, "#role-unit-error"));
        Assert.Equal(nameof(AccessRole.CellSecretary), twice.QuerySelector("#role-role option[selected]")!.GetAttribute("value"));
        Assert.Equal(tree.CellB.Id.ToString(CultureInfo.InvariantCulture), twice.QuerySelector("#role-unit option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_unit_picker_lists_the_units_and_narrows_them_by_name_without_accents()
    {
        await using var app = await DangVienApp.StartAsync();
        var tree = await TreeAsync(app);
        var admin = await app.AdminClientAsync(tree.Province.Id);
        var user = await app.CreateUserAsync("canbo6");

        var all = await Pages.GetAsync(admin, $"/admin/users/{user.Id}");
        var found = await Pages.GetAsync(admin, $"/admin/users/{user.Id}?unit=ap%20bac");

        Assert.Equal(
            ["Đảng bộ tỉnh Thử Nghiệm", "Đảng bộ xã Tân Lập — Đảng bộ tỉnh Thử Nghiệm", "Chi bộ thôn Ấp Bắc — Đảng bộ xã Tân Lập", "Chi bộ thôn Đồng Tâm — Đảng bộ xã Tân Lập"],
            UnitOptions(all));
        Assert.Equal(["Chi bộ thôn Ấp Bắc — Đảng bộ xã Tân Lập"], UnitOptions(found));
        Assert.Equal("ap bac", found.QuerySelector("#unit-search")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_list_finds_accounts_by_user_name_or_by_full_name_without_accents()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        await app.CreateUserAsync("vanphong");
        await app.CreateUserAsync("bithu");

        var byName = await Pages.GetAsync(admin, "/admin/users?q=PHONG");
        var byFullName = await Pages.GetAsync(admin, "/admin/users?q=can%20bo%20bithu");
        var injected = await Pages.GetAsync(admin, "/admin/users?q=%27%20OR%201%3D1%20--");

        Assert.Equal(["vanphong"], Pages.Rows(byName, "table.user-table").Select(r => r[0]));
        Assert.Equal(["bithu"], Pages.Rows(byFullName, "table.user-table").Select(r => r[0]));
        Assert.Equal("Không có tài khoản nào khớp với nội dung tìm.", injected.QuerySelector(".empty")!.TextContent);
    }

    [Theory]
    [InlineData("Robert'); DROP TABLE asp_net_users; --")]
    [InlineData("<script>alert('xss')</script> Nguyễn \"Văn\" <b>Đức</b> & 1=1")]
    [InlineData("' OR '1'='1")]
    public async Task Injection_strings_in_the_full_name_are_stored_and_shown_verbatim(string fullName)
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();

        var list = await Pages.GetAsync(admin, "/admin/users");
        var created = await Forms.SubmitTypedAsync(
            admin, list, "/admin/users", "#create-user",
            ("Input.UserName", "thunghiem"), ("Input.FullName", fullName), ("Input.Password", "MatKhauMoi2026"));
        var detailsUrl = Pages.RedirectTarget(created);

        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(fullName, await db.Users.Where(u => u.UserName == "thunghiem").Select(u => u.FullName).SingleAsync());
            Assert.Equal(2, await db.Users.CountAsync());
        }

        var listResponse = await admin.GetAsync("/admin/users");
        var html = await listResponse.Content.ReadAsStringAsync();
        var listed = await DangVienApp.ParseAsync(listResponse);
        var details = await Pages.GetAsync(admin, detailsUrl);
        var audit = await Pages.GetAsync(admin, "/admin/audit?subject=user:thunghiem");
        var home = await Pages.GetAsync(await app.SignedInClientAsync("thunghiem", "MatKhauMoi2026"), "/");

        Assert.Equal(fullName, Pages.Rows(listed, "table.user-table").Single(r => r[0] == "thunghiem")[1]);
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

    private static async Task<TinyProvince> TreeAsync(DangVienApp app)
    {
        await using var db = app.Database.CreateContext();
        return await TinyProvince.CreateAsync(db, ThisYear);
    }

    private static List<string> UnitOptions(IDocument page) =>
        page.QuerySelectorAll("#role-unit option").Skip(1).Select(o => o.TextContent).ToList();
}
