using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Tests.Candidates;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Language;

/// <summary>
/// Every page a committee staff user and an administrator can reach by following links, read in English: no text of
/// the interface may hold a Vietnamese letter. What people typed is exempt: every text value stored in the database
/// (names of people and units, notes, audit details) is cut out of the page before the check, except the names of
/// the built-in source categories, which are the interface's. The procedure's form codes ("6-KNĐ") keep their
/// names. Text still in Vietnamese because its message has not moved to the resources yet is listed in
/// <c>EnglishKnownUntranslated.txt</c>: a new Vietnamese fragment fails, and so does a listed one that is gone, so
/// the list only shrinks.
/// </summary>
public sealed partial class EnglishCrawlTests
{
    private const int MaxPagesPerUser = 80;

    /// <summary>Names that stay Vietnamese in English: a feast and the example of a person's name in the forms.</summary>
    private static readonly string[] ProperNames = ["Tết", "Nguyễn Thị Hoa"];

    [Fact]
    public async Task Every_page_reached_in_English_shows_no_Vietnamese_letter_outside_the_data()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        await app.CreateUserAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var admin = await app.SignedInClientAsync("quantri");
        var admitted = await app.WalkAsync(tree.CellA, "Nguyễn Thị Lan", StageKind.Ceremony);
        await app.ReadyForVoteAsync(tree.CellB);
        await app.VotedAsync(tree.CellA);

