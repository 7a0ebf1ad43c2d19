using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Common;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Quotas;

/// <summary>
/// The quota sheet /units/{id}/quotas through real HTTP, over the tiny province: the commune (own quota 3)
/// with Chi bộ thôn Đồng Tâm (12 members, quota 2) and Chi bộ thôn Ấp Bắc (5 members, quota 1).
/// </summary>
public sealed class QuotaPagesTests
{
    private const int Year = 2026;

    /// <summary>Mid-June 2026 in Vietnam.</summary>
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task Committee_staff_assign_the_quotas_of_two_cells_and_see_them_after_the_redirect()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, women) = await ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");
        var url = $"/units/{tree.Commune.Id}/quotas?year={Year}";

        var page = await DangVienApp.ParseAsync(await client.GetAsync(url));
        Assert.Equal("Chỉ tiêu kết nạp năm 2026", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("2", Value(page, $"#quota-{tree.CellA.Id}"));
        Assert.Equal("1", Value(page, $"#quota-{tree.CellB.Id}"));
        var response = await Forms.PostAsync(client, url, Forms.Form(page, "#assign-quotas"), new()
        {
            [Name(page, $"#quota-{tree.CellA.Id}")] = "4",
            [Name(page, $"#quota-{tree.CellB.Id}")] = "2",
            [Name(page, $"#quota-{tree.CellA.Id}-c{women}")] = "3",
        });

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!.PathAndQuery;
        Assert.Equal($"/units/{tree.Commune.Id}/quotas?year=2026&notice=saved&count=2", location);
        var after = await DangVienApp.ParseAsync(await client.GetAsync(location));
        Assert.Equal("Đã lưu chỉ tiêu năm 2026 của 2 đơn vị.", after.QuerySelector(".notice[role=status]")!.TextContent);
        Assert.Equal("4", Value(after, $"#quota-{tree.CellA.Id}"));
        Assert.Equal("2", Value(after, $"#quota-{tree.CellB.Id}"));
        Assert.Equal("3", Value(after, $"#quota-{tree.CellA.Id}-c{women}"));
        // 6 assigned against the commune's own 3: saved, with a warning.
        Assert.Contains("vượt 3 so với chỉ tiêu của Đảng bộ xã Tân Lập (3)", Text(after.QuerySelector(".notice--warn")!));
        Assert.Equal("6", after.QuerySelector(".quota-sum strong")!.TextContent);
        await using var db = app.Database.CreateContext();
        var stored = await db.Quotas.AsNoTracking().Where(q => q.Year == Year && q.OrgUnitId != tree.Commune.Id).OrderBy(q => q.OrgUnitId).ToListAsync();
        Assert.Equal([(tree.CellA.Id, 4, "vanphong"), (tree.CellB.Id, 2, "vanphong")], stored.Select(q => (q.OrgUnitId, q.Total, q.AssignedBy!)));
    }

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
        Assert.Null(page.QuerySelector(".notice--warn"));
        Assert.Empty(page.QuerySelectorAll("main [style]"));
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(Markup.InlineScripts(page));
    }

    [Fact]
    public async Task A_negative_total_is_shown_next_to_that_rows_field_and_every_typed_value_is_kept()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, women) = await ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");
        var url = $"/units/{tree.Commune.Id}/quotas?year={Year}";

        var page = await DangVienApp.ParseAsync(await client.GetAsync(url));
        var response = await Forms.PostAsync(client, url, Forms.Form(page, "#assign-quotas"), new()
        {
            [Name(page, $"#quota-{tree.CellA.Id}")] = "-1",
            [Name(page, $"#quota-{tree.CellB.Id}")] = "7",
            [Name(page, $"#quota-{tree.CellB.Id}-c{women}")] = "2",
        });
        var refused = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Chỉ tiêu không được âm.", refused.QuerySelector($"#quota-{tree.CellA.Id}-error .validation-message")!.TextContent);
        Assert.Equal("true", refused.QuerySelector($"#quota-{tree.CellA.Id}")!.GetAttribute("aria-invalid"));
        Assert.Empty(refused.QuerySelectorAll($"#quota-{tree.CellB.Id}-error .validation-message"));
        Assert.Equal("-1", Value(refused, $"#quota-{tree.CellA.Id}"));
        Assert.Equal("7", Value(refused, $"#quota-{tree.CellB.Id}"));
        Assert.Equal("2", Value(refused, $"#quota-{tree.CellB.Id}-c{women}"));
        Assert.NotNull(refused.QuerySelector($"#quota-{tree.CellB.Id}-c{women}")!.Closest("details[open]"));
        Assert.Null(refused.QuerySelector(".notice[role=status]"));
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Quotas.Where(q => q.OrgUnitId == tree.CellB.Id).Select(q => q.Total).SingleAsync());
    }

    [Fact]
    public async Task A_category_target_above_the_units_total_is_shown_next_to_that_target()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, women) = await ProvinceAsync(app);
        var client = await app.AdminClientAsync(tree.Province.Id);
        var url = $"/units/{tree.Commune.Id}/quotas?year={Year}";

        var page = await DangVienApp.ParseAsync(await client.GetAsync(url));
        var refused = await DangVienApp.ParseAsync(await Forms.PostAsync(client, url, Forms.Form(page, "#assign-quotas"), new()
        {
            [Name(page, $"#quota-{tree.CellB.Id}-c{women}")] = "5",
        }));

        Assert.Equal(
            "Chỉ tiêu theo đối tượng không được lớn hơn chỉ tiêu tổng của đơn vị (1).",
            refused.QuerySelector($"#quota-{tree.CellB.Id}-c{women}-error .validation-message")!.TextContent);
    }

    [Fact]
    public async Task A_stale_form_gets_the_conflict_message_and_keeps_the_typed_values()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, _) = await ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        await app.CreateUserAsync("vanphong2", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");
        var colleague = await app.SignedInClientAsync("vanphong2");
        var url = $"/units/{tree.Commune.Id}/quotas?year={Year}";
        var stale = await DangVienApp.ParseAsync(await client.GetAsync(url));

        // A colleague changes Ấp Bắc's quota after the page was opened.
        var fresh = await DangVienApp.ParseAsync(await colleague.GetAsync(url));
        var saved = await Forms.PostAsync(colleague, url, Forms.Form(fresh, "#assign-quotas"), new() { [Name(fresh, $"#quota-{tree.CellB.Id}")] = "3" });
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);

        var response = await Forms.PostAsync(client, url, Forms.Form(stale, "#assign-quotas"), new() { [Name(stale, $"#quota-{tree.CellA.Id}")] = "5" });
        var refused = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Text(refused.QuerySelector(".notice--error[role=alert]")!);
        Assert.StartsWith("Chỉ tiêu của đơn vị trực thuộc vừa được người khác thay đổi sau khi bạn mở trang này, nên chưa lưu gì.", message);
        Assert.Equal(url, refused.QuerySelector(".notice--error a")!.GetAttribute("href"));
        Assert.Equal("5", Value(refused, $"#quota-{tree.CellA.Id}"));
        await using var db = app.Database.CreateContext();
        var totals = await db.Quotas.Where(q => q.Year == Year).OrderBy(q => q.OrgUnitId).Select(q => new { q.OrgUnitId, q.Total }).ToListAsync();
        Assert.Equal([(tree.Commune.Id, 3), (tree.CellA.Id, 2), (tree.CellB.Id, 3)], totals.Select(t => (t.OrgUnitId, t.Total)));
    }

    [Fact]
    public async Task A_cell_secretary_sees_the_cells_quota_read_only_and_a_post_is_refused()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var (tree, _) = await ProvinceAsync(app);
        await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary));
        var client = await app.SignedInClientAsync("bithu");
        var url = $"/units/{tree.CellA.Id}/quotas?year={Year}";

        var response = await client.GetAsync(url);
        var page = await DangVienApp.ParseAsync(response);
        var commune = await client.GetAsync($"/units/{tree.Commune.Id}/quotas?year={Year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", page.QuerySelector(".stats dd")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("#assign-quotas input:not([type=hidden]), #assign-quotas button"));
        Assert.Equal(HttpStatusCode.NotFound, commune.StatusCode);

        var posted = await Forms.PostAsync(client, url, Forms.Form(page, "#assign-quotas"), new()
        {
            ["Input.Rows[0].UnitId"] = tree.CellA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Rows[0].Total"] = "9",
        });
        var refused = await DangVienApp.ParseAsync(posted);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(Messages.NotAllowed, refused.QuerySelector(".notice--error[role=alert]")!.TextContent);
        await using var db = app.Database.CreateContext();
        Assert.Equal(2, await db.Quotas.Where(q => q.OrgUnitId == tree.CellA.Id).Select(q => q.Total).SingleAsync());
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

    private static string Name(IDocument page, string selector) => page.QuerySelector(selector)!.GetAttribute("name")!;

    private static string? Value(IDocument page, string selector) => page.QuerySelector(selector)!.GetAttribute("value");

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
