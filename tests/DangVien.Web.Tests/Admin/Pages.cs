using System.Net;
using AngleSharp.Dom;

namespace DangVien.Web.Tests.Admin;

/// <summary>Small helpers for the account and administration page tests.</summary>
internal static class Pages
{
    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await DangVienApp.ParseAsync(response);
    }

    /// <summary>Where a redirect points, as path and query.</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The validation messages shown inside an element (a field's error container).</summary>
    public static List<string> Messages(IDocument page, string selector) =>
        page.QuerySelectorAll($"{selector} .validation-message").Select(m => m.TextContent).ToList();

    public static List<string[]> Rows(IDocument page, string tableSelector) =>
        page.QuerySelectorAll($"{tableSelector} tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToList();
}

/// <summary>A clock that tests move forward (e.g. past the security-stamp check interval).</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
