using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DangVien.Web.Tests.Security;

/// <summary>
/// Every route of the app (pages, downloads, API), read from its <see cref="EndpointDataSource"/> so that a new
/// route is walked without touching this test, asked by each role with absurd values in its route and query
/// parameters: never a 5xx, and every error of <c>/api</c> is a JSON problem.
/// </summary>
public sealed class GarbageQueryTests(ITestOutputHelper output)
{
    /// <summary>Absurd values for any query parameter: years the app does not support, extreme dates, text for numbers, a NUL.</summary>
    private static readonly string[] Garbage =
        ["0", "10000", "2147483647", "99999999999", "-1", "1.5", "abc", "0001-01-01", "9999-12-31", "%00", "", new string('a', 2000)];

    /// <summary>Values for a route parameter in place of a real id or year.</summary>
    private static readonly string[] RouteGarbage = ["0", "10000", "2147483647", "abc"];

    /// <summary>Return addresses that must not become a redirect elsewhere nor an error.</summary>
    private static readonly string[] ReturnUrls =
        ["%09/evil.example", "/%09/evil.example", "/%0d%0aSet-Cookie:x=1", "%E3%80%82evil.example", "/%E3%80%82evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example"];

    /// <summary>Query names every route is asked with, besides the ones it declares.</summary>
    private static readonly string[] CommonNames = ["year", "page", "unit", "q", "date", "from", "to", "pageSize"];

    /// <summary>The values the other roles ask with (one of each kind): the administrator asks every value.</summary>
    private static readonly string[] RoleGarbage = ["0", "2147483647", "abc", "9999-12-31", "%00", new string('a', 2000)];

    /// <summary>The values each query name is also asked with alone (by the administrator).</summary>
    private static readonly string[] AloneGarbage = ["0", "10000", "2147483647", "abc", "0001-01-01", "9999-12-31"];

    private sealed record Route(string Template, string Method, bool IsApi, List<string> QueryNames, List<string> DeclaredNames);

    [Fact]
    public async Task Absurd_values_on_every_route_as_every_role_never_answer_a_server_error()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var candidate = await app.ReadyForVoteAsync(tree.CellA);
        string userId;
        int memberId;
        var clients = new Dictionary<string, HttpClient>
        {
            ["admin"] = await app.AdminClientAsync(tree.Province.Id),
            ["board"] = await SignedInAsync(app, "bantochuc", tree.Province.Id, AccessRole.ProvincialBoard),
            ["staff"] = await app.StaffAsync(tree),
            ["secretary"] = await app.SecretaryAsync(tree.CellA),
            ["anonymous"] = app.Client(),
        };
        await using (var db = app.Database.CreateContext())
        {
            userId = await db.Users.Where(u => u.UserName == "quantri").Select(u => u.Id).SingleAsync();
            memberId = await db.Members.Where(m => m.CellId == tree.CellA.Id).Select(m => m.Id).FirstAsync();
        }

        var ids = new Dictionary<string, string>
        {
            ["/candidates/"] = Invariant(candidate),
            ["/api/candidates/"] = Invariant(candidate),
            ["/units/"] = Invariant(tree.CellA.Id),
            ["/api/units/"] = Invariant(tree.CellA.Id),
            ["/admin/users/"] = userId,
        };
        string Fill(Route route, string? garbage)
        {
            var pattern = RoutePatternFactory.Parse(route.Template);
            var parts = new List<string>();
            foreach (var segment in pattern.PathSegments)
            {
                var text = "";
                foreach (var part in segment.Parts)
                {
                    text += part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternSeparatorPart separator => separator.Content,
                        RoutePatternParameterPart { IsCatchAll: true } => "nothing/here",
                        RoutePatternParameterPart parameter => garbage ?? RealValue(parameter.Name, "/" + string.Join("/", parts) + "/"),
                        _ => "",
                    };
                }

                parts.Add(text);
            }

