using System.Net;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Candidates;

public sealed class CandidateFormTests
{
    [Fact]
    public async Task A_refused_cell_vote_shows_the_rule_next_to_the_in_favour_field_and_keeps_every_typed_value()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA);
        var url = ActionRoutes.Form(id, AdmissionAction.RecordCellVote);

        var response = await Forms.SubmitAsync(staff, url, "#action-form",
            ("Input.VotedOn", "05/05/2025"), ("Input.ResolutionNumber", "12-NQ/CB"),
            ("Input.OfficialMembers", "12"), ("Input.Present", "7"), ("Input.InFavour", "8"));
        var page = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Số đảng viên tán thành (8) không thể lớn hơn số đảng viên có mặt (7).", page.QuerySelector("#f-InFavour-error .validation-message").Text());
        Assert.Equal("true", page.QuerySelector("#f-InFavour")!.GetAttribute("aria-invalid"));
        Assert.Equal("f-InFavour-error", page.QuerySelector("#f-InFavour")!.GetAttribute("aria-describedby"));
        Assert.Single(page.QuerySelectorAll(".validation-message"));
        Assert.Equal("05/05/2025", page.QuerySelector("#f-VotedOn")!.GetAttribute("value"));
        Assert.Equal("12-NQ/CB", page.QuerySelector("#f-ResolutionNumber")!.GetAttribute("value"));
        Assert.Equal("12", page.QuerySelector("#f-OfficialMembers")!.GetAttribute("value"));
        Assert.Equal("7", page.QuerySelector("#f-Present")!.GetAttribute("value"));
        Assert.Equal("8", page.QuerySelector("#f-InFavour")!.GetAttribute("value"));
        Assert.DoesNotContain(await app.HistoryAsync(id), e => e.Kind == StageKind.CellVote);
    }

    [Fact]
    public async Task A_vote_one_short_of_two_thirds_of_the_official_members_is_recorded_as_failed_and_the_vote_stays_to_do()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA);

        // 12 official members: two thirds is 8. Seven in favour of eleven present is a majority of those present, and still fails.
        var response = await Forms.SubmitAsync(staff, ActionRoutes.Form(id, AdmissionAction.RecordCellVote), "#action-form",
            ("Input.VotedOn", "05/05/2025"), ("Input.OfficialMembers", "12"), ("Input.Present", "11"), ("Input.InFavour", "7"));
        var file = await staff.PageAsync(RedirectTarget(response));

        Assert.Equal("Không đạt hai phần ba", file.QuerySelector(".votes-table tbody td[data-label='Kết quả']").Text());
        Assert.Contains("7/12 đảng viên chính thức tán thành (11 có mặt): không đạt hai phần ba", file.QuerySelector(".timeline").Text());
        Assert.NotNull(file.QuerySelector($".next-actions a[href='{ActionRoutes.Form(id, AdmissionAction.RecordCellVote)}']"));
        Assert.Null(file.QuerySelector($".next-actions a[href='{ActionRoutes.Form(id, AdmissionAction.RecordAdmissionDecision)}']"));
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_refused_next_to_its_field_and_nothing_is_sent()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA);

        var response = await Forms.SubmitAsync(staff, ActionRoutes.Form(id, AdmissionAction.RecordOpinion), "#action-form",
            ("Input.Form", nameof(OpinionForm.ResidenceCommittee)), ("Input.ReceivedOn", "31/02/2025"), ("Input.Organisation", "Chi ủy thôn Đồng Tâm"));
        var page = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Không có ngày 31/02/2025.", page.QuerySelector("#f-ReceivedOn-error .validation-message").Text());
        Assert.Equal("31/02/2025", page.QuerySelector("#f-ReceivedOn")!.GetAttribute("value"));
        Assert.Equal("Chi ủy thôn Đồng Tâm", page.QuerySelector("#f-Organisation")!.GetAttribute("value"));
        Assert.Equal(nameof(OpinionForm.ResidenceCommittee), page.QuerySelector("#f-Form option[selected]")!.GetAttribute("value"));
        Assert.Single(await app.HistoryAsync(id), e => e.Kind == StageKind.Opinion);
    }

    [Fact]
    public async Task When_two_people_submit_the_same_form_the_second_is_told_to_reload_keeps_what_they_typed_and_saves_nothing()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var first = await app.StaffAsync(tree, "vanphong1");
        var second = await app.StaffAsync(tree, "vanphong2");
        var id = await app.ReadyForVoteAsync(tree.CellA);
        var url = ActionRoutes.Form(id, AdmissionAction.RecordOpinion);
        var firstPage = await first.PageAsync(url);
        var secondPage = await second.PageAsync(url);

        var saved = await Forms.SubmitAsync(first, firstPage, url, "#action-form",
            ("Input.Form", nameof(OpinionForm.ResidenceCommittee)), ("Input.ReceivedOn", "22/04/2025"), ("Input.Organisation", "Chi ủy thôn Đồng Tâm"));
        Assert.Equal(ActionRoutes.Done(id, AdmissionAction.RecordOpinion), RedirectTarget(saved));
        var response = await Forms.SubmitAsync(second, secondPage, url, "#action-form",
            ("Input.Form", nameof(OpinionForm.Summary)), ("Input.ReceivedOn", "23/04/2025"), ("Input.Organisation", "Đảng ủy xã Tân Lập"),
            ("Input.Note", "Bản tổng hợp"));
        var page = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Hồ sơ này vừa được người khác thay đổi", page.QuerySelector("#action-form .conflict").Text());
        Assert.Contains(Messages.RecordChanged, page.QuerySelector(".conflict").Text());
        Assert.NotNull(page.QuerySelector($".conflict a[href='{url}']"));
        Assert.NotNull(page.QuerySelector($".conflict a[href='{ActionRoutes.File(id)}']"));
        Assert.Equal("23/04/2025", page.QuerySelector("#f-ReceivedOn")!.GetAttribute("value"));
        Assert.Equal("Đảng ủy xã Tân Lập", page.QuerySelector("#f-Organisation")!.GetAttribute("value"));
        Assert.Equal("Bản tổng hợp", page.QuerySelector("#f-Note").Text());
        Assert.Equal(nameof(OpinionForm.Summary), page.QuerySelector("#f-Form option[selected]")!.GetAttribute("value"));
        Assert.Equal(secondPage.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"), page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        var opinions = (await app.HistoryAsync(id)).Where(e => e.Kind == StageKind.Opinion).ToList();
        Assert.Equal(["Chi đoàn", "Chi ủy thôn Đồng Tâm"], opinions.Select(o => o.Issuer));

        // Reloading gives the new version, and the same values then go through.
        var reloaded = await second.PageAsync(url);
        var again = await Forms.SubmitAsync(second, reloaded, url, "#action-form",
            ("Input.Form", nameof(OpinionForm.Summary)), ("Input.ReceivedOn", "23/04/2025"), ("Input.Organisation", "Đảng ủy xã Tân Lập"));
        Assert.Equal(ActionRoutes.Done(id, AdmissionAction.RecordOpinion), RedirectTarget(again));
    }

    [Fact]
    public async Task A_cell_secretary_records_the_vote_but_not_the_decision_and_never_sees_another_cells_file()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var secretary = await app.SecretaryAsync(tree.CellA);
        var ready = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var voted = await app.VotedAsync(tree.CellA, "Lê Văn Bình");
        var elsewhere = await app.ReadyForVoteAsync(tree.CellB, "Trần Thị Cúc");

        var readyFile = await secretary.PageAsync(ActionRoutes.File(ready));
        Assert.NotNull(readyFile.QuerySelector($".next-actions a[href='{ActionRoutes.Form(ready, AdmissionAction.RecordCellVote)}']"));
        Assert.Null(readyFile.QuerySelector($"a[href='{ActionRoutes.Form(ready, AdmissionAction.RecordExit)}']"));
        Assert.Empty(readyFile.QuerySelectorAll(".timeline__actions"));
        var voteForm = await secretary.PageAsync(ActionRoutes.Form(ready, AdmissionAction.RecordCellVote));
        Assert.NotNull(voteForm.QuerySelector("#action-form #f-InFavour"));

        var votedFile = await secretary.PageAsync(ActionRoutes.File(voted));
        Assert.Contains("Ghi nhận quyết định kết nạp", votedFile.QuerySelector(".next-actions").Text());
        Assert.Null(votedFile.QuerySelector($"a[href='{ActionRoutes.Form(voted, AdmissionAction.RecordAdmissionDecision)}']"));
        var decision = await secretary.PageAsync(ActionRoutes.Form(voted, AdmissionAction.RecordAdmissionDecision));
        Assert.Null(decision.QuerySelector("#action-form"));
        Assert.Equal(Messages.NotAllowed, decision.QuerySelector(".notice--error").Text());

        // A post made by hand (the token and handler of a form the secretary may see) is refused by the service and saves nothing.
        var hidden = voteForm.QuerySelectorAll("#action-form input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "Input.Version")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var forged = await secretary.PostAsync(ActionRoutes.Form(voted, AdmissionAction.RecordAdmissionDecision), new FormUrlEncodedContent(
        [
            .. hidden,
            new("Input.Version", "0"), new("Input.DecisionNumber", "101-QĐ/ĐU"), new("Input.DecidedOn", "02/06/2025"), new("Input.ReceivedOn", "05/06/2025"),
        ]));
        var refused = await DangVienApp.ParseAsync(forged);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal("101-QĐ/ĐU", refused.QuerySelector("#f-DecisionNumber")!.GetAttribute("value"));
        Assert.Equal(Messages.NotAllowed, refused.QuerySelector("#action-form .form-error").Text());
        Assert.DoesNotContain(await app.HistoryAsync(voted), e => e.Kind == StageKind.AdmissionDecision);

        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync(ActionRoutes.File(elsewhere))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync(ActionRoutes.Form(elsewhere, AdmissionAction.RecordCellVote))).StatusCode);
    }

    [Fact]
    public async Task A_correction_from_the_timeline_strikes_the_old_entry_through_and_shows_the_new_one_with_its_reason()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.VotedAsync(tree.CellA);
        var vote = (await app.HistoryAsync(id)).Single(e => e.Kind == StageKind.CellVote);

        var file = await staff.PageAsync(ActionRoutes.File(id));
        var link = file.QuerySelector($"#entry-{vote.Id} .timeline__actions a")!.GetAttribute("href")!;
        Assert.Equal(ActionRoutes.Correction(id, vote.Id), link);
        var form = await staff.PageAsync(link);
        Assert.Equal("05/05/2025", form.QuerySelector("#f-Date")!.GetAttribute("value"));
        Assert.Equal("10", form.QuerySelector("#f-InFavour")!.GetAttribute("value"));

        var missingReason = await DangVienApp.ParseAsync(await Forms.SubmitAsync(staff, form, link, "#action-form", ("Input.InFavour", "9")));
        Assert.Equal("Chưa nhập lý do đính chính.", missingReason.QuerySelector("#f-Reason-error .validation-message").Text());
        Assert.Equal("9", missingReason.QuerySelector("#f-InFavour")!.GetAttribute("value"));

        var response = await Forms.SubmitAsync(staff, form, link, "#action-form", ("Input.InFavour", "9"), ("Input.Reason", "Ghi nhầm số tán thành"));
        var after = await staff.PageAsync(RedirectTarget(response));
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
    public async Task An_action_the_file_does_not_allow_yet_shows_no_form_and_an_unknown_action_is_not_found()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA);

        var ceremony = await staff.PageAsync(ActionRoutes.Form(id, AdmissionAction.RecordCeremony));
        Assert.Null(ceremony.QuerySelector("#action-form"));
        Assert.Contains("chưa thể", ceremony.QuerySelector(".notice--error").Text());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/candidates/{id}/actions/xoa-ho-so")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/candidates/999999")).StatusCode);
    }

    [Fact]
    public async Task Every_form_the_file_offers_labels_each_of_its_inputs()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in new[] { await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng"), await app.VotedAsync(tree.CellA, "Lê Văn Bình") })
        {
            var file = await staff.PageAsync(ActionRoutes.File(id));
            foreach (var link in file.QuerySelectorAll(".next-actions a, .timeline__actions a").Select(a => a.GetAttribute("href")!))
            {
                var form = await staff.PageAsync(link);
                var inputs = form.QuerySelectorAll("#action-form input:not([type=hidden]), #action-form select, #action-form textarea");
                Assert.NotEmpty(inputs);
                foreach (var input in inputs)
                {
                    Assert.True(form.QuerySelector($"label[for='{input.Id}']").Text().Length > 0, $"{link}: #{input.Id} has no label");
                }

                seen.Add(link.Split('?')[0].Split('/')[^1]);
            }
        }

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "awareness-course", "replace-introducer", "renew-introduction", "opinion", "eligibility-exception", "cell-vote",
                "extend-decision", "admission-decision", "exit", "transfer", "correction",
            },
            seen);
    }

    [Fact]
    public async Task A_transfer_offers_the_readable_cells_but_the_current_one_and_moves_the_file()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA);
        var url = ActionRoutes.Form(id, AdmissionAction.Transfer);

        var form = await staff.PageAsync(url);
        Assert.Equal(["", tree.CellB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            form.QuerySelectorAll("#f-TargetCellId option").Select(o => o.GetAttribute("value")));
        var response = await Forms.SubmitAsync(staff, form, url, "#action-form",
            ("Input.TransferredOn", "01/05/2025"), ("Input.TargetCellId", tree.CellB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Reason", "Chuyển nơi cư trú"));
        var file = await staff.PageAsync(RedirectTarget(response));

        Assert.Contains(tree.CellB.Name, file.QuerySelector(".file-summary").Text());
        Assert.Contains("Chuyển đến: " + tree.CellB.Name, file.QuerySelector(".timeline").Text());
    }

    [Fact]
    public async Task A_new_file_refused_by_the_rules_keeps_what_was_typed_and_the_ticked_categories()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var url = $"/candidates/new?cell={tree.CellA.Id}";
        var page = await staff.PageAsync(url);
        var category = page.QuerySelectorAll("input[name='Input.CategoryIds']")[3].GetAttribute("value")!;

        var response = await Forms.SubmitAsync(staff, page, url, "#create-candidate",
            ("Input.FullName", "Đỗ Văn Dũng"), ("Input.DateOfBirth", "01/01/2001"), ("Input.Sex", nameof(Sex.Male)),
            ("Input.CitizenId", "12345"), ("Input.CategoryIds", category), ("Input.SourcedOn", "06/01/2025"));
        var refused = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Số CCCD phải gồm đúng 12 chữ số.", refused.QuerySelector("#f-CitizenId-error .validation-message").Text());
        Assert.Equal("Chưa chọn đảng viên chính thức theo dõi, giúp đỡ.", refused.QuerySelector("#f-MentorMemberId-error .validation-message").Text());
        Assert.Equal("Đỗ Văn Dũng", refused.QuerySelector("#f-FullName")!.GetAttribute("value"));
        Assert.Equal("12345", refused.QuerySelector("#f-CitizenId")!.GetAttribute("value"));
        Assert.Equal([category], refused.QuerySelectorAll("input[name='Input.CategoryIds'][checked]").Select(c => c.GetAttribute("value")));

        var noCategory = await DangVienApp.ParseAsync(await Forms.SubmitAsync(staff, page, url, "#create-candidate",
            ("Input.FullName", "Đỗ Văn Dũng"), ("Input.DateOfBirth", "01/01/2001"), ("Input.SourcedOn", "06/01/2025")));
        Assert.Equal("Chọn ít nhất một đối tượng nguồn.", noCategory.QuerySelector("#f-CategoryIds-error .validation-message").Text());
        Assert.Empty(noCategory.QuerySelectorAll("input[name='Input.CategoryIds'][checked]"));
        await using var db = app.Database.CreateContext();
        Assert.Empty(db.Candidates);
    }

    [Fact]
    public async Task A_new_file_like_an_existing_one_shows_a_warning_keeps_the_typed_values_and_confirming_creates_it()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var existing = await app.ReadyForVoteAsync(tree.CellB, "Phạm Thị Hồng");
        var url = $"/candidates/new?cell={tree.CellA.Id}";
        var page = await staff.PageAsync(url);
        Assert.Null(page.QuerySelector("#f-ConfirmDuplicate"));
        var category = page.QuerySelectorAll("input[name='Input.CategoryIds']")[0].GetAttribute("value")!;
        var mentor = page.QuerySelectorAll("#f-MentorMemberId option")[1].GetAttribute("value")!;

        var warned = await DangVienApp.ParseAsync(await Forms.SubmitAsync(staff, page, url, "#create-candidate",
            ("Input.FullName", "phạm thị hồng"), ("Input.DateOfBirth", "12/04/2000"), ("Input.Sex", nameof(Sex.Female)),
            ("Input.CategoryIds", category), ("Input.MentorMemberId", mentor), ("Input.SourcedOn", "06/07/2026"), ("Input.Phone", "0912345678")));
        var warning = warned.QuerySelector("#duplicate-warning")!;
        Assert.Contains($"Đã có hồ sơ Phạm Thị Hồng (số {existing}) ở {tree.CellB.Name}", warning.TextContent);
        Assert.NotNull(warned.QuerySelector("#f-ConfirmDuplicate:not([checked])"));
        Assert.Equal("phạm thị hồng", warned.QuerySelector("#f-FullName")!.GetAttribute("value"));
        Assert.Equal("0912345678", warned.QuerySelector("#f-Phone")!.GetAttribute("value"));
        Assert.Equal(mentor, warned.QuerySelector("#f-MentorMemberId option[selected]")!.GetAttribute("value"));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(1, await db.Candidates.CountAsync());
        }

        var created = await Forms.SubmitAsync(staff, warned, url, "#create-candidate", ("Input.ConfirmDuplicate", "true"));
        Assert.StartsWith("/candidates/", RedirectTarget(created));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(2, await db.Candidates.CountAsync());
        }
    }
}
