using System.Text.RegularExpressions;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Tests.Common;
using DangVien.Core.Tests.Support;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The rules' refusals, next steps, checklist and deadlines read in English when the interface is in English, unchanged in Vietnamese.</summary>
public sealed partial class EnglishRulesTests
{
    private static readonly CandidateFacts Verified = new HistoryBuilder()
        .Add(StageKind.Source, new DateOnly(2025, 9, 1))
        .Add(StageKind.AwarenessCourse, new DateOnly(2025, 10, 1))
        .Add(StageKind.Application, new DateOnly(2025, 11, 1))
        .Add(StageKind.HistoryVerification, new DateOnly(2025, 12, 1))
        .Facts();

    private static readonly CandidateFacts Admitted = HistoryBuilder.ReadyForVote(new DateOnly(2025, 3, 3))
        .Vote(StageKind.CellVote, new DateOnly(2025, 4, 15), 10, 9)
        .Add(StageKind.CommitteeResolution, new DateOnly(2025, 4, 25))
        .Add(StageKind.AdmissionDecision, new DateOnly(2025, 5, 20), e => e.ReceivedOn = new DateOnly(2025, 5, 23))
        .Add(StageKind.Ceremony, new DateOnly(2025, 6, 10))
        .Facts();

    [Fact]
    public void A_step_out_of_order_is_refused_in_English_and_the_Vietnamese_is_unchanged()
    {
        var english = CoreTextTests.InCulture("en", () => AdmissionRules.CheckAllowed(AdmissionAction.RecordCellVote, Verified))!;
        var vietnamese = CoreTextTests.InCulture("vi-VN", () => AdmissionRules.CheckAllowed(AdmissionAction.RecordCellVote, Verified))!;

        Assert.Equal("\"Record the cell vote proposing admission\" cannot be done yet: there is no introducer yet (step 4).", english.Message);
        Assert.Equal("Chưa thể thực hiện \"Ghi nhận chi bộ biểu quyết đề nghị kết nạp\": chưa có người giới thiệu (bước 4).", vietnamese.Message);
        Assert.Equal(
            "\"Record the admission ceremony\" cannot be done yet: the admission ceremony was held on 10/06/2025; if it was recorded wrongly, correct that entry.",
            CoreTextTests.InCulture("en", () => AdmissionRules.CheckAllowed(AdmissionAction.RecordCeremony, Admitted))!.Message);
    }

    [Fact]
    public void Moving_a_unit_under_its_own_cell_is_refused_in_English_and_the_Vietnamese_is_unchanged()
    {
        var commune = new DangVien.Core.Features.Units.UnitFacts(2, "Đảng bộ xã Tân Lập", OrgUnitKind.CommuneCommittee, 1, new("1.2"), null, new DateOnly(2020, 1, 1));
        var cell = new DangVien.Core.Features.Units.UnitFacts(3, "Chi bộ thôn Đồng Tâm", OrgUnitKind.Cell, 2, new("1.2.3"), null, new DateOnly(2020, 1, 1));
        var today = new DateOnly(2026, 8, 3);
        string[] Refusals() => [.. DangVien.Core.Features.Units.ReorganisationRules
            .CheckMove(commune, cell, today, today, DangVien.Core.Features.Access.AccessScope.Everything("quantri")).Select(e => e.Message)];

        Assert.Contains("Đảng bộ xã Tân Lập cannot be moved into Chi bộ thôn Đồng Tâm: Chi bộ thôn Đồng Tâm is a unit under Đảng bộ xã Tân Lập.",
            CoreTextTests.InCulture("en", Refusals));
        Assert.Contains("Không thể chuyển Đảng bộ xã Tân Lập vào Chi bộ thôn Đồng Tâm: Chi bộ thôn Đồng Tâm là đơn vị trực thuộc của Đảng bộ xã Tân Lập.",
            CoreTextTests.InCulture("vi-VN", Refusals));
    }

