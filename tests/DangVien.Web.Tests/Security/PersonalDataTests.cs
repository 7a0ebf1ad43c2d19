using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Reports;
using DangVien.Web.Tests.Candidates;
using DangVien.Web.Tests.Reports;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Security;

/// <summary>
/// Personal data by need (<see cref="PersonalDataPolicy"/>), through real HTTP: per role and group of fields, on the file
/// page, the candidate list's CSV and XLSX exports, the API and a report drill-down; and the audit log of list views,
/// citizen ID searches, drill-downs, the members page and denied attempts.
/// </summary>
public sealed class PersonalDataTests
{
    private const string CitizenId = "001200012345";

    /// <summary>What the file page shows in each field, by element id, for a reader who sees everything.</summary>
    private static readonly Dictionary<string, string> Whole = new()
    {
        ["f-date-of-birth"] = "12/04/2000",
        ["f-citizen-id"] = CitizenId,
        ["f-address"] = "Số 5, ngõ 12, thôn Đồng Tâm",
        ["f-phone"] = "0912 345 678",
        ["f-workplace"] = "Trường Tiểu học Tân Lập",
        ["f-home-town"] = "Xã Nghĩa Hưng, Nam Định",
        ["f-ethnicity"] = "Tày",
        ["f-religion"] = "Phật giáo",
        ["f-family"] = "Bố: nông dân, đảng viên",
    };

