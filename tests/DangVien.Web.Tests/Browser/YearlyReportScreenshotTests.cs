using System.Diagnostics;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The demo province's yearly report in Chromium at phone and desktop width, and its PDF rendered to an image, saved under
/// artifacts/screenshots for a person to look at: the board's table has a row per commune and a total row, the page
/// never scrolls sideways, and the PDF is a landscape A4 naming the province.
/// </summary>
[Trait("Category", "Browser")]
public sealed class YearlyReportScreenshotTests(SharedDemoApp demo) : IClassFixture<SharedDemoApp>
{
    private const int Year = 2025;

    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task The_demo_provinces_yearly_report_and_its_pdf_render_at_phone_and_desktop_width(int width)
    {
        // One app over the demo province for both widths: the test only reads it.
        var (app, baseUrl) = (demo.App, demo.BaseUrl);
        int provinceId;
        int communes;
        await using (var db = app.Database.CreateContext())
        {
            provinceId = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            communes = await db.OrgUnits.CountAsync(u => u.ParentId == provinceId && u.ValidTo == null);
        }

        await demo.UserAsync("quantri", (provinceId, AccessRole.Administrator));
        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "quantri", Accounts.Password);

        await page.GotoAsync($"/reports?unit={provinceId}&year={Year}");
        await Chromium.ScreenshotAsync(page, $"report-yearly-{width}");
        var board = page.Locator("section[aria-labelledby=children-heading]");
        await board.ScreenshotAsync(new() { Path = Path.Combine(Testing.PostgresServer.RepositoryRoot(), "artifacts", "screenshots", $"report-yearly-board-{width}.png") });
        Assert.Equal(communes + 1, await page.Locator("table.report-board tbody tr").CountAsync());
        Assert.Equal("Tổng cộng", (await page.Locator("table.report-board tr.report-total td").First.InnerTextAsync()).Trim());
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must not scroll sideways");

        if (width == 1440)
        {
            var response = await page.Context.APIRequest.GetAsync($"{baseUrl}/reports/export.pdf?unit={provinceId}&year={Year}");
            Assert.Equal(200, response.Status);
            var pdf = await response.BodyAsync();
            var directory = Path.Combine(Testing.PostgresServer.RepositoryRoot(), "artifacts", "screenshots");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, "report-yearly-pdf.pdf");
            await File.WriteAllBytesAsync(path, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "110", path, Path.Combine(directory, "report-yearly-pdf")]))!;
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            Assert.True(File.Exists(Path.Combine(directory, "report-yearly-pdf-1.png")));
        }
    }
}
