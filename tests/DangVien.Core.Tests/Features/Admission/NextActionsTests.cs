using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Tests.Support;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The text of every next action's rule, at the stages where its optional parts appear or not.</summary>
public sealed class NextActionsTests
{
    private static readonly CellFacts CellWithoutDecidingUnit = HistoryBuilder.TeachersCell with { DecidingUnitId = null, DecidingUnitName = null };

    private static readonly FormerMemberFacts Former = new(77, "Phan Thị Hạnh", MemberStatus.Left, new DateOnly(2021, 3, 31), false, false, false);

    private static HistoryBuilder Sourced() => new HistoryBuilder().Add(StageKind.Source, new DateOnly(2025, 1, 6), e => e.UnitId = 5);

    private static HistoryBuilder Voted() => HistoryBuilder.ReadyForVote(new DateOnly(2025, 3, 3)).Vote(StageKind.CellVote, new DateOnly(2025, 4, 15), 10, 9);

    private static HistoryBuilder Decided() => Voted()
        .Add(StageKind.CommitteeResolution, new DateOnly(2025, 4, 25))
        .Add(StageKind.AdmissionDecision, new DateOnly(2025, 5, 20), e => e.ReceivedOn = new DateOnly(2025, 5, 23));

    private static HistoryBuilder Admitted() => Decided().Add(StageKind.Ceremony, new DateOnly(2025, 6, 10));

    private static HistoryBuilder Probation() => Admitted().Add(StageKind.NewMemberCourse, new DateOnly(2025, 9, 5));

    /// <summary>Files at every stage, with and without the facts that change a rule's text.</summary>
    private static readonly Dictionary<string, CandidateFacts> States = new()
    {
        ["sourced"] = Sourced().Facts(),
        ["certificate"] = Sourced().Add(StageKind.AwarenessCourse, new DateOnly(2025, 2, 3)).Facts(),
        ["applied"] = Sourced().Add(StageKind.AwarenessCourse, new DateOnly(2025, 2, 3)).Add(StageKind.Application, new DateOnly(2025, 2, 10)).Facts(),
        ["verified"] = Sourced()
            .Add(StageKind.AwarenessCourse, new DateOnly(2025, 2, 3))
            .Add(StageKind.Application, new DateOnly(2025, 2, 10))
            .Add(StageKind.HistoryVerification, new DateOnly(2025, 2, 24))
            .Facts(),
        ["ready for vote"] = HistoryBuilder.ReadyForVote(new DateOnly(2025, 3, 3)).Facts(),
        ["ready for vote, readmission"] = HistoryBuilder.ReadyForVote(new DateOnly(2025, 3, 3)).Facts(former: Former),
        ["ready for vote, readmission with conviction"] = HistoryBuilder.ReadyForVote(new DateOnly(2025, 3, 3))
            .Facts(former: Former with { HadCriminalConviction = true }),
        ["voted"] = Voted().Facts(),
        ["voted, no deciding unit"] = Voted().Facts(cell: CellWithoutDecidingUnit),
        ["resolved, extended"] = Voted()
            .Add(StageKind.CommitteeResolution, new DateOnly(2025, 4, 25))
            .Add(StageKind.DecisionExtension, new DateOnly(2025, 6, 2))
            .Facts(),
        ["resolved, no deciding unit"] = Voted().Add(StageKind.CommitteeResolution, new DateOnly(2025, 4, 25)).Facts(cell: CellWithoutDecidingUnit),
        ["decided"] = Decided().Facts(),
        ["decided, late consent"] = Decided().Add(StageKind.LateCeremonyConsent, new DateOnly(2025, 7, 1)).Facts(),
        ["admitted"] = Admitted().Facts(),
        ["probation"] = Probation().Facts(),
        ["one failed recognition vote"] = Probation().Vote(StageKind.RecognitionVote, new DateOnly(2026, 6, 15), 10, 5).Facts(),
        ["three failed recognition votes"] = Probation()
            .Vote(StageKind.RecognitionVote, new DateOnly(2026, 6, 15), 10, 5)
            .Vote(StageKind.RecognitionVote, new DateOnly(2026, 6, 25), 10, 5)
            .Vote(StageKind.RecognitionVote, new DateOnly(2026, 7, 1), 10, 5)
            .Facts(),
        ["referred"] = Probation()
            .Vote(StageKind.RecognitionVote, new DateOnly(2026, 6, 15), 10, 5)
            .Vote(StageKind.RecognitionVote, new DateOnly(2026, 6, 25), 10, 5)
            .Vote(StageKind.RecognitionVote, new DateOnly(2026, 7, 1), 10, 5)
            .Add(StageKind.ReferredToSuperior, new DateOnly(2026, 7, 6))
            .Facts(),
        ["recognition voted"] = Probation().Vote(StageKind.RecognitionVote, new DateOnly(2026, 6, 15), 10, 9).Facts(),
        ["recognition voted, extended"] = Probation()
            .Vote(StageKind.RecognitionVote, new DateOnly(2026, 6, 15), 10, 9)
            .Add(StageKind.DecisionExtension, new DateOnly(2026, 7, 1))
            .Facts(),
    };

