using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Common;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Quotas;

/// <summary>
/// The quota sheet /units/{id}/quotas through real HTTP: what the server renders before the circuit runs, who may
/// read it, and that a form post changes nothing (entering quotas: Interactive/QuotaSheetComponentTests). Over the
/// tiny province: the commune (own quota 3) with Chi bộ thôn Đồng Tâm (12 members, quota 2) and Chi bộ thôn Ấp Bắc (5 members, quota 1).
/// </summary>
public sealed class QuotaPagesTests
{
    private const int Year = 2026;

    /// <summary>Mid-June 2026 in Vietnam.</summary>
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task The_sheet_shows_the_members_base_the_guide_the_admitted_and_the_progress()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, _) = await ProvinceAsync(app);
        await using (var db = app.Database.CreateContext())
        {
            var admitted = TinyProvince.Candidate(tree.CellA, "Nguyễn Văn An", CandidateStage.AdmissionDecided, new DateOnly(2026, 3, 2));
            admitted.History.Add(new StageEntry { Kind = StageKind.AdmissionDecision, EffectiveOn = new DateOnly(2026, 3, 2), RecordedBy = "test", RecordedAt = DateTimeOffset.UtcNow });
            db.Candidates.Add(admitted);
            await db.SaveChangesAsync();
        }

        var client = await app.AdminClientAsync(tree.Province.Id);
        var page = await DangVienApp.ParseAsync(await client.GetAsync($"/units/{tree.Commune.Id}/quotas?year={Year}"));

        var rows = page.QuerySelectorAll(".quota-table tbody tr").ToList();
        // Ấp Bắc sorts before Đồng Tâm in Vietnamese order.
        Assert.Equal(["Chi bộ thôn Ấp Bắc", "Chi bộ thôn Đồng Tâm"], rows.Select(r => r.QuerySelector("td a")!.TextContent));
        var dongTam = rows[1].QuerySelectorAll("td").Select(Text).ToList();
        Assert.Equal("12", dongTam[1]);
        Assert.Equal("0,4 – 0,5", dongTam[2]);
        Assert.Equal("1", dongTam[4]);
        Assert.Equal("50,0 %", dongTam[5]);
        Assert.Equal("50", rows[1].QuerySelector("rect.progress__fill")!.GetAttribute("width"));
        Assert.Equal("Đảng viên đến 31/12/2025", page.QuerySelectorAll(".quota-table thead th")[1].TextContent);
        Assert.Contains("Bằng chỉ tiêu của đơn vị (3).", Text(page.QuerySelector(".quota-sum")!));
        Assert.Null(page.QuerySelector(".quota-exceeded"));
        Assert.Empty(page.QuerySelectorAll("main [style]:not(.mud-input-slot)"));
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(Markup.InlineScripts(page));
    }

    [Fact]
    public async Task The_server_rendered_sheet_holds_the_stored_quotas_in_its_fields_and_points_to_the_unit_page_without_JavaScript()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, _) = await ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");

        var page = await DangVienApp.ParseAsync(await client.GetAsync($"/units/{tree.Commune.Id}/quotas?year={Year}"));

        Assert.Equal("Chỉ tiêu kết nạp năm 2026", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("2", Value(page, $"#quota-{tree.CellA.Id}"));
        Assert.Equal("1", Value(page, $"#quota-{tree.CellB.Id}"));
        Assert.Equal("3", page.QuerySelector(".quota-sum strong")!.TextContent);
        Assert.Contains($"/units/{tree.Commune.Id}?year=2026", page.QuerySelector("noscript")!.InnerHtml);
        Assert.Equal("false", page.QuerySelector("[data-interactive]")!.GetAttribute("data-interactive"));
    }

    [Fact]
    public async Task A_cell_secretary_reads_the_cells_quota_without_a_field_and_the_commune_is_not_found()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, _) = await ProvinceAsync(app);
        await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary));
        var client = await app.SignedInClientAsync("bithu");

        var response = await client.GetAsync($"/units/{tree.CellA.Id}/quotas?year={Year}");
        var page = await DangVienApp.ParseAsync(response);
        var commune = await client.GetAsync($"/units/{tree.Commune.Id}/quotas?year={Year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", page.QuerySelector(".stats dd")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("main input, #save-quotas"));
        Assert.Equal(HttpStatusCode.NotFound, commune.StatusCode);
    }

    [Theory]
    [InlineData("assign-quotas", "Input.Rows[0].Total")]
    [InlineData("assign-own-quota", "Own.Total")]
    public async Task A_form_posted_to_the_interactive_sheet_gets_a_bad_request_and_changes_nothing(string handler, string field)
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, _) = await ProvinceAsync(app);
        var client = await app.AdminClientAsync(tree.Province.Id);
        var url = $"/units/{tree.Commune.Id}/quotas?year={Year}";
        var page = await DangVienApp.ParseAsync(await client.GetAsync(url));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";

        var posted = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = token,
            ["Input.Rows[0].UnitId"] = tree.CellA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [field] = "9",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        await using var db = app.Database.CreateContext();
        var totals = await db.Quotas.Where(q => q.Year == Year).OrderBy(q => q.OrgUnitId).Select(q => new { q.OrgUnitId, q.Total }).ToListAsync();
        Assert.Equal([(tree.Commune.Id, 3), (tree.CellA.Id, 2), (tree.CellB.Id, 1)], totals.Select(t => (t.OrgUnitId, t.Total)));
    }

    [Fact]
    public async Task The_sheet_is_for_signed_in_readers_of_the_unit_only()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, _) = await ProvinceAsync(app);
        await app.CreateUserAsync("sibling", (tree.CellB.Id, AccessRole.CommitteeStaff));
        await app.CreateUserAsync("child", (tree.CellA.Id, AccessRole.CommitteeStaff));

        var anonymous = await app.Client().GetAsync($"/units/{tree.CellA.Id}/quotas");
        var sibling = await (await app.SignedInClientAsync("sibling")).GetAsync($"/units/{tree.CellA.Id}/quotas?year={Year}");
        var parent = await (await app.SignedInClientAsync("child")).GetAsync($"/units/{tree.Commune.Id}/quotas?year={Year}");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, parent.StatusCode);
    }

    [Fact]
    public async Task The_unit_page_links_to_the_sheet_and_shows_the_quota_history()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, _) = await ProvinceAsync(app);
        await using (var db = app.Database.CreateContext())
        {
            db.Quotas.Add(new Quota { OrgUnitId = tree.CellA.Id, Year = 2025, Total = 1, AssignedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var client = await app.AdminClientAsync(tree.Province.Id);
        var page = await DangVienApp.ParseAsync(await client.GetAsync($"/units/{tree.CellA.Id}?year={Year}"));

        var section = page.QuerySelector(".quota-history")!;
        Assert.Equal($"/units/{tree.CellA.Id}/quotas?year=2026", section.QuerySelector("a.button")!.GetAttribute("href"));
        Assert.Equal(
            [["2026", "2", "0", "0,0 %"], ["2025", "1", "0", "0,0 %"]],
            section.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToArray()));
    }

    /// <summary>The tiny province for 2026, with the category "Nữ" (one of the usual quota categories); returns its id.</summary>
    private static async Task<(TinyProvince Tree, int Women)> ProvinceAsync(DangVienApp app)
    {
        _ = app.Services; // start-up loads the default source categories
        await using var db = app.Database.CreateContext();
        var tree = await TinyProvince.CreateAsync(db, Year);
        var women = await db.SourceCategories.SingleAsync(c => c.Code == DefaultSourceCategories.Woman);
        return (tree, women.Id);
    }

        private static string? Value(IDocument page, string selector) => page.QuerySelector(selector)!.GetAttribute("value");

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
