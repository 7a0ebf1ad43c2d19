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
        Assert.Equal(Messages.NotAllowed, decision.QuerySelector(".notice--error[role=alert]").Text());

        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync(ActionRoutes.File(elsewhere))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync(ActionRoutes.Form(elsewhere, AdmissionAction.RecordCellVote))).StatusCode);
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
        Assert.Contains("chưa thể", ceremony.QuerySelector(".notice--error[role=alert]").Text());
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
