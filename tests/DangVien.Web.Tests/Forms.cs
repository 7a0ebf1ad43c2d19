using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace DangVien.Web.Tests;

/// <summary>
/// Posts a server-rendered form as a browser would: GET the page, take every field of the form
/// (the antiforgery token, the handler name, current values), change the given ones, POST it.
/// </summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string formSelector, Dictionary<string, string> values)
    {
        var page = await DangVienApp.ParseAsync(await client.GetAsync(pageUrl));
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        return await PostAsync(client, pageUrl, form, values);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IHtmlFormElement form, Dictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked && !values.ContainsKey(name))
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is not ("submit" or "button"):
                    if (!values.ContainsKey(name))
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select when !values.ContainsKey(name):
                    fields.AddRange(select.SelectedOptions.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } area when !values.ContainsKey(name):
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        fields.AddRange(values);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static IHtmlFormElement Form(IDocument page, string selector) =>
        page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form '{selector}'");
}
