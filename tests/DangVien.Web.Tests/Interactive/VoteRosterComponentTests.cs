using Bunit;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Tests.Candidates;
using static DangVien.Web.Tests.Candidates.CandidateFiles;
using static DangVien.Web.Tests.Interactive.StepPages;

namespace DangVien.Web.Tests.Interactive;

/// <summary>The vote forms count on the cell's member list of the vote date; a different number is recorded with its reason and shown beside the vote.</summary>
public sealed class VoteRosterComponentTests
{
    [Fact]
    public async Task The_cell_vote_form_fills_in_the_list_of_the_day_and_a_different_number_needs_a_reason_shown_beside_the_vote()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        var page = Open(host, ActionRoutes.Form(id, AdmissionAction.RecordCellVote));

        Type(page, "VotedOn", "05/05/2025");
        page.WaitForAssertion(() => Assert.Contains("Theo danh sách ngày 05/05/2025: 12 đảng viên chính thức.", page.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal("12", Value(page, "OfficialMembers"));
        Assert.Empty(page.FindAll(Id("OfficialMembersReason")));

        // 3 official, 3 present, 2 in favour in a cell of 12 on the day: refused without a reason, next to the reason's field.
        Type(page, "OfficialMembers", "3");
        Type(page, "Present", "3");
        Type(page, "InFavour", "2");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(Id("OfficialMembersReason"))), Wait);
        Press(page);
        const string needed = "Số đảng viên chính thức khác danh sách (12) cần ghi lý do.";
        page.WaitForAssertion(() => Assert.Equal(needed, MessageOf(page, "OfficialMembersReason")), Wait);
        Assert.Equal("Lý do khác danh sách: " + needed, page.Find(".form-summary li").Text());
        Assert.Equal("3", Value(page, "OfficialMembers"));
        Assert.DoesNotContain(await host.App.HistoryAsync(id), e => e.Kind == StageKind.CellVote);

        // Beyond the cell's size: refused outright, whatever the reason.
        Type(page, "OfficialMembersReason", "Chi bộ họp theo danh sách cũ");
        Type(page, "OfficialMembers", "13");
        page.WaitForAssertion(() => Assert.Equal(
            "Số đảng viên chính thức (13) không thể lớn hơn số đảng viên của chi bộ ngày 05/05/2025 (12, kể cả đảng viên dự bị).", MessageOf(page, "OfficialMembers")), Wait);

        Type(page, "OfficialMembers", "3");
        page.WaitForAssertion(() => Assert.Null(MessageOf(page, "OfficialMembers")), Wait);
        SubmitAndWaitForFile(page, id, AdmissionAction.RecordCellVote);

        var vote = Assert.Single(await host.App.HistoryAsync(id), e => e.Kind == StageKind.CellVote).Vote!;
        Assert.Equal((3, 3, 2, true, 12, "Chi bộ họp theo danh sách cũ"),
            (vote.OfficialMembers, vote.Present, vote.InFavour, vote.Passed, vote.ListedOfficialMembers, vote.OfficialMembersReason));
        var staff = await host.App.SignedInClientAsync("vanphong");
        var file = await staff.PageAsync(ActionRoutes.File(id));
        Assert.Equal("danh sách: 12; lý do: Chi bộ họp theo danh sách cũ", file.QuerySelector(".votes-table .vote-roster-reason").Text());
        const string detail = "2/3 đảng viên chính thức tán thành (3 có mặt): đạt hai phần ba. Khác danh sách ngày biểu quyết (12 đảng viên chính thức): Chi bộ họp theo danh sách cũ";
        Assert.Contains(detail, file.QuerySelector(".timeline").Text(), StringComparison.Ordinal);
        var print = await staff.PageAsync(ActionRoutes.File(id) + "/print");
        Assert.Equal(detail, print.QuerySelector(".print-dates .print-vote").Text());
    }
}
