using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace DangVien.Web.Tests;

/// <summary>
/// Posts a server-rendered form as a browser without JavaScript does: the form's fields with their
/// current values (the antiforgery token, Blazor's <c>_handler</c>, what the page filled in), the given
/// ones replacing them (a name given twice sends both, as ticked checkboxes do), to the form's action
/// or, without one, to the page's own address. Use the client that loaded the page: it holds the
/// antiforgery cookie. One implementation behind every form post of the web tests.
/// </summary>
public static class Forms
{
    /// <summary>Every field of the form, the given ones replaced.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, string pageUrl, string formSelector, params (string Name, string Value)[] values) =>
        PostAsync(client, Form(page, formSelector), pageUrl, values, hiddenOnly: false);

    /// <summary>GETs the page, then submits its form.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, params (string Name, string Value)[] values)
    {
        var response = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SubmitAsync(client, await DangVienApp.ParseAsync(response), pageUrl, formSelector, values);
    }

    /// <summary>
    /// Only the form's hidden inputs (token, handler, version) and the given fields: for a test that
    /// says exactly what a person typed, leaving every other box empty.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitTypedAsync(HttpClient client, IDocument page, string pageUrl, string formSelector, params (string Name, string Value)[] values)
    {
        var form = Form(page, formSelector);
        Assert.Equal("post", form.GetAttribute("method"), StringComparer.OrdinalIgnoreCase);
        return PostAsync(client, form, pageUrl, values, hiddenOnly: true);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string formSelector, Dictionary<string, string> values) =>
        await SubmitAsync(client, await DangVienApp.ParseAsync(await client.GetAsync(pageUrl)), pageUrl, formSelector, [.. values.Select(v => (v.Key, v.Value))]);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IHtmlFormElement form, Dictionary<string, string> values) =>
        PostAsync(client, form, pageUrl, [.. values.Select(v => (v.Key, v.Value))], hiddenOnly: false);

    public static IHtmlFormElement Form(IDocument page, string selector) =>
        page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form '{selector}'");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlFormElement form, string pageUrl, IReadOnlyList<(string Name, string Value)> values, bool hiddenOnly)
    {
        var given = values.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when !given.Contains(name) && input.Type == "hidden":
                    fields.Add(new(name, input.Value));
                    break;
                case var _ when hiddenOnly:
                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when !given.Contains(name) && input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when !given.Contains(name) && input.Type is not ("submit" or "button" or "checkbox" or "radio"):
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select when !given.Contains(name):
                    fields.AddRange(select.SelectedOptions.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } area when !given.Contains(name):
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
