using System.Globalization;
using System.Net;
using DangVien.Core.Domain;
using DangVien.Web.Components.Shared;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Candidates;

public sealed class ListMembersAlertsPageTests
{
    [Fact]
    public async Task The_list_filters_by_unit_stage_and_a_name_typed_without_accents_through_the_query_string()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var hong = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var binh = await app.VotedAsync(tree.CellA, "Lê Văn Bình");
        var cuc = await app.ReadyForVoteAsync(tree.CellB, "Trần Thị Cúc");

        var all = await staff.PageAsync("/candidates");
        Assert.Equal(["Lê Văn Bình", "Phạm Thị Hồng", "Trần Thị Cúc"], Names(all));
        Assert.Equal(tree.Commune.Id.ToString(CultureInfo.InvariantCulture), all.QuerySelector(".filter-form input[name=unit]")!.GetAttribute("value"));
        Assert.Equal($"/candidates/{binh}", all.QuerySelector(".candidate-table td a")!.GetAttribute("href"));
        Assert.NotNull(all.QuerySelector(".app-nav a[href='/candidates']"));

        Assert.Equal(["Trần Thị Cúc"], Names(await staff.PageAsync($"/candidates?unit={tree.CellB.Id}")));
        Assert.Equal(["Lê Văn Bình"], Names(await staff.PageAsync($"/candidates?unit={tree.Commune.Id}&stage=CellVoted")));
        var search = await staff.PageAsync($"/candidates?unit={tree.Commune.Id}&q=pham%20thi%20hong");
        Assert.Equal(["Phạm Thị Hồng"], Names(search));
        Assert.Equal("pham thi hong", search.QuerySelector("#filter-search")!.GetAttribute("value"));
        Assert.NotEqual(0, hong + cuc);

        var secretary = await app.SecretaryAsync(tree.CellB);
        Assert.Equal(["Trần Thị Cúc"], Names(await secretary.PageAsync("/candidates")));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/candidates?unit={tree.CellA.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_members_page_lists_the_cells_official_members_and_adds_one_refusing_inconsistent_dates_next_to_their_field()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var url = $"/units/{tree.CellB.Id}/members";
        Assert.NotNull((await staff.PageAsync($"/units/{tree.CellB.Id}")).QuerySelector($".unit-links a[href='{url}']"));

        var page = await staff.PageAsync(url);
        Assert.Equal(5, page.QuerySelectorAll(".member-table tbody tr").Length);
        var refused = await DangVienApp.ParseAsync(await Forms.SubmitAsync(staff, page, url, "#add-member",
            ("Input.FullName", "Hoàng Văn Em"), ("Input.DateOfBirth", "15/03/1980"), ("Input.Sex", nameof(Sex.Male)),
            ("Input.Status", nameof(MemberStatus.Official)), ("Input.AdmittedOn", "19/05/2010")));
        Assert.Equal("Đảng viên chính thức phải có ngày công nhận chính thức.", refused.QuerySelector("#m-RecognisedOn-error .validation-message").Text());
        Assert.Equal("Hoàng Văn Em", refused.QuerySelector("#m-FullName")!.GetAttribute("value"));
        Assert.Equal("19/05/2010", refused.QuerySelector("#m-AdmittedOn")!.GetAttribute("value"));

        var added = await Forms.SubmitAsync(staff, refused, url, "#add-member", ("Input.RecognisedOn", "19/05/2011"));
        Assert.Equal(url + "?notice=added", RedirectTarget(added));
        var after = await staff.PageAsync(url + "?notice=added");
        Assert.Equal("Đã thêm đảng viên vào chi bộ.", after.QuerySelector(".notice").Text());
        Assert.Contains(["Hoàng Văn Em", "15/03/1980", "19/05/2010", "19/05/2011"],
            after.QuerySelectorAll(".member-table tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToArray()));

        var secretary = await app.SecretaryAsync(tree.CellB);
        var secretaryPage = await secretary.PageAsync(url);
        Assert.Equal(6, secretaryPage.QuerySelectorAll(".member-table tbody tr").Length);
        Assert.Null(secretaryPage.QuerySelector("#add-member"));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/units/{tree.CellA.Id}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/units/{tree.Commune.Id}/members")).StatusCode);
    }

    private static List<string> Names(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".candidate-table tbody td[data-label='Họ và tên']").Select(td => td.Text())];
}
