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
}
