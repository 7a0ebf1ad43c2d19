using AngleSharp.Dom;
using Bunit;
using DangVien.Core.Common;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Web.Components.Pages.Units;
using DangVien.Web.Tests.Reports;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Interactive;

/// <summary>
/// The interactive quota sheet (bUnit) over the real app and database, on the tiny province of 2026: the commune (own
/// quota 3) with Chi bộ thôn Đồng Tâm (12 members, quota 2) and Chi bộ thôn Ấp Bắc (5 members, quota 1).
/// </summary>
public sealed class QuotaSheetComponentTests
{
    private const int Year = 2026;

    /// <summary>Mid-June 2026 in Vietnam.</summary>
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Committee_staff_assign_two_cells_and_a_target_and_the_sheet_shows_what_was_stored()
    {
        var (host, tree, women) = await StartAsync("vanphong", t => (t.Commune.Id, AccessRole.CommitteeStaff));
        await using var _ = host;
        var page = Open(host, tree.Commune.Id);
        Assert.Equal("Chỉ tiêu kết nạp năm 2026", page.Find("h1").TextContent);
        Assert.Equal("2", Value(page, $"#quota-{tree.CellA.Id}"));
        Assert.Equal("1", Value(page, $"#quota-{tree.CellB.Id}"));

        Type(page, $"#quota-{tree.CellA.Id}", "4");
        Type(page, $"#quota-{tree.CellB.Id}", "2");
        Click(page, $"#targets-{tree.CellA.Id}");
        Type(page, $"#quota-{tree.CellA.Id}-c{women}", "3");
        Click(page, "#save-quotas");

        page.WaitForAssertion(() => Assert.Equal("Đã lưu chỉ tiêu năm 2026 của 2 đơn vị.", page.Find(".quota-saved").TextContent), Wait);
        Assert.Equal("4", Value(page, $"#quota-{tree.CellA.Id}"));
        Assert.Equal("2", Value(page, $"#quota-{tree.CellB.Id}"));
        Assert.Equal("Nữ: 3", Text(page.Find($"#quota-{tree.CellA.Id}").Closest("td")!.QuerySelector(".quota-target-list")!));
        Click(page, $"#targets-{tree.CellA.Id}");
        Assert.Equal("3", Value(page, $"#quota-{tree.CellA.Id}-c{women}"));
        // 6 assigned against the commune's own 3: saved, with a warning.
        Assert.Contains("vượt 3 so với chỉ tiêu của Đảng bộ xã Tân Lập (3)", Text(page.Find(".quota-exceeded")));
        Assert.Equal("6", page.Find(".quota-sum strong").TextContent);
        await using var db = host.App.Database.CreateContext();
        var stored = await db.Quotas.AsNoTracking().Include(q => q.CategoryTargets)
            .Where(q => q.Year == Year && q.OrgUnitId != tree.Commune.Id).OrderBy(q => q.OrgUnitId).ToListAsync();
        Assert.Equal(
            [(tree.CellA.Id, 4, "vanphong", (int?)tree.Commune.Id), (tree.CellB.Id, 2, "vanphong", tree.Commune.Id)],
            stored.Select(q => (q.OrgUnitId, q.Total, q.AssignedBy!, q.AssignedByUnitId)));
        Assert.Equal([(women, 3)], stored[0].CategoryTargets.Select(t => (t.SourceCategoryId, t.Target)));
        Assert.All(stored, q => Assert.Equal(June2026.GetUtcNow(), q.AssignedAt));
    }

    [Fact]
    public async Task The_total_and_the_comparison_with_the_units_own_quota_follow_the_typed_numbers_before_saving()
    {
        var (host, tree, _) = await StartAsync("vanphong", t => (t.Commune.Id, AccessRole.CommitteeStaff));
        await using var _ = host;
        var page = Open(host, tree.Commune.Id);
        Assert.Equal("3", page.Find(".quota-sum strong").TextContent);
        Assert.Contains("Bằng chỉ tiêu của đơn vị (3).", Text(page.Find(".quota-sum")));
        Assert.Empty(page.FindAll(".quota-exceeded"));

        Type(page, $"#quota-{tree.CellA.Id}", "4");

        page.WaitForAssertion(() => Assert.Equal("5", page.Find(".quota-sum strong").TextContent), Wait);
        Assert.Contains("Vượt 2 so với chỉ tiêu của đơn vị (3).", Text(page.Find(".quota-sum")));
        Assert.NotEmpty(page.FindAll(".quota-compare--over"));
        Assert.Contains("vượt 2 so với chỉ tiêu của Đảng bộ xã Tân Lập (3)", Text(page.Find(".quota-exceeded")));

        Type(page, $"#quota-{tree.CellA.Id}", "");
        page.WaitForAssertion(() => Assert.Equal("1", page.Find(".quota-sum strong").TextContent), Wait);
        Assert.Contains("Còn 2 chưa giao so với chỉ tiêu của đơn vị (3).", Text(page.Find(".quota-sum")));
        Assert.Empty(page.FindAll(".quota-exceeded"));
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(2, await db.Quotas.Where(q => q.OrgUnitId == tree.CellA.Id).Select(q => q.Total).SingleAsync());
    }

