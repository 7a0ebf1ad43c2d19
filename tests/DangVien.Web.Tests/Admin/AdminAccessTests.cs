using System.Net;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests.Admin;

public sealed class AdminAccessTests
{
    [Theory]
    [InlineData(AccessRole.ProvincialBoard)]
    [InlineData(AccessRole.CommitteeStaff)]
    [InlineData(AccessRole.CellSecretary)]
    public async Task Anyone_but_an_administrator_gets_404_on_the_administration_pages_and_no_links_to_them(AccessRole role)
    {
        await using var app = await DangVienApp.StartAsync();
        var root = await TinyProvince.CreateRootAsync(app);
        var someone = await app.CreateUserAsync("canbo", (root, role));
        var client = await app.SignedInClientAsync("canbo");

        foreach (var url in new[] { "/admin/users", $"/admin/users/{someone.Id}", "/admin/users/khong-co", "/admin/audit", "/admin/audit?page=2", "/admin/holidays" })
        {
            var response = await client.GetAsync(url);
            var page = await DangVienApp.ParseAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            Assert.Equal("Không tìm thấy trang", page.QuerySelector("h1")!.TextContent);
            Assert.Null(page.QuerySelector("#create-user, #add-role, #reset-password, table.audit-table, .user-table"));
        }

        var home = await Pages.GetAsync(client, "/");
        Assert.Empty(home.QuerySelectorAll("a[href^='/admin']"));
        Assert.Null(home.QuerySelector(".app-nav__group"));
        Assert.Equal("/account/password", home.QuerySelector(".user-box__name")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_administrator_sees_the_administration_links()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();

        var home = await Pages.GetAsync(admin, "/");

        Assert.Equal("Quản trị", home.QuerySelector(".app-nav__label")!.TextContent);
        Assert.Equal(
            [("/admin/users", "Tài khoản"), ("/admin/audit", "Nhật ký truy cập"), ("/admin/holidays", "Lịch nghỉ lễ")],
            home.QuerySelectorAll(".app-nav__group a").Select(a => (a.GetAttribute("href"), a.TextContent)));
    }

    [Fact]
    public async Task The_service_refuses_every_account_change_to_a_non_administrator()
    {
        await using var app = await DangVienApp.StartAsync();
        var root = await TinyProvince.CreateRootAsync(app);
        var staff = await app.CreateUserAsync("vanphong", (root, AccessRole.CommitteeStaff));
        var other = await app.CreateUserAsync("bithu", (root, AccessRole.CellSecretary));
        await using var scope = app.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<UserAdminService>(scope.ServiceProvider, AuditPageTests.As(scope.ServiceProvider, staff));
        var audit = ActivatorUtilities.CreateInstance<AuditLogService>(scope.ServiceProvider, AuditPageTests.As(scope.ServiceProvider, staff));

        Assert.Null(await service.ListAsync());
        Assert.Null(await service.GetAsync(other.Id));
        Assert.Null(await service.AssignableUnitsAsync());
        Assert.Null(await audit.ReadAsync(new AuditQuery(null, null, 1)));
        var results = new[]
        {
            await service.CreateAsync(new CreateUserRequest("moi", "Người mới", "MatKhauMoi2026")),
            await service.ResetPasswordAsync(new ResetPasswordRequest(other.Id, "MatKhauMoi2026")),
            await service.LockAsync(other.Id),
            await service.UnlockAsync(other.Id),
            await service.AssignRoleAsync(new AssignRoleRequest(staff.Id, root, AccessRole.Administrator)),
            await service.RemoveRoleAsync(other.Id, 1),
        };
        Assert.All(results, r => Assert.Equal(UserAdminService.AdministratorsOnly, Assert.Single(r.Errors).Message));

        await using var db = app.Database.CreateContext();
        Assert.Equal(2, db.Users.Count());
        Assert.DoesNotContain(db.RoleAssignments, r => r.UserId == staff.Id && r.Role == AccessRole.Administrator);
    }
}
