using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Tests.Support;

namespace DangVien.Core.Tests.Features.Alerts;

public sealed class AlertRulesTests
{
    private static readonly WorkingDayCalendar Calendar = new(World.Tet2026);

    private static IReadOnlyList<DeadlineAlert> On(HistoryBuilder history, DateOnly asOf) =>
        AlertRules.For(history.History.AsOf(asOf), asOf, AdmissionParameters.Default, Calendar);

    [Fact]
    public void A_decision_is_due_soon_on_its_last_day_and_overdue_the_day_after()
    {
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2025, 12, 1)).Vote(StageKind.CellVote, new DateOnly(2026, 1, 15), 10, 8);

        Assert.Empty(On(history, new DateOnly(2026, 3, 16)));
        var dueSoon = Assert.Single(On(history, new DateOnly(2026, 4, 16)));
        Assert.Equal((AlertKind.AdmissionDecisionDue, new DateOnly(2026, 4, 16), AlertUrgency.DueSoon), (dueSoon.Kind, dueSoon.DueOn, dueSoon.Urgency));
        var overdue = Assert.Single(On(history, new DateOnly(2026, 4, 17)));
        Assert.Equal(AlertUrgency.Overdue, overdue.Urgency);
        Assert.Contains("chậm nhất ngày 16/04/2026", overdue.Rule);
    }

    [Fact]
    public void A_failed_vote_leaves_the_dossier_deadline_and_an_exit_silences_everything()
    {
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2025, 3, 3)).Vote(StageKind.CellVote, new DateOnly(2025, 6, 2), 10, 5);

        var stale = Assert.Single(On(history, new DateOnly(2026, 3, 3)));
        Assert.Equal((AlertKind.DossierStale, new DateOnly(2026, 3, 2), AlertUrgency.Overdue), (stale.Kind, stale.DueOn, stale.Urgency));

        history.Add(StageKind.Exit, new DateOnly(2026, 3, 10), e => e.ExitReason = ExitReason.NurturingStopped);
        Assert.Empty(On(history, new DateOnly(2026, 3, 10)));
        Assert.Single(On(history, new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void Probation_ending_shows_in_the_last_30_days_then_the_recognition_vote_is_due()
    {
        var history = HistoryBuilder.ReadyForVote(new DateOnly(2024, 9, 2))
            .Vote(StageKind.CellVote, new DateOnly(2024, 11, 4), 10, 8)
            .Add(StageKind.CommitteeResolution, new DateOnly(2024, 11, 11))
            .Add(StageKind.AdmissionDecision, new DateOnly(2024, 12, 2), e => e.ReceivedOn = new DateOnly(2024, 12, 5))
            .Add(StageKind.Ceremony, new DateOnly(2024, 12, 20));

        Assert.Empty(On(history, new DateOnly(2025, 11, 18)));
        var ending = Assert.Single(On(history, new DateOnly(2025, 11, 19)));
        Assert.Equal((AlertKind.ProbationEnding, new DateOnly(2025, 12, 19)), (ending.Kind, ending.DueOn));
        Assert.Contains("Chưa có giấy chứng nhận lớp bồi dưỡng đảng viên mới", ending.Rule);
        var vote = Assert.Single(On(history, new DateOnly(2025, 12, 20)));
        Assert.Equal((AlertKind.RecognitionVoteDue, AlertUrgency.DueSoon), (vote.Kind, vote.Urgency));
    }

    [Fact]
    public void A_certificate_expiring_before_the_dossier_runs_out_is_flagged_long_before()
    {
        var history = new HistoryBuilder()
            .Add(StageKind.Source, new DateOnly(2021, 2, 1))
            .Add(StageKind.AwarenessCourse, new DateOnly(2021, 3, 1))
            .Add(StageKind.Application, new DateOnly(2025, 4, 1))
            .Add(StageKind.HistoryVerification, new DateOnly(2025, 5, 5))
            .Add(StageKind.Introduction, new DateOnly(2025, 6, 2));

        var alert = Assert.Single(On(history, new DateOnly(2025, 7, 1)));
        Assert.Equal((AlertKind.CertificateExpiring, new DateOnly(2026, 2, 28), AlertUrgency.DueSoon), (alert.Kind, alert.DueOn, alert.Urgency));
        Assert.Contains("trước ngày dự kiến chi bộ xét (01/06/2026)", alert.Rule);
    }
}
