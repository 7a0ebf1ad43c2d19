using System.Globalization;
using Bunit;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Units;
using DangVien.Web.Components.Pages.Units;
using DangVien.Web.Hosting;
using DangVien.Web.Tests.Candidates;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace DangVien.Web.Tests.Interactive;

/// <summary>
/// "Chuyển đơn vị / Sáp nhập" (<c>/units/{id}/move</c>), interactive, in bUnit over the real app and database on the tiny
/// province (today 03/08/2026): what moves shown before a confirmation, a move and a merge saved and audited, refusals
/// next to their fields keeping what was typed, ids outside the user's units, and two editors at once.
/// </summary>
public sealed class UnitMoveComponentTests
{
    private static readonly TimeSpan Wait = StepPages.Wait;

    [Fact]
    public async Task Staff_see_what_moves_confirm_and_move_a_cell_under_a_grassroots_committee()
    {
        var (host, tree) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var committee = await CommitteeAsync(host, tree);
        int members;
        await using (var db = host.App.Database.CreateContext())
        {
            members = await db.Members.CountAsync(m => m.CellId == tree.CellB.Id && (m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary));
        }

        var page = Open(host, tree.CellB.Id);
        // A cell recorded without its founding day has no day it took its place: the page says none (not 01/01/0001).
        Assert.DoesNotContain("ở vị trí hiện tại", page.Find("p.muted").TextContent, StringComparison.Ordinal);
        Assert.Equal($"Chuyển theo: 1 đơn vị (kể cả đơn vị này), {members} đảng viên và 0 hồ sơ đang xét.", page.Find("#move-preview").TextContent);
        Assert.Contains(await OfferedAsync(page, "m-NewParentId", ""), o => o.Id == committee.Id);
        Assert.Contains(await OfferedAsync(page, "g-TargetId", ""), o => o.Id == tree.CellA.Id);
        Assert.Equal([committee.Id], (await OfferedAsync(page, "m-NewParentId", "truong thcs")).Select(o => o.Id));

        await PickAsync(page, "m-NewParentId", "truong thcs", committee.Id);
        Type(page, "#m-EffectiveOn", "01/07/2026");
        Type(page, "#m-DecisionNumber", "12-QĐ/ĐU");
        ComponentHost.Click(page, "#move-button");

        // Cancelled first: nothing moves.
        Answer(page, $"Chuyển {tree.CellB.Name} sang trực thuộc Đảng bộ Trường THCS Tân Lập từ ngày 01/07/2026? Chuyển theo: 1 đơn vị", "Hủy");
        await using (var db = host.App.Database.CreateContext())
        {
            Assert.Equal(tree.Commune.Id, await db.OrgUnits.Where(u => u.Id == tree.CellB.Id).Select(u => u.ParentId).SingleAsync());
        }

        ComponentHost.Click(page, "#move-button");
        Answer(page, $"Chuyển {tree.CellB.Name} sang trực thuộc", "Chuyển đơn vị");
        page.WaitForAssertion(() => Assert.EndsWith($"/units/{tree.CellB.Id}", host.Navigation.Uri, StringComparison.Ordinal), Wait);

        await using var check = host.App.Database.CreateContext();
        var cell = await check.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == tree.CellB.Id);
        Assert.Equal((committee.Id, $"{committee.Path}.{cell.Id}"), (cell.ParentId, (string)cell.Path));
        Assert.Equal(
            [(new DateOnly(2026, 6, 30), (int?)tree.Commune.Id), ((DateOnly?)null, committee.Id)],
            (await check.OrgUnitPlacements.Where(p => p.OrgUnitId == cell.Id).OrderBy(p => p.ValidFrom).ToListAsync()).Select(p => (p.ValidTo, p.ParentId)));
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == "unit.move");
        Assert.Equal(("vanphong", $"unit:{cell.Id}"), (audit.UserName, audit.Subject));
        Assert.Contains("12-QĐ/ĐU", audit.Detail);

        await host.Context.DisposeComponentsAsync();
        var moved = Open(host, tree.CellB.Id);
        Assert.Contains("ở vị trí hiện tại từ 01/07/2026", moved.Find("p.muted").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_move_shows_the_reason_next_to_the_field_and_keeps_what_was_typed()
    {
        var (host, tree) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var committee = await CommitteeAsync(host, tree);
        var page = Open(host, tree.CellB.Id);

        await PickAsync(page, "m-NewParentId", "truong", committee.Id);
        Type(page, "#m-EffectiveOn", "01/01/2030");
        Type(page, "#m-DecisionNumber", "12-QĐ/ĐU");
        ComponentHost.Click(page, "#move-button");
        Answer(page, $"Chuyển {tree.CellB.Name}", "Chuyển đơn vị");
        page.WaitForAssertion(() => Assert.Equal("Ngày hiệu lực (01/01/2030) không thể sau ngày hôm nay (03/08/2026).", ComponentHost.MessageOf(page.Find("#m-EffectiveOn"))), Wait);
        Assert.Equal("true", page.Find("#m-EffectiveOn").GetAttribute("aria-invalid"));
        Assert.Equal("01/01/2030", page.Find("#m-EffectiveOn").GetAttribute("value"));
        Assert.Equal("12-QĐ/ĐU", page.Find("#m-DecisionNumber").GetAttribute("value"));
        Assert.Equal("Đảng bộ Trường THCS Tân Lập (Đảng bộ xã Tân Lập)", page.Find("#m-NewParentId").GetAttribute("value"));

        // Nothing picked and a day that does not exist: both said at once, without asking first.
        var picker = Picker(page, "m-NewParentId");
        await picker.InvokeAsync(() => picker.Instance.ClearAsync());
        Type(page, "#m-EffectiveOn", "31/02/2026");
        ComponentHost.Click(page, "#move-button");
        page.WaitForAssertion(() => Assert.Equal("Không có ngày 31/02/2026.", ComponentHost.MessageOf(page.Find("#m-EffectiveOn"))), Wait);
        Assert.NotNull(ComponentHost.MessageOf(page.Find("#m-NewParentId")));
        Assert.Empty(page.FindAll(".mud-dialog"));
        Assert.Equal("31/02/2026", page.Find("#m-EffectiveOn").GetAttribute("value"));

        await using var db = host.App.Database.CreateContext();
        Assert.Equal(tree.Commune.Id, await db.OrgUnits.Where(u => u.Id == tree.CellB.Id).Select(u => u.ParentId).SingleAsync());
        Assert.Equal(0, await db.OrgUnitPlacements.CountAsync());
    }

    [Fact]
    public async Task Staff_merge_a_cell_into_another_and_a_unit_of_another_level_or_outside_their_units_is_refused()
    {
        var (host, tree) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var elsewhere = await TinyProvince.CreateRootAsync(host.App);
        var page = Open(host, tree.CellA.Id);
        Assert.DoesNotContain(await OfferedAsync(page, "g-TargetId", ""), o => o.Id == tree.Commune.Id || o.Id == elsewhere);

        // Ids the picker never offers, as a forged circuit message would send them: the service refuses both.
        await SelectAsync(page, "g-TargetId", new UnitOption(tree.Commune.Id, tree.Commune.Name, tree.Commune.Kind, null, true));
        Type(page, "#g-EffectiveOn", "01/07/2026");
        ComponentHost.Click(page, "#merge-button");
        Answer(page, $"Sáp nhập {tree.CellA.Name} vào {tree.Commune.Name}", "Sáp nhập");
        page.WaitForAssertion(() => Assert.StartsWith("Chỉ sáp nhập vào đơn vị cùng cấp", ComponentHost.MessageOf(page.Find("#g-TargetId")), StringComparison.Ordinal), Wait);
        Assert.Equal("01/07/2026", page.Find("#g-EffectiveOn").GetAttribute("value"));

        await SelectAsync(page, "g-TargetId", new UnitOption(elsewhere, "Đơn vị khác", OrgUnitKind.Cell, null, true));
        ComponentHost.Click(page, "#merge-button");
        Answer(page, $"Sáp nhập {tree.CellA.Name} vào Đơn vị khác", "Sáp nhập");
        page.WaitForAssertion(() => Assert.StartsWith("Không tìm thấy", ComponentHost.MessageOf(page.Find("#g-TargetId")), StringComparison.Ordinal), Wait);

        await PickAsync(page, "g-TargetId", "ap bac", tree.CellB.Id);
        ComponentHost.Click(page, "#merge-button");
        Answer(page, $"Sáp nhập {tree.CellA.Name} vào {tree.CellB.Name} từ ngày 01/07/2026? Sang đơn vị tiếp nhận:", "Sáp nhập");
        page.WaitForAssertion(() => Assert.EndsWith($"/units/{tree.CellB.Id}", host.Navigation.Uri, StringComparison.Ordinal), Wait);
        await using (var db = host.App.Database.CreateContext())
        {
            Assert.Equal(17, await db.Members.CountAsync(m => m.CellId == tree.CellB.Id));
            Assert.Equal(new DateOnly(2026, 6, 30), await db.OrgUnits.Where(u => u.Id == tree.CellA.Id).Select(u => u.ValidTo).SingleAsync());
            Assert.Single(await db.AuditEntries.Where(a => a.Action == "unit.merge").ToListAsync());
        }

        // The merged cell's page says it is closed and offers no form; neither does it show anywhere to pick.
        var closed = host.RenderInAnotherTab<UnitMovePage>($"/units/{tree.CellA.Id}/move", p => p.Add(x => x.Id, tree.CellA.Id));
        closed.WaitForAssertion(() => Assert.Contains("đã giải thể hoặc sáp nhập từ ngày 01/07/2026", closed.Find(".notice--error").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(closed.FindAll("#merge-unit, #move-unit"));
        var staff = await host.App.SignedInClientAsync("vanphong");
        var unitPage = await staff.PageAsync($"/units/{tree.CellA.Id}");
        Assert.DoesNotContain(unitPage.QuerySelectorAll(".unit-links a"), a => a.TextContent == "Chuyển đơn vị / Sáp nhập");
        var newFile = await staff.PageAsync("/candidates/new");
        Assert.DoesNotContain(newFile.QuerySelectorAll("#cell-pick option"), o => o.GetAttribute("value") == Id(tree.CellA));
    }

    [Fact]
    public async Task A_move_from_a_page_opened_before_another_editors_move_is_refused_as_a_conflict_keeping_what_was_typed()
    {
        var (host, tree) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var committee = await CommitteeAsync(host, tree);
        var first = Open(host, tree.CellB.Id);
        var second = Open(host, tree.CellB.Id, anotherTab: true);

        await PickAsync(first, "m-NewParentId", "truong", committee.Id);
        Type(first, "#m-EffectiveOn", "01/07/2026");
        ComponentHost.Click(first, "#move-button");
        Answer(first, "Chuyển", "Chuyển đơn vị");
        first.WaitForAssertion(() => Assert.EndsWith($"/units/{tree.CellB.Id}", host.Navigation.Uri, StringComparison.Ordinal), Wait);

        await PickAsync(second, "g-TargetId", "dong tam", tree.CellA.Id);
        Type(second, "#g-EffectiveOn", "02/07/2026");
        Type(second, "#g-DecisionNumber", "15-QĐ/ĐU");
        ComponentHost.Click(second, "#merge-button");
        Answer(second, "Sáp nhập", "Sáp nhập");
        second.WaitForAssertion(() => Assert.Equal(Messages.RecordChanged, second.Find("#merge-unit .conflict p").TextContent), Wait);
        Assert.Equal("02/07/2026", second.Find("#g-EffectiveOn").GetAttribute("value"));
        Assert.Equal("15-QĐ/ĐU", second.Find("#g-DecisionNumber").GetAttribute("value"));
        Assert.Equal($"/units/{tree.CellB.Id}/move", second.Find("#merge-unit .conflict a").GetAttribute("href"));

        await using var db = host.App.Database.CreateContext();
        Assert.Null(await db.OrgUnits.Where(u => u.Id == tree.CellB.Id).Select(u => u.ValidTo).SingleAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "unit.merge"));
    }

    [Fact]
    public async Task A_cell_secretary_sees_no_form_and_a_forged_call_is_refused_by_the_service()
    {
        var (host, tree) = await StepPages.StartAsync("bithu", t => (t.CellA.Id, AccessRole.CellSecretary));
        await using var _ = host;

        var page = host.Render<UnitMovePage>($"/units/{tree.CellA.Id}/move", p => p.Add(x => x.Id, tree.CellA.Id));
        page.WaitForAssertion(() => Assert.Equal("Bạn không có quyền chuyển hoặc sáp nhập đơn vị này.", page.Find(".notice--error").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll("#move-unit, #merge-unit"));

        var calls = host.Context.Services.GetRequiredService<CircuitServices>();
        var merged = await calls.RunAsync<OrgUnitService, Result>((units, ct) => units.MergeAsync(
            new MergeUnitRequest { UnitId = tree.CellA.Id, TargetId = tree.CellB.Id, EffectiveOn = new DateOnly(2026, 7, 1) }, 0, ct));
        Assert.Equal("Bạn không có quyền chuyển hoặc sáp nhập đơn vị này.", Assert.Single(merged.Errors).Message);
        var secretary = await host.App.SignedInClientAsync("bithu");
        var unitPage = await secretary.PageAsync($"/units/{tree.CellA.Id}");
        Assert.DoesNotContain(unitPage.QuerySelectorAll(".unit-links a"), a => a.TextContent == "Chuyển đơn vị / Sáp nhập");
        await using var db = host.App.Database.CreateContext();
        Assert.Null(await db.OrgUnits.Where(u => u.Id == tree.CellA.Id).Select(u => u.ValidTo).SingleAsync());
    }

    [Fact]
    public async Task What_was_typed_in_both_forms_comes_back_from_the_tabs_draft_of_the_units_version()
    {
        var (host, tree) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var module = host.Context.JSInterop.SetupModule("./js/step-form.js");
        var drafts = module.Setup<string?>("loadDraft", _ => true);
        drafts.SetResult(null);
        var first = Open(host, tree.CellB.Id);
        await PickAsync(first, "g-TargetId", "", tree.CellA.Id);
        Type(first, "#g-EffectiveOn", "01/07/2026");
        Type(first, "#m-DecisionNumber", "12-QĐ/ĐU");

        var saved = module.Invocations["saveDraft"][^1].Arguments;
        var key = (string)saved[0]!;
        var draft = (string)saved[1]!;
        uint version;
        await using (var db = host.App.Database.CreateContext())
        {
            version = await db.OrgUnits.Where(u => u.Id == tree.CellB.Id).Select(u => u.Version).SingleAsync();
        }

        Assert.Equal($"dangvien:draft:/units/{tree.CellB.Id}/move:{version.ToString(CultureInfo.InvariantCulture)}", key);

        drafts.SetResult(draft);
        await host.Context.DisposeComponentsAsync();
        var again = Open(host, tree.CellB.Id);
        again.WaitForAssertion(() => Assert.Equal("01/07/2026", again.Find("#g-EffectiveOn").GetAttribute("value")), Wait);
        Assert.Equal("12-QĐ/ĐU", again.Find("#m-DecisionNumber").GetAttribute("value"));
        Assert.StartsWith(tree.CellA.Name, again.Find("#g-TargetId").GetAttribute("value"), StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(again.Find("#m-EffectiveOn").GetAttribute("value")));

        // A draft typed over another version of the unit (changed since) is not put back.
        drafts.SetResult(draft.Replace($"\"version\":\"{version.ToString(CultureInfo.InvariantCulture)}\"", "\"version\":\"1\"", StringComparison.Ordinal));
        await host.Context.DisposeComponentsAsync();
        var stale = Open(host, tree.CellB.Id);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        stale.Render();
        Assert.True(string.IsNullOrEmpty(stale.Find("#g-EffectiveOn").GetAttribute("value")));
        Assert.True(string.IsNullOrEmpty(stale.Find("#m-DecisionNumber").GetAttribute("value")));
    }

    private static IRenderedComponent<UnitMovePage> Open(ComponentHost host, int unitId, bool anotherTab = false)
    {
        var url = $"/units/{unitId}/move";
        var page = anotherTab
            ? host.RenderInAnotherTab<UnitMovePage>(url, p => p.Add(x => x.Id, unitId))
            : host.Render<UnitMovePage>(url, p => p.Add(x => x.Id, unitId));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("h1").GetAttribute("data-interactive")), Wait);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#move-button")), Wait);
        return page;
    }

    private static string Id(OrgUnit unit) => unit.Id.ToString(CultureInfo.InvariantCulture);

    private static void Type(IRenderedComponent<UnitMovePage> page, string selector, string value)
    {
        page.WaitForAssertion(() => Assert.Null(page.Find(selector).GetAttribute("disabled")), Wait);
        page.InvokeAsync(() =>
        {
            var input = page.Find(selector);
            if (input.HasAttribute("blazor:oninput") && !input.HasAttribute("blazor:onchange"))
            {
                input.Input(value);
            }
            else
            {
                input.Change(value);
            }
        }).GetAwaiter().GetResult();
        page.WaitForAssertion(() => Assert.Equal(value, page.Find(selector).GetAttribute("value") ?? ""), Wait);
    }

    private static void Answer(IRenderedComponent<UnitMovePage> page, string question, string button)
    {
        page.WaitForAssertion(() => Assert.StartsWith(question, page.Find(".mud-dialog .mud-dialog-content").TextContent.Trim(), StringComparison.Ordinal), Wait);
        page.InvokeAsync(() => page.FindAll(".mud-dialog .mud-dialog-actions button").Single(b => b.TextContent.Trim() == button).Click()).GetAwaiter().GetResult();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")), Wait);
    }

    private static IRenderedComponent<MudAutocomplete<UnitOption>> Picker(IRenderedComponent<UnitMovePage> page, string inputId) =>
        page.FindComponents<MudAutocomplete<UnitOption>>().Single(s => s.Instance.GetState(x => x.InputId) == inputId);

    private static async Task<List<UnitOption>> OfferedAsync(IRenderedComponent<UnitMovePage> page, string inputId, string typed)
    {
        var picker = Picker(page, inputId);
        var search = picker.Instance.SearchFunc ?? throw new InvalidOperationException($"{inputId} has no search");
        return [.. await picker.InvokeAsync(() => search(typed, CancellationToken.None)!) ?? []];
    }

    /// <summary>Types part of a name and takes the unit among those offered, as a click on that option does.</summary>
    private static async Task PickAsync(IRenderedComponent<UnitMovePage> page, string inputId, string typed, int unitId)
    {
        await page.InvokeAsync(() => page.Find("#" + inputId).Input(typed));
        await SelectAsync(page, inputId, (await OfferedAsync(page, inputId, typed)).Single(u => u.Id == unitId));
    }

    private static async Task SelectAsync(IRenderedComponent<UnitMovePage> page, string inputId, UnitOption option)
    {
        var picker = Picker(page, inputId);
        await picker.InvokeAsync(() => picker.Instance.SelectOptionAsync(option));
        page.WaitForAssertion(() => Assert.Equal(option, picker.Instance.GetState(x => x.Value)), Wait);
    }

    private static async Task<OrgUnit> CommitteeAsync(ComponentHost host, TinyProvince tree)
    {
        await using var db = host.App.Database.CreateContext();
        var committee = new OrgUnit { Code = "DB01", Name = "Đảng bộ Trường THCS Tân Lập", Kind = OrgUnitKind.GrassrootsCommittee, ParentId = tree.Commune.Id };
        db.OrgUnits.Add(committee);
        await db.SaveChangesAsync();
        committee.Path = new($"{tree.Commune.Path}.{committee.Id}");
        await db.SaveChangesAsync();
        return committee;
    }
}
