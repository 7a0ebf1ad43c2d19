using Bunit;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Members;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Tests.Interactive;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;
using static DangVien.Web.Tests.Interactive.StepPages;

namespace DangVien.Web.Tests.Candidates;

public sealed class CandidateJourneyTests
{
    [Fact]
    public async Task Committee_staff_take_a_candidate_from_source_to_official_member_through_the_forms()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var app = host.App;
        var staff = await app.SignedInClientAsync("vanphong");
        var members = await app.MembersAsync(tree.CellA);

        // The unit page of the cell leads to the form of a new file.
        var unitPage = await staff.PageAsync($"/units/{tree.CellA.Id}");
        Assert.NotNull(unitPage.QuerySelector($"a[href='/candidates/new?cell={tree.CellA.Id}']"));
        var newPage = PersonFormPages.OpenNew(host, tree.CellA.Id);
        var categories = newPage.FindAll(".step-chips .step-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.True(categories.Count >= 16, "the sixteen default source categories are offered");
        Type(newPage, "FullName", "Phạm Thị Hồng");
        Type(newPage, "DateOfBirth", "12/04/2000");
        await ChooseAsync<NewCandidatePage, Sex?>(newPage, "Sex", Sex.Female);
        Type(newPage, "CitizenId", "001300004567");
        Type(newPage, "Occupation", "Giáo viên");
        PersonFormPages.ChooseChips(newPage, categories[0], categories[14]);
        await PickAsync<NewCandidatePage, MemberOption>(newPage, "MentorMemberId", members[0].FullName, m => m.Id == members[0].Id);
        Type(newPage, "SourcedOn", "06/01/2025");
        Type(newPage, "DocumentNumber", "01-DS/CB");
        var id = PersonFormPages.SubmitAndWaitForNewFile(newPage, "created");
        var fileUrl = ActionRoutes.File(id);
        var file = await staff.PageAsync(fileUrl + "?notice=created");
        Assert.Equal("Phạm Thị Hồng", file.QuerySelector("h1").Text());
        Assert.Equal("Đã lập hồ sơ quần chúng ưu tú.", file.QuerySelector(".notice").Text());
        Assert.Equal(2, file.QuerySelectorAll(".tags li").Length);
        Assert.Equal("001300004567", file.QuerySelectorAll(".facts div").First(d => d.QuerySelector("dt").Text() == "Số CCCD").QuerySelector("dd").Text());

        // Each step's form, like the new file's, is interactive, filled as a person fills it.
        async Task Step(AdmissionAction action, Func<IRenderedComponent<CandidateActionPage>, Task> fill)
        {
            // Each step is taken from the file's list of next actions, as a person would.
            var before = await staff.PageAsync(fileUrl);
            var url = ActionRoutes.Form(id, action);
            Assert.True(before.QuerySelector($".next-actions a[href='{url}']") is not null, $"{action} is offered on the file page");
            var page = Open(host, url, anotherTab: true);
            await fill(page);
            SubmitAndWaitForFile(page, id, action);
            var after = await staff.PageAsync(ActionRoutes.Done(id, action));
            Assert.Equal($"Đã ghi nhận: {AdmissionLabels.Of(action)}.", after.QuerySelector(".notice").Text());
        }

        void Fill(IRenderedComponent<CandidateActionPage> page, params (string Field, string Value)[] values)
        {
            foreach (var (field, value) in values)
            {
                Type(page, field, value);
            }
        }

        Task Typed(AdmissionAction action, params (string Field, string Value)[] values) =>
            Step(action, page =>
            {
                Fill(page, values);
                return Task.CompletedTask;
            });

        Task PickMemberAsync(IRenderedComponent<CandidateActionPage> page, string field, int index) =>
            PickAsync<CandidateActionPage, MemberOption>(page, field, VietnameseText.Fold(members[index].FullName).ToLowerInvariant(), m => m.Id == members[index].Id);

        await Typed(AdmissionAction.RecordAwarenessCourse,
            ("CertificateNumber", "GCN-2025-014"), ("IssuingCentre", "Trung tâm Chính trị xã Tân Lập"), ("IssuedOn", "10/02/2025"));
        await Typed(AdmissionAction.RecordApplication, ("AppliedOn", "03/03/2025"), ("Note", "Đơn viết tay"));
        await Typed(AdmissionAction.RecordHistoryVerification,
            ("VerifiedOn", "07/04/2025"), ("Result", "Lịch sử chính trị rõ ràng"), ("CertifiedBy", "Đảng ủy xã Tân Lập"));
        await Step(AdmissionAction.RecordIntroduction, async page =>
        {
            await ChooseAsync<CandidateActionPage, IntroductionBasis?>(page, "Basis", IntroductionBasis.TwoMembers);
            Fill(page, ("IntroducedOn", "14/04/2025"));
            await PickMemberAsync(page, "Introducers[0].MemberId", 1);
            Fill(page, ("Introducers[0].KnownSince", "01/09/2018"));
            await PickMemberAsync(page, "Introducers[1].MemberId", 2);
            Fill(page, ("Introducers[1].KnownSince", "1/9/2018"));
        });
        await Step(AdmissionAction.RecordOpinion, async page =>
        {
            await ChooseAsync<CandidateActionPage, OpinionForm?>(page, "Form", OpinionForm.Organisation);
            Fill(page, ("ReceivedOn", "21/04/2025"), ("Organisation", "Chi đoàn thôn Đồng Tâm"));
        });
        await Step(AdmissionAction.RecordCellVote, page =>
        {
            Assert.Equal("12", Value(page, "OfficialMembers"));
            Fill(page, ("VotedOn", "05/05/2025"), ("ResolutionNumber", "12-NQ/CB"), ("Present", "11"), ("InFavour", "10"));
            return Task.CompletedTask;
        });

        // A cell directly under the commune committee needs no grassroots committee resolution.
        var voted = await staff.PageAsync(fileUrl);
        Assert.Null(voted.QuerySelector($"a[href='{ActionRoutes.Form(id, AdmissionAction.RecordCommitteeResolution)}']"));
        Assert.Contains("trong 60 ngày làm việc", voted.QuerySelector(".next-actions").Text());

        await Typed(AdmissionAction.RecordAdmissionDecision,
            ("DecisionNumber", "101-QĐ/ĐU"), ("DecidedOn", "02/06/2025"), ("ReceivedOn", "05/06/2025"));
        await Step(AdmissionAction.RecordCeremony, async page =>
        {
            Fill(page, ("HeldOn", "20/06/2025"));
            await PickMemberAsync(page, "HelperMemberId", 3);
        });
        await Typed(AdmissionAction.RecordNewMemberCourse,
            ("CertificateNumber", "DVM-7"), ("IssuingCentre", "Trung tâm Chính trị xã Tân Lập"), ("IssuedOn", "10/10/2025"));
        await Typed(AdmissionAction.RecordRecognitionVote,
            ("VotedOn", "25/06/2026"), ("OfficialMembers", "12"), ("Present", "12"), ("InFavour", "11"));
        await Typed(AdmissionAction.RecordRecognitionDecision, ("DecisionNumber", "205-QĐ/ĐU"), ("DecidedOn", "10/07/2026"));

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