    [Fact]
    public async Task A_negative_total_is_named_next_to_that_rows_field_as_typed_and_saving_keeps_every_typed_value()
    {
        var (host, tree, women) = await StartAsync("vanphong", t => (t.Commune.Id, AccessRole.CommitteeStaff));
        await using var _ = host;
        var page = Open(host, tree.Commune.Id);

        Type(page, $"#quota-{tree.CellA.Id}", "-1");
        page.WaitForAssertion(() => Assert.Equal("Chỉ tiêu không được âm.", ComponentHost.MessageOf(page.Find($"#quota-{tree.CellA.Id}"))), Wait);
        Assert.Equal("true", page.Find($"#quota-{tree.CellA.Id}").GetAttribute("aria-invalid"));
        Type(page, $"#quota-{tree.CellB.Id}", "7");
        Click(page, $"#targets-{tree.CellB.Id}");
        Type(page, $"#quota-{tree.CellB.Id}-c{women}", "2");
        Click(page, "#save-quotas");

        page.WaitForAssertion(() => Assert.Equal("Chi bộ thôn Đồng Tâm: Chỉ tiêu không được âm.", Text(page.Find(".quota-summary[role=alert]"))), Wait);
        Assert.Equal("Chỉ tiêu không được âm.", ComponentHost.MessageOf(page.Find($"#quota-{tree.CellA.Id}")));
        Assert.Null(ComponentHost.MessageOf(page.Find($"#quota-{tree.CellB.Id}")));
        Assert.Equal("-1", Value(page, $"#quota-{tree.CellA.Id}"));
        Assert.Equal("7", Value(page, $"#quota-{tree.CellB.Id}"));
        Assert.Equal("2", Value(page, $"#quota-{tree.CellB.Id}-c{women}"));
        Assert.Empty(page.FindAll(".quota-saved"));
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(1, await db.Quotas.Where(q => q.OrgUnitId == tree.CellB.Id).Select(q => q.Total).SingleAsync());
    }

    [Theory]
    [InlineData("abc", "Vui lòng nhập một số nguyên.")]
    [InlineData("2,5", "Vui lòng nhập một số nguyên.")]
    [InlineData("100001", "Chỉ tiêu không được lớn hơn 100.000.")]
    [InlineData("99999999999999999999", "Vui lòng nhập một số nguyên.")]
    public async Task An_absurd_total_gets_a_Vietnamese_message_next_to_the_field_and_nothing_is_saved(string typed, string message)
    {
        var (host, tree, _) = await StartAsync("vanphong", t => (t.Commune.Id, AccessRole.CommitteeStaff));
        await using var _ = host;
        var page = Open(host, tree.Commune.Id);

        Type(page, $"#quota-{tree.CellB.Id}", typed);
        page.WaitForAssertion(() => Assert.Equal(message, ComponentHost.MessageOf(page.Find($"#quota-{tree.CellB.Id}"))), Wait);
        Click(page, "#save-quotas");

        page.WaitForAssertion(() => Assert.Equal($"Chi bộ thôn Ấp Bắc: {message}", Text(page.Find(".quota-summary"))), Wait);
        Assert.Equal(typed, Value(page, $"#quota-{tree.CellB.Id}"));
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(1, await db.Quotas.Where(q => q.OrgUnitId == tree.CellB.Id).Select(q => q.Total).SingleAsync());
    }

