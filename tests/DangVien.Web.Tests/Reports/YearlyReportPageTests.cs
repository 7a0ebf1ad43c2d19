using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Reports;

/// <summary>
/// The yearly report /reports through real HTTP, over the tiny province (17 members; the commune's quota 3) with, in 2026,
/// a Youth Union member of Đồng Tâm introduced, on the course and admitted, and one of Ấp Bắc introduced who then left.
/// </summary>
public sealed class YearlyReportPageTests
{
    private const int Year = 2026;

    /// <summary>Early February 2027 in Vietnam: 2026 is closed.</summary>
    private static readonly FixedClock February2027 = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task A_provincial_board_user_sees_the_province_report_and_the_communes()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await ProvinceAsync(app);
        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        var client = await app.SignedInClientAsync("bantochuc");

        // Without a unit, the report opens on the user's highest unit.
        var page = await DangVienApp.ParseAsync(await client.GetAsync($"/reports?year={Year}"));

        Assert.Equal("Báo cáo năm 2026", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Đảng bộ tỉnh Thử Nghiệm", Text(page.QuerySelector(".breadcrumb")!));
        Assert.Equal(
            [("Chỉ tiêu năm 2026", "chưa giao"), ("Đã kết nạp", "1"), ("Tỷ lệ đạt chỉ tiêu", "—")],
            Stats(page, "#quota-heading"));
        Assert.Equal(
            [("Đảng viên đến 31/12/2025", "17"), ("Đảng viên đến 31/12/2026", "17 (không đổi)"), ("Kết nạp so với đảng viên đầu năm", "5,9 %")],
            Stats(page, "#members-heading"));
        Assert.Contains("từ 0,5 đến 0,7 người. Đã đạt mục tiêu.", Text(page.QuerySelector(".report-guide")!));
        Assert.Equal(["Đoàn viên thanh niên", "1", "—", "—"], Row(page, "#categories-heading", 0));
        Assert.Equal(["Được giới thiệu", "2"], Row(page, "#funnel-heading", 4));
        Assert.Equal(["Dừng xem xét", "1"], Row(page, "#funnel-heading", 10));
        Assert.Equal(["Đoàn viên được giới thiệu trong năm", "2", "1", "50,0 %"], Row(page, "#funnel-heading", 0, table: 1));
        Assert.Equal(["Học xong lớp bồi dưỡng nhận thức về Đảng trong năm", "1", "1", "100,0 %"], Row(page, "#funnel-heading", 1, table: 1));
        Assert.Equal("Cả 1 đơn vị trực thuộc đều đã kết nạp đảng viên trong năm.", Text(Section(page, "#children-heading").QuerySelector("p")!));
        Assert.Equal(
            [("Hồ sơ chuyển sang năm 2027", "0"), ("Đảng viên dự bị được công nhận chính thức", "0"), ("Đảng viên dự bị bị xóa tên", "0")],
            Stats(page, "#carry-heading"));
        Assert.Empty(page.QuerySelectorAll("main [style]"));
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(Markup.InlineScripts(page));

        var commune = await DangVienApp.ParseAsync(await client.GetAsync($"/reports?unit={tree.Commune.Id}&year={Year}"));
        Assert.Equal([("Chỉ tiêu năm 2026", "3"), ("Đã kết nạp", "1"), ("Tỷ lệ đạt chỉ tiêu", "33,3 %")], Stats(commune, "#quota-heading"));
        Assert.Equal(["Chi bộ thôn Ấp Bắc"], Section(commune, "#children-heading").QuerySelectorAll("li a").Select(a => a.TextContent));
        // The year picker keeps the unit.
        Assert.NotNull(commune.QuerySelector($"form.year-picker input[type=hidden][name=unit][value='{tree.Commune.Id}']"));
    }

