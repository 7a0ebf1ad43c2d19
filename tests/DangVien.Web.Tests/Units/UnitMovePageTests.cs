using System.Globalization;
using System.Net;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Units;

/// <summary>
/// "Chuyển đơn vị / Sáp nhập" (<c>/units/{id}/move</c>) through real HTTP, as a browser without JavaScript posts it, on
/// the tiny province (today 03/08/2026): reached from the unit page, a move and a merge saved, a refused move keeping
/// what was typed, and who sees the link and the forms.
/// </summary>
public sealed class UnitMovePageTests
{
    [Fact]
    public async Task Staff_move_a_cell_under_a_grassroots_committee_from_the_unit_page()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var committee = await CommitteeAsync(app, tree);
        var staff = await app.StaffAsync(tree);

        var unitPage = await staff.PageAsync($"/units/{tree.CellB.Id}");
        var link = unitPage.QuerySelectorAll(".unit-links a").Single(a => a.Text() == "Chuyển đơn vị / Sáp nhập").GetAttribute("href")!;
        Assert.Equal($"/units/{tree.CellB.Id}/move", link);
        var form = await staff.PageAsync(link);
        Assert.Contains(form.QuerySelectorAll("#m-NewParentId option"), o => o.GetAttribute("value") == Id(committee));
        Assert.Contains(form.QuerySelectorAll("#g-TargetId option"), o => o.GetAttribute("value") == Id(tree.CellA));

        var saved = await Forms.SubmitAsync(staff, form, link, "#move-unit",
            ("Move.NewParentId", Id(committee)), ("Move.EffectiveOn", "01/07/2026"), ("Move.DecisionNumber", "12-QĐ/ĐU"));