    [Fact]
    public async Task A_category_target_above_the_units_total_is_named_next_to_that_target()
    {
        var (host, tree, women) = await StartAsync("quantri", t => (t.Province.Id, AccessRole.Administrator));
        await using var _ = host;
        var page = Open(host, tree.Commune.Id);

        Click(page, $"#targets-{tree.CellB.Id}");
        Type(page, $"#quota-{tree.CellB.Id}-c{women}", "5");

        page.WaitForAssertion(
            () => Assert.Equal(
                "Chỉ tiêu theo đối tượng không được lớn hơn chỉ tiêu tổng của đơn vị (1).",
                ComponentHost.MessageOf(page.Find($"#quota-{tree.CellB.Id}-c{women}"))),
            Wait);
        Assert.Null(ComponentHost.MessageOf(page.Find($"#quota-{tree.CellB.Id}")));
    }

    [Fact]
    public async Task Erasing_a_stored_quota_is_refused_by_the_service_next_to_the_field()
    {
        var (host, tree, _) = await StartAsync("vanphong", t => (t.Commune.Id, AccessRole.CommitteeStaff));
        await using var _ = host;
        var page = Open(host, tree.Commune.Id);

        Type(page, $"#quota-{tree.CellA.Id}", "");
        Click(page, "#save-quotas");

        page.WaitForAssertion(
            () => Assert.Equal("Chưa nhập chỉ tiêu (nhập 0 nếu năm nay đơn vị không có chỉ tiêu).", ComponentHost.MessageOf(page.Find($"#quota-{tree.CellA.Id}"))),
            Wait);
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(2, await db.Quotas.Where(q => q.OrgUnitId == tree.CellA.Id).Select(q => q.Total).SingleAsync());
    }

    [Fact]
    public async Task The_second_of_two_editors_is_told_to_reload_keeps_what_was_typed_and_saves_nothing()
    {
        var (host, tree, _) = await StartAsync("vanphong", t => (t.Commune.Id, AccessRole.CommitteeStaff));
        await using var _ = host;
        var stale = Open(host, tree.Commune.Id);
        var fresh = Open(host, tree.Commune.Id, anotherTab: true);

        // The other tab changes Ấp Bắc's quota after the first was opened.
        Type(fresh, $"#quota-{tree.CellB.Id}", "3");
        Click(fresh, "#save-quotas");
        fresh.WaitForAssertion(() => Assert.Equal("Đã lưu chỉ tiêu năm 2026 của 1 đơn vị.", fresh.Find(".quota-saved").TextContent), Wait);

        Type(stale, $"#quota-{tree.CellA.Id}", "5");
        Click(stale, "#save-quotas");

        stale.WaitForAssertion(
            () => Assert.StartsWith(
                "Chỉ tiêu của đơn vị trực thuộc vừa được người khác thay đổi sau khi bạn mở trang này, nên chưa lưu gì.",
                Text(stale.Find(".quota-conflict[role=alert]"))),
            Wait);
        Assert.Equal($"/units/{tree.Commune.Id}/quotas?year=2026", stale.Find(".quota-conflict a").GetAttribute("href"));
        Assert.Equal("5", Value(stale, $"#quota-{tree.CellA.Id}"));
        Assert.Empty(stale.FindAll(".quota-saved"));
        await using var db = host.App.Database.CreateContext();
        var totals = await db.Quotas.Where(q => q.Year == Year).OrderBy(q => q.OrgUnitId).Select(q => new { q.OrgUnitId, q.Total }).ToListAsync();
        Assert.Equal([(tree.Commune.Id, 3), (tree.CellA.Id, 2), (tree.CellB.Id, 3)], totals.Select(t => (t.OrgUnitId, t.Total)));
    }

    [Fact]
    public async Task A_second_press_while_the_first_is_saving_saves_once()
    {
        var (host, tree, _) = await StartAsync("vanphong", t => (t.Commune.Id, AccessRole.CommitteeStaff));
        await using var _ = host;
        var page = Open(host, tree.Commune.Id);
        Type(page, $"#quota-{tree.CellA.Id}", "6");
        // The sheet holds the typed number once its total follows it (6 for cell A, 1 for cell B).
        page.WaitForAssertion(() => Assert.Equal("7", page.Find(".quota-sum strong").TextContent), Wait);

        await ComponentHost.PressTwiceAsync(page, "#save-quotas");

        // The second press neither saved again nor met its own write as a conflict.
        page.WaitForAssertion(() => Assert.Equal("Đã lưu chỉ tiêu năm 2026 của 1 đơn vị.", page.Find(".quota-saved").TextContent), Wait);
        Assert.Empty(page.FindAll(".quota-conflict"));
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(6, await db.Quotas.Where(q => q.OrgUnitId == tree.CellA.Id).Select(q => q.Total).SingleAsync());
    }

