using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Reports;

namespace DangVien.Web.Tests.Quotas;

/// <summary>
/// The province's own quota on its sheet, as the server renders it before the circuit runs: the field for an
/// administrator, a sentence for everyone else, nothing on a unit with a level above. Setting it is proved in
/// Interactive/QuotaSheetComponentTests; over the tiny province of the report tests (the province without a quota).
/// </summary>
public sealed class ProvinceQuotaPagesTests
{
    private const int Year = 2026;

    /// <summary>Mid-December 2026 in Vietnam.</summary>
    private static readonly FixedClock December2026 = new(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task An_administrator_gets_the_field_of_the_provinces_own_quota_and_none_on_the_commune()
    {
        await using var app = await DangVienApp.StartAsync(December2026);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        var admin = await app.AdminClientAsync(tree.Province.Id);

        var page = await DangVienApp.ParseAsync(await admin.GetAsync($"/units/{tree.Province.Id}/quotas?year={Year}"));
        var commune = await DangVienApp.ParseAsync(await admin.GetAsync($"/units/{tree.Commune.Id}/quotas?year={Year}"));

        Assert.Equal("Chỉ tiêu năm 2026 của Đảng bộ tỉnh Thử Nghiệm", Text(page.QuerySelector("#assign-own-quota label")!));
        Assert.Equal("", page.QuerySelector("#quota-own")!.GetAttribute("value") ?? "");
        Assert.Contains("Đảng bộ tỉnh Thử Nghiệm chưa có chỉ tiêu năm 2026 để so sánh.", Text(page.QuerySelector(".quota-sum")!), StringComparison.Ordinal);
        Assert.Null(commune.QuerySelector("#assign-own-quota"));
    }

    [Fact]
    public async Task The_provincial_board_and_staff_read_that_an_administrator_sets_it()
    {
        await using var app = await DangVienApp.StartAsync(December2026);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        await app.CreateUserAsync("vanphongtinh", (tree.Province.Id, AccessRole.CommitteeStaff));

        foreach (var user in new[] { "bantochuc", "vanphongtinh" })
        {
            var client = await app.SignedInClientAsync(user);
            var response = await client.GetAsync($"/units/{tree.Province.Id}/quotas?year={Year}");
            var page = await DangVienApp.ParseAsync(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(page.QuerySelectorAll("#assign-own-quota input, #assign-own-quota button"));
            Assert.Equal(
                "Chỉ tiêu của Đảng bộ tỉnh Thử Nghiệm do quản trị viên nhập (đơn vị không có cấp trên trong ứng dụng).",
                Text(page.QuerySelector("#assign-own-quota p")!));
        }
    }

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