    [Fact]
    public async Task Per_role_and_group_the_file_page_shows_the_fields_or_hidden_and_the_board_gets_name_and_year_only()
    {
        var (app, tree, candidate) = await StartAsync();
        await using var _ = app;
        var readers = new Dictionary<string, HttpClient>
        {
            ["committee staff"] = await app.StaffAsync(tree),
            ["own cell's secretary"] = await app.SecretaryAsync(tree.CellA),
            ["administrator"] = await app.AdminAsync(),
            ["provincial board"] = await BoardAsync(app, tree),
        };

        var wrong = new List<string>();
        foreach (var (role, client) in readers)
        {
            var page = await client.PageAsync($"/candidates/{candidate}");
            Assert.Equal("Phạm Thị Hồng", page.QuerySelector("h1")!.TextContent.Trim());
            foreach (var (id, value) in Whole)
            {
                var expected = role == "provincial board" ? id == "f-date-of-birth" ? "2000" : "(ẩn)" : value;
                var shown = page.QuerySelector("#" + id)?.TextContent.Trim();
                if (shown != expected)
                {
                    wrong.Add($"{role}: #{id} is \"{shown}\", expected \"{expected}\"");
                }
            }

            if ((page.QuerySelector("#personal-hidden") is not null) != (role == "provincial board"))
            {
                wrong.Add($"{role}: the note on hidden data is {(page.QuerySelector("#personal-hidden") is null ? "missing" : "shown")}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));

        // Nothing of the hidden groups reaches the board's HTML at all, not even in an attribute.
        var html = WebUtility.HtmlDecode(await readers["provincial board"].GetStringAsync($"/candidates/{candidate}"));
        foreach (var value in Whole.Values)
        {
            Assert.DoesNotContain(value, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_board_s_exports_api_and_drill_down_carry_no_birth_date_or_citizen_id_the_own_cell_s_secretary_s_do()
    {
        var (app, tree, candidate) = await StartAsync();
        await using var _ = app;
        var board = await BoardAsync(app, tree);
        var secretary = await app.SecretaryAsync(tree.CellA);
        var drillDown = $"/reports/list{{0}}?unit={{1}}&from=2025&to=2025&figure={ReportFigure.Stage(StageKind.Source).Key}";

        // CSV and XLSX of the candidate list: birth date and citizen ID columns.
        var boardCsv = Csv(await board.GetByteArrayAsync($"/candidates/export.csv?unit={tree.Commune.Id}"));
        Assert.Equal(["Phạm Thị Hồng", "2000", "Nữ", "(ẩn)"], boardCsv[1][1..5]);
        var ownCsv = Csv(await secretary.GetByteArrayAsync($"/candidates/export.csv?unit={tree.CellA.Id}"));
        Assert.Equal(["Phạm Thị Hồng", "12/04/2000", "Nữ", CitizenId], ownCsv[1][1..5]);
        var boardXlsx = ReportExportTests.Cells(await board.GetByteArrayAsync($"/candidates/export.xlsx?unit={tree.Commune.Id}")).First(r => r.Count > 0 && r[0] == "1");
        Assert.Equal(["Phạm Thị Hồng", "2000", "Nữ", "(ẩn)"], boardXlsx[1..5]);
        var ownXlsx = ReportExportTests.Cells(await secretary.GetByteArrayAsync($"/candidates/export.xlsx?unit={tree.CellA.Id}")).First(r => r.Count > 0 && r[0] == "1");
        Assert.Equal(["Phạm Thị Hồng", "12/04/2000", "Nữ", CitizenId], ownXlsx[1..5]);

        // The API, with the sign-in cookie: the file and the list.
        var boardFile = await Json(await board.GetAsync($"/api/candidates/{candidate}"));
        Assert.Equal(JsonValueKind.Null, boardFile.GetProperty("dateOfBirth").ValueKind);
        Assert.Equal(2000, boardFile.GetProperty("birthYear").GetInt32());
        Assert.Equal(JsonValueKind.Null, boardFile.GetProperty("citizenId").ValueKind);
        Assert.Equal(JsonValueKind.Null, boardFile.GetProperty("ethnicity").ValueKind);
        Assert.Equal(JsonValueKind.Null, boardFile.GetProperty("familyBackground").ValueKind);
        Assert.Equal(["BirthDate", "CitizenId", "Contact", "Origins", "Family"], boardFile.GetProperty("hiddenFields").EnumerateArray().Select(e => e.GetString()!));
        var boardRaw = await board.GetStringAsync($"/api/candidates/{candidate}");
        foreach (var value in Whole.Values.Where(v => v != "Tày"))
        {
            Assert.DoesNotContain(value, Regex.Unescape(boardRaw), StringComparison.Ordinal);
        }

        var ownFile = await Json(await secretary.GetAsync($"/api/candidates/{candidate}"));
        Assert.Equal(("2000-04-12", CitizenId, "Tày"), (ownFile.GetProperty("dateOfBirth").GetString(), ownFile.GetProperty("citizenId").GetString(), ownFile.GetProperty("ethnicity").GetString()));
        var boardList = (await Json(await board.GetAsync($"/api/candidates?unit={tree.Commune.Id}"))).GetProperty("items")[0];
        Assert.Equal((JsonValueKind.Null, 2000), (boardList.GetProperty("dateOfBirth").ValueKind, boardList.GetProperty("birthYear").GetInt32()));
        var ownList = (await Json(await secretary.GetAsync($"/api/candidates?unit={tree.CellA.Id}"))).GetProperty("items")[0];
        Assert.Equal("2000-04-12", ownList.GetProperty("dateOfBirth").GetString());

        // A report drill-down list, as a page and as a CSV.
        var boardPage = await board.PageAsync(string.Format(CultureInfo.InvariantCulture, drillDown, "", tree.Commune.Id));
        var boardRow = boardPage.QuerySelectorAll(".report-people tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Phạm Thị Hồng", "2000", "(ẩn)"], boardRow[..3]);
        var ownPage = await secretary.PageAsync(string.Format(CultureInfo.InvariantCulture, drillDown, "", tree.CellA.Id));
        var ownRow = ownPage.QuerySelectorAll(".report-people tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Phạm Thị Hồng", "12/04/2000", CitizenId], ownRow[..3]);
        var boardListCsv = await board.GetStringAsync(string.Format(CultureInfo.InvariantCulture, drillDown, ".csv", tree.Commune.Id));
        Assert.Contains("Phạm Thị Hồng", boardListCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(CitizenId, boardListCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("12/04/2000", boardListCsv, StringComparison.Ordinal);

        // The members page: the board sees the year of birth of the cell's members, the secretary the date.
        var boardMembers = await board.PageAsync($"/units/{tree.CellA.Id}/members");
        var ownMembers = await secretary.PageAsync($"/units/{tree.CellA.Id}/members");
        Assert.Equal("1980", boardMembers.QuerySelector(".member-table tbody tr td:nth-child(2)")!.TextContent.Trim());
        Assert.Equal("06/05/1980", ownMembers.QuerySelector(".member-table tbody tr td:nth-child(2)")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_search_by_citizen_id_finds_the_file_only_where_the_user_sees_citizen_ids_and_is_audited_as_such()
    {
        var (app, tree, candidate) = await StartAsync();
        await using var _ = app;
        var board = await BoardAsync(app, tree);
        var staff = await app.StaffAsync(tree);

        var forBoard = await Json(await board.GetAsync($"/api/candidates?unit={tree.Commune.Id}&q={CitizenId}"));
        Assert.Equal(0, forBoard.GetProperty("totalCount").GetInt32());
        var forStaff = await Json(await staff.GetAsync($"/api/candidates?unit={tree.Commune.Id}&q={CitizenId}"));
        Assert.Equal(candidate, forStaff.GetProperty("items")[0].GetProperty("id").GetInt32());
        // The board still finds the file by name.
        Assert.Equal(1, (await Json(await board.GetAsync($"/api/candidates?unit={tree.Commune.Id}&q=hong"))).GetProperty("totalCount").GetInt32());

        await using var db = app.Database.CreateContext();
        var searches = await db.AuditEntries.Where(a => a.Action == AuditActions.CandidatesSearchCitizenId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["bantochuc", "vanphong"], searches.Select(a => a.UserName));
        Assert.All(searches, a => Assert.Equal($"unit:{tree.Commune.Id}", a.Subject));
        Assert.Equal($"unit={tree.Commune.Id}&q={CitizenId}&sort=Name&page=1; 0 hồ sơ", searches[0].Detail);
        Assert.Equal($"unit={tree.Commune.Id}&q={CitizenId}&sort=Name&page=1; 1 hồ sơ", searches[1].Detail);
        var byName = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.CandidatesList);
        Assert.Equal($"unit={tree.Commune.Id}&q=hong&sort=Name&page=1; 1 hồ sơ", byName.Detail);
    }

    [Fact]
    public async Task The_audit_log_records_list_views_drill_downs_the_members_page_and_denied_attempts_answered_as_not_found()
    {
        var (app, tree, candidate) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var sibling = await app.SecretaryAsync(tree.CellB, "bithu.apbac");

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/candidates?unit={tree.Commune.Id}&stage=Opinions&sort=stage&page=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/reports/list?unit={tree.Commune.Id}&from=2025&to=2025&figure=stage-{(int)StageKind.Source}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/units/{tree.CellA.Id}/members")).StatusCode);

        // Outside the scope: the same answer as an id that does not exist, and a "denied" line naming the id asked for.
        var denied = await sibling.GetAsync($"/candidates/{candidate}");
        var missing = await sibling.GetAsync("/candidates/999999");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (denied.StatusCode, missing.StatusCode));
        Assert.Equal(MainContent(await missing.Content.ReadAsStringAsync()), MainContent(await denied.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync($"/units/{tree.CellA.Id}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync($"/api/candidates/{candidate}")).StatusCode);

        await using var db = app.Database.CreateContext();
        var log = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
        var list = Assert.Single(log, a => a.Action == AuditActions.CandidatesList);
        Assert.Equal(("vanphong", $"unit:{tree.Commune.Id}"), (list.UserName, list.Subject));
        Assert.Equal($"unit={tree.Commune.Id}&stage=Opinions&sort=Stage&page=1; 1 hồ sơ", list.Detail);
        var drillDown = Assert.Single(log, a => a.Action == AuditActions.ReportList);
        Assert.Equal(($"unit:{tree.Commune.Id}", $"figure=stage-{(int)StageKind.Source}&from=2025&to=2025; 1 dòng"), (drillDown.Subject, drillDown.Detail));
        var members = Assert.Single(log, a => a.Action == AuditActions.MembersView);
        Assert.Equal(("vanphong", $"unit:{tree.CellA.Id}"), (members.UserName, members.Subject));
        var refusals = log.Where(a => a.Action == AuditActions.Denied).Select(a => (a.UserName, a.Subject)).ToList();
        Assert.Equal([("bithu.apbac", $"candidate:{candidate}"), ("bithu.apbac", $"unit:{tree.CellA.Id}"), ("bithu.apbac", $"candidate:{candidate}")], refusals);
        Assert.DoesNotContain(log, a => a.Subject == "candidate:999999");
    }

    private static async Task<(DangVienApp App, TinyProvince Tree, int Candidate)> StartAsync()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        var candidate = await app.ReadyForVoteAsync(tree.CellA);
        await using var db = app.Database.CreateContext();
        await db.Candidates.Where(c => c.Id == candidate).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.CitizenId, CitizenId)
            .SetProperty(c => c.Address, Whole["f-address"])
            .SetProperty(c => c.Phone, Whole["f-phone"])
            .SetProperty(c => c.Workplace, Whole["f-workplace"])
            .SetProperty(c => c.HomeTown, Whole["f-home-town"])
            .SetProperty(c => c.Ethnicity, Whole["f-ethnicity"])
            .SetProperty(c => c.Religion, Whole["f-religion"])
            .SetProperty(c => c.FamilyBackground, Whole["f-family"]));
        await db.Members.Where(m => m.CellId == tree.CellA.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DateOfBirth, new DateOnly(1980, 5, 6)));
        return (app, tree, candidate);
    }

    private static async Task<HttpClient> BoardAsync(DangVienApp app, TinyProvince tree)
    {
        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        return await app.SignedInClientAsync("bantochuc");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>The page's main content without the correlation id, which differs per request.</summary>
    private static string MainContent(string html) =>
        Regex.Replace(html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)], "[0-9a-f]{32}|[0-9A-Z]{13}:[0-9A-F]{8}", "");

    private static List<string[]> Csv(byte[] bytes) =>
        [.. new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';'))];
}
