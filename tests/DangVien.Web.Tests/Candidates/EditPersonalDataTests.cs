using System.Net;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Candidates;

public sealed class EditPersonalDataTests
{
    [Fact]
    public async Task Staff_correct_the_personal_data_from_the_file_page()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");

        var filePage = await staff.PageAsync($"/candidates/{id}");
        var link = filePage.QuerySelector(".edit-link")!.GetAttribute("href");
        Assert.Equal($"/candidates/{id}/edit", link);
        var form = await staff.PageAsync(link!);
        Assert.Equal("Phạm Thị Hồng", form.QuerySelector("#f-FullName")!.GetAttribute("value"));
        Assert.Equal("12/04/2000", form.QuerySelector("#f-DateOfBirth")!.GetAttribute("value"));

        var saved = await Forms.SubmitAsync(staff, form, link!, "#edit-personal-data",
            ("Input.FullName", "Phạm Thị Thu Hồng"), ("Input.CitizenId", "001300004567"), ("Input.Occupation", "Giáo viên tiểu học"));

        Assert.Equal($"/candidates/{id}?notice=personal-data", RedirectTarget(saved));
        var after = await staff.PageAsync(RedirectTarget(saved));
        Assert.Equal("Phạm Thị Thu Hồng", after.QuerySelector("h1").Text());
        Assert.Equal("Đã lưu thông tin cá nhân.", after.QuerySelector(".notice").Text());
        await using var db = app.Database.CreateContext();
        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(("001300004567", "Giáo viên tiểu học"), (candidate.CitizenId, candidate.Occupation));
        Assert.Equal(6, await db.StageEntries.CountAsync(e => e.CandidateId == id));
    }

    [Fact]
    public async Task The_same_name_and_birth_date_as_another_file_warns_keeps_the_typing_and_saves_once_confirmed()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        await app.ReadyForVoteAsync(tree.CellB, "Lê Văn Bình");
        var url = $"/candidates/{id}/edit";

        var warned = await Forms.SubmitAsync(staff, url, "#edit-personal-data", ("Input.FullName", "Lê  Văn Bình"), ("Input.Occupation", "Nông dân"));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await DangVienApp.ParseAsync(warned);
        Assert.Contains("cùng họ tên và ngày sinh 12/04/2000", page.QuerySelector("#duplicate-warning").Text());
        Assert.Equal("Lê  Văn Bình", page.QuerySelector("#f-FullName")!.GetAttribute("value"));
        Assert.Equal("Nông dân", page.QuerySelector("#f-Occupation")!.GetAttribute("value"));
        Assert.Equal("Phạm Thị Hồng", await NameAsync(app, id));

        var confirmed = await Forms.SubmitAsync(staff, page, url, "#edit-personal-data", ("Input.ConfirmDuplicate", "true"));
        Assert.Equal($"/candidates/{id}?notice=personal-data", RedirectTarget(confirmed));
        Assert.Equal("Lê  Văn Bình".Replace("  ", " ", StringComparison.Ordinal), (await NameAsync(app, id)).Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_citizen_ID_of_another_file_under_review_is_refused_next_to_the_field()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var other = await app.ReadyForVoteAsync(tree.CellB, "Trần Thị Cúc");
        await using (var db = app.Database.CreateContext())
        {
            await db.Candidates.Where(c => c.Id == other).ExecuteUpdateAsync(s => s.SetProperty(c => c.CitizenId, "001300009999"));
        }

        var refused = await Forms.SubmitAsync(staff, $"/candidates/{id}/edit", "#edit-personal-data", ("Input.CitizenId", "001300009999"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await DangVienApp.ParseAsync(refused);
        Assert.Contains("đã có trong một hồ sơ khác đang xem xét", page.QuerySelector("#f-CitizenId-error").Text());
        Assert.Equal("true", page.QuerySelector("#f-CitizenId")!.GetAttribute("aria-invalid"));
        Assert.Equal("001300009999", page.QuerySelector("#f-CitizenId")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_file_changed_by_someone_else_since_the_form_was_opened_is_not_overwritten_silently()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var url = $"/candidates/{id}/edit";
        var stale = await staff.PageAsync(url);

        // Meanwhile a colleague records the cell vote: the file's xmin moves on.
        await app.WalkOnAsync(id, tree.CellA, StageKind.CellVote);
        var conflict = await Forms.SubmitAsync(staff, stale, url, "#edit-personal-data", ("Input.Occupation", "Kế toán"));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await DangVienApp.ParseAsync(conflict);
        Assert.Contains(Messages.RecordChanged, page.QuerySelector(".conflict").Text());
        Assert.Equal("Kế toán", page.QuerySelector("#f-Occupation")!.GetAttribute("value"));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Null(await db.Candidates.Where(c => c.Id == id).Select(c => c.Occupation).SingleAsync());
        }

        // Having seen the message, saving again writes on the newer file.
        var again = await Forms.SubmitAsync(staff, page, url, "#edit-personal-data");
        Assert.Equal($"/candidates/{id}?notice=personal-data", RedirectTarget(again));
        await using var check = app.Database.CreateContext();
        Assert.Equal("Kế toán", await check.Candidates.Where(c => c.Id == id).Select(c => c.Occupation).SingleAsync());
    }

    [Fact]
    public async Task A_cell_secretary_gets_no_edit_form()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var secretary = await app.SecretaryAsync(tree.CellA);
        var id = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");

        Assert.Null((await secretary.PageAsync($"/candidates/{id}")).QuerySelector(".edit-link"));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/candidates/{id}/edit")).StatusCode);
    }

    private static async Task<string> NameAsync(DangVienApp app, int id)
    {
        await using var db = app.Database.CreateContext();
        return await db.Candidates.Where(c => c.Id == id).Select(c => c.FullName).SingleAsync();
    }
}