    [Theory]
    [InlineData("sourced", AdmissionAction.RecordAwarenessCourse,
        "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng có giá trị 60 tháng và phải còn hạn vào ngày chi bộ biểu quyết.")]
    [InlineData("certificate", AdmissionAction.RecordAwarenessCourse,
        "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng có giá trị 60 tháng và phải còn hạn vào ngày chi bộ biểu quyết. Giấy hiện có cấp ngày 03/02/2025, còn hạn đến hết ngày 02/02/2030.")]
    [InlineData("ready for vote", AdmissionAction.RenewIntroduction,
        "Quá 12 tháng kể từ ngày lập hồ sơ mà chi bộ chưa xét thì phải làm lại giấy giới thiệu và nghị quyết giới thiệu của Đoàn / Công đoàn. Hồ sơ hiện còn giá trị đến hết ngày 02/03/2026.")]
    [InlineData("ready for vote", AdmissionAction.RecordCellVote,
        "Nghị quyết chi bộ (6-KNĐ) thông qua khi có ít nhất hai phần ba số đảng viên chính thức của chi bộ tán thành (tính trên tổng số đảng viên chính thức, không phải số có mặt). Vào ngày biểu quyết, người vào Đảng phải đủ 18 tuổi đến 60 tuổi tính theo tháng (đủ 18 tuổi từ 12/04/2018, quá 60 tuổi từ 12/05/2060); giấy chứng nhận lớp bồi dưỡng còn hạn đến hết ngày 02/12/2029; hồ sơ còn giá trị đến hết ngày 02/03/2026.")]
    [InlineData("ready for vote, readmission with conviction", AdmissionAction.RecordReadmissionConsent,
        "Kết nạp lại phải có văn bản đồng ý của ban thường vụ tỉnh ủy, và chỉ được xét khi đã ra khỏi Đảng ít nhất 36 tháng (60 tháng đối với người đã bị án hình sự). Được xét từ ngày 31/03/2026.")]
    [InlineData("voted", AdmissionAction.ExtendDecision,
        "Cấp ủy có thẩm quyền có thể gia hạn thêm 30 ngày làm việc, một lần, có lý do, trước khi hết hạn (hạn hiện tại: 08/07/2025).")]
    [InlineData("resolved, extended", AdmissionAction.RecordAdmissionDecision,
        "Đảng ủy xã Hòa An ra quyết định kết nạp (9-KNĐ) trong 60 ngày làm việc kể từ ngày chi bộ có nghị quyết, đã gia hạn thêm 30 ngày làm việc, tức chậm nhất ngày 19/08/2025.")]
    [InlineData("resolved, no deciding unit", AdmissionAction.RecordAdmissionDecision,
        "Cấp ủy có thẩm quyền ra quyết định kết nạp (9-KNĐ) trong 60 ngày làm việc kể từ ngày chi bộ có nghị quyết, tức chậm nhất ngày 08/07/2025.")]
    [InlineData("decided", AdmissionAction.RecordCeremony,
        "Tổ chức lễ kết nạp trong 30 ngày làm việc kể từ ngày chi bộ nhận quyết định, tức chậm nhất ngày 04/07/2025; ngày lễ kết nạp là ngày vào Đảng. Phân công đảng viên chính thức giúp đỡ đảng viên dự bị.")]
    [InlineData("decided, late consent", AdmissionAction.RecordCeremony,
        "Tổ chức lễ kết nạp trong 30 ngày làm việc kể từ ngày chi bộ nhận quyết định, đã có sự đồng ý tổ chức chậm của cấp ủy cấp trên; ngày lễ kết nạp là ngày vào Đảng. Phân công đảng viên chính thức giúp đỡ đảng viên dự bị.")]
    [InlineData("probation", AdmissionAction.RecordRecognitionVote,
        "Dự bị 12 tháng kể từ ngày kết nạp 10/06/2025, đến hết ngày 09/06/2026. Chi bộ xét công nhận chính thức từ ngày 10/06/2026 đến chậm nhất ngày 21/07/2026 (30 ngày làm việc); cần ít nhất hai phần ba số đảng viên chính thức của chi bộ tán thành.")]
    [InlineData("one failed recognition vote", AdmissionAction.RecordRecognitionVote,
        "Dự bị 12 tháng kể từ ngày kết nạp 10/06/2025, đến hết ngày 09/06/2026. Chi bộ xét công nhận chính thức từ ngày 10/06/2026 đến chậm nhất ngày 21/07/2026 (30 ngày làm việc); cần ít nhất hai phần ba số đảng viên chính thức của chi bộ tán thành. Đã biểu quyết không đạt 1 lần; sau 3 lần thì báo cáo cấp ủy cấp trên.")]
    [InlineData("recognition voted", AdmissionAction.RecordRecognitionDecision,
        "Cấp ủy có thẩm quyền quyết định trong 30 ngày làm việc kể từ ngày chi bộ biểu quyết, tức chậm nhất ngày 27/07/2026; quyết định công nhận có hiệu lực từ ngày hết 12 tháng dự bị (10/06/2026), dù họp muộn.")]
    [InlineData("referred", AdmissionAction.RecordRecognitionDecision,
        "Cấp ủy cấp trên xem xét, quyết định; quyết định công nhận có hiệu lực từ ngày hết 12 tháng dự bị (10/06/2026), dù họp muộn.")]
    public void Rule_text_has_its_optional_parts_exactly_when_the_file_has_their_facts(string state, AdmissionAction action, string rule)
    {
        var next = Assert.Single(AdmissionRules.NextActions(States[state], HistoryBuilder.Context()), a => a.Action == action);

        Assert.Equal(rule, next.Rule);
    }

