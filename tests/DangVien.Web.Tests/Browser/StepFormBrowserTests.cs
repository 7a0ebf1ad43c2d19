using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Tests.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static DangVien.Web.Tests.Browser.StepInputs;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// The interactive step forms in Chromium against the real app and database: a whole admission recorded through
/// them with the pickers, a cell secretary's vote on a phone, a failed vote in red, and what was typed surviving a
/// reload of the page.
/// </summary>
[Trait("Category", "Browser")]
public sealed class StepFormBrowserTests
{
    [Fact]
    public async Task Staff_take_a_candidate_from_the_certificate_to_official_member_through_the_step_forms_with_pickers()
    {
        var (app, baseUrl, tree) = await StartAsync();
        await using var _ = app;
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var members = await app.MembersAsync(tree.CellA);
        var id = await app.WalkAsync(tree.CellA, "Hoàng Văn Đức", StageKind.Source);

        var page = await Chromium.NewPageAsync(baseUrl, 1440);
        await page.GotoAsync($"/candidates/{id}");
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);

        async Task OpenAsync(AdmissionAction action)
        {
            await page.ClickAsync($".next-actions a:text-is('{AdmissionLabels.Of(action)}')");
            await LiveAsync(page);
        }

        async Task DoneAsync(AdmissionAction action)
        {
            await page.ClickAsync("#submit-step");
            try
            {
                await page.WaitForURLAsync($"**/candidates/{id}?notice=*", new() { Timeout = 15_000 });
            }
            catch (TimeoutException)
            {
                await Chromium.ScreenshotAsync(page, $"step-stuck-{action}");
                Assert.Fail($"{action} was not recorded: {await MessagesAsync(page)}");
            }

            Assert.Equal($"Đã ghi nhận: {AdmissionLabels.Of(action)}.", await page.Locator(".notice").First.InnerTextAsync());
        }

        await OpenAsync(AdmissionAction.RecordAwarenessCourse);
        await TypeAsync(page, "IssuedOn", "10/02/2025");
        await TypeAsync(page, "CertificateNumber", "GCN-2025-014");
        await TypeAsync(page, "IssuingCentre", "Trung tâm Chính trị xã Tân Lập");
        await Chromium.ScreenshotAsync(page, "step-awareness-course-1440");
        await DoneAsync(AdmissionAction.RecordAwarenessCourse);

        await OpenAsync(AdmissionAction.RecordApplication);
        await TypeAsync(page, "AppliedOn", "3-3-2025");
        await DoneAsync(AdmissionAction.RecordApplication);

        await OpenAsync(AdmissionAction.RecordHistoryVerification);
        await TypeAsync(page, "VerifiedOn", "07042025");
        await TypeAsync(page, "Result", "Lịch sử chính trị rõ ràng");
        await DoneAsync(AdmissionAction.RecordHistoryVerification);

        await OpenAsync(AdmissionAction.RecordIntroduction);
        Assert.Equal(0, await page.Locator(Id("ResolutionNumber")).CountAsync());
        await TypeAsync(page, "IntroducedOn", "14/04/2025");
        await PickAsync(page, "Introducers[0].MemberId", Fold(members[1].FullName), members[1].FullName);
        await TypeAsync(page, "Introducers[0].KnownSince", "01/09/2018");
        await PickAsync(page, "Introducers[1].MemberId", Fold(members[2].FullName), members[2].FullName);
        await TypeAsync(page, "Introducers[1].KnownSince", "01/09/2018");
        await Chromium.ScreenshotAsync(page, "step-introduction-1440");
        await DoneAsync(AdmissionAction.RecordIntroduction);

        await OpenAsync(AdmissionAction.RecordOpinion);
        await ChooseAsync(page, "Form", "5-KNĐ");
        await TypeAsync(page, "ReceivedOn", "21/04/2025");
        await TypeAsync(page, "Organisation", "Chi đoàn thôn Đồng Tâm");
        await DoneAsync(AdmissionAction.RecordOpinion);

        await OpenAsync(AdmissionAction.RecordCellVote);
        Assert.Equal("12", await page.InputValueAsync(Id("OfficialMembers")));
        await TypeAsync(page, "VotedOn", "05/05/2025");
        await TypeAsync(page, "Present", "11");
        await TypeAsync(page, "InFavour", "10");
        await DoneAsync(AdmissionAction.RecordCellVote);

        await OpenAsync(AdmissionAction.RecordAdmissionDecision);
        await TypeAsync(page, "DecisionNumber", "101-QĐ/ĐU");
        await TypeAsync(page, "DecidedOn", "02/06/2025");
        await TypeAsync(page, "ReceivedOn", "05/06/2025");
        await DoneAsync(AdmissionAction.RecordAdmissionDecision);

        await OpenAsync(AdmissionAction.RecordCeremony);
        await TypeAsync(page, "HeldOn", "20/06/2025");
        await PickAsync(page, "HelperMemberId", Fold(members[3].FullName), members[3].FullName);
        await DoneAsync(AdmissionAction.RecordCeremony);

        await OpenAsync(AdmissionAction.RecordNewMemberCourse);
        await TypeAsync(page, "IssuedOn", "10/10/2025");
        await TypeAsync(page, "CertificateNumber", "DVM-7");
        await TypeAsync(page, "IssuingCentre", "Trung tâm Chính trị xã Tân Lập");
        await DoneAsync(AdmissionAction.RecordNewMemberCourse);

