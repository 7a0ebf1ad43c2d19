using DangVien.Core.Domain;

namespace DangVien.Web.Tests.Admin;

/// <summary>
/// The account pages as the server first sends them (over HTTP, before the circuit starts): the list, its search from
/// the address, and an account's roles. What the pages do is tested in <c>Interactive/UserAdminComponentTests</c>.
/// </summary>
public sealed class UserAdminPageTests
{
    [Fact]
    public async Task The_list_finds_accounts_by_user_name_or_by_full_name_without_accents()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        await app.CreateUserAsync("vanphong");
        await app.CreateUserAsync("bithu");

        var all = await Pages.GetAsync(admin, "/admin/users");
        var byName = await Pages.GetAsync(admin, "/admin/users?q=PHONG");
        var byFullName = await Pages.GetAsync(admin, "/admin/users?q=can%20bo%20bithu");
        var injected = await Pages.GetAsync(admin, "/admin/users?q=%27%20OR%201%3D1%20--");

        Assert.Equal(["bithu", "quantri", "vanphong"], Pages.Rows(all, ".user-table table").Select(r => r[0]));
        Assert.Equal(["vanphong"], Pages.Rows(byName, ".user-table table").Select(r => r[0]));
        Assert.Equal(["bithu"], Pages.Rows(byFullName, ".user-table table").Select(r => r[0]));
        Assert.Equal("can bo bithu", byFullName.QuerySelector("#user-search")!.GetAttribute("value"));
        Assert.Equal("Không có tài khoản nào khớp với nội dung tìm.", injected.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task An_accounts_page_shows_its_roles_status_and_forms_before_the_circuit_starts()
    {
        await using var app = await DangVienApp.StartAsync();
        await using var db = app.Database.CreateContext();
        var tree = await TinyProvince.CreateAsync(db, DateTime.Now.Year);
        var admin = await app.AdminClientAsync(tree.Province.Id);
        var user = await app.CreateUserAsync("canbo4", (tree.CellA.Id, AccessRole.CellSecretary));

        var page = await Pages.GetAsync(admin, $"/admin/users/{user.Id}");

        Assert.Equal("Cán bộ canbo4", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Đang hoạt động", page.QuerySelector(".page-head .badge")!.TextContent);
        Assert.Equal("false", page.QuerySelector(".page-head")!.GetAttribute("data-interactive"));
        Assert.Equal([["Bí thư chi bộ", "Chi bộ thôn Đồng Tâm", "Bỏ vai trò"]], Pages.Rows(page, "table.role-table"));
        Assert.NotNull(page.QuerySelector("#role-role"));
        Assert.NotNull(page.QuerySelector("#role-unit"));
        Assert.NotNull(page.QuerySelector("#reset-password-new[type=password]"));
        Assert.NotNull(page.QuerySelector("noscript a[href='/admin/users']"));
    }
}
