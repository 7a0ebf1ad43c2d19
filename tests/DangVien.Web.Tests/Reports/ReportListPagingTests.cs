using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Domain;
using DangVien.Core.Features.Reports;

namespace DangVien.Web.Tests.Reports;

/// <summary>
/// The drill-down lists of /reports/list are paged on the server: over the tiny province with 130 more members in
/// Đồng Tâm (147 at the start of 2026) and 60 more sources in Ấp Bắc, through real HTTP.
/// </summary>
public sealed class ReportListPagingTests
{
    private const int ExtraMembers = 130;
    private const int ExtraSources = 60;

    private static readonly FixedClock February2027 = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task Members_at_the_start_come_in_pages_of_50_that_together_give_exactly_the_figure()
    {
        var (app, client, tree) = await StartAsync();
        await using var _ = app;

        var report = await DangVienApp.ParseAsync(await client.GetAsync($"/reports?unit={tree.Commune.Id}&year=2026"));
        var figure = report.QuerySelector("#members-heading")!.Closest("section")!.QuerySelector("dd a")!;
        var link = figure.GetAttribute("href")!;
        Assert.Equal($"/reports/list?unit={tree.Commune.Id}&from=2026&to=2026&figure=members-start", link);
        Assert.Equal("147", figure.TextContent);

        var pages = await WalkAsync(client, link, ".report-members");

        Assert.Equal([50, 50, 47], pages.Select(p => p.Names.Count));
        Assert.All(pages, p => Assert.Equal("147", p.Page.QuerySelector(".report-list-count")!.TextContent));
        Assert.Equal(["Trang 1 / 3", "Trang 2 / 3", "Trang 3 / 3"], pages.Select(p => p.Page.QuerySelector(".pager__current")!.TextContent));
        Assert.Null(pages[0].Page.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal(link + "&page=2", pages[0].Page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(link, pages[1].Page.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(link + "&page=2", pages[2].Page.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(pages[2].Page.QuerySelector(".pager a[rel=next]"));

        // Every page together: each of the 147 exactly once, in the order of the whole list, which the download still gives in full.
        var all = pages.SelectMany(p => p.Names).ToList();
        Assert.Equal(147, all.Distinct().Count());
        var csv = (await client.GetStringAsync($"/reports/list.csv?unit={tree.Commune.Id}&from=2026&to=2026&figure=members-start"))
            .Split("\r\n").Select(l => l.Split(';')).Where(f => f.Length > 2 && f[0].Length > 0 && f[0].All(char.IsDigit)).Select(f => f[1]).ToList();
        Assert.Equal(all, csv);
        Assert.Contains("Đảng viên thứ 001", all);
    }

    [Fact]
    public async Task A_stage_figure_of_candidates_is_paged_and_its_pages_give_the_figure()
    {
        var (app, client, tree) = await StartAsync();
        await using var _ = app;
        var key = ReportFigure.Stage(StageKind.Source).Key;

        var report = await DangVienApp.ParseAsync(await client.GetAsync($"/reports?unit={tree.Commune.Id}&year=2026"));
        // The figure of the report's table (the funnel above it links to the same list by the stage's name).
        var figure = report.QuerySelectorAll("main table a[href]").First(a => a.GetAttribute("href")!.EndsWith("figure=" + key, StringComparison.Ordinal));
        var count = int.Parse(figure.TextContent, CultureInfo.InvariantCulture);
        Assert.Equal(ExtraSources, count);

        var pages = await WalkAsync(client, figure.GetAttribute("href")!, ".report-people");

        Assert.Equal([50, 10], pages.Select(p => p.Names.Count));
        Assert.Equal(count, pages.SelectMany(p => p.Names).Distinct().Count());
        Assert.All(pages, p => Assert.Equal("60", p.Page.QuerySelector(".report-list-count")!.TextContent));
        Assert.Equal("Trang 2 / 2", pages[1].Page.QuerySelector(".pager__current")!.TextContent);
    }

    [Theory]
    [InlineData("100000", 3)]
    [InlineData("4", 3)]
    [InlineData("2", 2)]
    [InlineData("", 1)]
    public async Task A_page_past_the_last_shows_the_last(string page, int shown)
    {
        var (app, client, tree) = await StartAsync();
        await using var _ = app;

        var response = await client.GetAsync($"/reports/list?unit={tree.Commune.Id}&from=2026&to=2026&figure=members-start&page={page}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await DangVienApp.ParseAsync(response);
        Assert.Equal($"Trang {shown} / 3", document.QuerySelector(".pager__current")!.TextContent);
        Assert.Equal(shown == 3 ? 47 : 50, document.QuerySelectorAll(".report-members tbody tr").Length);
    }

    [Fact]
    public async Task A_page_that_is_no_number_from_1_is_refused_with_400_and_a_Vietnamese_reason()
    {
        var (app, client, tree) = await StartAsync();
        await using var _ = app;

        foreach (var page in new[] { "0", "-3", "abc", "2.5", "1e3", "99999999999999999999", "2147483647", "100001" })
        {
            var response = await client.GetAsync($"/reports/list?unit={tree.Commune.Id}&from=2026&to=2026&figure=members-start&page={Uri.EscapeDataString(page)}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("không hợp lệ: số trang là một số từ 1 đến 100.000.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_short_list_has_no_pager()
    {
        var (app, client, tree) = await StartAsync();
        await using var _ = app;

        var page = await DangVienApp.ParseAsync(await client.GetAsync($"/reports/list?unit={tree.CellB.Id}&from=2026&to=2026&figure=members-start&page=7"));

        Assert.Equal(5, page.QuerySelectorAll(".report-members tbody tr").Length);
        Assert.Null(page.QuerySelector(".pager"));
    }

    [Fact]
    public async Task A_cells_members_page_is_paged_too_and_its_pages_give_the_count()
    {
        var (app, client, tree) = await StartAsync();
        await using var _ = app;
        var link = $"/units/{tree.CellA.Id}/members";

        var pages = await WalkAsync(client, link, ".member-table");

        var heading = pages[0].Page.QuerySelector("#members-heading")!.TextContent;
        var total = pages.Sum(p => p.Names.Count);
        Assert.Contains($"({total})", heading, StringComparison.Ordinal);
        Assert.True(total > ExtraMembers, heading);
        Assert.Equal(total, pages.SelectMany(p => p.Names).Distinct().Count());
        Assert.All(pages[..^1], p => Assert.Equal(50, p.Names.Count));
        Assert.Equal(link + "?page=2", pages[0].Page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal($"Trang {pages.Count} / {pages.Count}", pages[^1].Page.QuerySelector(".pager__current")!.TextContent);
        var last = await DangVienApp.ParseAsync(await client.GetAsync(link + "?page=999"));
        Assert.Equal(pages[^1].Names, last.QuerySelectorAll(".member-table tbody tr td:first-child").Select(td => td.TextContent.Trim()));
    }

    private static async Task<List<(IDocument Page, List<string> Names)>> WalkAsync(HttpClient client, string first, string table)
    {
        var pages = new List<(IDocument, List<string>)>();
        var url = first;
        while (url is not null && pages.Count < 10)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await DangVienApp.ParseAsync(response);
            pages.Add((page, [.. page.QuerySelectorAll($"{table} tbody tr td:first-child").Select(td => td.TextContent.Trim())]));
            url = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        }

        return pages;
    }

    private static async Task<(DangVienApp App, HttpClient Client, TinyProvince Tree)> StartAsync()
    {
        var app = await DangVienApp.StartAsync(February2027);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await using (var db = app.Database.CreateContext())
        {
            for (var i = 1; i <= ExtraMembers; i++)
            {
                db.Members.Add(new Member
                {
                    FullName = string.Create(CultureInfo.InvariantCulture, $"Đảng viên thứ {i:000}"),
                    DateOfBirth = new DateOnly(1980, 1, 1).AddDays(i),
                    CellId = tree.CellA.Id,
                    Status = MemberStatus.Official,
                    AdmittedOn = new DateOnly(2010, 5, 1),
                    RecognisedOn = new DateOnly(2011, 5, 1),
                });
            }

            for (var i = 1; i <= ExtraSources; i++)
            {
                var candidate = TinyProvince.Candidate(tree.CellB, string.Create(CultureInfo.InvariantCulture, $"Quần chúng thứ {i:000}"), CandidateStage.Source, new DateOnly(2026, 3, 1));
                candidate.History.Add(new StageEntry { Kind = StageKind.Source, EffectiveOn = new DateOnly(2026, 3, 1), RecordedBy = "test", RecordedAt = DateTimeOffset.UtcNow });
                db.Candidates.Add(candidate);
            }

            await db.SaveChangesAsync();
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        return (app, await app.SignedInClientAsync("vanphong"), tree);
    }
}
