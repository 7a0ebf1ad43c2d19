using System.Globalization;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Web.Tests.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// What people do, in Debian's Chromium against the real app and database: the entry forms saying they need JavaScript
/// when it is off, a refused cell vote on a phone, a cell secretary's narrow view, a search typed
/// without diacritics and the CSV download.
/// </summary>
[Trait("Category", "Browser")]
public sealed class WorkflowBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task With_JavaScript_off_the_entry_forms_say_they_need_it_and_the_file_still_reads_in_full()
    {
        var (app, baseUrl, tree) = await StartAsync();
        await using var _ = app;
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var id = await app.WalkAsync(tree.CellA, "Hoàng Văn Đức", StageKind.Source);

        var page = await Chromium.NewPageAsync(baseUrl, 1440, javaScript: false);
        await page.GotoAsync($"/units/{tree.CellA.Id}");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);

        // A new file is entered on an interactive form: without JavaScript it says so in Vietnamese.
        await page.ClickAsync("text=Thêm quần chúng ưu tú");
        Assert.Contains("cần JavaScript", await page.InnerTextAsync("main"));

        // The steps are recorded on interactive forms (StepFormBrowserTests): without JavaScript a step's page says
        // so and links back to the file, which reads in full.
        await page.GotoAsync($"/candidates/{id}");
        Assert.Equal("Hoàng Văn Đức", await page.InnerTextAsync("h1"));
        await page.ClickAsync($".next-actions a:text-is('{AdmissionLabels.Of(AdmissionAction.RecordAwarenessCourse)}')");
        Assert.Contains("Biểu mẫu này cần JavaScript để kiểm tra và ghi nhận.", await page.InnerTextAsync("main"));
        await Chromium.ScreenshotAsync(page, "step-form-without-javascript-1440");
        await page.ClickAsync("main a:text-is('Về hồ sơ')");
        Assert.Equal("Hoàng Văn Đức", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task A_refused_cell_vote_says_why_and_keeps_what_was_typed()
    {
        var (app, baseUrl, tree) = await StartAsync();
        await using var _ = app;
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var id = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");

        var page = await Chromium.NewPageAsync(baseUrl, 360);
        await page.GotoAsync($"/candidates/{id}");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        await page.ClickAsync($".next-actions a:text-is('{AdmissionLabels.Of(AdmissionAction.RecordCellVote)}')");
        await StepInputs.LiveAsync(page);
        await StepInputs.TypeAsync(page, "VotedOn", "05/05/2025");
        await StepInputs.TypeAsync(page, "ResolutionNumber", "12-NQ/CB");
        await StepInputs.TypeAsync(page, "OfficialMembers", "12");
        await StepInputs.TypeAsync(page, "Present", "11");
        await StepInputs.TypeAsync(page, "InFavour", "12");

        // The rule's message comes next to the field as soon as it is left, before anything is sent. The check as you
        // type is a help, not the gate: when it has not answered (CI has twice seen it silent under load, never
        // reproduced), what the form showed is written to the test output and sending the form must still refuse.
        var inFavourMessage = page.Locator(".mud-input-control:has(#f-InFavour) .mud-input-helper-text.mud-input-error");
        try
        {
            await inFavourMessage.WaitForAsync(new() { Timeout = 20_000 });
            Assert.Equal("Số đảng viên tán thành (12) không thể lớn hơn số đảng viên có mặt (11).", await inFavourMessage.InnerTextAsync());
        }
        catch (TimeoutException)
        {
            List<string> shown = [];
            foreach (var field in (string[])["VotedOn", "ResolutionNumber", "OfficialMembers", "Present", "InFavour"])
            {
                shown.Add($"{field}={await page.InputValueAsync(StepInputs.Id(field))}");
            }

            output.WriteLine($"No check as typed after 20 s. Fields: {string.Join(", ", shown)}. Messages: {await StepInputs.MessagesAsync(page)}");
        }

        await page.ClickAsync("#submit-step");
        await page.Locator(".form-summary").WaitForAsync();
        Assert.Contains("Số đảng viên tán thành (12) không thể lớn hơn số đảng viên có mặt (11).", await StepInputs.MessagesAsync(page));
        Assert.Equal("05/05/2025", await page.InputValueAsync("#f-VotedOn"));
        Assert.Equal("12-NQ/CB", await page.InputValueAsync("#f-ResolutionNumber"));
        Assert.Equal("11", await page.InputValueAsync("#f-Present"));
        Assert.Equal("12", await page.InputValueAsync("#f-InFavour"));
        await Chromium.ScreenshotAsync(page, "cell-vote-refused-360");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the refused form must not scroll sideways at 360 px");
        Assert.All(await app.HistoryAsync(id), entry => Assert.Null(entry.Vote));
    }

    [Fact]
    public async Task A_cell_secretary_sees_their_own_cell_its_dashboard_and_nothing_of_the_next_cell()
    {
        var (app, baseUrl, tree) = await StartAsync();
        await using var _ = app;
        await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary));
        var own = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var other = await app.ReadyForVoteAsync(tree.CellB, "Trần Thị Cúc");

        var page = await Chromium.NewPageAsync(baseUrl, 360, javaScript: false);
        await page.GotoAsync("/");
        await Chromium.SignInAsync(page, "bithu", Accounts.Password);
        Assert.Equal(tree.CellA.Name, await page.InnerTextAsync("h1"));
        Assert.Equal(0, await page.Locator(".dash-table").CountAsync());
        await Chromium.ScreenshotAsync(page, "secretary-dashboard-360");

        await page.GotoAsync("/candidates");
        var names = await page.Locator(".candidate-table tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Contains(names, n => n.Contains("Phạm Thị Hồng", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("Trần Thị Cúc", StringComparison.Ordinal));
        Assert.Equal(tree.CellA.Name, await page.InnerTextAsync(".unit-picker__current"));
        await Chromium.ScreenshotAsync(page, "secretary-candidates-360");
        // The unit picker offers the secretary's own cell only.
        await page.FillAsync("#candidates-unit-q", "chi bo");
        await page.PressAsync("#candidates-unit-q", "Enter");
        await page.WaitForURLAsync("**/candidates?unitq=chi*");
        Assert.Equal([tree.CellA.Name], await page.Locator(".unit-picker__results a").AllInnerTextsAsync());

        var response = await page.GotoAsync($"/candidates/{other}");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Không tìm thấy trang", await page.InnerTextAsync("h1"));
        response = await page.GotoAsync($"/?unit={tree.CellB.Id}");
        Assert.NotEqual(200, response!.Status);
        response = await page.GotoAsync($"/units/{tree.CellB.Id}");
        Assert.Equal(404, response!.Status);
        response = await page.GotoAsync($"/candidates/{own}");
        Assert.Equal(200, response!.Status);
    }

    [Fact]
    public async Task A_name_typed_without_diacritics_finds_the_file_and_the_filtered_list_downloads_as_CSV()
    {
        var (app, baseUrl, tree) = await StartAsync();
        await using var _ = app;
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        await app.ReadyForVoteAsync(tree.CellA, "Nguyễn Thị Ánh Tuyết");
        await app.ReadyForVoteAsync(tree.CellB, "Đặng Văn Đức");
        await app.ReadyForVoteAsync(tree.CellB, "Trần Thị Cúc");

        var page = await Chromium.NewPageAsync(baseUrl, 1440, javaScript: false);
        await page.GotoAsync("/candidates");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        Assert.Equal(3, await page.Locator(".candidate-table tbody tr").CountAsync());
        await page.FillAsync("#filter-search", "dang van duc");
        await page.PressAsync("#filter-search", "Enter");
        await page.WaitForLoadStateAsync();
        Assert.Contains("q=dang", page.Url, StringComparison.Ordinal);
        var rows = await page.Locator(".candidate-table tbody tr").AllInnerTextsAsync();
        Assert.Single(rows);
        Assert.Contains("Đặng Văn Đức", rows[0], StringComparison.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Xuất CSV"));
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Họ và tên", lines[0], StringComparison.Ordinal);
        Assert.Contains("Đặng Văn Đức", lines[1], StringComparison.Ordinal);
    }

    private static async Task<(DangVienApp App, string BaseUrl, TinyProvince Tree)> StartAsync()
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var db = app.Database.CreateContext();
        var tree = await TinyProvince.CreateAsync(db, 2026);
        return (app, baseUrl, tree);
    }
}
