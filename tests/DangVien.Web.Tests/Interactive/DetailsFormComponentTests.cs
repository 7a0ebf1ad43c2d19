using System.Net;
using AngleSharp.Dom;
using Bunit;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Members;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Tests.Candidates;
using DangVien.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Interactive.PersonFormPages;
using static DangVien.Web.Tests.Interactive.StepPages;

namespace DangVien.Web.Tests.Interactive;

/// <summary>
/// The correction of a file's source categories and mentor (<see cref="CorrectDetailsPage"/>) in bUnit over the real app
/// and database: the file and the yearly report follow, a missing reason is said next to its field keeping what was
/// chosen, two people on one file, a cell secretary, a mentor outside the user's scope.
/// </summary>
public sealed class DetailsFormComponentTests
{
    private const string Youth = "Đoàn viên thanh niên";

    [Fact]
    public async Task Staff_correct_the_categories_and_mentor_with_a_reason_and_the_file_and_the_yearly_report_follow()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.WalkAsync(tree.CellA, "Phạm Thị Hồng", StageKind.Ceremony);
        var staff = await host.App.SignedInClientAsync("vanphong");
        var file = await staff.PageAsync($"/candidates/{id}");
        Assert.Equal($"/candidates/{id}/details", file.QuerySelector("#correct-details")!.GetAttribute("href"));
        Assert.Equal([(Youth, "1")], await CategoriesAsync(staff, tree));

        var page = OpenDetails(host, id);
        Assert.Equal([Youth], ChosenChips(page));
        var other = page.FindAll(".step-chips .step-chip").Select(c => c.TextContent.Trim()).Last();
        ChooseChips(page, other);
        await page.InvokeAsync(() => page.FindAll(".step-chips .step-chip").First(c => c.TextContent.Trim() == Youth).Click());
        page.WaitForAssertion(() => Assert.Equal([other], ChosenChips(page)), Wait);
        await PickAsync<CorrectDetailsPage, MemberOption>(page, "MentorMemberId", "A5", m => m.FullName == "Đảng viên A5");
        Type(page, "Reason", "Công chức trên 30 tuổi, ghi nhầm đoàn viên");
        Assert.Equal(id, SubmitAndWaitForNewFile(page, "details"));

        await using var db = host.App.Database.CreateContext();
        var candidate = await db.Candidates.AsNoTracking().Include(c => c.Categories).SingleAsync(c => c.Id == id);
        var mentor = await db.Members.AsNoTracking().SingleAsync(m => m.FullName == "Đảng viên A5" && m.CellId == tree.CellA.Id);
        Assert.Equal(mentor.Id, candidate.MentorMemberId);
        var correction = await db.CandidateDetailsCorrections.AsNoTracking().SingleAsync(c => c.CandidateId == id);
        Assert.Equal(("Công chức trên 30 tuổi, ghi nhầm đoàn viên", "vanphong"), (correction.Reason, correction.RecordedBy));

        var after = await staff.PageAsync($"/candidates/{id}?notice=details");
        Assert.Equal("Đã ghi đính chính đối tượng nguồn, người giúp đỡ.", after.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Equal([other], after.QuerySelectorAll("#cell-heading ~ .facts .tags li").Select(li => li.TextContent.Trim()));
        Assert.Contains($"Đối tượng: {Youth} → {other}. Đảng viên giúp đỡ: Đảng viên A0 → Đảng viên A5.", after.QuerySelector(".details-corrections li")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([(other, "1")], await CategoriesAsync(staff, tree));
    }

    [Fact]
    public async Task Without_a_reason_the_field_says_so_keeps_what_was_chosen_and_nothing_is_saved()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        var page = OpenDetails(host, id);
        var second = page.FindAll(".step-chips .step-chip")[1].TextContent.Trim();

        ChooseChips(page, second);
        Press(page);

        page.WaitForAssertion(() => Assert.Equal("Chưa nhập lý do đính chính.", MessageOf(page, "Reason")), Wait);
        Assert.NotNull(page.Find(".form-summary"));
        Assert.Equal([Youth, second], ChosenChips(page));
        await using var db = host.App.Database.CreateContext();
        Assert.Empty(db.CandidateDetailsCorrections);
        Assert.Equal(1, await db.CandidateCategories.CountAsync(k => k.CandidateId == id));
    }

