using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Tests.Support;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>Each rule of <see cref="AdmissionRules"/> at its boundary, without a database.</summary>
public sealed class AdmissionRulesTests
{
    private static readonly WorkingDayCalendar Calendar = new(World.Tet2026);

    private static RecordCellVoteRequest Vote(DateOnly on, int official = 10, int present = 10, int inFavour = 9) =>
        new() { CandidateId = 1, VotedOn = on, OfficialMembers = official, Present = present, InFavour = inFavour };

    private static IReadOnlyList<FieldError> CheckVote(CandidateFacts facts, RecordCellVoteRequest vote, AdmissionParameters? parameters = null) =>
        AdmissionRules.CheckCellVote(facts, vote, new Dictionary<int, MemberFacts>
        {
            [101] = HistoryBuilder.Member(101),
            [102] = HistoryBuilder.Member(102),
        }, HistoryBuilder.Context(parameters));

    // ------------------------------------------------------------------ age

    [Fact]
    public void Age_the_day_before_the_18th_birthday_is_refused_with_the_rule_named()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts(born: new DateOnly(2008, 5, 20));

        var errors = CheckVote(facts, Vote(new DateOnly(2026, 5, 19)));

        var error = Assert.Single(errors);
        Assert.Equal(new FieldError("VotedOn",
            "Chưa đủ 18 tuổi (tính theo tháng) vào ngày chi bộ biểu quyết 19/05/2026: sinh ngày 20/05/2008, đủ 18 tuổi từ 20/05/2026."), error);
    }

    [Fact]
    public void Age_on_the_18th_birthday_passes()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts(born: new DateOnly(2008, 5, 20));

        Assert.Empty(CheckVote(facts, Vote(new DateOnly(2026, 5, 20))));
    }

    [Fact]
    public void Someone_born_on_29_February_is_18_from_1_March()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), AdmissionRules.EighteenFrom(new DateOnly(2008, 2, 29)));
        Assert.NotNull(AdmissionRules.AgeAt("VotedOn", new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28), false));
        Assert.Null(AdmissionRules.AgeAt("VotedOn", new DateOnly(2008, 2, 29), new DateOnly(2026, 3, 1), false));
    }

    [Fact]
    public void Age_counted_in_whole_months_allows_60_years_and_0_months_and_refuses_the_first_day_past_60_years()
    {
        var born = new DateOnly(1966, 5, 20);
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts(born: born);

        Assert.Equal(new DateOnly(2026, 6, 20), AdmissionRules.PastSixtyFrom(born));
        Assert.Empty(CheckVote(facts, Vote(new DateOnly(2026, 5, 20))));
        Assert.Empty(CheckVote(facts, Vote(new DateOnly(2026, 6, 19))));
        var error = Assert.Single(CheckVote(facts, Vote(new DateOnly(2026, 6, 22))));
        Assert.Equal("VotedOn", error.Field);
        Assert.StartsWith("Quá 60 tuổi (tính theo tháng) vào ngày chi bộ biểu quyết 22/06/2026: sinh ngày 20/05/1966, quá 60 tuổi từ 20/06/2026.", error.Message);
        Assert.NotNull(AdmissionRules.AgeAt("VotedOn", born, new DateOnly(2026, 6, 20), hasOverSixtyConsent: false));
    }

    [Fact]
    public void Over_60_passes_when_the_consent_is_recorded()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2))
            .Add(StageKind.EligibilityException, new DateOnly(2026, 3, 20), e => e.ExceptionKind = EligibilityExceptionKind.OverSixty)
            .Facts(born: new DateOnly(1960, 1, 1));

        Assert.Empty(CheckVote(facts, Vote(new DateOnly(2026, 6, 22))));
    }

    [Fact]
    public void A_consent_dated_after_the_vote_does_not_count()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2))
            .Add(StageKind.EligibilityException, new DateOnly(2026, 7, 1), e => e.ExceptionKind = EligibilityExceptionKind.OverSixty)
            .Facts(born: new DateOnly(1960, 1, 1));

        Assert.Single(CheckVote(facts, Vote(new DateOnly(2026, 6, 22))));
        Assert.Empty(CheckVote(facts, Vote(new DateOnly(2026, 7, 1))));
    }

    // ------------------------------------------------------------ education

    [Fact]
    public void Primary_education_is_refused_without_the_exception_and_passes_with_it()
    {
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2));

        var refused = CheckVote(history.Facts(education: GeneralEducation.Primary), Vote(new DateOnly(2026, 4, 1)));
        var error = Assert.Single(refused);
        Assert.Contains("chưa đạt trung học cơ sở", error.Message);

        history.Add(StageKind.EligibilityException, new DateOnly(2026, 3, 20), e => e.ExceptionKind = EligibilityExceptionKind.PrimaryEducationArea);
        Assert.Empty(CheckVote(history.Facts(education: GeneralEducation.Primary), Vote(new DateOnly(2026, 4, 1))));
    }

    [Fact]
    public void Literacy_only_needs_the_village_elder_consent_not_the_primary_area_one()
    {
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2))
            .Add(StageKind.EligibilityException, new DateOnly(2026, 3, 20), e => e.ExceptionKind = EligibilityExceptionKind.PrimaryEducationArea);
        Assert.Single(CheckVote(history.Facts(education: GeneralEducation.Literate), Vote(new DateOnly(2026, 4, 1))));

        history.Add(StageKind.EligibilityException, new DateOnly(2026, 3, 21), e => e.ExceptionKind = EligibilityExceptionKind.LiteracyVillageElder);
        Assert.Empty(CheckVote(history.Facts(education: GeneralEducation.Literate), Vote(new DateOnly(2026, 4, 1))));
    }

    // ---------------------------------------------------------- two thirds

    [Theory]
    [InlineData(9, 6, true)]
    [InlineData(9, 5, false)]
    [InlineData(10, 7, true)]
    [InlineData(10, 6, false)]
    [InlineData(3, 2, true)]
    [InlineData(3, 1, false)]
    public void Two_thirds_of_the_official_members_not_of_those_present(int official, int inFavour, bool passes) =>
        Assert.Equal(passes, AdmissionRules.PassesTwoThirds(official, inFavour));

    [Theory]
    [InlineData(44, 30)]
    [InlineData(24, 16)]
    [InlineData(9, 6)]
    [InlineData(10, 7)]
    [InlineData(3, 2)]
    [InlineData(1, 1)]
    public void The_fewest_votes_that_pass_pass_and_one_fewer_does_not(int official, int needed)
    {
        Assert.Equal(needed, AdmissionRules.InFavourNeeded(official));
        Assert.True(AdmissionRules.PassesTwoThirds(official, needed));
        Assert.False(AdmissionRules.PassesTwoThirds(official, needed - 1));
    }

    [Fact]
    public void Six_of_six_present_in_a_cell_of_ten_official_members_does_not_pass()
    {
        Assert.False(AdmissionRules.PassesTwoThirds(officialMembers: 10, inFavour: 6));
    }

    [Fact]
    public void In_favour_cannot_exceed_present_and_present_cannot_exceed_official()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts();

        var errors = CheckVote(facts, Vote(new DateOnly(2026, 4, 1), official: 9, present: 10, inFavour: 11));

        Assert.Contains(errors, e => e.Field == "Present" && e.Message.Contains("(10) không thể lớn hơn số đảng viên chính thức của chi bộ (9)"));
        Assert.Contains(errors, e => e.Field == "InFavour" && e.Message.Contains("(11) không thể lớn hơn số đảng viên có mặt (10)"));
    }

    // ---------------------------------------------------------- certificate

    [Fact]
    public void Certificate_is_valid_on_its_last_day_and_not_the_day_after()
    {
        var history = new HistoryBuilder()
            .Add(StageKind.Source, new DateOnly(2021, 3, 1))
            .Add(StageKind.AwarenessCourse, new DateOnly(2021, 5, 20), e => e.DocumentNumber = "GCN-99")
            .Add(StageKind.Application, new DateOnly(2026, 1, 5))
            .Add(StageKind.HistoryVerification, new DateOnly(2026, 2, 2))
            .Add(StageKind.Introduction, new DateOnly(2026, 3, 2), e => e.Introducers = [new Introducer { MemberId = 101 }, new Introducer { MemberId = 102 }])
            .Add(StageKind.Opinion, new DateOnly(2026, 3, 9));
        var facts = history.Facts();

        Assert.Equal(new DateOnly(2026, 5, 19), AdmissionRules.CertificateLastValidDay(new DateOnly(2021, 5, 20), 60));
        Assert.Empty(CheckVote(facts, Vote(new DateOnly(2026, 5, 19))));
        var error = Assert.Single(CheckVote(facts, Vote(new DateOnly(2026, 5, 20))));
        Assert.Equal("VotedOn", error.Field);
        Assert.Equal(
            "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng số GCN-99 cấp ngày 20/05/2021 đã hết hạn: giấy có giá trị 60 tháng, đến hết ngày 19/05/2026, "
            + "còn chi bộ biểu quyết ngày 20/05/2026. Người vào Đảng phải học lại lớp bồi dưỡng.",
            error.Message);
    }

    [Fact]
    public void Certificate_validity_is_a_parameter()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts();
        var certificate = facts.History.LatestCertificate!.EffectiveOn;
        var shortened = new AdmissionParameters(CertificateValidityMonths: 4, DossierRenewalMonths: 12);

        var lastValid = AdmissionRules.CertificateLastValidDay(certificate, 4);

        Assert.Empty(CheckVote(facts, Vote(lastValid), shortened));
        Assert.Single(CheckVote(facts, Vote(lastValid.AddDays(1)), shortened));
    }

    // -------------------------------------------------------------- dossier

    [Fact]
    public void Dossier_older_than_12_months_at_the_vote_needs_an_introduction_renewal()
    {
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2025, 4, 14));

        Assert.Empty(CheckVote(history.Facts(), Vote(new DateOnly(2026, 4, 13))));
        var error = Assert.Single(CheckVote(history.Facts(), Vote(new DateOnly(2026, 4, 14))));
        Assert.Contains("Quá 12 tháng kể từ ngày lập hồ sơ (giới thiệu ngày 14/04/2025, còn giá trị đến hết ngày 13/04/2026)", error.Message);

        history.Add(StageKind.IntroductionRenewal, new DateOnly(2026, 4, 10));
        Assert.Empty(CheckVote(history.Facts(), Vote(new DateOnly(2026, 4, 14))));
    }

    // ------------------------------------------------------------ deadlines

    [Fact]
    public void Decision_on_the_60th_working_day_passes_and_on_the_61st_is_late_Tet_2026_not_counted()
    {
        var vote = new DateOnly(2026, 1, 15);
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2025, 12, 1)).Vote(StageKind.CellVote, vote, 10, 8).History;

        // Without the five Tết days the 60th working day would be 09/04/2026.
        Assert.Equal(new DateOnly(2026, 4, 9), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(vote, 60));
        Assert.Equal(new DateOnly(2026, 4, 16), AdmissionRules.AdmissionDecisionDeadline(history, Calendar));
        Assert.Null(AdmissionRules.AdmissionDecisionInTime("DecidedOn", history, new DateOnly(2026, 4, 16), Calendar));
        var late = AdmissionRules.AdmissionDecisionInTime("DecidedOn", history, new DateOnly(2026, 4, 17), Calendar);
        Assert.NotNull(late);
        Assert.Equal("DecidedOn", late.Field);
        Assert.StartsWith(
            "Quá hạn ra quyết định kết nạp: trong 60 ngày làm việc kể từ ngày chi bộ có nghị quyết (15/01/2026), tức chậm nhất ngày 16/04/2026; "
            + "quyết định ngày 17/04/2026 là ngày làm việc thứ 61.",
            late.Message);
    }

    [Fact]
    public void An_extension_gives_30_more_working_days_to_the_decision()
    {
        var vote = new DateOnly(2026, 1, 15);
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2025, 12, 1))
            .Vote(StageKind.CellVote, vote, 10, 8)
            .Add(StageKind.DecisionExtension, new DateOnly(2026, 4, 1), e => e.ExtensionWorkingDays = 30)
            .History;

        Assert.Equal(new DateOnly(2026, 5, 28), AdmissionRules.AdmissionDecisionDeadline(history, Calendar));
        Assert.Null(AdmissionRules.AdmissionDecisionInTime("DecidedOn", history, new DateOnly(2026, 5, 28), Calendar));
        Assert.NotNull(AdmissionRules.AdmissionDecisionInTime("DecidedOn", history, new DateOnly(2026, 5, 29), Calendar));
    }

    [Fact]
    public void Extension_must_be_decided_before_the_60_working_days_run_out_and_only_once()
    {
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2025, 12, 1)).Vote(StageKind.CellVote, new DateOnly(2026, 1, 15), 10, 8);
        ExtendDecisionRequest Extend(DateOnly on) => new() { CandidateId = 1, ExtendedOn = on, Reason = "Chờ kết quả thẩm tra bổ sung" };

        Assert.Empty(AdmissionRules.CheckExtendDecision(history.Facts(), Extend(new DateOnly(2026, 4, 16)), HistoryBuilder.Context()));
        Assert.Single(AdmissionRules.CheckExtendDecision(history.Facts(), Extend(new DateOnly(2026, 4, 17)), HistoryBuilder.Context()));

        history.Add(StageKind.DecisionExtension, new DateOnly(2026, 4, 1), e => e.ExtensionWorkingDays = 30);
        var again = Assert.Single(AdmissionRules.CheckExtendDecision(history.Facts(), Extend(new DateOnly(2026, 4, 2)), HistoryBuilder.Context()));
        Assert.Contains("chỉ được gia hạn một lần", again.Message);
    }

    [Fact]
    public void Ceremony_within_30_working_days_of_the_decision_reaching_the_cell_later_only_with_consent()
    {
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2025, 10, 1))
            .Vote(StageKind.CellVote, new DateOnly(2025, 12, 1), 10, 8)
            .Add(StageKind.CommitteeResolution, new DateOnly(2025, 12, 10))
            .Add(StageKind.AdmissionDecision, new DateOnly(2026, 1, 26), e => e.ReceivedOn = new DateOnly(2026, 2, 2));
        var ceremony = (DateOnly on) => new RecordCeremonyRequest { CandidateId = 1, HeldOn = on, HelperMemberId = 101 };
        var helper = HistoryBuilder.Member(101);

        Assert.Equal(new DateOnly(2026, 3, 23), AdmissionRules.CeremonyDeadline(history.History, Calendar));
        Assert.Empty(AdmissionRules.CheckCeremony(history.Facts(), ceremony(new DateOnly(2026, 3, 23)), helper, HistoryBuilder.Context()));
        var late = Assert.Single(AdmissionRules.CheckCeremony(history.Facts(), ceremony(new DateOnly(2026, 3, 24)), helper, HistoryBuilder.Context()));
        Assert.Equal("HeldOn", late.Field);
        Assert.Equal(
            "Quá hạn tổ chức lễ kết nạp: trong 30 ngày làm việc kể từ ngày chi bộ nhận quyết định (02/02/2026), tức chậm nhất ngày "
            + "23/03/2026; lễ kết nạp ngày 24/03/2026. Tổ chức chậm hơn phải có sự đồng ý của cấp ủy cấp trên, ghi nhận trước.",
            late.Message);
        Assert.Equal(
            "The admission ceremony is overdue: it is due within 30 working days of the day the cell received the decision (02/02/2026), "
            + "that is by 23/03/2026 at the latest; the ceremony was on 24/03/2026. A later ceremony needs the superior committee's agreement, recorded first.",
            DangVien.Core.Tests.Common.CoreTextTests.InCulture("en", () => AdmissionRules.CeremonyInTime("HeldOn", history.History, new DateOnly(2026, 3, 24), Calendar)!.Message));

        history.Add(StageKind.LateCeremonyConsent, new DateOnly(2026, 3, 20));
        Assert.Empty(AdmissionRules.CheckCeremony(history.Facts(), ceremony(new DateOnly(2026, 4, 15)), helper, HistoryBuilder.Context()));

        var consentAfterTheCeremony = HistoryBuilder.ReadyForVote(new DateOnly(2025, 10, 1))
            .Vote(StageKind.CellVote, new DateOnly(2025, 12, 1), 10, 8)
            .Add(StageKind.CommitteeResolution, new DateOnly(2025, 12, 10))
            .Add(StageKind.AdmissionDecision, new DateOnly(2026, 1, 26), e => e.ReceivedOn = new DateOnly(2026, 2, 2))
            .Add(StageKind.LateCeremonyConsent, new DateOnly(2026, 4, 20));
        var notBefore = AdmissionRules.CeremonyInTime("HeldOn", consentAfterTheCeremony.History, new DateOnly(2026, 4, 15), Calendar);
        Assert.NotNull(notBefore);
        Assert.Equal(
            "Lễ kết nạp ngày 15/04/2026 là chậm, mà cấp ủy cấp trên đồng ý tổ chức chậm ngày 20/04/2026, sau ngày lễ: phải có sự đồng ý trước.",
            notBefore.Message);
    }

    // ----------------------------------------------------------- probation

    [Fact]
    public void Probation_from_a_ceremony_on_29_February_2024_ends_on_28_February_2025_official_from_1_March()
    {
        var ceremony = new DateOnly(2024, 2, 29);

        Assert.Equal(new DateOnly(2025, 2, 28), AdmissionRules.ProbationLastDay(ceremony));
        Assert.Equal(new DateOnly(2025, 3, 1), AdmissionRules.OfficialFrom(ceremony));
    }

    [Fact]
    public void Probation_ends_the_day_before_the_same_date_next_year()
    {
        Assert.Equal(new DateOnly(2025, 3, 14), AdmissionRules.ProbationLastDay(new DateOnly(2024, 3, 15)));
        Assert.Equal(new DateOnly(2025, 3, 15), AdmissionRules.OfficialFrom(new DateOnly(2024, 3, 15)));
    }

    [Fact]
    public void Recognition_vote_only_after_the_12_months_and_within_30_working_days_unless_a_reason_is_recorded()
    {
        var history = AdmittedOn(new DateOnly(2024, 2, 29));
        RecordRecognitionVoteRequest Vote(DateOnly on, string? late = null) =>
            new() { CandidateId = 1, VotedOn = on, OfficialMembers = 10, Present = 10, InFavour = 9, LateReason = late };

        var early = Assert.Single(AdmissionRules.CheckRecognitionVote(history.Facts(), Vote(new DateOnly(2025, 2, 28)), HistoryBuilder.Context()));
        Assert.Contains("dự bị đến hết ngày 28/02/2025; chi bộ chỉ xét công nhận chính thức từ ngày 01/03/2025", early.Message);
        Assert.Empty(AdmissionRules.CheckRecognitionVote(history.Facts(), Vote(new DateOnly(2025, 3, 3)), HistoryBuilder.Context()));
        Assert.Equal(new DateOnly(2025, 4, 11), AdmissionRules.RecognitionVoteDeadline(history.History, Calendar));
        Assert.Empty(AdmissionRules.CheckRecognitionVote(history.Facts(), Vote(new DateOnly(2025, 4, 11)), HistoryBuilder.Context()));
        var late = Assert.Single(AdmissionRules.CheckRecognitionVote(history.Facts(), Vote(new DateOnly(2025, 4, 14)), HistoryBuilder.Context()));
        Assert.Equal("LateReason", late.Field);
        Assert.Empty(AdmissionRules.CheckRecognitionVote(history.Facts(), Vote(new DateOnly(2025, 4, 14), "Chi bộ họp chậm do bão lụt"), HistoryBuilder.Context()));
    }

    [Fact]
    public void Recognition_decision_within_30_working_days_of_the_vote_60_with_an_extension()
    {
        var history = AdmittedOn(new DateOnly(2024, 2, 29)).Vote(StageKind.RecognitionVote, new DateOnly(2025, 3, 3), 10, 9);
        RecordRecognitionDecisionRequest Decision(DateOnly on) => new() { CandidateId = 1, DecidedOn = on, DecisionNumber = "1" };

        var deadline = Calendar.AddWorkingDays(new DateOnly(2025, 3, 3), 30);
        Assert.Empty(AdmissionRules.CheckRecognitionDecision(history.Facts(), Decision(deadline), HistoryBuilder.Context()));
        Assert.Single(AdmissionRules.CheckRecognitionDecision(history.Facts(), Decision(Calendar.AddWorkingDays(deadline, 1)), HistoryBuilder.Context()));

        history.Add(StageKind.DecisionExtension, new DateOnly(2025, 3, 20), e => e.ExtensionWorkingDays = 30);
        Assert.Empty(AdmissionRules.CheckRecognitionDecision(history.Facts(), Decision(Calendar.AddWorkingDays(deadline, 30)), HistoryBuilder.Context()));
        Assert.Single(AdmissionRules.CheckRecognitionDecision(history.Facts(), Decision(Calendar.AddWorkingDays(deadline, 31)), HistoryBuilder.Context()));
    }

    [Fact]
    public void After_three_failed_recognition_votes_only_a_referral_is_allowed()
    {
        var history = AdmittedOn(new DateOnly(2024, 2, 29))
            .Vote(StageKind.RecognitionVote, new DateOnly(2025, 3, 3), 10, 6)
            .Vote(StageKind.RecognitionVote, new DateOnly(2025, 3, 10), 10, 5);

        Assert.NotNull(AdmissionRules.CheckAllowed(AdmissionAction.ReferToSuperior, history.Facts()));
        Assert.Null(AdmissionRules.CheckAllowed(AdmissionAction.RecordRecognitionVote, history.Facts()));

        history.Vote(StageKind.RecognitionVote, new DateOnly(2025, 3, 17), 10, 6);
        var refused = AdmissionRules.CheckAllowed(AdmissionAction.RecordRecognitionVote, history.Facts());
        Assert.NotNull(refused);
        Assert.Contains("3 lần không đủ 2/3", refused.Message);
        Assert.Null(AdmissionRules.CheckAllowed(AdmissionAction.ReferToSuperior, history.Facts()));
        Assert.NotNull(AdmissionRules.CheckAllowed(AdmissionAction.RecordRecognitionDecision, history.Facts()));

        history.Add(StageKind.ReferredToSuperior, new DateOnly(2025, 3, 20));
        Assert.Null(AdmissionRules.CheckAllowed(AdmissionAction.RecordRecognitionDecision, history.Facts()));
    }

    // ---------------------------------------------------------- introducers

    [Fact]
    public void A_probationary_member_cannot_introduce()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts();

        var errors = AdmissionRules.IntroducerRules("Introducers[0].MemberId", HistoryBuilder.Member(7, official: false), facts,
            new DateOnly(2026, 3, 2), new DateOnly(2018, 1, 1), isReplacement: false).ToList();

        var error = Assert.Single(errors);
        Assert.Contains("không phải đảng viên chính thức vào ngày 02/03/2026", error.Message);
    }

    [Fact]
    public void Introducer_known_for_12_months_on_the_day_passes_one_day_less_is_refused_except_a_replacement()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts();
        var member = HistoryBuilder.Member(7);
        var knownSince = new DateOnly(2024, 5, 20);

        Assert.Empty(AdmissionRules.IntroducerRules("f", member, facts, new DateOnly(2025, 5, 20), knownSince, false));
        var error = Assert.Single(AdmissionRules.IntroducerRules("f", member, facts, new DateOnly(2025, 5, 19), knownSince, false));
        Assert.Contains("ít nhất 12 tháng (từ ngày 20/05/2025) tính đến ngày giới thiệu 19/05/2025", error.Message);
        Assert.Empty(AdmissionRules.IntroducerRules("f", member, facts, new DateOnly(2025, 5, 19), knownSince, isReplacement: true));
    }

    [Fact]
    public void A_readmitted_former_member_cannot_introduce_themself()
    {
        var former = new FormerMemberFacts(7, "Quách Văn Xưa", MemberStatus.Left, new DateOnly(2021, 6, 1), false, false, false);
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts(former: former);

        var error = Assert.Single(AdmissionRules.IntroducerRules("f", HistoryBuilder.Member(7), facts, new DateOnly(2026, 3, 2), new DateOnly(2018, 1, 1), false));
        Assert.Contains("không thể tự giới thiệu mình", error.Message);
    }

    [Fact]
    public void Introducers_must_belong_to_the_cell_or_its_grassroots_committee()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts();

        Assert.Empty(AdmissionRules.IntroducerRules("f", HistoryBuilder.Member(7, cellId: 6, cellParentId: 3), facts, new DateOnly(2026, 3, 2), new DateOnly(2018, 1, 1), false));
        var error = Assert.Single(AdmissionRules.IntroducerRules("f", HistoryBuilder.Member(8, cellId: 9, cellParentId: 8), facts, new DateOnly(2026, 3, 2), new DateOnly(2018, 1, 1), false));
        Assert.Contains("không sinh hoạt ở Chi bộ Giáo viên", error.Message);
    }

    [Fact]
    public void Two_members_never_the_same_twice_and_one_member_with_a_Youth_Union_resolution()
    {
        var facts = new HistoryBuilder()
            .Add(StageKind.Source, new DateOnly(2025, 9, 1))
            .Add(StageKind.AwarenessCourse, new DateOnly(2025, 10, 1))
            .Add(StageKind.Application, new DateOnly(2025, 11, 1))
            .Add(StageKind.HistoryVerification, new DateOnly(2025, 12, 1))
            .Facts();
        var members = new Dictionary<int, MemberFacts> { [101] = HistoryBuilder.Member(101), [102] = HistoryBuilder.Member(102) };
        RecordIntroductionRequest Introduce(IntroductionBasis basis, params int[] ids) => new()
        {
            CandidateId = 1,
            IntroducedOn = new DateOnly(2026, 1, 5),
            Basis = basis,
            ResolutionNumber = basis == IntroductionBasis.TwoMembers ? null : "4-NQ/ĐTN",
            Introducers = [.. ids.Select(id => new IntroducerInput(id, new DateOnly(2018, 1, 1)))],
        };

        Assert.Empty(AdmissionRules.CheckIntroduction(facts, Introduce(IntroductionBasis.TwoMembers, 101, 102), members, HistoryBuilder.Context()));
        Assert.Contains(AdmissionRules.CheckIntroduction(facts, Introduce(IntroductionBasis.TwoMembers, 101, 101), members, HistoryBuilder.Context()),
            e => e.Field == "Introducers" && e.Message.Contains("hai lần"));
        Assert.Contains(AdmissionRules.CheckIntroduction(facts, Introduce(IntroductionBasis.TwoMembers, 101), members, HistoryBuilder.Context()),
            e => e.Field == "Introducers" && e.Message.Contains("đúng hai"));
        Assert.Empty(AdmissionRules.CheckIntroduction(facts, Introduce(IntroductionBasis.YouthUnion, 101), members, HistoryBuilder.Context()));
        Assert.Contains(AdmissionRules.CheckIntroduction(facts, Introduce(IntroductionBasis.YouthUnion, 101, 102), members, HistoryBuilder.Context()),
            e => e.Field == "Introducers" && e.Message.Contains("đúng một"));
        Assert.Contains(AdmissionRules.CheckIntroduction(facts, Introduce(IntroductionBasis.TradeUnion, 101, 102), members, HistoryBuilder.Context()),
            e => e.Field == "Introducers" && e.Message.Contains("Công đoàn"));
    }

    [Fact]
    public void The_cell_vote_is_refused_when_an_introducer_is_no_longer_an_official_member()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts();
        var members = new Dictionary<int, MemberFacts>
        {
            [101] = HistoryBuilder.Member(101, leftOn: new DateOnly(2026, 3, 20)),
            [102] = HistoryBuilder.Member(102),
        };

        var error = Assert.Single(AdmissionRules.CheckCellVote(facts, Vote(new DateOnly(2026, 4, 1)), members, HistoryBuilder.Context()));
        Assert.Contains("Người giới thiệu Đảng viên 101 không còn là đảng viên chính thức", error.Message);
    }

    // --------------------------------------------------------- stage order

    [Fact]
    public void No_vote_before_the_introducers()
    {
        var facts = new HistoryBuilder()
            .Add(StageKind.Source, new DateOnly(2025, 9, 1))
            .Add(StageKind.AwarenessCourse, new DateOnly(2025, 10, 1))
            .Add(StageKind.Application, new DateOnly(2025, 11, 1))
            .Add(StageKind.HistoryVerification, new DateOnly(2025, 12, 1))
            .Facts();

        var error = Assert.Single(CheckVote(facts, Vote(new DateOnly(2026, 1, 5))));
        Assert.Equal("", error.Field);
        Assert.Equal("Chưa thể thực hiện \"Ghi nhận chi bộ biểu quyết đề nghị kết nạp\": chưa có người giới thiệu (bước 4).", error.Message);
    }

    [Fact]
    public void No_ceremony_before_a_decision()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2025, 10, 1)).Vote(StageKind.CellVote, new DateOnly(2025, 12, 1), 10, 8).Facts();

        var error = Assert.Single(AdmissionRules.CheckCeremony(facts,
            new RecordCeremonyRequest { CandidateId = 1, HeldOn = new DateOnly(2026, 1, 5), HelperMemberId = 101 }, HistoryBuilder.Member(101), HistoryBuilder.Context()));
        Assert.Contains("chưa có quyết định kết nạp (bước 8)", error.Message);
    }

    [Fact]
    public void No_decision_before_the_grassroots_committee_resolution_where_the_cell_is_under_one()
    {
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2025, 10, 1)).Vote(StageKind.CellVote, new DateOnly(2025, 12, 1), 10, 8);
        var grassrootsCell = HistoryBuilder.TeachersCell with { Kind = OrgUnitKind.GrassrootsCell, ParentKind = OrgUnitKind.CommuneCommittee };

        Assert.NotNull(AdmissionRules.CheckAllowed(AdmissionAction.RecordAdmissionDecision, history.Facts()));
        Assert.Null(AdmissionRules.CheckAllowed(AdmissionAction.RecordAdmissionDecision, history.Facts(cell: grassrootsCell)));
        Assert.NotNull(AdmissionRules.CheckAllowed(AdmissionAction.RecordCommitteeResolution, history.Facts(cell: grassrootsCell)));
    }

    [Fact]
    public void A_failed_cell_vote_does_not_move_the_stage_and_allows_another_vote()
    {
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2025, 10, 1)).Vote(StageKind.CellVote, new DateOnly(2025, 12, 1), 10, 6);

        Assert.Equal(CandidateStage.Opinions, history.Facts().Stage);
        Assert.Null(AdmissionRules.CheckAllowed(AdmissionAction.RecordCellVote, history.Facts()));
        Assert.NotNull(AdmissionRules.CheckAllowed(AdmissionAction.RecordAdmissionDecision, history.Facts()));
    }

    [Fact]
    public void Dates_are_never_in_the_future_nor_before_the_step_they_follow()
    {
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts();

        var future = Assert.Single(CheckVote(facts, Vote(HistoryBuilder.Today.AddDays(1))));
        Assert.Equal("Ngày chi bộ biểu quyết (01/01/2027) không thể sau ngày hôm nay (31/12/2026).", future.Message);
        var early = Assert.Single(CheckVote(facts, Vote(new DateOnly(2026, 3, 5))));
        Assert.Contains("không thể trước ngày nhận ý kiến nhận xét (09/03/2026)", early.Message);
    }

    // ---------------------------------------------------------- readmission

    [Fact]
    public void Readmission_waits_36_months_after_leaving_or_60_after_a_cleared_conviction()
    {
        Assert.Equal(new DateOnly(2024, 6, 1), AdmissionRules.ReadmissionFrom(new DateOnly(2021, 6, 1), hadCriminalConviction: false));
        Assert.Equal(new DateOnly(2026, 6, 1), AdmissionRules.ReadmissionFrom(new DateOnly(2021, 6, 1), hadCriminalConviction: true));

        var former = new FormerMemberFacts(7, "Quách Văn Xưa", MemberStatus.Left, new DateOnly(2021, 6, 1), true, false, false);
        var facts = HistoryBuilder.ReadyForVote(new DateOnly(2026, 3, 2)).Facts(former: former);
        var error = Assert.Single(CheckVote(facts, Vote(new DateOnly(2026, 5, 29))));
        Assert.Contains("Chưa đủ 60 tháng kể từ ngày ra khỏi Đảng (01/06/2021) đối với người đã bị án hình sự: chỉ được xét kết nạp lại từ ngày 01/06/2026", error.Message);
        Assert.Empty(CheckVote(facts, Vote(new DateOnly(2026, 6, 1))));
    }

    [Fact]
    public void Readmission_is_refused_when_barred_or_already_readmitted_once()
    {
        var request = new StartReadmissionRequest { FormerMemberId = 7, CellId = 5, MentorMemberId = 101, SourcedOn = new DateOnly(2026, 1, 5) };
        var mentor = HistoryBuilder.Member(101);
        FormerMemberFacts Former(bool barred = false, bool readmitted = false) =>
            new(7, "Quách Văn Xưa", MemberStatus.Left, new DateOnly(2021, 6, 1), false, barred, readmitted);

        Assert.Empty(AdmissionRules.CheckStartReadmission(request, Former(), false, HistoryBuilder.TeachersCell, mentor, [], HistoryBuilder.Context()));
        Assert.Contains(AdmissionRules.CheckStartReadmission(request, Former(barred: true), false, HistoryBuilder.TeachersCell, mentor, [], HistoryBuilder.Context()),
            e => e.Message.Contains("không được kết nạp lại"));
        Assert.Contains(AdmissionRules.CheckStartReadmission(request, Former(readmitted: true), false, HistoryBuilder.TeachersCell, mentor, [], HistoryBuilder.Context()),
            e => e.Message.Contains("chỉ được kết nạp lại một lần"));
        Assert.Contains(AdmissionRules.CheckStartReadmission(request, Former(), true, HistoryBuilder.TeachersCell, mentor, [], HistoryBuilder.Context()),
            e => e.Message.Contains("chỉ được kết nạp lại một lần"));
    }

    // ------------------------------------------------------------- months

    [Theory]
    [InlineData("2024-01-31", 1, "2024-03-01")]
    [InlineData("2024-02-29", 12, "2025-03-01")]
    [InlineData("2024-02-29", 48, "2028-02-29")]
    [InlineData("2025-05-20", 12, "2026-05-20")]
    public void Months_after_a_day_that_the_target_month_lacks_is_the_first_of_the_next_month(string start, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            AdmissionRules.MonthsAfter(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), months));

    [Fact]
    public void Whole_months_between_follow_the_same_convention()
    {
        Assert.Equal(215, AdmissionRules.WholeMonthsBetween(new DateOnly(2008, 5, 20), new DateOnly(2026, 5, 19)));
        Assert.Equal(216, AdmissionRules.WholeMonthsBetween(new DateOnly(2008, 5, 20), new DateOnly(2026, 5, 20)));
        Assert.Equal(215, AdmissionRules.WholeMonthsBetween(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28)));
        Assert.Equal(216, AdmissionRules.WholeMonthsBetween(new DateOnly(2008, 2, 29), new DateOnly(2026, 3, 1)));
    }

    // ------------------------------------------------------------ parameters

    [Fact]
    public void A_unit_row_overrides_the_province_row_and_the_nearest_ancestor_wins()
    {
        var rows = new List<RuleParameter>
        {
            new() { Key = RuleKeys.CertificateValidityMonths, OrgUnitId = null, Value = 48 },
            new() { Key = RuleKeys.CertificateValidityMonths, OrgUnitId = 2, Value = 36 },
            new() { Key = RuleKeys.CertificateValidityMonths, OrgUnitId = 3, Value = 24 },
        };

        Assert.Equal(24, RuleParameterReader.Resolve(rows, RuleKeys.CertificateValidityMonths, [1, 2, 3, 5]));
        Assert.Equal(36, RuleParameterReader.Resolve(rows, RuleKeys.CertificateValidityMonths, [1, 2, 4]));
        Assert.Equal(48, RuleParameterReader.Resolve(rows, RuleKeys.CertificateValidityMonths, [1, 9]));
        Assert.Equal(60, RuleParameterReader.Resolve([], RuleKeys.CertificateValidityMonths, [1, 9]));
        Assert.Equal(12, RuleParameterReader.Resolve(rows, RuleKeys.DossierRenewalMonths, [1, 2, 3]));
    }

    private static HistoryBuilder AdmittedOn(DateOnly ceremony) => HistoryBuilder.ReadyForVote(ceremony.AddMonths(-5))
        .Vote(StageKind.CellVote, ceremony.AddMonths(-3), 10, 8)
        .Add(StageKind.CommitteeResolution, ceremony.AddMonths(-3).AddDays(5))
        .Add(StageKind.AdmissionDecision, ceremony.AddDays(-20), e => e.ReceivedOn = ceremony.AddDays(-15))
        .Add(StageKind.Ceremony, ceremony)
        .Add(StageKind.NewMemberCourse, ceremony.AddMonths(6));
}
