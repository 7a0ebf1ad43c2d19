using System.Globalization;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The interactive account pages and the move and merge page in Chromium, over the real circuit, at phone and desktop
/// width: pickers typed into and clicked, the confirmation dialog, and screenshots for a person to look at.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EntryPagesBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 15_000 };

    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task An_administrator_finds_an_account_gives_a_role_with_the_unit_picker_and_locks_it_after_the_dialog(int width)
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, DateTime.Now.Year);
        }

        await app.CreateUserAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        var staff = await app.CreateUserAsync("vanphong.tanlap", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var page = await Chromium.NewPageAsync(baseUrl, width);
        await page.GotoAsync("/admin/users");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);
        await page.GotoAsync("/admin/users");
        await page.Locator(".page-head[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });

        await page.Locator("#user-search").FillAsync("vanphong");
        await Assertions.Expect(page.Locator(".user-table tbody tr")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var listOverflows = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        await Chromium.ScreenshotAsync(page, $"admin-users-search-{width}");

        await page.GotoAsync($"/admin/users/{staff.Id}");
        await page.Locator(".page-head[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });
        await page.Locator(".mud-select:has(#role-role)").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Bí thư chi bộ" }).First.ClickAsync();
        await page.Locator("#role-unit").FillAsync("dong tam");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Chi bộ thôn Đồng Tâm" }).First.ClickAsync();
        await page.Locator("#add-role-button").ClickAsync();
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync("Đã giao vai trò.", Soon);
        await Assertions.Expect(page.Locator("table.role-table tbody tr")).ToHaveCountAsync(2);

        await page.Locator("#lock-user-button").ClickAsync();
        await page.Locator(".mud-dialog").WaitForAsync(new() { Timeout = 15_000 });
        await Chromium.ScreenshotAsync(page, $"admin-user-lock-dialog-{width}");
        await page.Locator(".mud-dialog button", new() { HasText = "Khóa tài khoản" }).ClickAsync();
        await Assertions.Expect(page.Locator(".page-head .badge")).ToHaveTextAsync("Đã khóa", Soon);
        var detailsOverflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        await Chromium.ScreenshotAsync(page, $"admin-user-details-locked-{width}");

        Assert.False(listOverflows, "/admin/users scrolls sideways");
        Assert.False(detailsOverflow, "/admin/users/{id} scrolls sideways");
        await using var check = app.Database.CreateContext();
        Assert.True(await check.RoleAssignments.AnyAsync(r => r.UserId == staff.Id && r.OrgUnitId == tree.CellA.Id && r.Role == AccessRole.CellSecretary));
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task Staff_move_a_cell_with_the_picker_after_the_dialog_says_what_moves(int width)
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        OrgUnit committee;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, DateTime.Now.Year);
            committee = new OrgUnit { Code = "DB01", Name = "Đảng bộ Trường THCS Tân Lập", Kind = OrgUnitKind.GrassrootsCommittee, ParentId = tree.Commune.Id };
            db.OrgUnits.Add(committee);
            await db.SaveChangesAsync();
            committee.Path = new($"{tree.Commune.Path}.{committee.Id}");
            await db.SaveChangesAsync();
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var url = $"/units/{tree.CellB.Id}/move";
        var page = await Chromium.NewPageAsync(baseUrl, width);
        await page.GotoAsync(url);
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        await page.GotoAsync(url);
        await page.Locator("h1[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });

        var yesterday = DateTime.Today.AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await page.Locator("#m-NewParentId").FillAsync("truong thcs");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Đảng bộ Trường THCS Tân Lập" }).ClickAsync();
        await page.Locator("#m-EffectiveOn").FillAsync(yesterday);
        await page.Locator("#m-DecisionNumber").FillAsync("12-QĐ/ĐU");
        var overflows = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        await Chromium.ScreenshotAsync(page, $"unit-move-filled-{width}");
        await page.Locator("#move-button").ClickAsync();
        await page.Locator(".mud-dialog").WaitForAsync(new() { Timeout = 15_000 });
        var question = await page.Locator(".mud-dialog .mud-dialog-content").InnerTextAsync();
        await Chromium.ScreenshotAsync(page, $"unit-move-dialog-{width}");
        await page.Locator(".mud-dialog button", new() { HasText = "Chuyển đơn vị" }).ClickAsync();
        await page.WaitForURLAsync($"**/units/{tree.CellB.Id}", new() { Timeout = 15_000 });

        Assert.False(overflows, $"{url} scrolls sideways");
        Assert.StartsWith($"Chuyển {tree.CellB.Name} sang trực thuộc Đảng bộ Trường THCS Tân Lập từ ngày {yesterday}? Chuyển theo: 1 đơn vị", question);
        await using var check = app.Database.CreateContext();
        Assert.Equal(committee.Id, await check.OrgUnits.Where(u => u.Id == tree.CellB.Id).Select(u => u.ParentId).SingleAsync());
    }
}