    [Fact]
    public async Task When_two_people_correct_the_same_file_the_second_is_told_to_reload_keeps_what_they_chose_and_saves_nothing()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        var first = OpenDetails(host, id);
        var second = OpenDetails(host, id, anotherTab: true);
        var chips = first.FindAll(".step-chips .step-chip").Select(c => c.TextContent.Trim()).ToList();

        ChooseChips(first, chips[1]);
        Type(first, "Reason", "Thêm đối tượng");
        SubmitAndWaitForNewFile(first, "details");
        ChooseChips(second, chips[2]);
        Type(second, "Reason", "Thêm đối tượng khác");
        Press(second);

        second.WaitForAssertion(() => Assert.Contains(Messages.RecordChanged, second.Find(".conflict").TextContent), Wait);
        Assert.Equal([Youth, chips[2]], ChosenChips(second));
        Assert.Equal("Thêm đối tượng khác", Value(second, "Reason"));
        await using var db = host.App.Database.CreateContext();
        Assert.Equal("Thêm đối tượng", (await db.CandidateDetailsCorrections.SingleAsync()).Reason);
        Assert.Equal(2, await db.CandidateCategories.CountAsync(k => k.CandidateId == id));
    }

    [Fact]
    public async Task A_mentor_of_another_commune_sent_anyway_reads_as_not_found_and_nothing_is_saved()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA);
        var outsider = await IdScopeHttpTests.AnotherCommuneAsync(host.App, tree);
        var page = OpenDetails(host, id);
        Assert.Empty(await OfferedAsync<CorrectDetailsPage, MemberOption>(page, "MentorMemberId", "Hoàng Văn Ngoài"));
        Type(page, "Reason", "Đổi người giúp đỡ");

        // As a forged circuit message would: another commune's member in what the form holds.
        var form = page.FindComponent<DetailsForm>();
        await page.InvokeAsync(() => form.Instance.Input!.Mentor = new MemberOption(outsider.Member, "?", null, 1980, true, null, new DateOnly(2000, 1, 1), 0));
        PressAndWait(page);

        page.WaitForAssertion(() => Assert.Equal(
            ["Đảng viên chính thức theo dõi, giúp đỡ: Không tìm thấy đảng viên theo dõi, giúp đỡ."],
            page.FindAll(".form-summary li").Select(li => li.TextContent.Trim())), Wait);
        Assert.DoesNotContain("Hoàng Văn Ngoài", page.Markup, StringComparison.Ordinal);
        await using var db = host.App.Database.CreateContext();
        Assert.Empty(db.CandidateDetailsCorrections);
    }

    [Fact]
    public async Task A_cell_secretary_gets_no_link_and_the_page_reads_as_not_found()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var secretary = await app.SecretaryAsync(tree.CellA);
        var id = await app.ReadyForVoteAsync(tree.CellA);

        Assert.NotNull((await secretary.PageAsync($"/candidates/{id}")).QuerySelector("#cell-heading"));
        Assert.Null((await secretary.PageAsync($"/candidates/{id}")).QuerySelector("#correct-details"));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/candidates/{id}/details")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/candidates/{IdScopeHttpTests.MissingId}/details")).StatusCode);
    }

    /// <summary>The yearly report's "admitted by category" rows of the commune for 2025: name and count.</summary>
    private static async Task<List<(string, string)>> CategoriesAsync(HttpClient client, TinyProvince tree)
    {
        var report = await client.PageAsync($"/reports?unit={tree.Commune.Id}&year=2025");
        return [.. report.QuerySelector("#categories-heading")!.Closest("section")!.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(cells => (cells[0], cells[1]))];
    }
}
