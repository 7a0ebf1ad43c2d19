using System.Globalization;
using Bunit;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Units;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Components.Pages.Candidates.Steps;
using DangVien.Web.Tests.Candidates;
using DangVien.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;
using static DangVien.Web.Tests.Interactive.StepPages;

namespace DangVien.Web.Tests.Interactive;

/// <summary>
/// The interactive step forms (bUnit) over the real app and database: what a refused form keeps and says next to
/// its fields, what a recorded one saves, two people on one file, a correction, a transfer, and what a user outside
/// the step's scope gets when they send it anyway.
/// </summary>
public sealed class StepFormComponentTests
{
    [Fact]
    public async Task A_draft_the_tab_answers_with_only_after_typing_began_does_not_overwrite_what_was_typed()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        // Over a slow connection the tab answers the draft read late: the person has typed by then.
        var module = host.Context.JSInterop.SetupModule("./js/step-form.js");
        var drafts = module.Setup<string?>("loadDraft", _ => true);
        var page = Open(host, ActionRoutes.Form(id, AdmissionAction.RecordCellVote));

        Type(page, "VotedOn", "05/05/2025");
        Type(page, "Present", "11");
        Type(page, "InFavour", "12");
        await page.InvokeAsync(() => drafts.SetResult("""{"votedOn":"01/01/2025","present":3,"inFavour":2}"""));

