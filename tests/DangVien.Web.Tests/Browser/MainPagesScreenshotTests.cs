using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The pages the other screenshot tests do not cover (alerts, members, the new-file and next-action
/// forms, the list, the file, the administrator's pages, the password page), over the demo province at
/// phone and desktop width with JavaScript off. None may scroll sideways; the pictures are saved under
/// artifacts/screenshots for a person to look at.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MainPagesScreenshotTests(SharedDemoApp demo) : IClassFixture<SharedDemoApp>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task The_main_pages_fit_a_phone_and_a_desktop(int width)
    {
        // One app over the demo province for both widths: the test only reads it.
        var (app, baseUrl) = (demo.App, demo.BaseUrl);
        int provinceId;
        int cellId;
        int candidateId;
        await using (var db = app.Database.CreateContext())
        {
            provinceId = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            (cellId, candidateId) = await db.Candidates
                .Where(c => c.Stage == CandidateStage.Opinions)
                .OrderBy(c => c.Id)
                .Select(c => new ValueTuple<int, int>(c.CellId, c.Id))
                .FirstAsync();
        }

        await demo.UserAsync("quantri", (provinceId, AccessRole.Administrator));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);

        var pages = new (string Name, string Url)[]
        {
            ("candidates", "/candidates"),
            ("candidate-file", $"/candidates/{candidateId}"),
            ("candidate-new", $"/candidates/new?cell={cellId}"),
            ("candidate-edit", $"/candidates/{candidateId}/edit"),
            ("alerts", "/alerts"),
            ("members", $"/units/{cellId}/members"),
            ("unit-cell", $"/units/{cellId}"),
            ("unit-move", $"/units/{cellId}/move"),
            ("admin-audit", "/admin/audit"),
            ("admin-holidays", "/admin/holidays"),
            ("account-password", "/account/password"),
        };
        var wide = new List<string>();
        foreach (var (name, url) in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url}: {response.Status}");
            await Chromium.ScreenshotAsync(page, $"page-{name}-{width}");
            if (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"))
            {
                wide.Add(url);
            }
        }

        // The next action of a file, as it is reached: from the file page.
        await page.GotoAsync($"/candidates/{candidateId}");
        await page.Locator(".next-actions a").First.ClickAsync();
        await Chromium.ScreenshotAsync(page, $"page-candidate-action-{width}");
        if (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"))
        {
            wide.Add(page.Url);
        }

        // The footer link switches the interface to English; dates stay day first.
        await page.GotoAsync("/");
        await page.ClickAsync(".language-link");
        // On a phone the menu is folded away: its text, not its rendered text.
        Assert.Equal("Overview", await page.TextContentAsync(".app-nav a[href='/']"));
        await Chromium.ScreenshotAsync(page, $"page-dashboard-en-{width}");
        await page.GotoAsync($"/candidates/{candidateId}");
        Assert.Equal("Personal data", await page.InnerTextAsync("#person-heading"));
        await Chromium.ScreenshotAsync(page, $"page-candidate-file-en-{width}");
        if (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"))
        {
            wide.Add(page.Url + " (English)");
        }

        // A step form and the quota sheet in English: labels and hints are longer, the form must still fit.
        await page.Locator(".next-actions a").First.ClickAsync();
        Assert.Equal("Record", await page.InnerTextAsync("#submit-step"));
        await Chromium.ScreenshotAsync(page, $"page-candidate-action-en-{width}");
        if (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"))
        {
            wide.Add(page.Url + " (English)");
        }

        await page.GotoAsync($"/units/{provinceId}/quotas");
        Assert.Equal("Quotas of the units under it", await page.InnerTextAsync("#children-heading"));
        await Chromium.ScreenshotAsync(page, $"page-unit-quotas-en-{width}");
        if (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"))
        {
            wide.Add(page.Url + " (English)");
        }

        Assert.True(wide.Count == 0, $"scroll sideways at {width} px: {string.Join(", ", wide)}");
    }
}