            return "/" + string.Join("/", parts);
        }

        string RealValue(string name, string prefix) => name.ToLowerInvariant() switch
        {
            "memberid" => Invariant(memberId),
            "slug" => "cell-vote",
            "format" => "csv",
            "file" => "mau-ho-so.csv",
            "kind" => "candidates",
            "year" => "2026",
            _ => ids.FirstOrDefault(p => prefix.EndsWith(p.Key, StringComparison.Ordinal)).Value ?? "1",
        };

        var routes = Routes(app);
        output.WriteLine(string.Join(Environment.NewLine, routes.Select(r => $"{r.Method} {r.Template} ?{string.Join("&", r.QueryNames)}")));
        Assert.Contains(routes, r => r.Template == "/api/units/{id:int}/reports/{year:int}");
        Assert.Contains(routes, r => r.Template.StartsWith("/reports/export", StringComparison.Ordinal));
        Assert.True(routes.Count(r => !r.IsApi) >= 25, string.Join(", ", routes.Select(r => r.Template)));

        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();
        var asked = 0;
        var clock = Stopwatch.StartNew();
        async Task AskAsync(string role, HttpClient client, string method, string url, bool isApi)
        {
            Interlocked.Increment(ref asked);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                wrong.Add($"{role} {method} {url}: {status}");
            }
            else if (isApi && status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{role} {method} {url}: {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}");
            }
            else if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location
                && (location.IsAbsoluteUri ? location.Host != "localhost" : !IsLocalPath(location.OriginalString)))
            {
                wrong.Add($"{role} {method} {url}: redirect to {location}");
            }
        }

        // The roles walk side by side, each with its own client, as five people would.
        await Task.WhenAll(clients.Select(c => WalkAsync(c.Key, c.Value)));
        async Task WalkAsync(string role, HttpClient client)
        {
            foreach (var route in routes)
            {
                var path = Fill(route, null);
                // Each route parameter absurd in turn (a page with two ids: both at once).
                if (route.Template.Contains('{', StringComparison.Ordinal) && !route.Template.Contains("{**", StringComparison.Ordinal))
                {
                    foreach (var value in RouteGarbage)
                    {
                        await AskAsync(role, client, route.Method, Fill(route, value), route.IsApi);
                    }
                }

                // Every query name at once with each value; for the administrator each name the route reads alone as
                // well (an absurd value next to sensible defaults goes further into the code than a request all absurd).
                foreach (var value in role == "admin" ? Garbage : RoleGarbage)
                {
                    await AskAsync(role, client, route.Method, path + "?" + string.Join("&", route.QueryNames.Select(n => $"{n}={value}")), route.IsApi);
                }

                if (role == "admin")
                {
                    foreach (var (name, value) in route.DeclaredNames.SelectMany(n => AloneGarbage.Select(v => (n, v))))
                    {
                        await AskAsync(role, client, route.Method, $"{path}?{name}={value}", route.IsApi);
                    }
                }
            }
        }

        // Addresses no route takes, under /api and elsewhere.
        foreach (var (role, client) in clients)
        {
            foreach (var url in new[] { "/api/nothing/here", "/api/units/abc", "/api", "/nothing/here", "/units/abc" })
            {
                await AskAsync(role, client, "GET", url + "?page=abc", url.StartsWith("/api", StringComparison.Ordinal));
            }
        }

        // Return addresses, wherever a route takes one, as a visitor and as a signed-in user.
        foreach (var route in routes.Where(r => r.QueryNames.Contains("returnUrl", StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var returnUrl in ReturnUrls)
            {
                await AskAsync("anonymous", clients["anonymous"], route.Method, $"{Fill(route, null)}?returnUrl={returnUrl}&ui=en", route.IsApi);
                await AskAsync("secretary", clients["secretary"], route.Method, $"{Fill(route, null)}?returnUrl={returnUrl}&ui=vi", route.IsApi);
            }
        }

        output.WriteLine($"{asked} requests in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {asked}:{Environment.NewLine}{string.Join(Environment.NewLine, wrong.Take(200))}");
        Assert.True(asked > 2000, $"only {asked} requests");
        Assert.Equal(HttpStatusCode.OK, (await clients["admin"].GetAsync($"/units/{Invariant(tree.CellA.Id)}?year=")).StatusCode);
        foreach (var (url, reason) in new[]
        {
            ($"/units/{Invariant(tree.CellA.Id)}?year=abc", "Năm “abc” không hợp lệ: Năm phải từ 1930 đến 2100."),
            ("/reports?year=2147483647", "Năm “2147483647” không hợp lệ"),
            ("/reports?year=0", "Năm “0” không hợp lệ"),
            ("/reports/trend?from=2016&to=10000", "Năm “10000” không hợp lệ"),
            ("/candidates?page=abc", "Trang “abc” không hợp lệ: số trang là một số từ 1 đến 100.000."),
            ("/candidates?page=2147483647", "Trang “2147483647” không hợp lệ"),
            ("/candidates?q=" + new string('a', 2000), "Từ khóa tìm kiếm dài 2.000 ký tự: tối đa 200 ký tự."),
        })
        {
            var response = await clients["staff"].GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
            Assert.Contains(reason, body, StringComparison.Ordinal);
            Assert.Contains("href=\"/css/site.css\"", body, StringComparison.Ordinal);
        }
    }

    /// <summary>The GET routes of the app and its API's other methods, with the query names each one reads.</summary>
    private static List<Route> Routes(DangVienApp app)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<Route>();
        foreach (var endpoint in endpoints)
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (template is "/error" || template.StartsWith("/_", StringComparison.Ordinal)
                || endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            // /api and below, as the app reads it (ApiErrors.IsApi): /api-docs, the reference page, is a page.
            var isApi = template == "/api" || template.StartsWith("/api/", StringComparison.Ordinal);
            var declared = QueryNames(endpoint).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var names = declared.Concat(CommonNames).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var method in methods.Where(m => m is "GET" || (isApi && m is "POST")).DefaultIfEmpty(isApi ? "DELETE" : "GET"))
            {
                if (!routes.Any(r => r.Template == template && r.Method == method))
                {
                    routes.Add(new Route(template, method, isApi, names, declared));
                }
            }
        }

        return [.. routes.OrderBy(r => r.Template, StringComparer.Ordinal)];
    }

    /// <summary>The query parameters a page binds (<see cref="SupplyParameterFromQueryAttribute"/>) or an endpoint's handler takes.</summary>
    private static IEnumerable<string> QueryNames(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component)
        {
            return component.Type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(p => p.Attribute is not null)
                .Select(p => p.Attribute!.Name ?? p.Property.Name);
        }

        return endpoint.Metadata.OfType<MethodInfo>()
            .SelectMany(m => m.GetParameters())
            .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is var type && (type.IsPrimitive || type == typeof(string)))
            .Select(p => p.Name!);
    }

    private static async Task<HttpClient> SignedInAsync(DangVienApp app, string userName, int unitId, AccessRole role)
    {
        await app.CreateUserAsync(userName, (unitId, role));
        return await app.SignedInClientAsync(userName);
    }

    /// <summary>A path of this site as a browser reads it: it drops tabs and line breaks first.</summary>
    private static bool IsLocalPath(string location)
    {
        var read = new string([.. location.Where(c => c is not ('\t' or '\r' or '\n'))]);
        return read.StartsWith('/') && !read.StartsWith("//", StringComparison.Ordinal) && !read.StartsWith("/\\", StringComparison.Ordinal)
            && !read.Contains('\u3002', StringComparison.Ordinal);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
