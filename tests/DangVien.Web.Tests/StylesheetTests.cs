namespace DangVien.Web.Tests;

public sealed class StylesheetTests
{
    [Fact]
    public void The_stylesheet_has_balanced_braces_so_no_rule_hides_inside_a_media_block()
    {
        var css = File.ReadAllText(Path.Combine(Testing.PostgresServer.RepositoryRoot(), "src", "DangVien.Web", "wwwroot", "css", "site.css"));
        var depth = 0;
        var line = 1;
        foreach (var c in css)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            line += c == '\n' ? 1 : 0;
            Assert.True(depth >= 0, $"an extra '}}' at line {line}");
            if (c == '\n' && depth > 0)
            {
                continue;
            }
        }

        Assert.Equal(0, depth);
    }
}