        var pages = new List<(string Url, IDocument Page)>();
        foreach (var client in new[] { staff, admin })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language?ui=en&returnUrl=%2F")).StatusCode);
            var seeds = new[]
            {
                "/", "/units", $"/units/{tree.Commune.Id}", $"/units/{tree.CellA.Id}/members", "/candidates",
                $"/candidates/{admitted}", $"/candidates/{admitted}/print", "/alerts", "/reports?year=2025",
                "/reports/trend", "/reports/idle-cells", $"/units/{tree.Commune.Id}/quotas?year=2026",

                // Refusals a reading page answers itself: a date that does not exist, a year out of range, a step out of order.
                "/alerts?asOf=31/02/2026", "/reports?year=1800", ActionRoutes.Form(admitted, AdmissionAction.RecordCellVote),
            };
            pages.AddRange(await CrawlAsync(client, seeds));
        }

        var refused = pages.First(p => p.Url == "/alerts?asOf=31/02/2026").Page;
        Assert.Equal("There is no day 31/02/2026. Showing up to today, 03/08/2026.", refused.QuerySelector("#alerts-asof-error")?.TextContent.Trim());

        // Read once every page is in: reading pages writes audit rows, whose details are data too.
        var data = await StoredTextAsync(app, "source_categories");
        var categoryNames = await StoredTextAsync(app);
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (url, page) in pages)
        {
            // The categories page edits the stored names: there they are data.
            foreach (var fragment in Untranslated(page, url.StartsWith("/categories", StringComparison.Ordinal) ? categoryNames : data))
            {
                found.TryAdd(fragment, url);
            }
        }

        // A brace or a Razor directive left as text (a block closed one brace early prints the last "}" on the page).
        Assert.Empty(pages.SelectMany(p => RazorLeftovers(p.Page).Select(text => $"{p.Url}: {text}")));

        var known = File.ReadAllLines(KnownFile).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        Assert.True(pages.Count >= 30, $"only {pages.Count} pages: {string.Join(", ", pages.Select(p => p.Url))}");
        Assert.Contains(pages, p => p.Url.StartsWith("/admin/audit", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Url.StartsWith("/reports/list", StringComparison.Ordinal));
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "english-untranslated-found.txt"), found.Keys);
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "english-untranslated-pages.txt"), found.Select(f => f.Value + "\t" + f.Key));
        Assert.Empty(found.Where(f => !known.Contains(f.Key)).Select(f => $"{f.Value}: {f.Key}"));
        Assert.Empty(known.Where(k => !found.ContainsKey(k)).Select(k => "no longer seen, remove from the list: " + k));
    }

    /// <summary>The pages reached from <paramref name="seeds"/> through same-site links, breadth first.</summary>
    private static async Task<List<(string Url, IDocument Page)>> CrawlAsync(HttpClient client, string[] seeds)
    {
        var queue = new Queue<string>(seeds);
        var seen = new HashSet<string>(seeds, StringComparer.Ordinal);
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var pages = new List<(string, IDocument)>();
        while (queue.Count > 0 && pages.Count < MaxPagesPerUser)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            // 400: a refused address answers with a page of its own, read like the others.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest) || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await DangVienApp.ParseAsync(response);
            pages.Add((url, page));
            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                // One page of each shape (path with its numbers and query values blanked) is enough.
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !Skipped().IsMatch(href)
                    && shapes.Add(Digits().Replace(href, "0")) && seen.Add(href))
                {
                    queue.Enqueue(href);
                }
            }
        }

        return pages;
    }

    /// <summary>The text nodes and readable attributes of <paramref name="page"/> that still hold a Vietnamese letter once the data is cut out.</summary>
    /// <summary>Text nodes outside scripts, styles and code that are a lone brace or start with a Razor directive.</summary>
    private static IEnumerable<string> RazorLeftovers(IDocument page) =>
        page.Body!.Descendants<IText>()
            .Where(t => t.ParentElement?.Closest("script, style, pre, code, textarea") is null)
            .Select(t => t.Data.Trim())
            .Where(text => text is "{" or "}" || RazorDirective().IsMatch(text));

    private static IEnumerable<string> Untranslated(IDocument page, IReadOnlyList<string> data)
    {
        foreach (var element in page.QuerySelectorAll("script, style, .language-link").ToList())
        {
            element.Remove();
        }

        var texts = page.Descendants<IText>().Select(t => t.Data)
            .Concat(page.QuerySelectorAll("[title], [aria-label], [placeholder], [alt]")
                .SelectMany(e => new[] { e.GetAttribute("title"), e.GetAttribute("aria-label"), e.GetAttribute("placeholder"), e.GetAttribute("alt") }))
            .Concat(page.QuerySelectorAll("input[type=submit][value], button[value]").Select(e => e.GetAttribute("value")));
        foreach (var raw in texts)
        {
            if (raw is null)
            {
                continue;
            }

            var text = Space().Replace(raw, " ").Trim();
            foreach (var value in data)
            {
                text = text.Replace(value, "…", StringComparison.Ordinal);
            }

            text = text.Replace("KNĐ", "KND", StringComparison.Ordinal);
            foreach (var name in ProperNames)
            {
                text = text.Replace(name, "…", StringComparison.Ordinal);
            }

            if (Vietnamese().IsMatch(text))
            {
                yield return text;
            }
        }
    }

    /// <summary>Every text value stored in the database with a Vietnamese letter, longest first, but those of <paramref name="leftOut"/>.</summary>
    private static async Task<IReadOnlyList<string>> StoredTextAsync(DangVienApp app, string leftOut = "")
    {
        await using var db = app.Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema() and data_type in ('text', 'character varying')
                  and table_name <> @leftOut and table_name not like '\_\_%'
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "leftOut";
            parameter.Value = leftOut;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (table, column) in columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""select distinct "{column}" from "{table}" where "{column}" ~ '[À-ỹ]'""";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                values.Add(Space().Replace(reader.GetString(0), " ").Trim());
            }
        }

        return [.. values.Where(v => v.Length > 0).OrderByDescending(v => v.Length)];
    }

    private static string KnownFile => Path.Combine(AppContext.BaseDirectory, "Language", "EnglishKnownUntranslated.txt");

    /// <summary>Links that are not reading pages: downloads, the language switch, sign-out and the forms' own addresses.</summary>
    [GeneratedRegex(@"^/(language|account/(logout|sign-out)|api/|_)|/(export|download)|\.(csv|xlsx|pdf)|format=")]
    private static partial Regex Skipped();

    [GeneratedRegex(@"^@(if|else|foreach|for|code|L\[|\()")]
    private static partial Regex RazorDirective();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex("[À-ỹ]")]
    private static partial Regex Vietnamese();
}