        Assert.Equal($"/units/{tree.CellB.Id}", RedirectTarget(saved));
        await using var db = app.Database.CreateContext();
        var cell = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == tree.CellB.Id);
        Assert.Equal((committee.Id, $"{committee.Path}.{cell.Id}"), (cell.ParentId, (string)cell.Path));
        Assert.Equal(
            [(new DateOnly(2026, 6, 30), (int?)tree.Commune.Id), ((DateOnly?)null, committee.Id)],
            (await db.OrgUnitPlacements.Where(p => p.OrgUnitId == cell.Id).OrderBy(p => p.ValidFrom).ToListAsync()).Select(p => (p.ValidTo, p.ParentId)));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "unit.move");
        Assert.Equal(("vanphong", $"unit:{cell.Id}"), (audit.UserName, audit.Subject));
        Assert.Contains("12-QĐ/ĐU", audit.Detail);
    }

    [Fact]
    public async Task A_refused_move_shows_the_reason_next_to_the_field_and_keeps_what_was_typed()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var committee = await CommitteeAsync(app, tree);
        var staff = await app.StaffAsync(tree);
        var url = $"/units/{tree.CellB.Id}/move";

        var future = await Forms.SubmitAsync(staff, url, "#move-unit",
            ("Move.NewParentId", Id(committee)), ("Move.EffectiveOn", "01/01/2030"), ("Move.DecisionNumber", "12-QĐ/ĐU"));
        var badDate = await Forms.SubmitAsync(staff, url, "#move-unit", ("Move.NewParentId", ""), ("Move.EffectiveOn", "31/02/2026"));

        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        var page = await DangVienApp.ParseAsync(future);
        Assert.Equal("Ngày hiệu lực (01/01/2030) không thể sau ngày hôm nay (03/08/2026).", page.QuerySelector("#m-EffectiveOn-error").Text());
        Assert.Equal("true", page.QuerySelector("#m-EffectiveOn")!.GetAttribute("aria-invalid"));
        Assert.Equal("01/01/2030", page.QuerySelector("#m-EffectiveOn")!.GetAttribute("value"));
        Assert.Equal("12-QĐ/ĐU", page.QuerySelector("#m-DecisionNumber")!.GetAttribute("value"));
        Assert.Equal(Id(committee), page.QuerySelector("#m-NewParentId option[selected]")?.GetAttribute("value"));
        var bad = await DangVienApp.ParseAsync(badDate);
        Assert.Equal("Không có ngày 31/02/2026.", bad.QuerySelector("#m-EffectiveOn-error").Text());
        Assert.Equal("31/02/2026", bad.QuerySelector("#m-EffectiveOn")!.GetAttribute("value"));
        await using var db = app.Database.CreateContext();
        Assert.Equal(tree.Commune.Id, await db.OrgUnits.Where(u => u.Id == tree.CellB.Id).Select(u => u.ParentId).SingleAsync());
        Assert.Equal(0, await db.OrgUnitPlacements.CountAsync());
    }

    [Fact]
    public async Task Staff_merge_a_cell_into_another_and_the_merged_cell_is_closed()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var url = $"/units/{tree.CellA.Id}/move";

        var wrongTarget = await Forms.SubmitAsync(staff, url, "#merge-unit", ("Merge.TargetId", Id(tree.Commune)), ("Merge.EffectiveOn", "01/07/2026"));
        var merged = await Forms.SubmitAsync(staff, url, "#merge-unit", ("Merge.TargetId", Id(tree.CellB)), ("Merge.EffectiveOn", "01/07/2026"));

        var refused = await DangVienApp.ParseAsync(wrongTarget);
        Assert.StartsWith("Chỉ sáp nhập vào đơn vị cùng cấp", refused.QuerySelector("#g-TargetId-error").Text());
        Assert.Equal("01/07/2026", refused.QuerySelector("#g-EffectiveOn")!.GetAttribute("value"));
        Assert.Equal($"/units/{tree.CellB.Id}", RedirectTarget(merged));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(17, await db.Members.CountAsync(m => m.CellId == tree.CellB.Id));
            Assert.Equal(new DateOnly(2026, 6, 30), await db.OrgUnits.Where(u => u.Id == tree.CellA.Id).Select(u => u.ValidTo).SingleAsync());
        }

        var closed = await staff.PageAsync(url);
        Assert.Contains("đã giải thể hoặc sáp nhập từ ngày 01/07/2026", closed.QuerySelector(".notice--error").Text());
        Assert.Null(closed.QuerySelector("#merge-unit"));
        var unitPage = await staff.PageAsync($"/units/{tree.CellA.Id}");
        Assert.DoesNotContain(unitPage.QuerySelectorAll(".unit-links a"), a => a.Text() == "Chuyển đơn vị / Sáp nhập");
    }

    [Fact]
    public async Task A_cell_secretary_sees_no_link_and_no_form_and_a_forged_post_is_refused_by_the_service()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var secretary = await app.SecretaryAsync(tree.CellA);
        var url = $"/units/{tree.CellA.Id}/move";

        var unitPage = await secretary.PageAsync($"/units/{tree.CellA.Id}");
        var page = await secretary.PageAsync(url);
        // The secretary's own antiforgery token (from the sign-out form) and the merge form's fields, as a hand-made post.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await secretary.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "merge-unit",
            ["__RequestVerificationToken"] = token,
            ["Merge.TargetId"] = Id(tree.CellB),
            ["Merge.EffectiveOn"] = "01/07/2026",
            ["Merge.Version"] = "0",
        }));

        Assert.DoesNotContain(unitPage.QuerySelectorAll(".unit-links a"), a => a.Text() == "Chuyển đơn vị / Sáp nhập");
        Assert.Equal("Bạn không có quyền chuyển hoặc sáp nhập đơn vị này.", page.QuerySelector(".notice--error").Text());
        Assert.Null(page.QuerySelector("#move-unit"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("Bạn không có quyền chuyển hoặc sáp nhập đơn vị này.", (await DangVienApp.ParseAsync(posted)).QuerySelector("#merge-unit .form-error").Text());
        await using var db = app.Database.CreateContext();
        Assert.Null(await db.OrgUnits.Where(u => u.Id == tree.CellA.Id).Select(u => u.ValidTo).SingleAsync());
    }

    private static string Id(OrgUnit unit) => unit.Id.ToString(CultureInfo.InvariantCulture);

    private static async Task<OrgUnit> CommitteeAsync(DangVienApp app, TinyProvince tree)
    {
        await using var db = app.Database.CreateContext();
        var committee = new OrgUnit { Code = "DB01", Name = "Đảng bộ Trường THCS Tân Lập", Kind = OrgUnitKind.GrassrootsCommittee, ParentId = tree.Commune.Id };
        db.OrgUnits.Add(committee);
        await db.SaveChangesAsync();
        committee.Path = new($"{tree.Commune.Path}.{committee.Id}");
        await db.SaveChangesAsync();
        return committee;
    }
}
