using AngleSharp.Dom;

namespace DangVien.Web.Tests;

/// <summary>What the Content-Security-Policy and the static pages' promises forbid in a page's markup.</summary>
public static class Markup
{
    /// <summary>Script elements with a body of their own (the CSP's script-src 'self' refuses them): none is allowed.</summary>
    public static List<string> InlineScripts(IDocument page) =>
        page.QuerySelectorAll("script").Where(s => !s.HasAttribute("src") || s.TextContent.Trim().Length > 0).Select(s => s.OuterHtml).ToList();

    /// <summary>The markers blazor.web.js starts an interactive root from: none on a static page.</summary>
    public static bool HasInteractiveRoot(string html) =>
        html.Contains("<!--Blazor:{\"type\":\"server\"", StringComparison.Ordinal)
        || html.Contains("<!--Blazor:{\"type\":\"auto\"", StringComparison.Ordinal)
        || html.Contains("<!--Blazor:{\"type\":\"webassembly\"", StringComparison.Ordinal);
}
