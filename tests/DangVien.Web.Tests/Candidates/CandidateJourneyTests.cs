using System.Globalization;
using System.Net;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Web.Components.Pages.Candidates;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Candidates;

public sealed class CandidateJourneyTests
{
    [Fact]
    public async Task Committee_staff_take_a_candidate_from_source_to_official_member_through_the_forms()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var members = await app.MembersAsync(tree.CellA);
        string Id(int index) => members[index].Id.ToString(CultureInfo.InvariantCulture);

        // The unit page of the cell leads to the form of a new file.
        var unitPage = await staff.PageAsync($"/units/{tree.CellA.Id}");
        Assert.NotNull(unitPage.QuerySelector($"a[href='/candidates/new?cell={tree.CellA.Id}']"));
        var newPage = await staff.PageAsync($"/candidates/new?cell={tree.CellA.Id}");
        var categories = newPage.QuerySelectorAll("input[name='Input.CategoryIds']").Select(c => c.GetAttribute("value")!).ToList();
        Assert.True(categories.Count >= 16, "the sixteen default source categories are offered");
        var created = await Forms.SubmitAsync(staff, newPage, $"/candidates/new?cell={tree.CellA.Id}", "#create-candidate",
            ("Input.FullName", "Phạm Thị Hồng"),
            ("Input.DateOfBirth", "12/04/2000"),
            ("Input.Sex", nameof(Sex.Female)),
            ("Input.CitizenId", "001300004567"),
            ("Input.Occupation", "Giáo viên"),
            ("Input.CategoryIds", categories[0]),
            ("Input.CategoryIds", categories[14]),
            ("Input.MentorMemberId", Id(0)),
            ("Input.SourcedOn", "06/01/2025"),
            ("Input.DocumentNumber", "01-DS/CB"));
        var fileUrl = RedirectTarget(created).Split('?')[0];
        var id = int.Parse(fileUrl["/candidates/".Length..], CultureInfo.InvariantCulture);
        var file = await staff.PageAsync(fileUrl + "?notice=created");
        Assert.Equal("Phạm Thị Hồng", file.QuerySelector("h1").Text());
        Assert.Equal("Đã lập hồ sơ quần chúng ưu tú.", file.QuerySelector(".notice").Text());
        Assert.Equal(2, file.QuerySelectorAll(".tags li").Length);
        Assert.Equal("001300004567", file.QuerySelectorAll(".facts div").First(d => d.QuerySelector("dt").Text() == "Số CCCD").QuerySelector("dd").Text());

        async Task Step(AdmissionAction action, params (string Name, string Value)[] values)
        {
            // Each step is taken from the file's list of next actions, as a person would.
            var before = await staff.PageAsync(fileUrl);
            var url = ActionRoutes.Form(id, action);
            Assert.True(before.QuerySelector($".next-actions a[href='{url}']") is not null, $"{action} is offered on the file page");
            var response = await Forms.SubmitAsync(staff, url, "#action-form", values);
            if (response.StatusCode != HttpStatusCode.Found)
            {
                var refused = await DangVienApp.ParseAsync(response);
                Assert.Fail($"{action} refused: {string.Join(" | ", refused.QuerySelectorAll(".validation-message, .form-error, .notice--error").Select(e => e.Text()))}");
            }

            Assert.Equal(ActionRoutes.Done(id, action), RedirectTarget(response));
            var after = await staff.PageAsync(RedirectTarget(response));
            Assert.Equal($"Đã ghi nhận: {AdmissionLabels.Of(action)}.", after.QuerySelector(".notice").Text());
        }

