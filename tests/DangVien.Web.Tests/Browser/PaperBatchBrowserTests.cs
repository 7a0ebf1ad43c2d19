using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;

namespace DangVien.Web.Tests.Browser;

/// <summary>The unit page's batch of papers, sent from a phone with JavaScript off, as a plain form.</summary>
[Trait("Category", "Browser")]
public sealed class PaperBatchBrowserTests
{
    [Fact]
    public async Task A_mistyped_date_comes_back_next_to_its_field_and_the_corrected_form_downloads_the_papers()
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, DateTime.Now.Year);
        }

        await app.WalkAsync(tree.CellA, "Trần Thị Hồng Nhung", StageKind.AdmissionDecision);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var unit = $"/units/{tree.Commune.Id}";
        var page = await Chromium.NewPageAsync(baseUrl, 360, javaScript: false);
        await page.GotoAsync(unit);
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        await page.GotoAsync(unit);

        await page.FillAsync("#papers-from", "31/02/2025");
        await page.FillAsync("#papers-to", "30/06/2025");
        await page.ClickAsync(".paper-batch button[type=submit]");
        await page.WaitForURLAsync("**start=31%2F02%2F2025**", new() { Timeout = 15_000 });
        // The page opens at the form, its heading below the fixed bar rather than under it.
        var below = await page.EvaluateAsync<bool>(
            "document.getElementById('papers-heading').getBoundingClientRect().top >= document.querySelector('.app-header').getBoundingClientRect().bottom");
        await Chromium.ScreenshotAsync(page, "unit-papers-refused-360");
        var message = await page.InnerTextAsync("#papers-from-error");
        var kept = (await page.InputValueAsync("#papers-from"), await page.InputValueAsync("#papers-to"));
        var overflows = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        var text = await page.InnerTextAsync("main");

        await page.FillAsync("#papers-from", "01/06/2025");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".paper-batch button[type=submit]"));

        Assert.Equal("Không có ngày 31/02/2025.", message.Trim());
        Assert.Equal(("31/02/2025", "30/06/2025"), kept);
        Assert.True(below, "the form's heading is hidden under the bar");
        Assert.DoesNotContain("}", text, StringComparison.Ordinal);
        Assert.False(overflows, $"{unit} must not scroll sideways with the message shown");
        Assert.Equal("ban-thao-9-KND-2025-06-01-2025-06-30.docx", download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
    }
}
