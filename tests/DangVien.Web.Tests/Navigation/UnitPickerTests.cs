using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Navigation;

/// <summary>
/// The unit picker of the reading pages (candidate list, alerts, reports), over the tiny province and a second commune
/// beside it (Tân Hòa, with a cell “Đồng Xuân”) that the commune staff of Tân Lập and the secretary of Đồng Tâm cannot read.
/// </summary>
public sealed class UnitPickerTests
{
    [Fact]
    public async Task The_picker_finds_a_unit_typed_without_accents_and_keeps_the_other_query_values()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var (otherCommune, otherCell) = await NeighbourAsync(app, tree);
        var staff = await app.StaffAsync(tree);

        var page = await staff.PageAsync($"/candidates?unit={Id(tree.Commune)}&stage=CellVoted&q=hong&unitq=dong%20tam");
        Assert.Equal([("Chi bộ thôn Đồng Tâm", $"/candidates?unit={Id(tree.CellA)}&stage=CellVoted&q=hong")], Results(page));
        Assert.Equal("Đảng bộ xã Tân Lập", page.QuerySelector(".unit-picker__current").Text());
        // The picker's own form keeps the page's values (the unit included) and shows what was typed.
        Assert.Equal(
            [("unit", Id(tree.Commune)), ("stage", "CellVoted"), ("q", "hong")],
            page.QuerySelectorAll(".unit-picker__form input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)));
        Assert.Equal("dong tam", page.QuerySelector("#candidates-unit-q")!.GetAttribute("value"));

        // Accents, case and the letter đ ignored; a unit of every level is offered, the higher first.
        Assert.Equal(["Chi bộ thôn Ấp Bắc"], Results(await staff.PageAsync("/candidates?unitq=AP%20BAC")).Select(r => r.Name));
        Assert.Equal(["Đảng bộ xã Tân Lập"], Results(await staff.PageAsync("/candidates?unitq=dang%20BO")).Select(r => r.Name));
        var every = Results(await staff.PageAsync("/candidates?unitq=a")).Select(r => r.Name).ToList();
        Assert.Equal("Đảng bộ xã Tân Lập", every[0]);
        Assert.Equal(new[] { "Chi bộ thôn Ấp Bắc", "Chi bộ thôn Đồng Tâm" }.Order(StringComparer.Ordinal), every.Skip(1).Order(StringComparer.Ordinal));

        // The page starts on the unit chosen, page 1, the other values kept.
        var chosen = await staff.PageAsync($"/candidates?unit={Id(tree.CellA)}&stage=CellVoted&q=hong");
        Assert.Equal("Chi bộ thôn Đồng Tâm", chosen.QuerySelector(".unit-picker__current").Text());

        // The reports and the alerts keep their own values; the page number and the confirmation are dropped.
        Assert.Equal([("Chi bộ thôn Ấp Bắc", $"/reports/idle-cells?unit={Id(tree.CellB)}&year=2026&years=2")],
            Results(await staff.PageAsync("/reports/idle-cells?year=2026&years=2&unitq=ap%20bac")));
        Assert.Equal([("Chi bộ thôn Ấp Bắc", $"/reports/trend?unit={Id(tree.CellB)}&from=2020&to=2026")],
            Results(await staff.PageAsync($"/reports/trend?unit={Id(tree.Commune)}&from=2020&to=2026&unitq=ap%20bac")));
        Assert.Equal([("Chi bộ thôn Ấp Bắc", $"/reports?unit={Id(tree.CellB)}&year=2026")],
            Results(await staff.PageAsync($"/reports?unit={Id(tree.Commune)}&year=2026&confirm=freeze&unitq=ap%20bac")));
        Assert.Equal([("Chi bộ thôn Ấp Bắc", $"/reports/list?unit={Id(tree.CellB)}&from=2026&figure=admitted")],
            Results(await staff.PageAsync($"/reports/list?unit={Id(tree.Commune)}&from=2026&figure=admitted&unitq=ap%20bac")));
        Assert.Equal([("Chi bộ thôn Ấp Bắc", $"/alerts?unit={Id(tree.CellB)}&asOf=01%2F08%2F2026")],
            Results(await staff.PageAsync($"/alerts?unit={Id(tree.Commune)}&asOf=01/08/2026&unitq=ap%20bac")));
        foreach (var (_, href) in Results(await staff.PageAsync("/alerts?asOf=01/08/2026&unitq=ap%20bac")))
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(href)).StatusCode);
        }

        // Nothing found says so; no search lists nothing (a province has thousands of units).
        var none = await staff.PageAsync("/candidates?unitq=khong%20co%20dau");
        Assert.Equal("Không có đơn vị nào trong phạm vi của bạn có tên chứa “khong co dau”.", none.QuerySelector(".unit-picker__none").Text());
        Assert.Empty(Results(await staff.PageAsync("/candidates")));
        Assert.NotEqual(0, otherCommune + otherCell);
    }

    [Fact]
    public async Task The_picker_never_offers_nor_names_a_unit_outside_the_scope_of_a_commune_user_or_a_cell_secretary()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        await NeighbourAsync(app, tree);
        var staff = await app.StaffAsync(tree);
        var secretary = await app.SecretaryAsync(tree.CellA);

        // The commune user: its commune and cells, never the neighbouring commune nor its cell, nor the province.
        var dong = await staff.PageAsync("/candidates?unitq=dong");
        Assert.Equal(["Chi bộ thôn Đồng Tâm"], Results(dong).Select(r => r.Name));
        Assert.DoesNotContain("Đồng Xuân", dong.Body!.TextContent, StringComparison.Ordinal);
        var tan = await staff.PageAsync("/reports/trend?unitq=tan");
        Assert.Equal(["Đảng bộ xã Tân Lập"], Results(tan).Select(r => r.Name));
        Assert.DoesNotContain("Tân Hòa", tan.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(Results(await staff.PageAsync("/alerts?unitq=tinh")));

        // The cell secretary: its own cell only, not its commune nor the other cell.
        var cells = await secretary.PageAsync("/candidates?unitq=chi%20bo");
        Assert.Equal(["Chi bộ thôn Đồng Tâm"], Results(cells).Select(r => r.Name));
        Assert.DoesNotContain("Ấp Bắc", cells.Body!.TextContent, StringComparison.Ordinal);
        var commune = await secretary.PageAsync("/reports/idle-cells?unitq=tan%20lap");
        Assert.Empty(Results(commune));
        Assert.Equal("Không có đơn vị nào trong phạm vi của bạn có tên chứa “tan lap”.", commune.QuerySelector(".unit-picker__none").Text());
        Assert.DoesNotContain("Đảng bộ xã Tân Lập", commune.Body!.TextContent, StringComparison.Ordinal);

        // A unit outside the scope asked by id stays unknown, on every page with the picker.
        foreach (var url in new[]
        {
            $"/candidates?unit={Id(tree.CellB)}", $"/alerts?unit={Id(tree.CellB)}", $"/reports?unit={Id(tree.Commune)}&year=2026",
            $"/reports/trend?unit={Id(tree.Commune)}", $"/reports/idle-cells?unit={Id(tree.Province)}",
            $"/reports/list?unit={Id(tree.CellB)}&from=2026&figure=admitted",
        })
        {
            Assert.True(HttpStatusCode.NotFound == (await secretary.GetAsync(url)).StatusCode, url);
        }
    }

    [Fact]
    public async Task The_trend_idle_cells_and_lists_open_on_the_users_own_unit_when_none_is_given()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var secretary = await app.SecretaryAsync(tree.CellA);

        var trend = await staff.PageAsync("/reports/trend");
        Assert.Equal("Đảng bộ xã Tân Lập", trend.QuerySelector(".unit-picker__current").Text());
        Assert.Equal($"/reports?unit={Id(tree.Commune)}&year=2026", trend.QuerySelector(".breadcrumb a")!.GetAttribute("href"));
        Assert.Equal("Báo cáo nhiều năm 2017–2026", trend.QuerySelector("h1").Text());
        var idle = await staff.PageAsync("/reports/idle-cells");
        Assert.Equal("Đảng bộ xã Tân Lập", idle.QuerySelector(".unit-picker__current").Text());
        Assert.Equal("2", idle.QuerySelector(".idle-count").Text());
        var list = await staff.PageAsync("/reports/list?from=2026&figure=admitted");
        Assert.Equal("Đảng bộ xã Tân Lập", list.QuerySelector(".unit-picker__current").Text());
        var members = await staff.PageAsync("/reports/list?from=2026&figure=members-end");
        Assert.Equal("17", members.QuerySelector(".report-list-count").Text());

        Assert.Equal("Chi bộ thôn Đồng Tâm", (await secretary.PageAsync("/reports/trend")).QuerySelector(".unit-picker__current").Text());
        Assert.Equal("12", (await secretary.PageAsync("/reports/list?from=2026&figure=members-end")).QuerySelector(".report-list-count").Text());

        // Given, a unit outside the scope stays 404; a list with no figure or year still has nothing to show.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/reports/trend?unit={Id(tree.Commune)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/reports/idle-cells?unit={Id(tree.Commune)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/reports/list?unit={Id(tree.CellB)}&from=2026&figure=admitted")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/reports/list?figure=admitted")).StatusCode);
    }

    [Fact]
    public async Task A_unit_page_links_to_its_reports_and_each_link_opens()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);

        var commune = await staff.PageAsync($"/units/{Id(tree.Commune)}?year=2026");
        var links = commune.QuerySelectorAll(".unit-report-links a").Select(a => (a.Text(), a.GetAttribute("href")!)).ToList();
        var c = Id(tree.Commune);
        Assert.Equal(
        [
            ("Báo cáo năm 2026", $"/reports?unit={c}&year=2026"),
            ("Xu hướng 2017–2026", $"/reports/trend?unit={c}&from=2017&to=2026"),
            ("Chi bộ nhiều năm liền không kết nạp", $"/reports/idle-cells?unit={c}&year=2026"),
            ("Danh sách kết nạp năm 2026", $"/reports/list?unit={c}&from=2026&to=2026&figure=admitted"),
            ("Đảng viên cuối năm 2026", $"/reports/list?unit={c}&from=2026&to=2026&figure=members-end"),
        ], links);
        foreach (var (text, href) in links)
        {
            Assert.True(HttpStatusCode.OK == (await staff.GetAsync(href)).StatusCode, $"{text}: {href}");
        }

        // A cell has no idle-cells report of its own; next year's page links to a trend ending this year.
        var cell = await staff.PageAsync($"/units/{Id(tree.CellA)}?year=2027");
        var cellLinks = cell.QuerySelectorAll(".unit-report-links a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(4, cellLinks.Count);
        Assert.Contains($"/reports/trend?unit={Id(tree.CellA)}&from=2017&to=2026", cellLinks);
        Assert.DoesNotContain(cellLinks, l => l.StartsWith("/reports/idle-cells", StringComparison.Ordinal));
    }

    /// <summary>A second commune under the province, with one cell, outside the commune staff's and the secretary's scope.</summary>
    internal static async Task<(int Commune, int Cell)> NeighbourAsync(DangVienApp app, TinyProvince tree)
    {
        await using var db = app.Database.CreateContext();
        var commune = new OrgUnit { Code = "X02", Name = "Đảng bộ xã Tân Hòa", Kind = OrgUnitKind.CommuneCommittee, ParentId = tree.Province.Id, HasAdmissionAuthority = true };
        db.OrgUnits.Add(commune);
        await db.SaveChangesAsync();
        commune.Path = new($"{tree.Province.Id}.{commune.Id}");
        var cell = new OrgUnit { Code = "C03", Name = "Chi bộ thôn Đồng Xuân", Kind = OrgUnitKind.Cell, ParentId = commune.Id };
        db.OrgUnits.Add(cell);
        await db.SaveChangesAsync();
        cell.Path = new($"{commune.Path}.{cell.Id}");
        await db.SaveChangesAsync();
        return (commune.Id, cell.Id);
    }

    internal static List<(string Name, string Href)> Results(IDocument page) =>
        [.. page.QuerySelectorAll(".unit-picker__results a").Select(a => (a.Text(), a.GetAttribute("href")!))];

    private static string Id(OrgUnit unit) => unit.Id.ToString(CultureInfo.InvariantCulture);
}