    [Theory]
    [InlineData("sourced", AdmissionAction.RecordAwarenessCourse, null)]
    [InlineData("certificate", AdmissionAction.RecordAwarenessCourse, "2030-02-02")]
    [InlineData("decided", AdmissionAction.RecordCeremony, "2025-07-04")]
    [InlineData("decided, late consent", AdmissionAction.RecordCeremony, null)]
    [InlineData("admitted", AdmissionAction.RecordNewMemberCourse, "2026-06-09")]
    [InlineData("recognition voted, extended", AdmissionAction.RecordRecognitionDecision, "2026-09-07")]
    [InlineData("referred", AdmissionAction.RecordRecognitionDecision, null)]
    public void Due_date_is_the_deadline_of_the_action_or_none(string state, AdmissionAction action, string? due)
    {
        var next = Assert.Single(AdmissionRules.NextActions(States[state], HistoryBuilder.Context()), a => a.Action == action);

        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), next.DueBy);
    }

    [Fact]
    public void Every_action_has_a_title_and_a_rule_with_every_value_filled_in()
    {
        var actions = States.Values.SelectMany(facts => AdmissionRules.NextActions(facts, HistoryBuilder.Context())).ToList();

        Assert.Equal(Enum.GetValues<AdmissionAction>().Order(), actions.Select(a => a.Action).Distinct().Order());
        Assert.All(actions, a =>
        {
            Assert.Equal(AdmissionLabels.Of(a.Action), a.Title);
            Assert.DoesNotContain("{", a.Rule, StringComparison.Ordinal);
            Assert.DoesNotContain("}", a.Rule, StringComparison.Ordinal);
            Assert.EndsWith(".", a.Rule, StringComparison.Ordinal);
        });
    }
}
