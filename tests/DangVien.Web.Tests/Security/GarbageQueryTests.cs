using System.Globalization;
using System.Net;
using System.Reflection;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Security;

/// <summary>
/// Every routed page, found by reflection, asked by an administrator with nonsense in each of the query
/// values the page reads (<c>?year=abc</c>, <c>?page=-1</c>, <c>?unit=99999999999</c>): a 200 or a 404,
/// never a 5xx.
/// </summary>
public sealed class GarbageQueryTests
{
    private static readonly string[] Garbage = ["abc", "-1", "99999999999", "1.5", "%00", ""];

    private static List<(string Template, List<string> QueryNames)> RoutedPages() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, QueryNames: QueryNames(t))))
            .Where(p => p.Template is not ("/error" or "/account/login"))
            .OrderBy(p => p.Template, StringComparer.Ordinal)];

    private static List<string> QueryNames(Type page) =>
        [.. page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => p.Attribute!.Name ?? p.Property.Name)
            .Concat(["year", "page", "unit"])
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    [Fact]
    public async Task Nonsense_in_the_query_string_never_answers_a_server_error()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var candidate = await app.ReadyForVoteAsync(tree.CellA);
        var admin = await app.AdminClientAsync(tree.Province.Id);
        string userId;
        int memberId;
        await using (var db = app.Database.CreateContext())
        {
            userId = await db.Users.Where(u => u.UserName == "quantri").Select(u => u.Id).SingleAsync();
            memberId = await db.Members.Where(m => m.CellId == tree.CellA.Id).Select(m => m.Id).FirstAsync();
        }

        string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
        string Path(string template) => template
            .Replace("/candidates/{Id:int}", "/candidates/" + Invariant(candidate), StringComparison.Ordinal)
            .Replace("/units/{Id:int}", "/units/" + Invariant(tree.CellA.Id), StringComparison.Ordinal)
            .Replace("{MemberId:int}", Invariant(memberId), StringComparison.Ordinal)
            .Replace("{Slug}", "cell-vote", StringComparison.Ordinal)
            .Replace("/admin/users/{Id}", "/admin/users/" + userId, StringComparison.Ordinal);

        var pages = RoutedPages();
        Assert.True(pages.Count >= 18, string.Join(", ", pages.Select(p => p.Template)));
        var wrong = new List<string>();
        var asked = 0;
        foreach (var (template, names) in pages)
        {
            var path = Path(template);
            Assert.DoesNotContain("{", path, StringComparison.Ordinal);
            foreach (var value in Garbage)
            {
                // Each value alone, then all together.
                var urls = names.Select(n => $"{path}?{n}={value}")
                    .Append(path + "?" + string.Join("&", names.Select(n => $"{n}={value}")));
                foreach (var url in urls)
                {
                    asked++;
                    var response = await admin.GetAsync(url);
                    if ((int)response.StatusCode >= 500)
                    {
                        wrong.Add($"{url}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.True(asked > 100, $"only {asked} requests");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Path("/units/{Id:int}") + "?year=abc")).StatusCode);
    }
}
