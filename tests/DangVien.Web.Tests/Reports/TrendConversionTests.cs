using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Reports;

/// <summary>
/// The conversion over a span on the trend page, its downloads and the API, over the tiny province of
/// <see cref="YearlyReportPageTests"/>: 2025–2026 in the commune, two Youth Union members put forward (An 01/06/2025,
/// Bình 01/03/2025), one sent to the course (An, 2026), one admitted (An, 2026): 50,0 % and 100,0 %.
/// </summary>
public sealed class TrendConversionTests
{
    private static readonly FixedClock February2027 = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task The_trend_page_shows_the_conversion_per_category_and_for_the_chosen_one()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");
        var url = $"/reports/trend?unit={tree.Commune.Id}&from=2025&to=2026";

        var page = await DangVienApp.ParseAsync(await client.GetAsync(url));
        Assert.Equal(
            [["Tất cả quần chúng ưu tú", "2", "1", "1", "50,0 %", "100,0 %"], ["Đoàn viên thanh niên", "2", "1", "1", "50,0 %", "100,0 %"]],
            Rows(page));
        Assert.Equal(
            "Từ 2025 đến 2026, Tất cả quần chúng ưu tú: kết nạp 1 người, bằng 50,0 % số được đưa vào nguồn (2) và 100,0 % số được cử đi học lớp nhận thức (1).",
            Text(page.QuerySelector("#conversion-sentence")!));
        // The select keeps the unit and the span and offers the categories with anyone in the span, by code.
        var form = page.QuerySelector("#conversion-category")!.Closest("form")!;
        Assert.Equal(["unit", "from", "to"], form.QuerySelectorAll("input[type=hidden]").Select(i => i.GetAttribute("name")!));
        Assert.Equal(["", DefaultSourceCategories.YouthUnion], page.QuerySelectorAll("#conversion-category option").Select(o => o.GetAttribute("value")!));
        Assert.Null(page.QuerySelector("#empty-years"));

        var chosen = await DangVienApp.ParseAsync(await client.GetAsync($"{url}&category={DefaultSourceCategories.YouthUnion}"));
        Assert.StartsWith("Từ 2025 đến 2026, Đoàn viên thanh niên: kết nạp 1 người, bằng 50,0 %", Text(chosen.QuerySelector("#conversion-sentence")!));
        Assert.NotNull(chosen.QuerySelector($"#conversion-category option[value='{DefaultSourceCategories.YouthUnion}'][selected]"));

        // An unknown category reads as every category; a span with empty years names them.
        var unknown = await client.GetAsync($"{url}&category=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(2, Rows(await DangVienApp.ParseAsync(unknown)).Count);
        var ten = await DangVienApp.ParseAsync(await client.GetAsync($"/reports/trend?unit={tree.Commune.Id}&from=2017&to=2026"));
        Assert.Equal("Năm chưa có số liệu, không tính vào bình quân: 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024.", Text(ten.QuerySelector("#empty-years")!));
        Assert.Contains(("Bình quân mỗi năm", "0,5"), Stats(ten));
    }

    [Fact]
    public async Task The_downloads_and_the_api_carry_the_conversion_and_category_codes()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");

        var csv = await client.GetStringAsync($"/reports/trend.csv?unit={tree.Commune.Id}&from=2017&to=2026");
        Assert.Contains("\r\nTất cả quần chúng ưu tú;;2;1;1;50,0 %;100,0 %\r\n", csv);
        Assert.Contains($"\r\nĐoàn viên thanh niên;{DefaultSourceCategories.YouthUnion};2;1;1;50,0 %;100,0 %\r\n", csv);
        Assert.Contains("Năm chưa có số liệu, không tính vào bình quân: 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024.", csv);

        var trend = await Json(await client.GetAsync($"/api/units/{tree.Commune.Id}/reports/trend?from=2025&to=2026"));
        var youth = trend.GetProperty("conversions")[1];
        Assert.Equal(DefaultSourceCategories.YouthUnion, youth.GetProperty("code").GetString());
        Assert.Equal((2, 1, 1, 0.5, 1.0), (youth.GetProperty("putForward").GetInt32(), youth.GetProperty("coursed").GetInt32(), youth.GetProperty("admitted").GetInt32(),
            youth.GetProperty("ofPutForward").GetDouble(), youth.GetProperty("ofCoursed").GetDouble()));
        Assert.Equal(JsonValueKind.Null, trend.GetProperty("conversions")[0].GetProperty("code").ValueKind);
        Assert.Equal(0, trend.GetProperty("emptyYears").GetArrayLength());

        var missing = await client.GetAsync($"/api/units/{tree.Commune.Id}/reports/trend?from=2025");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Cần tham số from và to", (await Json(missing)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var backwards = await client.GetAsync($"/api/units/{tree.Commune.Id}/reports/trend?from=2026&to=2020");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/units/{tree.Province.Id}/reports/trend?from=2025&to=2026")).StatusCode);

        // The yearly report's category rows (the report's and the board's) carry the code beside the name.
        var report = await Json(await client.GetAsync($"/api/units/{tree.Commune.Id}/reports/2026"));
        var line = report.GetProperty("categories")[0];
        Assert.Equal((DefaultSourceCategories.YouthUnion, "Đoàn viên thanh niên"), (line.GetProperty("code").GetString(), line.GetProperty("name").GetString()));
        var board = report.GetProperty("children").EnumerateArray().SelectMany(c => c.GetProperty("categories").EnumerateArray()).First();
        Assert.Equal((DefaultSourceCategories.YouthUnion, "Đoàn viên thanh niên"), (board.GetProperty("code").GetString(), board.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_file_page_shows_the_corrections_of_categories_and_mentor()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var candidate = await app.ReadyForVoteAsync(tree.CellA);
        await using (var db = app.Database.CreateContext())
        {
            var youth = await db.SourceCategories.SingleAsync(c => c.Code == DefaultSourceCategories.YouthUnion);
            var other = await db.SourceCategories.SingleAsync(c => c.Code == DefaultSourceCategories.Other);
            db.CandidateDetailsCorrections.Add(new CandidateDetailsCorrection
            {
                CandidateId = candidate,
                CategoryIdsBefore = [youth.Id],
                CategoryIdsAfter = [other.Id],
                Reason = "Ghi nhầm đoàn viên",
                RecordedBy = "vanphong",
                RecordedAt = new DateTimeOffset(2026, 8, 3, 2, 30, 0, TimeSpan.Zero),
            });
            await db.SaveChangesAsync();
        }

        var staff = await app.StaffAsync(tree);
        var page = await DangVienApp.ParseAsync(await staff.GetAsync($"/candidates/{candidate}"));

        Assert.Equal("Đính chính đối tượng nguồn, người giúp đỡ", page.QuerySelector("#details-corrections-heading")!.TextContent);
        Assert.Equal(
            "Đối tượng: Đoàn viên thanh niên → Khác. Lý do: Ghi nhầm đoàn viên (vanphong, 03/08/2026 09:30)",
            Text(page.QuerySelector(".details-corrections li")!));
    }

    private static List<string[]> Rows(IDocument page) =>
        [.. page.QuerySelectorAll("#conversion-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToArray())];

    private static List<(string, string)> Stats(IDocument page) =>
        [.. page.QuerySelectorAll("#totals-heading ~ .stats > div").Select(d => (Text(d.QuerySelector("dt")!), Text(d.QuerySelector("dd")!)))];

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