        await Step(AdmissionAction.RecordAwarenessCourse,
            ("Input.CertificateNumber", "GCN-2025-014"), ("Input.IssuingCentre", "Trung tâm Chính trị xã Tân Lập"), ("Input.IssuedOn", "10/02/2025"));
        await Step(AdmissionAction.RecordApplication, ("Input.AppliedOn", "03/03/2025"), ("Input.Note", "Đơn viết tay"));
        await Step(AdmissionAction.RecordHistoryVerification,
            ("Input.VerifiedOn", "07/04/2025"), ("Input.Result", "Lịch sử chính trị rõ ràng"), ("Input.CertifiedBy", "Đảng ủy xã Tân Lập"));
        await Step(AdmissionAction.RecordIntroduction,
            ("Input.IntroducedOn", "14/04/2025"), ("Input.Basis", nameof(IntroductionBasis.TwoMembers)),
            ("Input.Introducer1", Id(1)), ("Input.Introducer1KnownSince", "01/09/2018"),
            ("Input.Introducer2", Id(2)), ("Input.Introducer2KnownSince", "1/9/2018"));
        await Step(AdmissionAction.RecordOpinion,
            ("Input.Form", nameof(OpinionForm.Organisation)), ("Input.ReceivedOn", "21/04/2025"), ("Input.Organisation", "Chi đoàn thôn Đồng Tâm"));
        var voteForm = await staff.PageAsync(ActionRoutes.Form(id, AdmissionAction.RecordCellVote));
        Assert.Equal("12", voteForm.QuerySelector("#f-OfficialMembers")!.GetAttribute("value"));
        await Step(AdmissionAction.RecordCellVote,
            ("Input.VotedOn", "05/05/2025"), ("Input.ResolutionNumber", "12-NQ/CB"), ("Input.OfficialMembers", "12"), ("Input.Present", "11"), ("Input.InFavour", "10"));

        // A cell directly under the commune committee needs no grassroots committee resolution.
        var voted = await staff.PageAsync(fileUrl);
        Assert.Null(voted.QuerySelector($"a[href='{ActionRoutes.Form(id, AdmissionAction.RecordCommitteeResolution)}']"));
        Assert.Contains("trong 60 ngày làm việc", voted.QuerySelector(".next-actions").Text());

        await Step(AdmissionAction.RecordAdmissionDecision,
            ("Input.DecisionNumber", "101-QĐ/ĐU"), ("Input.DecidedOn", "02/06/2025"), ("Input.ReceivedOn", "05/06/2025"));
        await Step(AdmissionAction.RecordCeremony, ("Input.HeldOn", "20/06/2025"), ("Input.HelperMemberId", Id(3)));
        await Step(AdmissionAction.RecordNewMemberCourse,
            ("Input.CertificateNumber", "DVM-7"), ("Input.IssuingCentre", "Trung tâm Chính trị xã Tân Lập"), ("Input.IssuedOn", "10/10/2025"));
        await Step(AdmissionAction.RecordRecognitionVote,
            ("Input.VotedOn", "25/06/2026"), ("Input.OfficialMembers", "12"), ("Input.Present", "12"), ("Input.InFavour", "11"));
        await Step(AdmissionAction.RecordRecognitionDecision, ("Input.DecisionNumber", "205-QĐ/ĐU"), ("Input.DecidedOn", "10/07/2026"));

        var official = await staff.PageAsync(fileUrl);
        Assert.Equal("Đảng viên chính thức", official.QuerySelector(".page-head .badge").Text());
        Assert.Equal(12, official.QuerySelectorAll(".timeline__entry").Length);
        Assert.Empty(official.QuerySelectorAll(".next-actions a"));
        Assert.Contains("Hồ sơ đã kết thúc", official.QuerySelector("#next-heading")!.ParentElement.Text());
        var timeline = official.QuerySelectorAll(".timeline__entry").Select(e => (Date: e.QuerySelector(".timeline__date").Text(), Title: e.QuerySelector(".timeline__title").Text())).ToList();
        Assert.Equal(("06/01/2025", "Đưa vào danh sách quần chúng ưu tú"), timeline[0]);
        Assert.Equal(("20/06/2026", "Quyết định công nhận đảng viên chính thức"), timeline[^1]);
        Assert.Contains("15-KNĐ · số 205-QĐ/ĐU · Đảng bộ xã Tân Lập · ký ngày 10/07/2026", official.QuerySelectorAll(".timeline__document").Select(p => p.Text()));
        Assert.All(official.QuerySelectorAll(".timeline__meta"), meta => Assert.StartsWith("Ghi bởi vanphong lúc 03/08/2026", meta.Text()));
        Assert.Equal(["Đề nghị kết nạp", "Công nhận chính thức"], official.QuerySelectorAll(".votes-table tbody tr td:nth-child(2)").Select(td => td.Text()));

        await using var db = app.Database.CreateContext();
        var member = await db.Members.SingleAsync(m => m.CandidateId == id);
        Assert.Equal(MemberStatus.Official, member.Status);
        Assert.Equal(new DateOnly(2026, 6, 20), member.RecognisedOn);
    }
}
