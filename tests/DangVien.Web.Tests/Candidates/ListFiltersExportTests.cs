using System.Globalization;
using System.Net;
using System.Text;
using DangVien.Core.Features.Access;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Candidates;

public sealed class ListFiltersExportTests
{
    [Fact]
    public async Task The_list_filters_by_category_year_and_overdue_sorts_and_its_links_keep_every_filter()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        await app.VotedAsync(tree.CellA, "Lê Văn Bình");
        await app.ReadyForVoteAsync(tree.CellB, "Trần Thị Cúc");
        int first, other;
        await using (var db = app.Database.CreateContext())
        {
            var categories = await db.SourceCategories.OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync();
            (first, other) = (categories[0], categories[1]);
            // A file with no history yet: no deadline, no year, no category.
            db.Candidates.Add(new Core.Domain.Candidate { FullName = "Đỗ Văn Dũng", DateOfBirth = new DateOnly(1999, 1, 1), CellId = tree.CellA.Id, StageSince = new DateOnly(2026, 8, 1) });
            await db.SaveChangesAsync();
        }

        var unit = tree.Commune.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(["Lê Văn Bình", "Phạm Thị Hồng", "Trần Thị Cúc"], Names(await staff.PageAsync($"/candidates?unit={unit}&category={first}")));
        Assert.Empty(Names(await staff.PageAsync($"/candidates?unit={unit}&category={other}")));
        Assert.Equal(3, Names(await staff.PageAsync($"/candidates?unit={unit}&year=2025")).Count);
        Assert.Empty(Names(await staff.PageAsync($"/candidates?unit={unit}&year=2024")));

        // Bình voted on 05/05/2025 with no decision within 60 working days; the others' introductions of
        // 14/04/2025 are over 12 months old (dossier renewal): all overdue on 03/08/2026, Dũng has no deadline.
        var overdue = await staff.PageAsync($"/candidates?unit={unit}&overdue=1");
        Assert.Equal(["Lê Văn Bình", "Phạm Thị Hồng", "Trần Thị Cúc"], Names(overdue));
        Assert.Equal(4, Names(await staff.PageAsync($"/candidates?unit={unit}")).Count);
        Assert.NotNull(overdue.QuerySelector("#filter-overdue[checked]"));

        Assert.Equal(["Lê Văn Bình", "Phạm Thị Hồng", "Trần Thị Cúc", "Đỗ Văn Dũng"], Names(await staff.PageAsync($"/candidates?unit={unit}&sort=stage&dir=desc")));
        Assert.Equal(["Trần Thị Cúc", "Phạm Thị Hồng", "Lê Văn Bình", "Đỗ Văn Dũng"], Names(await staff.PageAsync($"/candidates?unit={unit}&dir=desc")));
        var bySince = await staff.PageAsync($"/candidates?unit={unit}&sort=since&q=thi&category={first}&year=2025");
        Assert.Equal(["Phạm Thị Hồng", "Trần Thị Cúc"], Names(bySince));
        Assert.Equal("since", bySince.QuerySelector("#filter-sort option[selected]")!.GetAttribute("value"));
        Assert.Equal("2025", bySince.QuerySelector("#filter-year")!.GetAttribute("value"));
        Assert.Equal($"/candidates/export.csv?unit={unit}&category={first}&year=2025&q=thi&sort=since", bySince.QuerySelector("a.export-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Paging_links_carry_every_filter()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        await using (var db = app.Database.CreateContext())
        {
            var category = await db.SourceCategories.OrderBy(c => c.SortOrder).FirstAsync();
            for (var i = 0; i < 55; i++)
            {
                var c = new Core.Domain.Candidate { FullName = $"Ngô Văn {i:D2}", DateOfBirth = new DateOnly(1999, 1, 1), CellId = tree.CellA.Id, Stage = Core.Domain.CandidateStage.Source, StageSince = new DateOnly(2025, 1, 6) };
                c.Categories.Add(new Core.Domain.CandidateCategory { SourceCategoryId = category.Id });
                db.Candidates.Add(c);
            }

            await db.SaveChangesAsync();
        }

        var page = await staff.PageAsync($"/candidates?unit={tree.Commune.Id}&stage=Source&q=ngo&sort=since&dir=desc");
        var next = page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href");
        Assert.Equal($"/candidates?unit={tree.Commune.Id}&stage=Source&q=ngo&sort=since&dir=desc&page=2", next);
        Assert.Equal(5, Names(await staff.PageAsync(next!)).Count);
    }

    [Fact]
    public async Task The_export_is_the_filtered_list_as_csv_masked_by_role_audited_and_scoped()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var hong = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        await app.VotedAsync(tree.CellA, "Lê Văn Bình");
        var cuc = await app.ReadyForVoteAsync(tree.CellB, "Trần Thị Cúc");
        await using (var db = app.Database.CreateContext())
        {
            await db.Candidates.Where(c => c.Id == hong).ExecuteUpdateAsync(s => s.SetProperty(c => c.CitizenId, "001200012345"));
            await db.Candidates.Where(c => c.Id == cuc).ExecuteUpdateAsync(s => s.SetProperty(c => c.CitizenId, "001200067890"));
        }

        var list = await staff.PageAsync($"/candidates?unit={tree.Commune.Id}&q=thi");
        var href = list.QuerySelector("a.export-link")!.GetAttribute("href")!;
        var response = await staff.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Parse(bytes);
        Assert.Equal(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Chi bộ", "Đối tượng", "Giai đoạn", "Từ ngày"], lines[0]);
        var total = int.Parse(list.QuerySelector(".list-summary .muted")!.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.Equal(total, lines.Count - 1);
        Assert.Equal(["1", "Phạm Thị Hồng", "12/04/2000", "Nữ", "001200012345"], lines[1][..5]);
        Assert.Equal("21/04/2025", lines[1][8]);
        Assert.Equal("001200067890", lines[2][4]);

        await using (var db = app.Database.CreateContext())
        {
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.CandidatesExport);
            Assert.Equal("vanphong", audit.UserName);
            Assert.Equal($"unit:{tree.Commune.Id}", audit.Subject);
            Assert.Equal($"unit={tree.Commune.Id}&state=Live&q=thi&sort=Name; 2 dòng", audit.Detail);
        }

        var secretary = await app.SecretaryAsync(tree.CellB);
        var own = Parse(await (await secretary.GetAsync($"/candidates/export.csv?unit={tree.CellB.Id}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(2, own.Count);
        Assert.Equal("Trần Thị Cúc", own[1][1]);
        Assert.Equal("001200067890", own[1][4]);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/candidates/export.csv?unit={tree.CellA.Id}")).StatusCode);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/candidates/export.csv?unit={tree.Commune.Id}")).StatusCode);
    }

    /// <summary>A semicolon-separated file as Excel reads it (quoted fields may hold the separator).</summary>
    private static List<string[]> Parse(byte[] bytes)
    {
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        var rows = new List<string[]>();
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var ch = line[i];
                if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = !quoted;
                }
                else if (ch == ';' && !quoted)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(ch);
                }
            }

            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }

    private static List<string> Names(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".candidate-table tbody td[data-label='Họ và tên']").Select(td => td.TextContent.Trim())];
}
