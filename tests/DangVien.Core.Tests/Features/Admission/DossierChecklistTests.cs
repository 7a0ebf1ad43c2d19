using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Tests.Support;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The dossier checklist (1-KNĐ … 15-KNĐ) computed from the history.</summary>
public sealed class DossierChecklistTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    private static Dictionary<string, DossierStatus> Statuses(HistoryBuilder builder, bool underGrassroots = true, DateOnly? asOf = null) =>
        DossierChecklist.For(builder.History, underGrassroots, asOf ?? Today).ToDictionary(i => i.FormCode, i => i.Status);

    [Fact]
    public void A_new_source_needs_no_form_yet()
    {
        var statuses = Statuses(new HistoryBuilder().Add(StageKind.Source, new(2026, 1, 5)));
        Assert.All(statuses, s => Assert.True(s.Value is DossierStatus.NotNeededYet or DossierStatus.NotApplicable, s.Key));
        Assert.Equal(["1-KNĐ", "2-KNĐ", "3-KNĐ", "4-KNĐ", "5-KNĐ", "5B-KNĐ", "5C-KNĐ", "6-KNĐ", "8-KNĐ", "9-KNĐ", "10-KNĐ", "11-KNĐ", "12-KNĐ", "13-KNĐ", "15-KNĐ"], statuses.Keys);
    }

    [Fact]
    public void After_the_awareness_course_the_admission_dossier_is_due_and_what_is_not_recorded_is_missing()
    {
        var statuses = Statuses(new HistoryBuilder()
            .Add(StageKind.Source, new(2025, 1, 6))
            .Add(StageKind.AwarenessCourse, new(2025, 2, 10))
            .Add(StageKind.Application, new(2025, 3, 3), e => e.FormCode = "1-KNĐ, 2-KNĐ"));
        Assert.Equal(DossierStatus.Present, statuses["1-KNĐ"]);
        Assert.Equal(DossierStatus.Missing, statuses["2-KNĐ"]);
        Assert.Equal(DossierStatus.Missing, statuses["3-KNĐ"]);
        Assert.All(OpinionForms, code => Assert.Equal(DossierStatus.Missing, statuses[code]));
        Assert.Equal(DossierStatus.NotNeededYet, statuses["6-KNĐ"]);
        Assert.Equal(DossierStatus.NotNeededYet, statuses["4-KNĐ"]);
    }

    [Fact]
    public void A_complete_dossier_needs_the_cell_resolution_then_the_grassroots_one_only_where_it_applies_then_the_decision()
    {
        var ready = WithEveryOpinion(HistoryBuilder.ReadyForVote(new(2025, 4, 14)), new(2025, 4, 21));
        var before = Statuses(ready);
        Assert.Equal(DossierStatus.Missing, before["6-KNĐ"]);
        Assert.Equal(DossierStatus.NotApplicable, before["4-KNĐ"]);
        Assert.All(new[] { "1-KNĐ", "2-KNĐ", "3-KNĐ", "5-KNĐ", "5B-KNĐ", "5C-KNĐ" }, code => Assert.Equal(DossierStatus.Present, before[code]));

        ready.Vote(StageKind.CellVote, new(2025, 5, 5), 10, 8);
        var underGrassroots = Statuses(ready);
        Assert.Equal(DossierStatus.Present, underGrassroots["6-KNĐ"]);
        Assert.Equal(DossierStatus.Missing, underGrassroots["8-KNĐ"]);
        Assert.Equal(DossierStatus.NotNeededYet, underGrassroots["9-KNĐ"]);
        var commune = Statuses(ready, underGrassroots: false);
        Assert.Equal(DossierStatus.NotApplicable, commune["8-KNĐ"]);
        Assert.Equal(DossierStatus.Missing, commune["9-KNĐ"]);
    }

    [Fact]
    public void The_recognition_dossier_is_due_when_probation_ends_and_the_decision_after_a_passed_vote()
    {
        var admitted = WithEveryOpinion(HistoryBuilder.ReadyForVote(new(2025, 4, 14)), new(2025, 4, 21))
            .Vote(StageKind.CellVote, new(2025, 5, 5), 10, 8)
            .Add(StageKind.CommitteeResolution, new(2025, 5, 15))
            .Add(StageKind.AdmissionDecision, new(2025, 6, 2))
            .Add(StageKind.Ceremony, new(2025, 6, 20));
        Assert.Equal(DossierStatus.NotNeededYet, Statuses(admitted, asOf: new(2026, 6, 19))["13-KNĐ"]);
        var ended = Statuses(admitted, asOf: new(2026, 6, 22));
        Assert.Equal(DossierStatus.Missing, ended["13-KNĐ"]);
        Assert.Equal(DossierStatus.NotNeededYet, ended["15-KNĐ"]);

        admitted.Vote(StageKind.RecognitionVote, new(2026, 6, 29), 10, 9);
        var voted = Statuses(admitted);
        Assert.All(new[] { "9-KNĐ", "13-KNĐ" }, code => Assert.Equal(DossierStatus.Present, voted[code]));
        Assert.Equal(DossierStatus.Missing, voted["15-KNĐ"]);
    }

    [Fact]
    public void One_opinion_form_does_not_stand_for_the_others()
    {
        var history = new HistoryBuilder()
            .Add(StageKind.Source, new(2025, 1, 6))
            .Add(StageKind.AwarenessCourse, new(2025, 2, 10))
            .Add(StageKind.Opinion, new(2025, 3, 3), e => { e.FormCode = "5C-KNĐ"; e.Issuer = "Đoàn thanh niên xã"; });
        var items = DossierChecklist.For(history.History, true, Today).ToDictionary(i => i.FormCode);
        Assert.Equal(DossierStatus.Present, items["5C-KNĐ"].Status);
        Assert.Equal(new DateOnly(2025, 3, 3), items["5C-KNĐ"].Date);
        Assert.Equal("Đoàn thanh niên xã", items["5C-KNĐ"].Detail);
        Assert.Equal(DossierStatus.Missing, items["5-KNĐ"].Status);
        Assert.Equal(DossierStatus.Missing, items["5B-KNĐ"].Status);
        Assert.Equal("Còn thiếu", items["5B-KNĐ"].StatusLabel);

        history.Add(StageKind.Opinion, new(2025, 3, 10), e => e.FormCode = "5B-KNĐ");
        var statuses = Statuses(history);
        Assert.Equal(DossierStatus.Present, statuses["5B-KNĐ"]);
        Assert.Equal(DossierStatus.Missing, statuses["5-KNĐ"]);
    }

    [Fact]
    public void A_corrected_opinion_counts_under_the_form_of_its_correction()
    {
        var history = new HistoryBuilder()
            .Add(StageKind.Source, new(2025, 1, 6))
            .Add(StageKind.AwarenessCourse, new(2025, 2, 10))
            .Add(StageKind.Opinion, new(2025, 3, 3), e => e.FormCode = "5B-KNĐ")
            .Add(StageKind.Opinion, new(2025, 3, 3), e => { e.FormCode = "5-KNĐ"; e.SupersedesId = 3; e.CorrectionReason = "Nhầm mẫu"; });
        var statuses = Statuses(history);
        Assert.Equal(DossierStatus.Present, statuses["5-KNĐ"]);
        Assert.Equal(DossierStatus.Missing, statuses["5B-KNĐ"]);
    }

    [Fact]
    public void The_probationer_reviews_are_never_claimed_present_the_app_records_no_step_for_them()
    {
        var admitted = WithEveryOpinion(HistoryBuilder.ReadyForVote(new(2025, 4, 14)), new(2025, 4, 21))
            .Vote(StageKind.CellVote, new(2025, 5, 5), 10, 8)
            .Add(StageKind.CommitteeResolution, new(2025, 5, 15))
            .Add(StageKind.AdmissionDecision, new(2025, 6, 2))
            .Add(StageKind.Ceremony, new(2025, 6, 20));
        var during = Statuses(admitted, asOf: new(2026, 6, 19));
        Assert.All(Reviews, code => Assert.Equal(DossierStatus.NotNeededYet, during[code]));

        var ended = DossierChecklist.For(admitted.History, true, new(2026, 6, 22)).ToDictionary(i => i.FormCode);
        Assert.All(Reviews, code => Assert.Equal(DossierStatus.NotTracked, ended[code].Status));
        Assert.All(Reviews, code => Assert.Equal("Chưa ghi nhận", ended[code].StatusLabel));
        Assert.All(Reviews, code => Assert.Null(ended[code].Date));

        admitted.Vote(StageKind.RecognitionVote, new(2026, 6, 29), 10, 9).Add(StageKind.RecognitionDecision, new(2026, 6, 20));
        var recognised = Statuses(admitted);
        Assert.All(Reviews, code => Assert.Equal(DossierStatus.NotTracked, recognised[code]));
        Assert.Equal(DossierStatus.Present, recognised["13-KNĐ"]);
        Assert.Equal(DossierStatus.Present, recognised["15-KNĐ"]);
    }

    private static readonly string[] OpinionForms = ["5-KNĐ", "5B-KNĐ", "5C-KNĐ"];

    private static readonly string[] Reviews = ["10-KNĐ", "11-KNĐ", "12-KNĐ"];

    /// <summary>The three opinion forms, recorded on one day.</summary>
    private static HistoryBuilder WithEveryOpinion(HistoryBuilder builder, DateOnly on) => builder
        .Add(StageKind.Opinion, on, e => e.FormCode = "5-KNĐ")
        .Add(StageKind.Opinion, on, e => e.FormCode = "5B-KNĐ")
        .Add(StageKind.Opinion, on, e => e.FormCode = "5C-KNĐ");

    [Fact]
    public void A_file_that_left_has_nothing_missing()
    {
        var statuses = Statuses(new HistoryBuilder()
            .Add(StageKind.Source, new(2025, 1, 6))
            .Add(StageKind.AwarenessCourse, new(2025, 2, 10))
            .Add(StageKind.Exit, new(2025, 3, 1), e => e.ExitReason = ExitReason.Withdrew));
        Assert.DoesNotContain(DossierStatus.Missing, statuses.Values);
    }
}
