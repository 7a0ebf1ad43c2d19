using DangVien.Web.Tests.Candidates;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Security;

/// <summary>
/// The candidate form's address takes no forged post (its hostile strings in every text field, stored verbatim and
/// shown encoded, are checked over the interactive form: PersonFormComponentTests).
/// </summary>
public sealed class InjectionTests
{
    [Fact]
    public async Task A_forged_post_of_the_candidate_form_without_the_antiforgery_token_is_refused()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);

        // The form is interactive (it sends nothing by HTTP): a post that names its former handler is refused all the same.
        var forged = await staff.PostAsync($"/candidates/new?cell={tree.CellA.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "create-candidate",
            ["Input.FullName"] = "Giả mạo",
        }));

        await using var db = app.Database.CreateContext();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await db.Candidates.CountAsync());
    }
}
