using Bunit;
using DangVien.Core.Domain;
using DangVien.Core.Features.Members;
using DangVien.Web.Components.Pages.Candidates;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Interactive.PersonFormPages;
using static DangVien.Web.Tests.Interactive.StepPages;

namespace DangVien.Web.Tests.Candidates;

/// <summary>A write sent while the database is away: refused with a message, nothing saved, saved once when sent again.</summary>
public sealed class OutageWriteTests
{
    [Fact]
    public async Task A_new_file_sent_while_the_database_is_away_says_it_was_not_saved_keeps_the_typing_and_is_saved_once_when_sent_again()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var app = host.App;
        var mentor = (await app.MembersAsync(tree.CellA))[0];
        var page = OpenNew(host, tree.CellA.Id);
        Type(page, "FullName", "Đỗ Văn Khải");
        Type(page, "DateOfBirth", "02/02/2001");
        await ChooseAsync<NewCandidatePage, Sex?>(page, "Sex", Sex.Male);
        Type(page, "CitizenId", "001201009876");
        ChooseChips(page, page.FindAll(".step-chips .step-chip")[0].TextContent.Trim());
        await PickAsync<NewCandidatePage, MemberOption>(page, "MentorMemberId", mentor.FullName, m => m.Id == mentor.Id);
        Type(page, "SourcedOn", "06/01/2026");
        Type(page, "DocumentNumber", "07-DS/CB");

        var name = app.Database.Name;
        await app.RenameDatabaseAsync(name, name + "_away");
        try
        {
            PressAndWait(page);
            page.WaitForAssertion(() => Assert.Contains("chưa được lưu", page.Find(".database-away").TextContent, StringComparison.Ordinal), Wait);
        }
        finally
        {
            await app.RenameDatabaseAsync(name + "_away", name);
        }

        Assert.Equal("Đỗ Văn Khải", Value(page, "FullName"));
        Assert.Equal("07-DS/CB", Value(page, "DocumentNumber"));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Empty(db.Candidates);
        }

        // Back: the same form goes through once.
        var id = SubmitAndWaitForNewFile(page, "created");
        await using var check = app.Database.CreateContext();
        Assert.Equal(id, Assert.Single(await check.Candidates.Where(c => c.CitizenId == "001201009876").Select(c => c.Id).ToListAsync()));
        Assert.Equal(1, await check.StageEntries.CountAsync(e => e.CandidateId == id));
    }
}