        const string rule = "Số đảng viên tán thành (12) không thể lớn hơn số đảng viên có mặt (11).";
        page.WaitForAssertion(() => Assert.Equal(rule, MessageOf(page, "InFavour")), Wait);
        Assert.Equal(("05/05/2025", "11", "12"), (Value(page, "VotedOn"), Value(page, "Present"), Value(page, "InFavour")));
    }

    [Fact]
    public async Task A_refused_cell_vote_shows_the_rule_next_to_the_in_favour_field_and_keeps_every_typed_value()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        var page = Open(host, ActionRoutes.Form(id, AdmissionAction.RecordCellVote));
        Assert.Equal("12", Value(page, "OfficialMembers"));

        Type(page, "VotedOn", "05/05/2025");
        Type(page, "ResolutionNumber", "12-NQ/CB");
        Type(page, "Present", "7");
        Type(page, "InFavour", "8");
        Press(page);

        const string rule = "Số đảng viên tán thành (8) không thể lớn hơn số đảng viên có mặt (7).";
        page.WaitForAssertion(() => Assert.Equal(rule, MessageOf(page, "InFavour")), Wait);
        Assert.Equal("true", page.Find(Id("InFavour")).GetAttribute("aria-invalid"));
        Assert.Single(page.FindAll(".mud-input-helper-text.mud-input-error"));
        Assert.Equal("Số đảng viên tán thành: " + rule, page.Find(".form-summary li").Text());
        Assert.Equal("05/05/2025", Value(page, "VotedOn"));
        Assert.Equal("12-NQ/CB", Value(page, "ResolutionNumber"));
        Assert.Equal("12", Value(page, "OfficialMembers"));
        Assert.Equal("7", Value(page, "Present"));
        Assert.Equal("8", Value(page, "InFavour"));
        Assert.DoesNotContain(await host.App.HistoryAsync(id), e => e.Kind == StageKind.CellVote);
    }

    [Fact]
    public async Task A_vote_one_short_of_two_thirds_of_the_official_members_is_recorded_as_failed_and_the_vote_stays_to_do()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        var page = Open(host, ActionRoutes.Form(id, AdmissionAction.RecordCellVote));

        // 12 official members: two thirds is 8. Seven in favour of eleven present is a majority of those present, and still fails.
        Type(page, "VotedOn", "05/05/2025");
        Type(page, "Present", "11");
        Type(page, "InFavour", "7");
        page.WaitForAssertion(() => Assert.Equal("Không đạt: 7/12 tán thành, cần 8.", page.Find("#vote-tally.vote-tally--fails").Text()), Wait);
        SubmitAndWaitForFile(page, id, AdmissionAction.RecordCellVote);

        var vote = Assert.Single(await host.App.HistoryAsync(id), e => e.Kind == StageKind.CellVote).Vote!;
        Assert.False(vote.Passed);
        Assert.Equal((12, 11, 7), (vote.OfficialMembers, vote.Present, vote.InFavour));
        var staff = await host.App.SignedInClientAsync("vanphong");
        var file = await staff.PageAsync(ActionRoutes.Done(id, AdmissionAction.RecordCellVote));
        Assert.Equal("Không đạt hai phần ba", file.QuerySelector(".votes-table tbody td[data-label='Kết quả']").Text());
        Assert.Contains("7/12 đảng viên chính thức tán thành (11 có mặt): không đạt hai phần ba", file.QuerySelector(".timeline").Text());
        var print = await staff.PageAsync(ActionRoutes.File(id) + "/print");
        Assert.Equal("7/12 đảng viên chính thức tán thành (11 có mặt): không đạt hai phần ba", print.QuerySelector(".print-dates .print-vote.print-vote--failed").Text());
        var list = await staff.PageAsync($"/candidates?unit={tree.CellA.Id}");
        Assert.Equal("Biểu quyết không đạt", list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='{ActionRoutes.File(id)}']") is not null).QuerySelector(".vote-failed-mark").Text());
        Assert.Single(list.QuerySelectorAll(".vote-failed-mark"));
        Assert.NotNull(file.QuerySelector($".next-actions a[href='{ActionRoutes.Form(id, AdmissionAction.RecordCellVote)}']"));
        Assert.Null(file.QuerySelector($".next-actions a[href='{ActionRoutes.Form(id, AdmissionAction.RecordAdmissionDecision)}']"));
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_refused_next_to_its_field_and_nothing_is_sent()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        var page = Open(host, ActionRoutes.Form(id, AdmissionAction.RecordOpinion));

        await ChooseAsync<CandidateActionPage, OpinionForm?>(page, "Form", OpinionForm.ResidenceCommittee);
        Type(page, "ReceivedOn", "31/02/2025");
        Type(page, "Organisation", "Chi ủy thôn Đồng Tâm");
        page.WaitForAssertion(() => Assert.Equal("Không có ngày 31/02/2025.", MessageOf(page, "ReceivedOn")), Wait);
        Press(page);

        page.WaitForAssertion(() => Assert.NotNull(page.Find(".form-summary")), Wait);
        Assert.Equal("Không có ngày 31/02/2025.", MessageOf(page, "ReceivedOn"));
        Assert.Single(page.FindAll(".mud-input-helper-text.mud-input-error"));
        Assert.Equal("31/02/2025", Value(page, "ReceivedOn"));
        Assert.Equal("Chi ủy thôn Đồng Tâm", Value(page, "Organisation"));
        Assert.Equal(OpinionForm.ResidenceCommittee, page.FindComponent<OpinionStep>().Instance.Input!.Form);
        Assert.Single(await host.App.HistoryAsync(id), e => e.Kind == StageKind.Opinion);
    }

    [Fact]
    public async Task When_two_people_submit_the_same_form_the_second_is_told_to_reload_keeps_what_they_typed_and_saves_nothing()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        var url = ActionRoutes.Form(id, AdmissionAction.RecordOpinion);
        var first = Open(host, url);
        var second = Open(host, url, anotherTab: true);

        await ChooseAsync<CandidateActionPage, OpinionForm?>(first, "Form", OpinionForm.ResidenceCommittee);
        Type(first, "ReceivedOn", "22/04/2025");
        Type(first, "Organisation", "Chi ủy thôn Đồng Tâm");
        SubmitAndWaitForFile(first, id, AdmissionAction.RecordOpinion);
        await ChooseAsync<CandidateActionPage, OpinionForm?>(second, "Form", OpinionForm.Summary);
        Type(second, "ReceivedOn", "23/04/2025");
        Type(second, "Organisation", "Đảng ủy xã Tân Lập");
        Type(second, "Note", "Bản tổng hợp");
        Press(second);

        second.WaitForAssertion(() => Assert.StartsWith("Hồ sơ này vừa được người khác thay đổi", second.Find("#action-form .conflict").Text()), Wait);
        Assert.Contains(Messages.RecordChanged, second.Find(".conflict").Text());
        Assert.NotEmpty(second.FindAll($".conflict a[href$='{url}']"));
        Assert.NotEmpty(second.FindAll($".conflict a[href='{ActionRoutes.File(id)}']"));
        Assert.Equal("23/04/2025", Value(second, "ReceivedOn"));
        Assert.Equal("Đảng ủy xã Tân Lập", Value(second, "Organisation"));
        Assert.Equal("Bản tổng hợp", second.Find(Id("Note")).TextContent);
        Assert.Equal(OpinionForm.Summary, second.FindComponent<OpinionStep>().Instance.Input!.Form);
        var opinions = (await host.App.HistoryAsync(id)).Where(e => e.Kind == StageKind.Opinion).ToList();
        Assert.Equal(["Chi đoàn", "Chi ủy thôn Đồng Tâm"], opinions.Select(o => o.Issuer));

        // Opened again, the form has the new version, and the same values then go through.
        var reloaded = Open(host, url, anotherTab: true);
        await ChooseAsync<CandidateActionPage, OpinionForm?>(reloaded, "Form", OpinionForm.Summary);
        Type(reloaded, "ReceivedOn", "23/04/2025");
        Type(reloaded, "Organisation", "Đảng ủy xã Tân Lập");
        SubmitAndWaitForFile(reloaded, id, AdmissionAction.RecordOpinion);
        Assert.Equal(3, (await host.App.HistoryAsync(id)).Count(e => e.Kind == StageKind.Opinion));
    }

    [Fact]
    public async Task A_cell_secretary_records_the_vote_and_a_decision_form_sent_anyway_is_refused_by_the_service_and_saves_nothing()
    {
        var (host, tree) = await StartAsync("bithu", tree => (tree.CellA.Id, AccessRole.CellSecretary));
        await using var _ = host;
        var ready = await host.App.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var voted = await host.App.VotedAsync(tree.CellA, "Lê Văn Bình");
        var vote = Open(host, ActionRoutes.Form(ready, AdmissionAction.RecordCellVote));
        Type(vote, "VotedOn", "05/05/2025");
        Type(vote, "Present", "11");
        Type(vote, "InFavour", "10");
        SubmitAndWaitForFile(vote, ready, AdmissionAction.RecordCellVote);
        Assert.True(Assert.Single(await host.App.HistoryAsync(ready), e => e.Kind == StageKind.CellVote).Vote!.Passed);
        var file = await host.App.AdmissionAsync((service, _) => service.GetCandidateFileAsync(voted))
            ?? throw new InvalidOperationException("no file");

        // The page shows no form to the secretary; the step's form itself, rendered anyway, still records nothing.
        var page = host.RenderInAnotherTab<CandidateActionPage>(ActionRoutes.Form(voted, AdmissionAction.RecordAdmissionDecision),
            p => p.Add(x => x.Id, voted).Add(x => x.Slug, ActionRoutes.Slug(AdmissionAction.RecordAdmissionDecision)));
        page.WaitForAssertion(() => Assert.Equal(Messages.NotAllowed, page.Find(".notice--error[role=alert]").Text()), Wait);
        Assert.Empty(page.FindAll("#action-form"));
        var form = host.RenderInAnotherTab<AdmissionDecisionStep>(ActionRoutes.Form(voted, AdmissionAction.RecordAdmissionDecision), p => p.Add(x => x.File, file).Add(x => x.Version, file.Version).Add(x => x.OfficialMembers, 12));
        Type(form, "DecisionNumber", "101-QĐ/ĐU");
        Type(form, "DecidedOn", "02/06/2025");
        Type(form, "ReceivedOn", "05/06/2025");
        Press(form);

        form.WaitForAssertion(() => Assert.Contains(Messages.NotAllowed, ShownMessages(form)), Wait);
        Assert.Equal("101-QĐ/ĐU", Value(form, "DecisionNumber"));
        Assert.DoesNotContain(await host.App.HistoryAsync(voted), e => e.Kind == StageKind.AdmissionDecision);
    }

    [Fact]
    public async Task A_correction_from_the_timeline_strikes_the_old_entry_through_and_shows_the_new_one_with_its_reason()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.VotedAsync(tree.CellA);
        var vote = (await host.App.HistoryAsync(id)).Single(e => e.Kind == StageKind.CellVote);
        var staff = await host.App.SignedInClientAsync("vanphong");
        var file = await staff.PageAsync(ActionRoutes.File(id));
        var link = file.QuerySelector($"#entry-{vote.Id} .timeline__actions a")!.GetAttribute("href")!;
        Assert.Equal(ActionRoutes.Correction(id, vote.Id), link);

        var page = Open(host, link);
        Assert.Equal("05/05/2025", Value(page, "Date"));
        Assert.Equal("10", Value(page, "InFavour"));
        Type(page, "InFavour", "9");
        Press(page);
        page.WaitForAssertion(() => Assert.Equal("Chưa nhập lý do đính chính.", MessageOf(page, "Reason")), Wait);
        Assert.Equal("9", Value(page, "InFavour"));
        Assert.Single(await host.App.HistoryAsync(id), e => e.Kind == StageKind.CellVote);

        Type(page, "Reason", "Ghi nhầm số tán thành");
        SubmitAndWaitForFile(page, id, AdmissionAction.CorrectEntry);

        var after = await staff.PageAsync(ActionRoutes.Done(id, AdmissionAction.CorrectEntry));
        Assert.Equal("Đã ghi đính chính vào hồ sơ.", after.QuerySelector(".notice").Text());
        var old = after.QuerySelector($"#entry-{vote.Id}")!;
        Assert.Contains("is-superseded", old.ClassList);
        Assert.Contains("lý do: Ghi nhầm số tán thành", old.QuerySelector(".timeline__superseded").Text());
        Assert.Null(old.QuerySelector(".timeline__actions"));
        var correction = after.QuerySelectorAll(".timeline__entry").Last(e => e.QuerySelector(".timeline__correction") is not null);
        Assert.Contains("9/12 đảng viên chính thức tán thành", correction.Text());
        Assert.Contains("Lý do: Ghi nhầm số tán thành", correction.QuerySelector(".timeline__correction").Text());
    }

    [Fact]
    public async Task A_transfer_offers_the_writable_cells_but_the_current_one_and_moves_the_file()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        var page = Open(host, ActionRoutes.Form(id, AdmissionAction.Transfer));

        Assert.Equal([tree.CellB.Id], (await OfferedAsync<CandidateActionPage, UnitOption>(page, "TargetCellId", "chi")).Select(c => c.Id));
        Assert.Empty(await OfferedAsync<CandidateActionPage, UnitOption>(page, "TargetCellId", tree.CellA.Name));
        Type(page, "TransferredOn", "01/05/2025");
        await PickAsync<CandidateActionPage, UnitOption>(page, "TargetCellId", VietnameseText.Fold(tree.CellB.Name).ToLowerInvariant(), c => c.Id == tree.CellB.Id);
        Type(page, "Reason", "Chuyển nơi cư trú");
        SubmitAndWaitForFile(page, id, AdmissionAction.Transfer);

        await using (var db = host.App.Database.CreateContext())
        {
            Assert.Equal(tree.CellB.Id, await db.Candidates.Where(c => c.Id == id).Select(c => c.CellId).SingleAsync());
        }

        var file = await (await host.App.SignedInClientAsync("vanphong")).PageAsync(ActionRoutes.File(id));
        Assert.Contains(tree.CellB.Name, file.QuerySelector(".file-summary").Text());
        Assert.Contains("Chuyển đến: " + tree.CellB.Name, file.QuerySelector(".timeline").Text());
    }

    [Fact]
    public async Task A_transfer_to_a_cell_of_another_commune_is_never_offered_reads_as_not_found_and_moves_nothing()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var (_, otherCell) = await IdScopeHttpTests.AnotherCommuneAsync(host.App, tree);
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        var page = Open(host, ActionRoutes.Form(id, AdmissionAction.Transfer));
        Assert.Empty(await OfferedAsync<CandidateActionPage, UnitOption>(page, "TargetCellId", IdScopeHttpTests.OtherCellName));

        // The cell's id sent anyway (as a tampered circuit could), and an id that names no cell: the same answer.
        var file = await host.App.AdmissionAsync((service, _) => service.GetCandidateFileAsync(id)) ?? throw new InvalidOperationException("no file");
        async Task<(string? Message, string Markup)> SendAsync(int cellId)
        {
            var form = host.Context.Render<TransferStep>(p => p.Add(x => x.File, file).Add(x => x.Version, file.Version));
            await form.InvokeAsync(() => form.Instance.Input = new TransferStep.Model
            {
                TransferredOn = "01/05/2025",
                TargetCellId = new UnitOption(cellId, "Chi bộ đã chọn", OrgUnitKind.Cell, null, true),
                Reason = "Chuyển nơi cư trú",
            });
            form.Render();
            Press(form);
            form.WaitForAssertion(() => Assert.NotNull(form.Find(".form-summary")), Wait);
            return (MessageOf(form, "TargetCellId"), form.Markup);
        }

        var outside = await SendAsync(otherCell);
        var missing = await SendAsync(IdScopeHttpTests.MissingId);

        Assert.Equal(AdmissionRules.CellNotFound, outside.Message);
        Assert.Equal(missing.Message, outside.Message);
        Assert.DoesNotContain(IdScopeHttpTests.OtherCellName, outside.Markup, StringComparison.Ordinal);
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(tree.CellA.Id, await db.Candidates.Where(c => c.Id == id).Select(c => c.CellId).SingleAsync());
        Assert.False(await db.StageEntries.AnyAsync(e => e.Kind == StageKind.Transfer));
    }

    [Fact]
    public async Task Every_date_field_of_the_step_forms_refuses_year_1_and_year_9999_next_to_the_field()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var ready = await host.App.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var voted = await host.App.VotedAsync(tree.CellA, "Lê Văn Bình");
        var entriesBefore = 0;
        await using (var db = host.App.Database.CreateContext())
        {
            entriesBefore = await db.StageEntries.CountAsync();
        }

        var staff = await host.App.SignedInClientAsync("vanphong");
        var urls = new List<string>();
        foreach (var id in new[] { ready, voted })
        {
            var file = await staff.PageAsync(ActionRoutes.File(id));
            urls.AddRange(file.QuerySelectorAll(".next-actions a, .timeline__actions a").Select(a => a.GetAttribute("href")!));
        }

        var checkedFields = 0;
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            var page = Open(host, url, anotherTab: true);
            var dates = page.FindAll("#action-form input[placeholder='dd/mm/yyyy']").Select(i => i.Id!).ToList();
            foreach (var value in new[] { "0001-01-01", "9999-12-31", "31/12/9999", "01/01/1899" })
            {
                foreach (var date in dates)
                {
                    await page.InvokeAsync(() => page.Find("#" + date).Change(value));
                    page.WaitForAssertion(() => Assert.Equal(value, page.Find("#" + date).GetAttribute("value")), Wait);
                }

                // A field left shows its message at once; the button then sends what the form holds.
                foreach (var date in dates)
                {
                    page.WaitForAssertion(() => Assert.Equal(SupportedRange.DateMessage, ComponentHost.MessageOf(page.Find("#" + date))), Wait);
                }

                page.WaitForAssertion(() => Assert.False(page.Find("#submit-step").HasAttribute("disabled")), Wait);
                Press(page);
                page.WaitForAssertion(() => Assert.NotNull(page.Find(".form-summary")), Wait);
                foreach (var date in dates)
                {
                    page.WaitForAssertion(() => Assert.Equal(SupportedRange.DateMessage, ComponentHost.MessageOf(page.Find("#" + date))), Wait);
                    Assert.Equal(value, page.Find("#" + date).GetAttribute("value"));
                    checkedFields++;
                }
            }
        }

        Assert.True(checkedFields >= 40, $"only {checkedFields} date fields checked");
        await using (var db = host.App.Database.CreateContext())
        {
            Assert.Equal(entriesBefore, await db.StageEntries.CountAsync());
        }
    }
}