    [Fact]
    public void A_date_before_the_step_it_follows_is_refused_in_English_and_the_Vietnamese_is_unchanged()
    {
        string Refusal(string label) => AdmissionRules.DateRules("IntroducedOn", label, new DateOnly(2025, 11, 20), StageKind.Introduction,
            Verified.History, new DateOnly(2026, 8, 3)).Single().Message;

        Assert.Equal("Introduction date (20/11/2025) cannot be before the day of the background check (01/12/2025): the steps of admission happen in order.",
            CoreTextTests.InCulture("en", () => Refusal("introduction date")));
        Assert.Equal("Ngày giới thiệu (20/11/2025) không thể trước ngày thẩm tra lý lịch (01/12/2025): các bước kết nạp diễn ra theo thứ tự.",
            CoreTextTests.InCulture("vi-VN", () => Refusal("ngày giới thiệu")));
    }

    [Fact]
    public void Password_and_user_name_rules_read_in_English_and_the_Vietnamese_is_unchanged()
    {
        var describer = new DangVien.Core.Features.Access.VietnameseIdentityErrorDescriber();

        Assert.Equal("The password must have at least 10 characters.", CoreTextTests.InCulture("en", () => describer.PasswordTooShort(10).Description));
        Assert.Equal("Mật khẩu phải có ít nhất 10 ký tự.", CoreTextTests.InCulture("vi-VN", () => describer.PasswordTooShort(10).Description));
        Assert.Equal("A user name may hold only letters without diacritics, digits and the characters - . _ @ +, without spaces.",
            CoreTextTests.InCulture("en", () => describer.InvalidUserName("an nguyen").Description));
    }

    [Fact]
    public void Every_refusal_of_a_step_out_of_order_reads_in_English()
    {
        var files = new[] { new HistoryBuilder().Add(StageKind.Source, new DateOnly(2025, 9, 1)).Facts(), Verified, Admitted };
        var refusals = CoreTextTests.InCulture("en", () => files
            .SelectMany(f => Enum.GetValues<AdmissionAction>().Select(a => AdmissionRules.CheckAllowed(a, f)?.Message))
            .OfType<string>()
            .ToList());

        Assert.True(refusals.Count >= 20, $"only {refusals.Count} refusals");
        Assert.All(refusals, r => Assert.DoesNotMatch(Vietnamese(), r.Replace("KNĐ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Next_steps_checklist_and_deadlines_read_in_English()
    {
        var texts = CoreTextTests.InCulture("en", () =>
        {
            var next = AdmissionRules.NextActions(Admitted, HistoryBuilder.Context()).SelectMany(a => new[] { a.Title, a.Rule });
            var checklist = DossierChecklist.For(Admitted.History, Admitted.Cell.NeedsCommitteeResolution, new DateOnly(2026, 8, 1))
                .SelectMany(i => new[] { i.Title, i.StatusLabel, i.Detail ?? "" });
            var alerts = AlertRules.For(Admitted.History, new DateOnly(2026, 6, 1), HistoryBuilder.Context().Parameters, HistoryBuilder.Context().Calendar)
                .Select(a => a.Rule);
            return next.Concat(checklist).Concat(alerts).ToList();
        });

        Assert.Contains("Record the new member course certificate", texts);
        Assert.All(texts, t => Assert.DoesNotMatch(Vietnamese(), t.Replace("KNĐ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Age_and_certificate_refusals_read_in_English_and_the_Vietnamese_is_unchanged()
    {
        var born = new DateOnly(2008, 5, 20);
        var voteDate = new DateOnly(2026, 3, 2);

        Assert.Equal(
            "Not yet 18 years old (counted in months) on the day of the cell's vote 02/03/2026: born on 20/05/2008, 18 years old from 20/05/2026.",
            CoreTextTests.InCulture("en", () => AdmissionRules.AgeAt("VotedOn", born, voteDate, false))!.Message);
        Assert.Equal(
            "Chưa đủ 18 tuổi (tính theo tháng) vào ngày chi bộ biểu quyết 02/03/2026: sinh ngày 20/05/2008, đủ 18 tuổi từ 20/05/2026.",
            CoreTextTests.InCulture("vi-VN", () => AdmissionRules.AgeAt("VotedOn", born, voteDate, false))!.Message);
        Assert.Equal(
            "There is no Party awareness course certificate issued before the cell's vote on 02/03/2026.",
            CoreTextTests.InCulture("en", () => AdmissionRules.CertificateValidAt("VotedOn", new HistoryBuilder().Facts().History, voteDate, 24))!.Message);
    }

    [GeneratedRegex("[À-ỹ]")]
    private static partial Regex Vietnamese();
}
