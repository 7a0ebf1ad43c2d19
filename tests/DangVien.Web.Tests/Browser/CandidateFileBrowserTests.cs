using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;
using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class CandidateFileBrowserTests
{
    [Fact]
    public async Task Staff_create_a_file_record_two_stages_and_correct_one_by_clicking_on_a_phone()
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, DateTime.Now.Year);
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        // A phone first: cell secretaries and staff often work on one.
        var page = await Chromium.NewPageAsync(baseUrl, 360);
        await page.GotoAsync($"/units/{tree.CellA.Id}");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);

        await page.ClickAsync("text=Thêm quần chúng ưu tú");
        await StepInputs.LiveAsync(page);
        await Chromium.ScreenshotAsync(page, "candidate-new-360");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the new-file form must not scroll sideways at 360 px");
        await StepInputs.TypeAsync(page, "FullName", "Nguyễn Thị Ánh Tuyết");
        await StepInputs.TypeAsync(page, "DateOfBirth", "15082001");
        await StepInputs.ChooseAsync(page, "Sex", "Nữ");
        await StepInputs.TypeAsync(page, "CitizenId", "001301012345");
        await StepInputs.TypeAsync(page, "HomeTown", "Xã Tân Lập, tỉnh Thử Nghiệm");
        await StepInputs.TypeAsync(page, "Occupation", "Giáo viên mầm non");
        await page.ClickAsync(".step-chips .step-chip:has-text('Đoàn viên thanh niên')");
        await page.ClickAsync(".step-chips .step-chip:has-text('Giáo viên, nhân viên y tế')");
        await page.Locator(".step-chips .step-chip--chosen").Nth(1).WaitForAsync();
        var mentor = (await app.MembersAsync(tree.CellA))[0].FullName;
        await StepInputs.PickAsync(page, "MentorMemberId", mentor.Split(' ')[^1], mentor);
        await StepInputs.TypeAsync(page, "SourcedOn", "5-1-2026");
        await Chromium.ScreenshotAsync(page, "candidate-new-filled-360");
        await page.ClickAsync("#submit-step");
        await page.WaitForURLAsync("**notice=created");
        Assert.Equal("Nguyễn Thị Ánh Tuyết", await page.InnerTextAsync("h1"));

        await page.ClickAsync(".next-actions >> text=Ghi nhận giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng");
        await StepInputs.LiveAsync(page);
        await StepInputs.TypeAsync(page, "CertificateNumber", "GCN-2026-031");
        await StepInputs.TypeAsync(page, "IssuingCentre", "Trung tâm Chính trị xã Tân Lập");
        await StepInputs.TypeAsync(page, "IssuedOn", "10/02/2026");
        await page.ClickAsync("#submit-step");
        await page.WaitForURLAsync("**notice=*");
        Assert.Equal("Đã ghi nhận: Ghi nhận giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng.", await page.InnerTextAsync(".notice"));

        await page.ClickAsync(".next-actions >> text=Ghi nhận đơn xin vào Đảng và lý lịch");
        await StepInputs.LiveAsync(page);
        await StepInputs.TypeAsync(page, "AppliedOn", "02/03/2026");
        await StepInputs.TypeAsync(page, "Note", "Đơn viết tay, lý lịch khai đầy đủ");
        await Chromium.ScreenshotAsync(page, "candidate-action-360");
        await page.ClickAsync("#submit-step");
        await page.WaitForURLAsync("**notice=*");
        Assert.Equal("Đã ghi nhận: Ghi nhận đơn xin vào Đảng và lý lịch.", await page.InnerTextAsync(".notice"));
        Assert.Equal(3, await page.Locator(".timeline__entry").CountAsync());
        Assert.Equal("Đã nộp đơn và lý lịch", await page.InnerTextAsync(".page-head .badge"));

        // The application's date was typed wrong: a correction keeps the old entry, struck through.
        await page.ClickAsync(".timeline__entry:last-child .timeline__actions a");
        await StepInputs.LiveAsync(page);
        await StepInputs.TypeAsync(page, "Date", "03/03/2026");
        await StepInputs.TypeAsync(page, "Reason", "Ghi nhầm ngày làm đơn");
        await Chromium.ScreenshotAsync(page, "candidate-correction-360");
        await page.ClickAsync("#submit-step");
        await page.WaitForURLAsync("**notice=*");
        Assert.Equal("Đã ghi đính chính vào hồ sơ.", await page.InnerTextAsync(".notice"));
        Assert.Equal(1, await page.Locator(".timeline__entry.is-superseded").CountAsync());
        Assert.Contains("Ghi nhầm ngày làm đơn", await page.InnerTextAsync(".timeline__correction"));

        await Chromium.ScreenshotAsync(page, "candidate-file-360");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the file page must not scroll sideways at 360 px");
        await page.SetViewportSizeAsync(1440, 900);
        await Chromium.ScreenshotAsync(page, "candidate-file-1440");
        Assert.Empty(await page.Locator("main script, script:not([src])").AllAsync());
    }
}
