using System.Net;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Candidates;

public sealed class ChecklistPrintTests
{
    [Fact]
    public async Task The_file_page_shows_the_dossier_checklist_with_present_and_missing_forms()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA);

        var page = await staff.PageAsync($"/candidates/{id}");
        var rows = page.QuerySelectorAll(".checklist-table tbody tr")
            .ToDictionary(tr => tr.QuerySelector("td[data-label='Mẫu']")!.TextContent.Trim(), tr => tr.QuerySelector(".checklist-status")!.TextContent.Trim());
        Assert.Equal("Đã có", rows["1-KNĐ"]);
        Assert.Equal("Đã có", rows["3-KNĐ"]);
        // The walk records one opinion, on 5C-KNĐ: the summary and the residence committee's are still to come.
        Assert.Equal("Đã có", rows["5C-KNĐ"]);
        Assert.Equal("Còn thiếu", rows["5-KNĐ"]);
        Assert.Equal("Còn thiếu", rows["5B-KNĐ"]);
        Assert.Equal("Còn thiếu", rows["6-KNĐ"]);
        Assert.Equal("Không áp dụng", rows["8-KNĐ"]);
        Assert.Equal("Chưa đến bước", rows["9-KNĐ"]);
        Assert.Equal("Chưa đến bước", rows["15-KNĐ"]);
        Assert.Equal($"/candidates/{id}/print", page.QuerySelector("a.print-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_print_page_summarises_the_file_with_personal_data_as_the_user_may_see_it()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA);
        await using (var db = app.Database.CreateContext())
        {
            await db.Candidates.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CitizenId, "001200012345"));
        }

        var print = await staff.PageAsync($"/candidates/{id}/print");
        Assert.Equal("Tóm tắt hồ sơ: Phạm Thị Hồng", print.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("001200012345", print.QuerySelector("#p-citizen-id")!.TextContent.Trim());
        Assert.Contains("06/01/2025", print.QuerySelector(".print-dates")!.TextContent);
        Assert.Equal(2, print.QuerySelectorAll(".print-introducers li").Length);
        Assert.NotEmpty(print.QuerySelectorAll(".checklist-table tbody tr"));

        var secretary = await app.SecretaryAsync(tree.CellA);
        var own = await secretary.PageAsync($"/candidates/{id}/print");
        Assert.Equal("001200012345", own.QuerySelector("#p-citizen-id")!.TextContent.Trim());
        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        var board = await (await app.SignedInClientAsync("bantochuc")).PageAsync($"/candidates/{id}/print");
        Assert.Equal("(ẩn)", board.QuerySelector("#p-citizen-id")!.TextContent.Trim());
        Assert.Equal("2000", board.QuerySelector("#p-date-of-birth")!.TextContent.Trim());
        var sibling = await app.SecretaryAsync(tree.CellB, "bithu2");
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync($"/candidates/{id}/print")).StatusCode);
    }
}
