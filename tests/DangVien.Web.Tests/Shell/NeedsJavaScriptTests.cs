using System.Globalization;
using DangVien.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DangVien.Web.Tests.Shell;

/// <summary>The notice an entry page shows when JavaScript is off: in a noscript element, pointing to the reading page.</summary>
public sealed class NeedsJavaScriptTests
{
    [Theory]
    [InlineData("vi-VN", "Trang này cần JavaScript để nhập liệu. Bật JavaScript, hoặc xem <a href=\"/candidates/42\">trang xem không cần JavaScript</a>.")]
    [InlineData("en", "This page needs JavaScript to enter data. Turn JavaScript on, or see <a href=\"/candidates/42\">the page that reads without JavaScript</a>.")]
    public async Task Without_JavaScript_an_entry_page_says_so_and_links_to_its_reading_page(string language, string expected)
    {
        var html = await RenderAsync(language, new() { [nameof(NeedsJavaScript.ReadUrl)] = "/candidates/42" });

        Assert.StartsWith("<noscript>", html.Trim(), StringComparison.Ordinal);
        Assert.Contains(expected, Normalise(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_text_can_name_the_reading_page()
    {
        var html = await RenderAsync("vi-VN", new() { [nameof(NeedsJavaScript.ReadUrl)] = "/units/7", [nameof(NeedsJavaScript.LinkText)] = "trang đơn vị" });

        Assert.Contains("hoặc xem <a href=\"/units/7\">trang đơn vị</a>.", Normalise(html), StringComparison.Ordinal);
    }

    private static async Task<string> RenderAsync(string language, Dictionary<string, object?> parameters)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddLocalization(options => options.ResourcesPath = "Resources")
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<NeedsJavaScript>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Letters as text (the renderer alone writes Vietnamese as character references), runs of white space as one.</summary>
    private static string Normalise(string html) => System.Text.RegularExpressions.Regex.Replace(System.Net.WebUtility.HtmlDecode(html), @"\s+", " ");
}