        await OpenAsync(AdmissionAction.RecordRecognitionVote);
        await TypeAsync(page, "VotedOn", "25/06/2026");
        await TypeAsync(page, "Present", "12");
        await TypeAsync(page, "InFavour", "11");
        await DoneAsync(AdmissionAction.RecordRecognitionVote);

        await OpenAsync(AdmissionAction.RecordRecognitionDecision);
        await TypeAsync(page, "DecisionNumber", "205-QĐ/ĐU");
        await TypeAsync(page, "DecidedOn", "10/07/2026");
        await DoneAsync(AdmissionAction.RecordRecognitionDecision);

        Assert.Equal("Đảng viên chính thức", await page.InnerTextAsync(".page-head .badge"));
        await Chromium.ScreenshotAsync(page, "step-journey-official-1440");
        await using var db = app.Database.CreateContext();
        Assert.Equal(MemberStatus.Official, (await db.Members.SingleAsync(m => m.FullName == "Hoàng Văn Đức")).Status);
    }

    [Fact]
    public async Task A_secretary_records_a_failed_vote_on_a_phone_and_it_reads_as_failed_in_red()
    {
        var (app, baseUrl, tree) = await StartAsync();
        await using var _ = app;
        await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary));
        var id = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");

        var page = await Chromium.NewPageAsync(baseUrl, 360);
        await page.GotoAsync(ActionRoutes.Form(id, AdmissionAction.RecordCellVote));
        await Chromium.SignInAsync(page, "bithu", Accounts.Password);
        await LiveAsync(page);
        await TypeAsync(page, "VotedOn", "05/05/2025");
        await TypeAsync(page, "Present", "11");
        await page.FillAsync(Id("InFavour"), "7");

        await page.WaitForSelectorAsync(".vote-tally--fails");
        Assert.Equal("Không đạt: 7/12 tán thành, cần 8.", await page.InnerTextAsync("#vote-tally"));
        Assert.Equal("rgb(179, 38, 30)", await page.Locator("#vote-tally").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await Chromium.ScreenshotAsync(page, "step-cell-vote-fails-360");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the vote form must not scroll sideways at 360 px");
        await page.FillAsync(Id("InFavour"), "8");
        await page.WaitForSelectorAsync(".vote-tally--passes");
        await page.FillAsync(Id("InFavour"), "7");
        await page.WaitForSelectorAsync(".vote-tally--fails");

        await SubmitAsync(page, id);
        var notice = page.Locator(".notice.vote-failed");
        Assert.Contains("KHÔNG ĐẠT", await notice.InnerTextAsync());
        Assert.Contains("7/12", await notice.InnerTextAsync());
        Assert.Equal("rgb(179, 38, 30)", await notice.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Testing.PostgresServer.RepositoryRoot(), "artifacts", "screenshots", "step-cell-vote-failed-file-360.png") });
        var vote = Assert.Single(await app.HistoryAsync(id), e => e.Kind == StageKind.CellVote).Vote!;
        Assert.False(vote.Passed);
    }

    [Fact]
    public async Task What_was_typed_comes_back_after_the_page_is_reloaded_and_a_second_press_records_once()
    {
        var (app, baseUrl, tree) = await StartAsync();
        await using var _ = app;
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var id = await app.WalkAsync(tree.CellA, "Hoàng Văn Đức", StageKind.Source);

        var page = await Chromium.NewPageAsync(baseUrl, 360);
        await page.GotoAsync(ActionRoutes.Form(id, AdmissionAction.RecordAwarenessCourse));
        await Chromium.SignInAsync(page, "vanphong", Accounts.Password);
        await LiveAsync(page);
        await TypeAsync(page, "IssuedOn", "10/02/2025");
        await TypeAsync(page, "CertificateNumber", "GCN-2025-014");
        await TypeAsync(page, "IssuingCentre", "Trung tâm Chính trị xã Tân Lập");

        await page.WaitForFunctionAsync("() => Object.values(sessionStorage).some(v => v.includes('GCN-2025-014') && v.includes('issuingCentre\":\"Trung'))");
        await page.ReloadAsync();
        await LiveAsync(page);
        await page.WaitForFunctionAsync($"() => document.querySelector('{Id("CertificateNumber")}')?.value === 'GCN-2025-014'");
        Assert.Equal("10/02/2025", await page.InputValueAsync(Id("IssuedOn")));
        Assert.Equal("Trung tâm Chính trị xã Tân Lập", await page.InputValueAsync(Id("IssuingCentre")));
        await Chromium.ScreenshotAsync(page, "step-draft-after-reload-360");

        await page.Locator("#submit-step").DblClickAsync();
        await page.WaitForURLAsync($"**/candidates/{id}?notice=*");
        Assert.Single(await app.HistoryAsync(id), e => e.Kind == StageKind.AwarenessCourse);
    }

    private static string Fold(string name) => Core.Common.VietnameseText.Fold(name).ToLowerInvariant().Split(' ')[^1];

    private static async Task<(DangVienApp App, string BaseUrl, TinyProvince Tree)> StartAsync()
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var db = app.Database.CreateContext();
        var tree = await TinyProvince.CreateAsync(db, 2026);
        return (app, baseUrl, tree);
    }
}
