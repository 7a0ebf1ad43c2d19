using DangVien.Core.Domain;
using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The API reference (/api-docs) in Chromium at phone and desktop width: Scalar's script runs under the site's CSP
/// (nonce), reads /openapi/v1.json and lists the operations; nothing is asked of another host.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ApiReferenceBrowserTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task The_api_reference_renders_the_operations_with_the_app_s_own_scripts(int width)
    {
        // One app for both widths: the test only reads.
        var baseUrl = shared.BaseUrl;
        var root = await shared.OnceAsync("root", TinyProvince.CreateRootAsync);
        await shared.UserAsync("vanphong", (root, AccessRole.CommitteeStaff));

        var page = await Chromium.NewPageAsync(baseUrl, width);
        var refused = new List<string>();
        var elsewhere = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(baseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync("/api-docs");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        await page.GotoAsync("/api-docs");
        await page.GetByText("/api/units/{id}/quotas/{year}").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await Chromium.ScreenshotAsync(page, $"api-reference-{width}");

        Assert.Empty(refused);
        Assert.Empty(elsewhere);
    }
}
