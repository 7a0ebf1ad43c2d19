using System.Text;
using System.Text.RegularExpressions;
using Bunit;
using DangVien.Web.Components.Layout;
using MudBlazor;
using MudBlazor.Services;

namespace DangVien.Web.Tests.Shell;

/// <summary>
/// The layout links the theme as a stylesheet (css/mud-theme.css, fingerprinted and cached like any static file)
/// instead of rendering MudThemeProvider on every page. The file must be exactly what MudThemeProvider writes for
/// <see cref="DangVienTheme"/>: a change to the theme (or a MudBlazor upgrade) fails here until the file is made again.
/// </summary>
public sealed partial class ThemeStylesheetTests
{
    [Fact]
    public void The_theme_stylesheet_is_what_MudThemeProvider_writes_for_the_apps_theme()
    {
        using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var provider = context.Render<MudThemeProvider>(parameters => parameters.Add(p => p.Theme, DangVienTheme.Theme));

        var expected = Stylesheet(provider.Markup);
        var path = Path.Combine(Testing.PostgresServer.RepositoryRoot(), "src", "DangVien.Web", "wwwroot", "css", "mud-theme.css");
        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (actual != expected)
        {
            var written = Path.Combine(Testing.PostgresServer.RepositoryRoot(), "artifacts", "mud-theme.css");
            Directory.CreateDirectory(Path.GetDirectoryName(written)!);
            File.WriteAllText(written, expected);
            Assert.Fail($"src/DangVien.Web/wwwroot/css/mud-theme.css is not what MudThemeProvider writes for DangVienTheme: copy {written} over it.");
        }
    }

    [Fact]
    public void The_layout_renders_no_MudBlazor_theme_provider_so_pages_carry_no_inline_theme()
    {
        var layout = File.ReadAllText(Path.Combine(Testing.PostgresServer.RepositoryRoot(), "src", "DangVien.Web", "Components", "Layout", "MainLayout.razor"));
        Assert.DoesNotContain("<MudThemeProvider", layout, StringComparison.Ordinal);
        var app = File.ReadAllText(Path.Combine(Testing.PostgresServer.RepositoryRoot(), "src", "DangVien.Web", "Components", "App.razor"));
        Assert.Contains("css/mud-theme.css", app, StringComparison.Ordinal);
    }

    /// <summary>The contents of every style element, in order, as one stylesheet.</summary>
    private static string Stylesheet(string markup)
    {
        var css = new StringBuilder("/* MudBlazor's theme variables for DangVienTheme, as MudThemeProvider writes them; checked by ThemeStylesheetTests. */\n");
        foreach (Match style in StyleElement().Matches(markup))
        {
            css.Append(style.Groups[1].Value.Trim().ReplaceLineEndings("\n")).Append('\n');
        }

        return css.ToString();
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