    [Fact]
    public async Task A_cell_secretary_reads_the_cells_quota_without_a_field_and_the_commune_is_not_found()
    {
        var (host, tree, _) = await StartAsync("bithu", t => (t.CellA.Id, AccessRole.CellSecretary));
        await using var _ = host;
        var page = host.Render<UnitQuotasPage>($"/units/{tree.CellA.Id}/quotas?year=2026", p => p.Add(x => x.Id, tree.CellA.Id));
        page.WaitForAssertion(() => Assert.Equal("2", page.Find(".stats dd").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll("input, button#save-quotas"));

        Assert.True(NotFound(host, tree.Commune.Id));
    }

    [Fact]
    public async Task A_unit_outside_the_users_scope_is_not_found_and_nothing_of_it_is_shown()
    {
        var (host, tree, _) = await StartAsync("sibling", t => (t.CellB.Id, AccessRole.CommitteeStaff));
        await using var _ = host;

        Assert.True(NotFound(host, tree.CellA.Id));
        Assert.True(NotFound(host, tree.Commune.Id));
        Assert.True(NotFound(host, 999_999));
    }

    [Fact]
    public async Task Without_JavaScript_the_page_points_to_the_unit_page()
    {
        var (host, tree, _) = await StartAsync("vanphong", t => (t.Commune.Id, AccessRole.CommitteeStaff));
        await using var _ = host;
        var page = Open(host, tree.Commune.Id);

        Assert.Equal($"/units/{tree.Commune.Id}?year=2026", page.Find("noscript a").GetAttribute("href"));
    }

    [Fact]
    public async Task An_administrator_sets_the_provinces_own_quota_and_the_report_compares_against_it()
    {
        await using var host = await ComponentHost.StartAsync(new FixedClock(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(7))));
        var tree = await YearlyReportPageTests.ProvinceAsync(host.App);
        await host.SignInAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var page = Open(host, tree.Province.Id);
        Assert.Equal("Chỉ tiêu năm 2026 của Đảng bộ tỉnh Thử Nghiệm", Text(page.Find("#assign-own-quota label")));
        Assert.Equal("", Value(page, "#quota-own") ?? "");

        Type(page, "#quota-own", "-2");
        page.WaitForAssertion(() => Assert.Equal("Chỉ tiêu không được âm.", ComponentHost.MessageOf(page.Find("#quota-own"))), Wait);
        Click(page, "#save-own-quota");
        page.WaitForAssertion(() => Assert.Equal("Chỉ tiêu không được âm.", ComponentHost.MessageOf(page.Find("#quota-own"))), Wait);
        Assert.Equal("-2", Value(page, "#quota-own"));

        Type(page, "#quota-own", "4");
        Click(page, "#save-own-quota");

        page.WaitForAssertion(() => Assert.Equal("Đã lưu chỉ tiêu năm 2026 của 1 đơn vị.", Text(page.Find(".quota-saved"))), Wait);
        Assert.Equal("4", Value(page, "#quota-own"));
        Assert.Equal("4", Text(page.Find(".stats dd")));
        // The commune's quota (3) against the province's own (4).
        Assert.Contains("Còn 1 chưa giao so với chỉ tiêu của đơn vị (4).", Text(page.Find(".quota-sum")));
        await using (var db = host.App.Database.CreateContext())
        {
            var stored = await db.Quotas.AsNoTracking().SingleAsync(q => q.OrgUnitId == tree.Province.Id);
            Assert.Equal((Year, 4, (int?)null, "quantri"), (stored.Year, stored.Total, stored.AssignedByUnitId, stored.AssignedBy));
        }

        var admin = await host.App.SignedInClientAsync("quantri");
        var report = await DangVienApp.ParseAsync(await admin.GetAsync($"/reports?unit={tree.Province.Id}&year={Year}"));
        Assert.Equal(
            [("Chỉ tiêu năm 2026", "4"), ("Đã kết nạp", "1"), ("Tỷ lệ đạt chỉ tiêu", "25,0 %")],
            report.QuerySelector("#quota-heading")!.Closest("section")!.QuerySelectorAll(".stats > div").Select(d => (Text(d.QuerySelector("dt")!), Text(d.QuerySelector("dd")!))));
        var dashboard = await DangVienApp.ParseAsync(await admin.GetAsync($"/?unit={tree.Province.Id}&year={Year}"));
        Assert.Equal(
            ["Chỉ tiêu|4", "Đã kết nạp|1", "Tỷ lệ đạt|25,0 %"],
            dashboard.QuerySelectorAll(".dash-quota .stats > div").Take(3).Select(d => $"{Text(d.QuerySelector("dt")!)}|{Text(d.QuerySelector("dd")!)}"));
    }

