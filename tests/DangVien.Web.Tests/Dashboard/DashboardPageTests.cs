using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Domain;

namespace DangVien.Web.Tests.Dashboard;

/// <summary>
/// The dashboard at / through real HTTP, over the tiny province in mid-June 2026: the commune (quota 3) with
/// Chi bộ thôn Đồng Tâm (12 members, quota 2, one admission) and Chi bộ thôn Ấp Bắc (5 members, quota 1, none).
/// </summary>
public sealed class DashboardPageTests
{
    private const int Year = 2026;

    /// <summary>Mid-June 2026 in Vietnam.</summary>
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task A_cell_secretary_signs_in_and_lands_on_the_cells_dashboard()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var tree = await ProvinceAsync(app);
        await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary));
        var client = app.Client();

        var signIn = await Accounts.SignInAsync(client, "bithu");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", new Uri(new Uri("http://localhost"), signIn.Headers.Location!).AbsolutePath);
        var response = await client.GetAsync("/");
        var page = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Chi bộ thôn Đồng Tâm", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            ["Chỉ tiêu|2", "Đã kết nạp|1", "Tỷ lệ đạt|50,0 %", "Đảng viên đến 31/12/2025|12"],
            page.QuerySelectorAll(".dash-quota .stats > div").Select(d => $"{Text(d.QuerySelector("dt")!)}|{Text(d.QuerySelector("dd")!)}"));
        Assert.Contains("Hướng dẫn 3–4 %: 0,4 – 0,5", Text(page.QuerySelector(".guide-progress__legend")!));
        // Scale: the quota of 2 plus a tenth; admitted 1 ⇒ 45,45 % of the bar, the quota mark at 90,91 %.
        Assert.Equal("45.45", page.QuerySelector(".guide-progress__chart rect.guide-progress__fill")!.GetAttribute("width"));
        Assert.Equal("90.91", page.QuerySelector(".guide-progress__chart line.guide-progress__quota")!.GetAttribute("x1"));

        var funnel = page.QuerySelectorAll(".funnel__step").Select(s => $"{Text(s.QuerySelector(".funnel__label")!)}|{Text(s.QuerySelector(".funnel__count")!)}").ToList();
        Assert.Equal(11, funnel.Count);
        Assert.Equal("Tạo nguồn|2", funnel[0]);
        Assert.Contains("Đã học lớp nhận thức về Đảng|1", funnel);
        Assert.Contains("Đã có quyết định kết nạp|1", funnel);
        Assert.Equal("Chi bộ đã xét công nhận|0", funnel[^1]);
        Assert.Contains("4 quần chúng đang xem xét, 0 đảng viên dự bị", Text(page.QuerySelector("#funnel-heading")!.ParentElement!));

        // Only the cell's own deadline: Ấp Bắc's is not the secretary's.
        var alerts = page.QuerySelectorAll(".dash-alert").ToList();
        var alert = Assert.Single(alerts);
        Assert.Contains("Sắp đến hạn 30/06/2026", Text(alert.QuerySelector(".dash-alert__due")!));
        Assert.Equal("Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng sắp hết hạn", Text(alert.QuerySelector(".dash-alert__what")!));
        Assert.Equal("Hoàng Thị Mai", Text(alert.QuerySelector(".dash-alert__who a")!));

        Assert.Null(page.QuerySelector(".dash-table"));
        Assert.Null(page.QuerySelector(".breadcrumb"));
        Assert.Equal("/", page.QuerySelector(".app-nav a.active")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("main [style]"));
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(Markup.InlineScripts(page));
    }

    [Fact]
    public async Task A_committee_user_sees_the_children_table_with_units_without_an_admission_marked()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var tree = await ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");

        var page = await DangVienApp.ParseAsync(await client.GetAsync("/"));

        Assert.Equal("Đảng bộ xã Tân Lập", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Chỉ tiêu|3", $"{Text(page.QuerySelector(".dash-quota dt")!)}|{Text(page.QuerySelector(".dash-quota dd")!)}");
        var rows = Rows(page);
        // Vietnamese order: Ấp Bắc before Đồng Tâm.
        Assert.Equal(["Chi bộ thôn Ấp Bắc", "Chi bộ thôn Đồng Tâm"], rows.Select(r => r[0]));
        Assert.Equal(["5", "0,2 – 0,2", "1", "0", "0,0 %", "1"], rows[0].Skip(1));
        Assert.Equal(["12", "0,4 – 0,5", "2", "1", "50,0 %", "4"], rows[1].Skip(1));
        var apBac = page.QuerySelectorAll(".dash-table tbody tr")[0];
        Assert.Equal("dash-row--none", apBac.ClassName);
        Assert.Equal("Chưa kết nạp", Text(apBac.QuerySelector(".dash-none-badge")!));
        Assert.Null(page.QuerySelectorAll(".dash-table tbody tr")[1].QuerySelector(".dash-none-badge"));
        Assert.StartsWith("1 / 2 đơn vị chưa kết nạp được đảng viên nào trong năm 2026", Text(page.QuerySelector(".dash-none-note")!));
        Assert.Equal($"/?unit={tree.CellA.Id}&year=2026", page.QuerySelectorAll(".dash-table tbody tr")[1].QuerySelector("td a")!.GetAttribute("href"));
        // Both cells' deadlines, each with its cell.
        Assert.Equal(["Hoàng Thị Mai · Chi bộ thôn Đồng Tâm", "Đinh Văn Nam · Chi bộ thôn Ấp Bắc"], page.QuerySelectorAll(".dash-alert__who").Select(Text));
        Assert.Empty(page.QuerySelectorAll("main [style]"));
    }

    [Fact]
    public async Task The_children_sort_through_the_query_string_and_the_headers_link_to_the_other_direction()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var tree = await ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");
        var unit = tree.Commune.Id;

        var home = await DangVienApp.ParseAsync(await client.GetAsync("/"));
        Assert.Equal("ascending", Header(home, "Đơn vị").GetAttribute("aria-sort"));
        Assert.Null(Header(home, "Tỷ lệ đạt").GetAttribute("aria-sort"));
        // Figures sort largest first on the first click.
        var percentLink = Header(home, "Tỷ lệ đạt").QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/?unit={unit}&year=2026&sort=percent&dir=desc", percentLink);

        var byPercent = await DangVienApp.ParseAsync(await client.GetAsync(percentLink));
        static string AscendingLink(IDocument page) => Header(page, "Tỷ lệ đạt").QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal(["Chi bộ thôn Đồng Tâm", "Chi bộ thôn Ấp Bắc"], Rows(byPercent).Select(r => r[0]));
        Assert.Equal("descending", Header(byPercent, "Tỷ lệ đạt").GetAttribute("aria-sort"));
        Assert.Null(Header(byPercent, "Đơn vị").GetAttribute("aria-sort"));
        // The same links above the table, for phones (where the header row is hidden).
        Assert.Equal("Tỷ lệ đạt ▼", Text(byPercent.QuerySelector(".dash-sort a[aria-current]")!));
        Assert.Equal(AscendingLink(byPercent), byPercent.QuerySelector(".dash-sort a[aria-current]")!.GetAttribute("href"));
        var ascending = AscendingLink(byPercent);
        Assert.Equal($"/?unit={unit}&year=2026&sort=percent&dir=asc", ascending);
        Assert.Equal(["Chi bộ thôn Ấp Bắc", "Chi bộ thôn Đồng Tâm"], Rows(await DangVienApp.ParseAsync(await client.GetAsync(ascending))).Select(r => r[0]));

        // The year picker keeps the unit and the order.
        var keep = byPercent.QuerySelectorAll(".year-picker input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}");
        Assert.Equal([$"unit={unit}", "sort=percent", "dir=desc"], keep);

        var byNameDescending = await DangVienApp.ParseAsync(await client.GetAsync($"/?unit={unit}&year=2026&sort=name&dir=desc"));
        Assert.Equal(["Chi bộ thôn Đồng Tâm", "Chi bộ thôn Ấp Bắc"], Rows(byNameDescending).Select(r => r[0]));
        var byQuota = await DangVienApp.ParseAsync(await client.GetAsync($"/?unit={unit}&year=2026&sort=quota"));
        Assert.Equal(["Chi bộ thôn Đồng Tâm", "Chi bộ thôn Ấp Bắc"], Rows(byQuota).Select(r => r[0]));
        var byAdmittedAscending = await DangVienApp.ParseAsync(await client.GetAsync($"/?unit={unit}&year=2026&sort=admitted&dir=asc"));
        Assert.Equal(["Chi bộ thôn Ấp Bắc", "Chi bộ thôn Đồng Tâm"], Rows(byAdmittedAscending).Select(r => r[0]));
        // Anything else is the name order.
        var unknown = await DangVienApp.ParseAsync(await client.GetAsync($"/?unit={unit}&year=2026&sort=ten&dir=xuong"));
        Assert.Equal(["Chi bộ thôn Ấp Bắc", "Chi bộ thôn Đồng Tâm"], Rows(unknown).Select(r => r[0]));
    }

    [Fact]
    public async Task Another_units_dashboard_is_not_found_and_a_user_without_a_role_is_told_so()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var tree = await ProvinceAsync(app);
        await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary));
        await app.CreateUserAsync("khach");
        var secretary = await app.SignedInClientAsync("bithu");
        var guest = await app.SignedInClientAsync("khach");

        var sibling = await secretary.GetAsync($"/?unit={tree.CellB.Id}");
        var parent = await secretary.GetAsync($"/?unit={tree.Commune.Id}&year=2026");
        var unknown = await secretary.GetAsync("/?unit=987654");
        var malformed = await secretary.GetAsync("/?unit=abc");
        var badYear = await secretary.GetAsync("/?year=abc");
        var emptyYear = await DangVienApp.ParseAsync(await secretary.GetAsync("/?year="));
        var treeBadYear = await secretary.GetAsync("/units?year=abc");
        var own = await secretary.GetAsync($"/?unit={tree.CellA.Id}&year=2025");
        var nothing = await DangVienApp.ParseAsync(await guest.GetAsync("/"));

        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
        Assert.Equal("Không tìm thấy trang", (await DangVienApp.ParseAsync(sibling)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, parent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        // A year that is not a number is refused with its reason; an empty one is this year.
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Contains("Năm “abc” không hợp lệ", await badYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Kết nạp đảng viên năm 2026", emptyYear.QuerySelector("#quota-heading")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, treeBadYear.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("Kết nạp đảng viên năm 2025", (await DangVienApp.ParseAsync(own)).QuerySelector("#quota-heading")!.TextContent);
        Assert.Equal("Tổng quan", nothing.QuerySelector("h1")!.TextContent);
        Assert.Contains("chưa được giao vai trò", nothing.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task The_tree_is_at_units_and_the_menu_and_breadcrumbs_lead_there()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var tree = await ProvinceAsync(app);
        var client = await app.AdminClientAsync(tree.Province.Id);

        var treePage = await DangVienApp.ParseAsync(await client.GetAsync("/units?year=2026"));
        var unitPage = await DangVienApp.ParseAsync(await client.GetAsync($"/units/{tree.CellA.Id}?year=2026"));
        var quotaPage = await DangVienApp.ParseAsync(await client.GetAsync($"/units/{tree.Commune.Id}/quotas?year=2026"));
        var home = await DangVienApp.ParseAsync(await client.GetAsync("/"));

        Assert.Equal("Tổ chức đảng", treePage.QuerySelector("h1")!.TextContent);
        Assert.Equal("/units", treePage.QuerySelector("form.year-picker")!.GetAttribute("action"));
        Assert.Equal(["/|Tổng quan", "/units|Tổ chức đảng"], treePage.QuerySelectorAll(".app-nav a").Take(2).Select(a => $"{a.GetAttribute("href")}|{a.TextContent}"));
        Assert.Equal("/units", treePage.QuerySelector(".app-nav a.active")!.GetAttribute("href"));
        Assert.Equal("/units?year=2026", unitPage.QuerySelector(".breadcrumb a")!.GetAttribute("href"));
        Assert.Equal("/units?year=2026", quotaPage.QuerySelector(".breadcrumb a")!.GetAttribute("href"));
        // An administrator starts at the top of the tree.
        Assert.Equal("Đảng bộ tỉnh Thử Nghiệm", home.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Đảng bộ xã Tân Lập"], Rows(home).Select(r => r[0]));
    }

    /// <summary>
    /// The tiny province with, in Đồng Tâm: one admission decided on 02/03/2026, two sources and a certificate of
    /// 01/07/2021 (valid to 30/06/2026); in Ấp Bắc: a certificate of 10/07/2021 (valid to 09/07/2026).
    /// </summary>
    private static async Task<TinyProvince> ProvinceAsync(DangVienApp app)
    {
        await using var db = app.Database.CreateContext();
        var tree = await TinyProvince.CreateAsync(db, Year);
        var admitted = TinyProvince.Candidate(tree.CellA, "Nguyễn Văn An", CandidateStage.AdmissionDecided, new DateOnly(2026, 3, 2));
        admitted.History.Add(Entry(StageKind.AdmissionDecision, new DateOnly(2026, 3, 2)));
        db.Candidates.AddRange(
            admitted,
            TinyProvince.Candidate(tree.CellA, "Trần Thị Bình", CandidateStage.Source, new DateOnly(2026, 1, 10)),
            TinyProvince.Candidate(tree.CellA, "Lê Văn Cường", CandidateStage.Source, new DateOnly(2026, 1, 10)),
            WithCertificate(TinyProvince.Candidate(tree.CellA, "Hoàng Thị Mai", CandidateStage.AwarenessCourse, new DateOnly(2021, 7, 1))),
            WithCertificate(TinyProvince.Candidate(tree.CellB, "Đinh Văn Nam", CandidateStage.AwarenessCourse, new DateOnly(2021, 7, 10))));
        await db.SaveChangesAsync();
        return tree;

        static Candidate WithCertificate(Candidate candidate)
        {
            candidate.History.Add(Entry(StageKind.Source, candidate.StageSince.AddMonths(-1)));
            candidate.History.Add(Entry(StageKind.AwarenessCourse, candidate.StageSince));
            return candidate;
        }
    }

    private static StageEntry Entry(StageKind kind, DateOnly on) => new()
    {
        Kind = kind,
        EffectiveOn = on,
        RecordedBy = "test",
        RecordedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static List<List<string>> Rows(IDocument page) =>
        [.. page.QuerySelectorAll(".dash-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => Text(td.QuerySelector("a") ?? td)).ToList())];

    private static IElement Header(IDocument page, string label) =>
        page.QuerySelectorAll(".dash-table thead th").Single(th => Text(th).StartsWith(label, StringComparison.Ordinal));

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
