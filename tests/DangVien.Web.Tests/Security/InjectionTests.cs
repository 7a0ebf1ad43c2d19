using System.Globalization;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Security;

/// <summary>
/// Hostile strings in every free-text field of the candidate form are data: stored verbatim, shown
/// HTML-encoded, never run as SQL or script.
/// </summary>
public sealed class InjectionTests
{
    private static readonly string[] TextFields =
    [
        "FullName", "Ethnicity", "Religion", "HomeTown", "Address", "ProfessionalQualification",
        "PoliticalTheory", "Occupation", "Workplace", "FamilyBackground", "DocumentNumber", "Note",
    ];

    [Theory]
    [InlineData("x'); DROP TABLE candidates; --")]
    [InlineData("\" OR 1=1; DELETE FROM members --")]
    [InlineData("<script>alert('xss')</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public async Task A_hostile_string_in_every_text_field_is_stored_verbatim_and_shown_encoded(string hostile)
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var members = await app.MembersAsync(tree.CellA);
        var newPage = await staff.PageAsync($"/candidates/new?cell={tree.CellA.Id}");
        var category = newPage.QuerySelector("input[name='Input.CategoryIds']")!.GetAttribute("value")!;
        var values = new List<(string Name, string Value)>
        {
            ("Input.DateOfBirth", "12/04/2000"),
            ("Input.Sex", nameof(Sex.Male)),
            ("Input.CategoryIds", category),
            ("Input.MentorMemberId", members[0].Id.ToString(CultureInfo.InvariantCulture)),
            ("Input.SourcedOn", "06/01/2025"),
        };
        values.AddRange(TextFields.Select(field => ("Input." + field, hostile)));

        var created = await Forms.SubmitAsync(staff, newPage, $"/candidates/new?cell={tree.CellA.Id}", "#create-candidate", [.. values]);
        var fileUrl = RedirectTarget(created).Split('?')[0];
        var html = await (await staff.GetAsync(fileUrl)).Content.ReadAsStringAsync();

        await using var db = app.Database.CreateContext();
        var stored = await db.Candidates.Include(c => c.History).SingleAsync();
        Assert.Equal(hostile, stored.FullName);
        Assert.Equal(hostile, stored.Ethnicity);
        Assert.Equal(hostile, stored.Religion);
        Assert.Equal(hostile, stored.HomeTown);
        Assert.Equal(hostile, stored.Address);
        Assert.Equal(hostile, stored.ProfessionalQualification);
        Assert.Equal(hostile, stored.PoliticalTheory);
        Assert.Equal(hostile, stored.Occupation);
        Assert.Equal(hostile, stored.Workplace);
        Assert.Equal(hostile, stored.FamilyBackground);
        Assert.Equal(hostile, stored.History.Single().DocumentNumber);
        Assert.Equal(hostile, stored.History.Single().Note);
        Assert.Equal(12 + 5, await db.Members.CountAsync());
        Assert.DoesNotContain(hostile, html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(hostile).Replace("&#39;", "&#x27;"), html.Replace("&#39;", "&#x27;"));
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public async Task A_forged_post_of_the_candidate_form_without_the_antiforgery_token_is_refused()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var page = await staff.PageAsync($"/candidates/new?cell={tree.CellA.Id}");
        var handler = page.QuerySelector("#create-candidate input[name='_handler']")!.GetAttribute("value")!;

        var forged = await staff.PostAsync($"/candidates/new?cell={tree.CellA.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = handler,
            ["Input.FullName"] = "Giả mạo",
        }));

        await using var db = app.Database.CreateContext();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await db.Candidates.CountAsync());
    }
}
