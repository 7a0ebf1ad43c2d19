using System.Net;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;

namespace DangVien.Web.Tests.Security;

/// <summary>
/// Every page that shows a unit's or a candidate's data, asked by a user of a sibling unit, of the
/// parent unit, of a child unit, and anonymously. Outside the user's units the answer is 404 (ids do
/// not leak), inside it is the page, and without a sign-in it is the sign-in page.
/// </summary>
public sealed class ScopingMatrixTests
{
    /// <summary>Pages about the commune Tân Lập (a committee with two cells).</summary>
    private static readonly string[] CommunePages =
    [
        "/units/{commune}",
        "/units/{commune}/quotas",
        "/units/{commune}/move",
        "/alerts?unit={commune}",
        "/reports?unit={commune}",
        "/candidates?unit={commune}",
    ];

    /// <summary>Pages about cell A (Đồng Tâm) and a candidate of it.</summary>
    private static readonly string[] CellPages =
    [
        "/units/{cell}",
        "/units/{cell}/members",
        "/units/{cell}/quotas",
        "/units/{cell}/move",
        "/alerts?unit={cell}",
        "/reports?unit={cell}",
        "/candidates?unit={cell}",
        "/candidates/{candidate}",
        "/candidates/{candidate}/actions/cell-vote",
        "/candidates/{candidate}/actions/admission-decision",
    ];

    [Fact]
    public async Task Each_page_answers_by_who_asks_sibling_parent_child_or_nobody()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        int otherCommune;
        await using (var db = app.Database.CreateContext())
        {
            var other = new OrgUnit { Code = "X02", Name = "Đảng bộ xã Hòa Bình", Kind = OrgUnitKind.CommuneCommittee, ParentId = tree.Province.Id, HasAdmissionAuthority = true };
            db.OrgUnits.Add(other);
            await db.SaveChangesAsync();
            other.Path = new($"{tree.Province.Path}.{other.Id}");
            await db.SaveChangesAsync();
            otherCommune = other.Id;
        }

        var candidate = await app.ReadyForVoteAsync(tree.CellA);
        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        await app.CreateUserAsync("vanphong.tanlap", (tree.Commune.Id, AccessRole.CommitteeStaff));
        await app.CreateUserAsync("vanphong.hoabinh", (otherCommune, AccessRole.CommitteeStaff));
        await app.CreateUserAsync("bithu.dongtam", (tree.CellA.Id, AccessRole.CellSecretary));
        await app.CreateUserAsync("bithu.apbac", (tree.CellB.Id, AccessRole.CellSecretary));
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in new[] { "bantochuc", "vanphong.tanlap", "vanphong.hoabinh", "bithu.dongtam", "bithu.apbac" })
        {
            clients[user] = await app.SignedInClientAsync(user);
        }

        clients["anonymous"] = app.Client();
        string Url(string template) => template
            .Replace("{commune}", tree.Commune.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{cell}", tree.CellA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{candidate}", candidate.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var expected = new List<(string Page, string User, string Relation, HttpStatusCode Status)>();
        foreach (var page in CommunePages)
        {
            expected.Add((page, "bantochuc", "parent", HttpStatusCode.OK));
            expected.Add((page, "vanphong.tanlap", "the unit itself", HttpStatusCode.OK));
            expected.Add((page, "vanphong.hoabinh", "sibling", HttpStatusCode.NotFound));
            expected.Add((page, "bithu.dongtam", "child", HttpStatusCode.NotFound));
            expected.Add((page, "anonymous", "nobody", HttpStatusCode.Redirect));
        }

        foreach (var page in CellPages)
        {
            expected.Add((page, "vanphong.tanlap", "parent", HttpStatusCode.OK));
            expected.Add((page, "bithu.dongtam", "the unit itself", HttpStatusCode.OK));
            expected.Add((page, "bithu.apbac", "sibling", HttpStatusCode.NotFound));
            expected.Add((page, "vanphong.hoabinh", "cousin", HttpStatusCode.NotFound));
            expected.Add((page, "anonymous", "nobody", HttpStatusCode.Redirect));
        }

        var wrong = new List<string>();
        foreach (var (page, user, relation, status) in expected)
        {
            var response = await clients[user].GetAsync(Url(page));
            var signInPage = response.Headers.Location?.OriginalString.StartsWith("/account/login", StringComparison.Ordinal) == true
                || response.Headers.Location?.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal) == true;
            if (response.StatusCode != status || (status == HttpStatusCode.Redirect && !signInPage))
            {
                wrong.Add($"{Url(page)} for {user} ({relation}): {(int)response.StatusCode} {response.Headers.Location}, expected {(int)status}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task The_cell_secretary_and_committee_staff_see_the_citizen_id_and_family_the_board_does_not()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var candidate = await app.ReadyForVoteAsync(tree.CellA);
        await using (var db = app.Database.CreateContext())
        {
            var file = await db.Candidates.FindAsync(candidate);
            file!.CitizenId = "001204012345";
            file.FamilyBackground = "Bố: nông dân, đảng viên";
            await db.SaveChangesAsync();
        }

        var secretary = await app.SecretaryAsync(tree.CellA);
        var staff = await app.StaffAsync(tree);

        var forSecretary = WebUtility.HtmlDecode(await (await secretary.GetAsync($"/candidates/{candidate}")).Content.ReadAsStringAsync());
        var forStaff = WebUtility.HtmlDecode(await (await staff.GetAsync($"/candidates/{candidate}")).Content.ReadAsStringAsync());

        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        var forBoard = WebUtility.HtmlDecode(await (await app.SignedInClientAsync("bantochuc")).GetStringAsync($"/candidates/{candidate}"));

        Assert.Contains("001204012345", forSecretary);
        Assert.Contains("Bố: nông dân, đảng viên", forSecretary);
        Assert.Contains("001204012345", forStaff);
        Assert.Contains("Bố: nông dân, đảng viên", forStaff);
        Assert.DoesNotContain("001204012345", forBoard);
        Assert.DoesNotContain("Bố: nông dân, đảng viên", forBoard);
    }
}
