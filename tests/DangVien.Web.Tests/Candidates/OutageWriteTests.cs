using System.Globalization;
using System.Net;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Candidates;

/// <summary>
/// A form submitted while the database is away: 503 with the Vietnamese message, nothing saved; the same form
/// submitted again once it is back is saved exactly once (scripts/bench.sh does the same under load, with
/// PostgreSQL really stopped).
/// </summary>
public sealed class OutageWriteTests
{
    [Fact]
    public async Task A_new_file_posted_while_the_database_is_away_is_refused_with_503_and_saved_once_when_posted_again()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var members = await app.MembersAsync(tree.CellA);
        var url = $"/candidates/new?cell={tree.CellA.Id}";
        var form = await staff.PageAsync(url);
        var category = form.QuerySelector("input[name='Input.CategoryIds']")!.GetAttribute("value")!;
        (string, string)[] values =
        [
            ("Input.FullName", "Đỗ Văn Khải"),
            ("Input.DateOfBirth", "02/02/2001"),
            ("Input.Sex", nameof(Sex.Male)),
            ("Input.CitizenId", "001201009876"),
            ("Input.CategoryIds", category),
            ("Input.MentorMemberId", members[0].Id.ToString(CultureInfo.InvariantCulture)),
            ("Input.SourcedOn", "06/01/2026"),
            ("Input.DocumentNumber", "07-DS/CB"),
        ];

        var name = app.Database.Name;
        await app.RenameDatabaseAsync(name, name + "_away");
        var away = await Forms.SubmitAsync(staff, form, url, "#create-candidate", values);
        var awayHtml = await away.Content.ReadAsStringAsync();
        var health = await staff.GetAsync("/health");
        await app.RenameDatabaseAsync(name + "_away", name);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, away.StatusCode);
        Assert.Contains("chưa được lưu", awayHtml);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);

        // Back: the same page's form (its antiforgery token still valid) goes through once.
        var again = await Forms.SubmitAsync(staff, form, url, "#create-candidate", values);
        Assert.True(again.StatusCode == HttpStatusCode.Found, await again.Content.ReadAsStringAsync());
        await using var db = app.Database.CreateContext();
        var saved = await db.Candidates.Where(c => c.CitizenId == "001201009876").Select(c => c.Id).ToListAsync();
        var id = Assert.Single(saved);
        Assert.Equal(1, await db.StageEntries.CountAsync(e => e.CandidateId == id));
    }
}
