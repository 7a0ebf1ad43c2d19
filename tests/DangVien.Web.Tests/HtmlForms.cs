using AngleSharp.Dom;

namespace DangVien.Web.Tests;

/// <summary>Submits a server-rendered form the way a browser with JavaScript off does.</summary>
public static class HtmlForms
{
    /// <summary>
    /// Posts every hidden input of the form (the antiforgery token, Blazor's <c>_handler</c>) plus
    /// <paramref name="fields"/>, to the form's action or, without one, to the page's own address.
    /// Use the client that loaded the page: it holds the antiforgery cookie.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        HttpClient client,
        IDocument page,
        string pageUrl,
        string formSelector,
        params (string Name, string Value)[] fields)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form matches '{formSelector}'.");
        Assert.Equal("post", form.GetAttribute("method"), StringComparer.OrdinalIgnoreCase);
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value") ?? string.Empty))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))
            .ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return client.PostAsync(action, new FormUrlEncodedContent(values));
    }
}
