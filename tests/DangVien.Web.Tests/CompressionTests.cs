using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DangVien.Web.Tests.Candidates;
using Xunit.Abstractions;

namespace DangVien.Web.Tests;

/// <summary>
/// Brotli and gzip through the real pipeline (docs/PERFORMANCE.md "Light pages", docs/SECURITY.md "Compression and
/// BREACH"): pages and CSV are compressed when the browser asks, identical once decoded; static assets come
/// precompressed with a year-long immutable cache; nothing is compressed for a request another site started.
/// </summary>
public sealed partial class CompressionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_signed_in_page_is_sent_as_brotli_or_gzip_when_asked_and_decodes_to_the_same_page()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var secretary = await app.SecretaryAsync(tree.CellA);

        var plain = await GetAsync(secretary, "/", encoding: null);
        Assert.Equal(HttpStatusCode.OK, plain.Response.StatusCode);
        Assert.Empty(plain.Response.Content.Headers.ContentEncoding);
        var identity = Normalise(plain.Text);
        Assert.Contains("Phạm Thị Hồng", identity, StringComparison.Ordinal);

        foreach (var encoding in new[] { "br", "gzip" })
        {
            var compressed = await GetAsync(secretary, "/", encoding);
            Assert.Equal(HttpStatusCode.OK, compressed.Response.StatusCode);
            Assert.Equal([encoding], compressed.Response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", compressed.Response.Headers.Vary);
            Assert.Equal(identity, Normalise(compressed.Text));
            output.WriteLine($"dashboard: {plain.WireBytes:N0} bytes identity, {compressed.WireBytes:N0} bytes {encoding}");
            Assert.True(compressed.WireBytes * 3 < plain.WireBytes, $"{encoding}: {compressed.WireBytes} of {plain.WireBytes} bytes");
        }

        // Already-compressed downloads and health answers are left alone.
        var xlsx = await GetAsync(secretary, "/candidates/export.xlsx", "br");
        Assert.Equal(HttpStatusCode.OK, xlsx.Response.StatusCode);
        Assert.Empty(xlsx.Response.Content.Headers.ContentEncoding);
        var live = await GetAsync(app.Client(), "/health/live", "br, gzip");
        Assert.Equal(HttpStatusCode.OK, live.Response.StatusCode);
        Assert.Equal("Healthy", live.Text);
    }

    [Fact]
    public async Task The_CSV_export_and_JSON_problems_are_compressed()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var staff = await app.StaffAsync(tree);

        var plain = await GetAsync(staff, "/candidates/export.csv", encoding: null);
        var csv = await GetAsync(staff, "/candidates/export.csv", "gzip, br");
        Assert.Equal(HttpStatusCode.OK, csv.Response.StatusCode);
        Assert.Equal("text/csv", csv.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["br"], csv.Response.Content.Headers.ContentEncoding);
        Assert.Equal(plain.Text, csv.Text);
        Assert.Contains("Phạm Thị Hồng", csv.Text, StringComparison.Ordinal);

        var problem = await GetAsync(staff, "/api/candidates/2147483647", "gzip");
        Assert.Equal(HttpStatusCode.NotFound, problem.Response.StatusCode);
        Assert.Equal("application/problem+json", problem.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["gzip"], problem.Response.Content.Headers.ContentEncoding);
        Assert.Contains("\"status\":404", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fingerprinted_stylesheets_come_precompressed_with_an_immutable_year_long_cache()
    {
        await using var app = await DangVienApp.StartAsync();
        var login = await GetAsync(app.Client(), "/account/login", "br");
        var hrefs = StylesheetLinks().Matches(login.Text).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, hrefs.Count);
        foreach (var href in hrefs)
        {
            var plain = await GetAsync(app.Client(), "/" + href, encoding: null);
            foreach (var encoding in new[] { "br", "gzip" })
            {
                var asset = await GetAsync(app.Client(), "/" + href, encoding);
                Assert.Equal(HttpStatusCode.OK, asset.Response.StatusCode);
                Assert.Equal([encoding], asset.Response.Content.Headers.ContentEncoding);
                Assert.Equal("max-age=31536000, immutable", asset.Response.Headers.CacheControl?.ToString());
                Assert.Equal(plain.Text, asset.Text);
                output.WriteLine($"{href}: {plain.WireBytes:N0} bytes identity, {asset.WireBytes:N0} {encoding}");
            }
        }

        // MudBlazor's stylesheet is linked as our own copy (DangVien.Web.csproj): the package's fingerprinted endpoint has no br or gzip.
        Assert.Matches(@"^lib/mudblazor/MudBlazor\.min\.\w+\.css$", hrefs[0]);
        // The theme's variables, a stylesheet of their own rather than a style element in every page.
        Assert.Matches(@"^css/mud-theme\.\w+\.css$", hrefs[1]);
    }

    [Fact]
    public async Task A_request_another_site_started_is_never_compressed()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var secretary = await app.SecretaryAsync(tree.CellA);

        Assert.Equal(["br"], (await GetAsync(secretary, "/", "br", fetchSite: "same-origin")).Response.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], (await GetAsync(secretary, "/", "br", fetchSite: "none")).Response.Content.Headers.ContentEncoding);
        foreach (var site in new[] { "cross-site", "same-site" })
        {
            var page = await GetAsync(secretary, "/candidates?q=Ph%E1%BA%A1m", "br, gzip", fetchSite: site);
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            Assert.Empty(page.Response.Content.Headers.ContentEncoding);
            var csv = await GetAsync(secretary, "/candidates/export.csv?q=Ph", "br, gzip", fetchSite: site);
            Assert.Empty(csv.Response.Content.Headers.ContentEncoding);
        }

        // The other half of the guidance: the form token is masked anew in every response, so even a compressed
        // page never repeats it for an attacker to guess byte by byte.
        var first = FormToken().Match((await GetAsync(secretary, "/", "br")).Text).Groups[1].Value;
        var second = FormToken().Match((await GetAsync(secretary, "/", "br")).Text).Groups[1].Value;
        Assert.NotEmpty(first);
        Assert.NotEqual(first, second);
    }

    private static async Task<(HttpResponseMessage Response, string Text, int WireBytes)> GetAsync(
        HttpClient client, string url, string? encoding, string? fetchSite = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }

        if (fetchSite is not null)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
        }

        var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Stream body = new MemoryStream(bytes);
        body = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            var other => throw new InvalidOperationException($"unexpected Content-Encoding {other}"),
        };
        using var reader = new StreamReader(body, Encoding.UTF8);
        return (response, await reader.ReadToEndAsync(), bytes.Length);
    }

    /// <summary>The page without what differs from one response to the next (data-protected values: the masked form token).</summary>
    private static string Normalise(string html) => Protected().Replace(html, "protected");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("CfDJ8[A-Za-z0-9_+/=-]+")]
    private static partial Regex Protected();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetLinks();
}