    [Fact]
    public async Task The_commune_report_has_the_boards_table_with_a_row_per_cell_and_a_total_row()
    {
        // The cells' quotas: Đồng Tâm 2, Ấp Bắc 1 (TinyProvince).
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");

        var page = await DangVienApp.ParseAsync(await client.GetAsync($"/reports?unit={tree.Commune.Id}&year={Year}"));
        var table = Section(page, "#children-heading").QuerySelector("table.report-board")!;
        Assert.Equal(
            ["Đơn vị", "Đảng viên đầu năm", "Chỉ tiêu", "Đã kết nạp", "Tỷ lệ đạt chỉ tiêu", "Kết nạp/đảng viên đầu năm", "Mục tiêu 3–4 % (người)", "Đoàn viên thanh niên"],
            table.QuerySelectorAll("thead th").Select(Text));
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToArray()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(["Chi bộ thôn Đồng Tâm", "12", "2", "1", "50,0 %", "8,3 %", "0,4–0,5 đạt", "1"], rows);
        Assert.Contains(["Chi bộ thôn Ấp Bắc", "5", "1", "0", "0,0 %", "0,0 %", "0,2–0,2 chưa đạt", "0"], rows);
        Assert.Equal(["Tổng cộng", "17", "3", "1", "33,3 %", "5,9 %", "0,5–0,7 đạt", "1"], rows[^1]);
        Assert.Equal(["report-total"], table.QuerySelectorAll("tbody tr")[^1].ClassList);
        Assert.Equal($"/reports?unit={tree.CellA.Id}&year={Year}", table.QuerySelectorAll("tbody a").Single(a => a.TextContent == "Chi bộ thôn Đồng Tâm").GetAttribute("href"));

        // A cell has no units below: no table.
        var cell = await DangVienApp.ParseAsync(await client.GetAsync($"/reports?unit={tree.CellA.Id}&year={Year}"));
        Assert.Empty(cell.QuerySelectorAll("table.report-board"));
    }

    [Fact]
    public async Task A_cell_secretary_of_another_unit_gets_404()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await ProvinceAsync(app);
        await app.CreateUserAsync("bithu", (tree.CellB.Id, AccessRole.CellSecretary));
        var client = await app.SignedInClientAsync("bithu");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reports?unit={tree.CellA.Id}&year={Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reports?unit={tree.Province.Id}&year={Year}")).StatusCode);
        // Their own cell's report is there (they left in 2026 after being introduced).
        var own = await DangVienApp.ParseAsync(await client.GetAsync($"/reports?year={Year}"));
        Assert.Equal("Báo cáo năm 2026", own.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Dừng xem xét", "1"], Row(own, "#funnel-heading", 10));
    }

    internal static async Task<TinyProvince> ProvinceAsync(DangVienApp app)
    {
        _ = app.Services; // start-up loads the default source categories
        await using var db = app.Database.CreateContext();
        var tree = await TinyProvince.CreateAsync(db, Year);
        var youth = await db.SourceCategories.SingleAsync(c => c.Code == DefaultSourceCategories.YouthUnion);

        var admitted = TinyProvince.Candidate(tree.CellA, "Nguyễn Văn An", CandidateStage.AdmissionDecided, new DateOnly(2026, 9, 2));
        admitted.Categories.Add(new CandidateCategory { SourceCategoryId = youth.Id });
        admitted.History.AddRange(
        [
            Entry(StageKind.Source, new DateOnly(2025, 6, 1)),
            Entry(StageKind.AwarenessCourse, new DateOnly(2026, 2, 1)),
            Entry(StageKind.Introduction, new DateOnly(2026, 5, 1)),
            Entry(StageKind.AdmissionDecision, new DateOnly(2026, 9, 2)),
        ]);
        var left = TinyProvince.Candidate(tree.CellB, "Trần Văn Bình", CandidateStage.Exited, new DateOnly(2026, 8, 1));
        left.Categories.Add(new CandidateCategory { SourceCategoryId = youth.Id });
        left.History.AddRange([Entry(StageKind.Source, new DateOnly(2025, 3, 1)), Entry(StageKind.Introduction, new DateOnly(2026, 6, 1)), Entry(StageKind.Exit, new DateOnly(2026, 8, 1))]);
        db.Candidates.AddRange(admitted, left);
        await db.SaveChangesAsync();
        return tree;
    }

    private static StageEntry Entry(StageKind kind, DateOnly on) => new() { Kind = kind, EffectiveOn = on, RecordedBy = "test", RecordedAt = DateTimeOffset.UtcNow };

    private static IElement Section(IDocument page, string heading) => page.QuerySelector(heading)!.Closest("section")!;

    private static List<(string, string)> Stats(IDocument page, string heading) =>
        [.. Section(page, heading).QuerySelectorAll(".stats > div").Select(d => (Text(d.QuerySelector("dt")!), Text(d.QuerySelector("dd")!)))];

    private static string[] Row(IDocument page, string heading, int row, int table = 0) =>
        [.. Section(page, heading).QuerySelectorAll("table")[table].QuerySelectorAll("tbody tr")[row].QuerySelectorAll("td").Select(Text)];

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
