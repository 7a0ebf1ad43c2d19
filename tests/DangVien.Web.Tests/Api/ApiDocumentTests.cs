using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using DangVien.Web.Tests.Candidates;

namespace DangVien.Web.Tests.Api;

/// <summary>The OpenAPI document describes every answer, the browsable reference, and the API's language.</summary>
public sealed partial class ApiDocumentTests
{
    /// <summary>
    /// Every operation of /openapi/v1.json: a 200 with a schema, a 401 problem (every /api call needs a sign-in), a 404
    /// problem when the path names a record, a 400 problem when it takes any parameter; every error response with its
    /// schema. An endpoint that returns a bare <c>IResult</c> has none of these, so this fails until it is typed.
    /// </summary>
    [Fact]
    public async Task Every_operation_documents_its_200_schema_and_its_error_responses()
    {
        await using var app = await DangVienApp.StartAsync();
        var document = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var missing = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "put" or "post" or "delete" or "patch"))
            {
                operations++;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var responses = operation.Value.GetProperty("responses");
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                var expected = new List<string> { "200", "401" };
                if (parameters.Any(p => p.GetProperty("in").GetString() == "path"))
                {
                    expected.Add("404");
                }

                if (parameters.Count > 0 || operation.Value.TryGetProperty("requestBody", out _))
                {
                    expected.Add("400");
                }

                foreach (var status in expected.Where(s => !responses.TryGetProperty(s, out _)))
                {
                    missing.Add($"{name}: no {status} response");
                }

                foreach (var response in responses.EnumerateObject())
                {
                    if (!response.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().Any())
                    {
                        missing.Add($"{name}: {response.Name} has no content");
                        continue;
                    }

                    foreach (var media in content.EnumerateObject())
                    {
                        if (!media.Value.TryGetProperty("schema", out var schema))
                        {
                            missing.Add($"{name}: {response.Name} {media.Name} has no schema");
                        }
                        else if (!Resolves(schema, schemas))
                        {
                            missing.Add($"{name}: {response.Name} {media.Name} names a schema the document lacks");
                        }
                        else if (response.Name != "200" && !IsProblem(schema, schemas))
                        {
                            missing.Add($"{name}: {response.Name} is not a problem");
                        }
                    }
                }
            }
        }

        Assert.True(operations >= 11, $"only {operations} operations");
        Assert.Empty(missing);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/units/{id}/reports/trend", "/api/units/{id}/reports/{year}", "/api/units/{id}/quotas/{year}", "/api/categories" })
        {
            Assert.Contains(path, paths);
        }

        Assert.True(document.GetProperty("paths").GetProperty("/api/units/{id}/quotas/{year}").TryGetProperty("put", out var put));
        Assert.True(put.GetProperty("responses").TryGetProperty("409", out _));
    }

    [Fact]
    public async Task The_api_reference_is_for_signed_in_users_and_loads_only_the_app_s_own_scripts()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;

        var anonymous = await app.Client().GetAsync("/api-docs");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var staff = await app.StaffAsync(tree);
        var response = await staff.GetAsync("/api-docs");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var target = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            Assert.Equal("/api-docs/", target.AbsolutePath);
            response = await staff.GetAsync(target);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("unsafe", policy.Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);

        // Every script tag carries this response's nonce and every source is the app's own.
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.True(scripts.Count >= 2, html);
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", s, StringComparison.Ordinal));
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        foreach (var source in Source().Matches(html).Select(m => m.Groups[1].Value))
        {
            var asset = await staff.GetAsync(new Uri(response.RequestMessage!.RequestUri!, source));
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{source}: {(int)asset.StatusCode}");
            Assert.True((await asset.Content.ReadAsByteArrayAsync()).Length > 100, source);
        }

        // A second response has another nonce; the pages keep the policy without one.
        var again = string.Join(";", (await staff.GetAsync(response.RequestMessage!.RequestUri)).Headers.GetValues("Content-Security-Policy"));
        Assert.NotEqual(nonce, Nonce().Match(again).Groups[1].Value);
        var page = string.Join(";", (await staff.GetAsync("/candidates")).Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("nonce-", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_are_written_in_the_language_asked_for_by_Accept_Language()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var token = await ApiTests.CreateTokenAsync(staff, "ngôn ngữ");
        var unit = tree.Commune.Id;

        async Task<JsonElement> ProblemAsync(string url, string? language, bool withToken = true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (withToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (language is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            var response = await app.Client().SendAsync(request);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }

        // From an endpoint (UiText and CoreText), the authentication handler, and the error writer of unknown paths.
        var year = await ProblemAsync($"/api/units/{unit}/reports/10000", "en-US,en;q=0.9");
        Assert.Equal("Invalid request", year.GetProperty("title").GetString());
        Assert.DoesNotMatch("[À-ỹ]", year.GetProperty("detail").GetString()!);
        Assert.Equal("Yêu cầu không hợp lệ", (await ProblemAsync($"/api/units/{unit}/reports/10000", null)).GetProperty("title").GetString());
        Assert.Equal("Yêu cầu không hợp lệ", (await ProblemAsync($"/api/units/{unit}/reports/10000", "vi,en;q=0.8")).GetProperty("title").GetString());
        Assert.Equal("Yêu cầu không hợp lệ", (await ProblemAsync($"/api/units/{unit}/reports/10000", "fr")).GetProperty("title").GetString());

        var stage = await ProblemAsync("/api/candidates?stage=nope", "en");
        Assert.StartsWith("The stage “nope” is not valid", stage.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Not found", (await ProblemAsync($"/api/units/{tree.Province.Id}", "en")).GetProperty("title").GetString());
        Assert.Equal("Not found", (await ProblemAsync("/api/nothing-here", "en")).GetProperty("title").GetString());
        Assert.Equal("Invalid request", (await ProblemAsync("/api/units?page=abc", "en")).GetProperty("title").GetString());
        var anonymous = await ProblemAsync("/api/units", "en", withToken: false);
        Assert.Equal("Not authenticated", anonymous.GetProperty("title").GetString());
        Assert.Contains("Bearer", anonymous.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Chưa xác thực", (await ProblemAsync("/api/units", null, withToken: false)).GetProperty("title").GetString());

        // The pages' language cookie does not steer the API, nor Accept-Language the pages.
        var english = await app.Client().GetAsync("/language?ui=en&returnUrl=%2F");
        var cookie = english.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".dangvien.language=", StringComparison.Ordinal)).Split(';')[0];
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, $"/api/units/{unit}/reports/10000");
        withCookie.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        withCookie.Headers.Add("Cookie", cookie);
        var problem = JsonDocument.Parse(await (await app.Client().SendAsync(withCookie)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Yêu cầu không hợp lệ", problem.GetProperty("title").GetString());
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        pageRequest.Headers.AcceptLanguage.ParseAdd("en");
        var login = await DangVienApp.ParseAsync(await app.Client().SendAsync(pageRequest));
        Assert.Equal("vi", login.DocumentElement.GetAttribute("lang"));
    }

    private static bool Resolves(JsonElement schema, JsonElement schemas)
    {
        var text = schema.GetRawText();
        return RefName().Matches(text).All(m => schemas.TryGetProperty(m.Groups[1].Value, out _));
    }

    private static bool IsProblem(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference)
        && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target)
        && target.TryGetProperty("properties", out var properties)
        && properties.TryGetProperty("title", out _)
        && properties.TryGetProperty("detail", out _)
        && properties.TryGetProperty("status", out _);

    [GeneratedRegex("""'nonce-([^']+)'""")]
    private static partial Regex Nonce();

    [GeneratedRegex("""<script[^>]*>""")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("""<script[^>]*\ssrc="([^"]+)"[^>]*>""")]
    private static partial Regex Source();

    [GeneratedRegex(""""\$ref"\s*:\s*"#/components/schemas/([^"]+)"""")]
    private static partial Regex RefName();
}
