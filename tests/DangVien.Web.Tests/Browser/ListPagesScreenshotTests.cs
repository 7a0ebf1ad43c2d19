using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// A paged drill-down list (the province's members at the start of the year) and the filtered audit log over the demo
/// province, at phone and desktop width with JavaScript off: neither scrolls sideways; the pictures are saved under
/// artifacts/screenshots, and the weight of a list page is written to the test output.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ListPagesScreenshotTests(ITestOutputHelper output, SharedDemoApp demo) : IClassFixture<SharedDemoApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task A_paged_list_and_the_audit_log_fit_a_phone_and_a_desktop(int width)
    {
        // One app over the demo province for both widths: the test only reads it.
        var (app, baseUrl) = (demo.App, demo.BaseUrl);
        int provinceId;
        await using (var db = app.Database.CreateContext())
        {
            provinceId = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
        }

        await demo.UserAsync("quantri", (provinceId, AccessRole.Administrator));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);

        var list = await page.GotoAsync($"/reports/list?unit={provinceId}&from=2026&to=2026&figure=members-start&page=2");
        Assert.True(list!.Ok, $"list: {list.Status}");
        Assert.Equal(50, await page.Locator(".report-members tbody tr").CountAsync());
        output.WriteLine($"{width} px: {await page.Locator(".report-list-count").TextContentAsync()} members, page 2 weighs {(await list.BodyAsync()).Length:N0} bytes");
        await Chromium.ScreenshotAsync(page, $"page-report-list-paged-{width}");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the list scrolls sideways");

        var audit = await page.GotoAsync("/admin/audit?action=account.sign-in&since=01/01/2026");
        Assert.True(audit!.Ok, $"audit: {audit.Status}");
        await Chromium.ScreenshotAsync(page, $"page-admin-audit-filtered-{width}");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the audit log scrolls sideways");
    }
}
