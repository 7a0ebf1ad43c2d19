using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Reports;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Quotas;

/// <summary>
/// The province's own quota through real HTTP: the province has no level above it in the tree, so an administrator sets it
/// on the province's quota sheet, and the province's report and dashboard then compare against it. Over the tiny province
/// of the report tests (one admission in 2026, the commune's quota 3, the province without a quota).
/// </summary>
public sealed class ProvinceQuotaPagesTests
{
    private const int Year = 2026;

    /// <summary>Mid-December 2026 in Vietnam: the year's admission (02/09/2026) is in.</summary>
    private static readonly FixedClock December2026 = new(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task An_administrator_sets_the_provinces_quota_and_the_report_and_dashboard_compare_against_it()
    {
        await using var app = await DangVienApp.StartAsync(December2026);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        var admin = await app.AdminClientAsync(tree.Province.Id);
        var url = $"/units/{tree.Province.Id}/quotas?year={Year}";

        var page = await DangVienApp.ParseAsync(await admin.GetAsync(url));
        Assert.Equal("Chỉ tiêu năm 2026 của Đảng bộ tỉnh Thử Nghiệm", Text(page.QuerySelector("label[for=quota-own]")!));
        Assert.Null(page.QuerySelector("#quota-own")!.GetAttribute("value"));
        var response = await Forms.PostAsync(admin, url, Forms.Form(page, "#assign-own-quota"), new() { ["Own.Total"] = "4" });

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var after = await DangVienApp.ParseAsync(await admin.GetAsync(response.Headers.Location!.PathAndQuery));
        Assert.Equal("Đã lưu chỉ tiêu năm 2026 của 1 đơn vị.", Text(after.QuerySelector(".notice[role=status]")!));
        Assert.Equal("4", after.QuerySelector("#quota-own")!.GetAttribute("value"));
        Assert.Equal("4", Text(after.QuerySelector(".stats dd")!));
        // The commune's quota (3) against the province's own (4).
        Assert.Contains("Còn 1 chưa giao so với chỉ tiêu của đơn vị (4).", Text(after.QuerySelector(".quota-sum")!));

        await using (var db = app.Database.CreateContext())
        {
            var stored = await db.Quotas.AsNoTracking().SingleAsync(q => q.OrgUnitId == tree.Province.Id);
            Assert.Equal((Year, 4, (int?)null, "quantri"), (stored.Year, stored.Total, stored.AssignedByUnitId, stored.AssignedBy));
        }

        var report = await DangVienApp.ParseAsync(await admin.GetAsync($"/reports?unit={tree.Province.Id}&year={Year}"));
        Assert.Equal([("Chỉ tiêu năm 2026", "4"), ("Đã kết nạp", "1"), ("Tỷ lệ đạt chỉ tiêu", "25,0 %")], Stats(report, "#quota-heading"));
        var dashboard = await DangVienApp.ParseAsync(await admin.GetAsync($"/?unit={tree.Province.Id}&year={Year}"));
        Assert.Equal(
            ["Chỉ tiêu|4", "Đã kết nạp|1", "Tỷ lệ đạt|25,0 %"],
            dashboard.QuerySelectorAll(".dash-quota .stats > div").Take(3).Select(d => $"{Text(d.QuerySelector("dt")!)}|{Text(d.QuerySelector("dd")!)}"));

        // A negative figure is refused next to the field; the stored quota stays.
        var refused = await Forms.PostAsync(admin, url, Forms.Form(after, "#assign-own-quota"), new() { ["Own.Total"] = "-2" });
        var refusedPage = await DangVienApp.ParseAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Chỉ tiêu không được âm.", Text(refusedPage.QuerySelector("#quota-own-error .validation-message")!));
        Assert.Equal("-2", refusedPage.QuerySelector("#quota-own")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_provincial_board_sees_the_provinces_quota_read_only_and_its_post_is_refused()
    {
        await using var app = await DangVienApp.StartAsync(December2026);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        await app.CreateUserAsync("vanphongtinh", (tree.Province.Id, AccessRole.CommitteeStaff));
        var url = $"/units/{tree.Province.Id}/quotas?year={Year}";

        foreach (var user in new[] { "bantochuc", "vanphongtinh" })
        {
            var client = await app.SignedInClientAsync(user);
            var page = await DangVienApp.ParseAsync(await client.GetAsync(url));
            Assert.Empty(page.QuerySelectorAll("#assign-own-quota input:not([type=hidden]), #assign-own-quota button"));
            Assert.Equal(
                "Chỉ tiêu của Đảng bộ tỉnh Thử Nghiệm do quản trị viên nhập (đơn vị không có cấp trên trong ứng dụng).",
                Text(page.QuerySelector("#assign-own-quota p")!));

            var posted = await Forms.PostAsync(client, url, Forms.Form(page, "#assign-own-quota"), new() { ["Own.Total"] = "9" });
            var refused = await DangVienApp.ParseAsync(posted);

            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            Assert.Equal(Messages.NotAllowed, Text(refused.QuerySelector("#assign-own-quota .notice--error[role=alert]")!));
        }

        await using var db = app.Database.CreateContext();
        Assert.False(await db.Quotas.AnyAsync(q => q.OrgUnitId == tree.Province.Id));
    }

    [Fact]
    public async Task A_unit_with_a_level_above_has_no_own_quota_form_and_a_forged_post_changes_nothing()
    {
        await using var app = await DangVienApp.StartAsync(December2026);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        var admin = await app.AdminClientAsync(tree.Province.Id);
        var url = $"/units/{tree.Commune.Id}/quotas?year={Year}";

        var page = await DangVienApp.ParseAsync(await admin.GetAsync(url));
        Assert.Null(page.QuerySelector("#assign-own-quota"));
        var token = page.QuerySelector("#assign-quotas input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await admin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "assign-own-quota",
            ["__RequestVerificationToken"] = token,
            ["Own.Total"] = "9",
        }));

        Assert.NotEqual(HttpStatusCode.Found, forged.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Equal(3, await db.Quotas.Where(q => q.OrgUnitId == tree.Commune.Id && q.Year == Year).Select(q => q.Total).SingleAsync());
        Assert.False(await db.Quotas.AnyAsync(q => q.OrgUnitId == tree.Province.Id));
    }

    private static List<(string, string)> Stats(IDocument page, string heading) =>
        [.. page.QuerySelector(heading)!.Closest("section")!.QuerySelectorAll(".stats > div").Select(d => (Text(d.QuerySelector("dt")!), Text(d.QuerySelector("dd")!)))];

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
