using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests.Browser;

/// <summary>The account pages in Chromium at phone and desktop width, saved under artifacts/screenshots for a person to look at.</summary>
[Trait("Category", "Browser")]
public sealed class UserAdminScreenshotTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task The_account_pages_render_at_phone_and_desktop_width(int width)
    {
        // One app for both widths: the test only reads.
        var baseUrl = shared.BaseUrl;
        var staff = await shared.OnceAsync("accounts", async app =>
        {
            TinyProvince tree;
            await using (var db = app.Database.CreateContext())
            {
                tree = await TinyProvince.CreateAsync(db, DateTime.Now.Year);
            }

            await app.CreateUserAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
            await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
            var staff = await app.CreateUserAsync("vanphong.tanlap", (tree.Commune.Id, AccessRole.CommitteeStaff), (tree.CellA.Id, AccessRole.CellSecretary));
            await app.CreateUserAsync("bithu.aplbac", (tree.CellB.Id, AccessRole.CellSecretary));
            var locked = await app.CreateUserAsync("nghihuu");
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, UserAdminService.LockedIndefinitely);
            }

            await using (var db = app.Database.CreateContext())
            {
                var audit = new CurrentAccess(new SystemUser("vanphong.tanlap"), db, TimeProvider.System);
                await audit.AuditAsync(AuditActions.CandidateView, "candidate:1042", "Nguyễn Thị Thanh Hương");
                await audit.AuditAsync(AuditActions.CandidatesExport, $"unit:{tree.Commune.Id}", "Danh sách quần chúng ưu tú Đảng bộ xã Tân Lập, năm 2026");
            }

            return staff;
        });

        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/admin/users");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);
        await page.GotoAsync("/admin/users");
        await Chromium.ScreenshotAsync(page, $"admin-users-{width}");
        var heading = await page.InnerTextAsync("h1");
        var rows = await page.Locator(".user-table tbody tr").CountAsync();
        var listOverflows = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");

        await page.GotoAsync($"/admin/users/{staff.Id}");
        await Chromium.ScreenshotAsync(page, $"admin-user-details-{width}");
        var detailsOverflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");

        await page.GotoAsync("/admin/audit");
        await Chromium.ScreenshotAsync(page, $"admin-audit-{width}");
        var auditOverflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");

        Assert.Equal("Tài khoản người dùng", heading);
        Assert.Equal(5, rows);
        Assert.False(listOverflows, "/admin/users must not scroll sideways");
        Assert.False(detailsOverflow, "/admin/users/{id} must not scroll sideways");
        Assert.False(auditOverflow, "/admin/audit must not scroll sideways");
    }
}