    [Fact]
    public async Task The_other_editor_of_the_provinces_quota_is_told_to_reload_and_nothing_is_saved()
    {
        await using var host = await ComponentHost.StartAsync(new FixedClock(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(7))));
        var tree = await YearlyReportPageTests.ProvinceAsync(host.App);
        await host.SignInAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var stale = Open(host, tree.Province.Id);
        var fresh = Open(host, tree.Province.Id, anotherTab: true);
        Type(fresh, "#quota-own", "4");
        Click(fresh, "#save-own-quota");
        fresh.WaitForAssertion(() => Assert.NotEmpty(fresh.FindAll(".quota-saved")), Wait);

        Type(stale, "#quota-own", "9");
        Click(stale, "#save-own-quota");

        stale.WaitForAssertion(() => Assert.StartsWith("Chỉ tiêu của đơn vị vừa được người khác thay đổi", Text(stale.Find("#assign-own-quota .notice--error[role=alert]"))), Wait);
        Assert.Equal("9", Value(stale, "#quota-own"));
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(4, await db.Quotas.Where(q => q.OrgUnitId == tree.Province.Id).Select(q => q.Total).SingleAsync());
    }

    [Theory]
    [InlineData(AccessRole.ProvincialBoard)]
    [InlineData(AccessRole.CommitteeStaff)]
    public async Task The_provincial_board_and_staff_read_the_provinces_quota_without_a_field(AccessRole role)
    {
        await using var host = await ComponentHost.StartAsync(new FixedClock(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(7))));
        var tree = await YearlyReportPageTests.ProvinceAsync(host.App);
        await host.SignInAsync("canbo", (tree.Province.Id, role));
        var page = Open(host, tree.Province.Id);

        Assert.Empty(page.FindAll("#assign-own-quota input, #assign-own-quota button"));
        Assert.Equal(
            "Chỉ tiêu của Đảng bộ tỉnh Thử Nghiệm do quản trị viên nhập (đơn vị không có cấp trên trong ứng dụng).",
            Text(page.Find("#assign-own-quota p")));
        await using var db = host.App.Database.CreateContext();
        Assert.False(await db.Quotas.AnyAsync(q => q.OrgUnitId == tree.Province.Id));
    }

    [Fact]
    public async Task A_unit_with_a_level_above_has_no_own_quota_field()
    {
        var (host, tree, _) = await StartAsync("quantri", t => (t.Province.Id, AccessRole.Administrator));
        await using var _ = host;
        var page = Open(host, tree.Commune.Id);

        Assert.Empty(page.FindAll("#assign-own-quota, #quota-own"));
    }

    [Fact]
    public async Task Typed_quotas_come_back_from_the_tabs_draft_until_they_are_saved_and_never_over_a_changed_sheet()
    {
        var (host, tree, women) = await StartAsync("vanphong", t => (t.Commune.Id, AccessRole.CommitteeStaff));
        await using var _ = host;
        var module = host.Context.JSInterop.SetupModule("./js/step-form.js");
        var drafts = module.Setup<string?>("loadDraft", _ => true);
        drafts.SetResult(null);
        var first = Open(host, tree.Commune.Id);
        Type(first, $"#quota-{tree.CellA.Id}", "4");
        Click(first, $"#targets-{tree.CellA.Id}");
        Type(first, $"#quota-{tree.CellA.Id}-c{women}", "3");

        // Every change is kept in the tab, under the sheet's address and the versions it was read at.
        var saved = module.Invocations["saveDraft"][^1].Arguments;
        var key = (string)saved[0]!;
        var draft = (string)saved[1]!;
        Assert.StartsWith($"dangvien:draft:/units/{tree.Commune.Id}/quotas?year=2026:", key, StringComparison.Ordinal);
        Assert.Contains($"\"{tree.CellA.Id}\":\"4\"", draft, StringComparison.Ordinal);
        Assert.Contains($"\"{women}\":\"3\"", draft, StringComparison.Ordinal);

        // The page again (a reload, a restarted app): what was typed is back, and the totals follow it.
        drafts.SetResult(draft);
        await host.Context.DisposeComponentsAsync();
        var again = Open(host, tree.Commune.Id);
        again.WaitForAssertion(() => Assert.Equal("4", Value(again, $"#quota-{tree.CellA.Id}")), Wait);
        Assert.Equal("1", Value(again, $"#quota-{tree.CellB.Id}"));
        Assert.Equal("5", again.Find(".quota-sum strong").TextContent);
        Assert.Equal("Nữ: 3", Text(again.Find($"#quota-{tree.CellA.Id}").Closest("td")!.QuerySelector(".quota-target-list")!));
        Assert.Equal(key, module.Invocations["loadDraft"][^1].Arguments[0]);

        // Saved: the draft is cleared.
        Click(again, "#save-quotas");
        again.WaitForAssertion(() => Assert.Equal("Đã lưu chỉ tiêu năm 2026 của 1 đơn vị.", again.Find(".quota-saved").TextContent), Wait);
        Assert.Contains(module.Invocations["clearDraft"], i => (string?)i.Arguments[0] == key);
        await using (var db = host.App.Database.CreateContext())
        {
            Assert.Equal(4, await db.Quotas.Where(q => q.Year == Year && q.OrgUnitId == tree.CellA.Id).Select(q => q.Total).SingleAsync());
        }

        // The old draft offered over the sheet as it is now (a quota saved since): the stored figures show, not the draft.
        Type(again, $"#quota-{tree.CellA.Id}", "9");
        drafts.SetResult(draft.Replace("\"4\"", "\"7\"", StringComparison.Ordinal));
        await host.Context.DisposeComponentsAsync();
        var later = Open(host, tree.Commune.Id);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        later.WaitForAssertion(() => Assert.Equal("4", Value(later, $"#quota-{tree.CellA.Id}")), Wait);
        Assert.Equal("5", later.Find(".quota-sum strong").TextContent);
    }

    private static async Task<(ComponentHost Host, TinyProvince Tree, int Women)> StartAsync(string userName, Func<TinyProvince, (int UnitId, AccessRole Role)> role)
    {
        var host = await ComponentHost.StartAsync(June2026);
        await using var db = host.App.Database.CreateContext();
        var tree = await TinyProvince.CreateAsync(db, Year);
        var women = await db.SourceCategories.SingleAsync(c => c.Code == DefaultSourceCategories.Woman);
        await host.SignInAsync(userName, role(tree));
        return (host, tree, women.Id);
    }

    private static IRenderedComponent<UnitQuotasPage> Open(ComponentHost host, int unitId, bool anotherTab = false)
    {
        var url = $"/units/{unitId}/quotas?year={Year}";
        var page = anotherTab
            ? host.RenderInAnotherTab<UnitQuotasPage>(url, p => p.Add(x => x.Id, unitId))
            : host.Render<UnitQuotasPage>(url, p => p.Add(x => x.Id, unitId));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#quota-sheet").GetAttribute("data-interactive")), Wait);
        return page;
    }

    /// <summary>Whether the page at the unit asks for "not found" and renders nothing.</summary>
    private static bool NotFound(ComponentHost host, int unitId)
    {
        var notFound = false;
        void Mark(object? sender, Microsoft.AspNetCore.Components.Routing.NotFoundEventArgs e) => notFound = true;
        host.Navigation.OnNotFound += Mark;
        try
        {
            var page = host.Render<UnitQuotasPage>($"/units/{unitId}/quotas?year={Year}", p => p.Add(x => x.Id, unitId));
            page.WaitForAssertion(() => Assert.True(notFound), Wait);
            return page.Markup.Trim().Length == 0;
        }
        finally
        {
            host.Navigation.OnNotFound -= Mark;
        }
    }

    /// <summary>Types into a field as a person does (MudBlazor's immediate fields listen to input), then waits until the page holds it.</summary>
    private static void Type(IRenderedComponent<UnitQuotasPage> page, string selector, string value)
    {
        page.InvokeAsync(() => page.Find(selector).Input(value)).GetAwaiter().GetResult();
        page.WaitForAssertion(() => Assert.Equal(value, page.Find(selector).GetAttribute("value") ?? ""), Wait);
    }

    /// <summary>
    /// Presses a button and waits until its handler has run and the page has drawn again: bUnit's <c>Click()</c> only
    /// queues the event when the renderer is busy, and a <c>Find</c> right after it can read the page before the press.
    /// </summary>
    private static void Click(IRenderedComponent<UnitQuotasPage> page, string selector) =>
        page.InvokeAsync(() => page.Find(selector).ClickAsync(new())).GetAwaiter().GetResult();

    private static string? Value(IRenderedComponent<UnitQuotasPage> page, string selector) => page.Find(selector).GetAttribute("value");

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
