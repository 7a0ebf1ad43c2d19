using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Tests.Support;
using DangVien.Testing;

namespace DangVien.Core.Tests.Features.Alerts;

/// <summary>A realistic year of one cell (the teachers' cell), replayed: the alerts on chosen days.</summary>
public sealed class AlertServiceTests
{
    [Fact]
    public async Task A_year_of_the_teachers_cell_replayed_gives_the_right_alerts_on_each_day()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, new DateOnly(2026, 12, 31));

        // Anh: certificate of 2021, expires on 28/02/2026 before the dossier of 02/06/2025 runs out; never voted.
        var anh = await world.StartCandidateAsync(new(2021, 2, 1), name: "Cao Văn Anh");
        await anh.ReadyForVoteAsync(new(2021, 3, 1), new(2025, 4, 1), new(2025, 5, 5), new(2025, 6, 2), new(2025, 6, 9));

        // Én: introduced 03/03/2025, never voted, the cell stops nurturing her on 01/05/2026.
        var en = await world.StartCandidateAsync(new(2024, 12, 2), name: "Hồ Thị Én");
        await en.ReadyForVoteAsync(new(2025, 1, 15), new(2025, 2, 3), new(2025, 2, 17), new(2025, 3, 3), new(2025, 3, 10));
        await en.OkAsync(v => en.Service.RecordAsync(new RecordExitRequest()
        {
            CandidateId = en.Id,
            ExitedOn = new DateOnly(2026, 5, 1),
            Reason = ExitReason.NurturingStopped,
            Explanation = "Không tiến bộ",
        }, v));

        // Cúc: voted 15/12/2025, decision 02/02/2026, ceremony 20/03/2026 (due 23/03 with Tết not counted).
        var cuc = await world.StartCandidateAsync(new(2025, 5, 5), name: "Lâm Thị Cúc");
        await cuc.ReadyForVoteAsync(new(2025, 6, 2), new(2025, 7, 1), new(2025, 8, 4), new(2025, 9, 1), new(2025, 9, 8));
        Assert.True((await cuc.CellVoteAsync(new(2025, 12, 15))).Succeeded);
        await cuc.CommitteeResolutionAsync(new(2025, 12, 22));
        Assert.True((await cuc.DecisionAsync(new(2026, 2, 2))).Succeeded);
        Assert.True((await cuc.CeremonyAsync(new(2026, 3, 20), world.Teachers[4])).Succeeded);

        // Bích and Phong: voted 15/01/2026, decision due 16/04/2026; Bích's is extended on 14/04 and issued, Phong's never.
        var bich = await world.StartCandidateAsync(new(2025, 6, 2), name: "Tô Thị Bích");
        var phong = await world.StartCandidateAsync(new(2025, 6, 2), name: "Vương Văn Phong");
        foreach (var j in new[] { bich, phong })
        {
            await j.ReadyForVoteAsync(new(2025, 7, 1), new(2025, 8, 4), new(2025, 9, 1), new(2025, 10, 6), new(2025, 10, 13));
            Assert.True((await j.CellVoteAsync(new(2026, 1, 15))).Succeeded);
            await j.CommitteeResolutionAsync(new(2026, 1, 22));
        }

        await bich.OkAsync(v => bich.Service.RecordAsync(
            new ExtendDecisionRequest() { CandidateId = bich.Id, ExtendedOn = new DateOnly(2026, 4, 14), Reason = "Chờ xác minh lý lịch người thân ở nước ngoài" }, v));
        Assert.True((await bich.DecisionAsync(new(2026, 5, 20), received: new(2026, 5, 22))).Succeeded);
        Assert.True((await bich.CeremonyAsync(new(2026, 6, 5), world.Teachers[5])).Succeeded);

        // Dũng: admitted 15/07/2025, probation to 14/07/2026, recognised by the cell 20/08/2026, decision 10/09/2026.
        var dung = await world.StartCandidateAsync(new(2024, 9, 2), name: "Phan Văn Dũng");
        await dung.ReadyForVoteAsync(new(2024, 10, 1), new(2024, 11, 4), new(2024, 12, 2), new(2025, 1, 6), new(2025, 1, 13));
        Assert.True((await dung.CellVoteAsync(new(2025, 3, 3))).Succeeded);
        await dung.CommitteeResolutionAsync(new(2025, 3, 10));
        Assert.True((await dung.DecisionAsync(new(2025, 5, 20), received: new(2025, 6, 20))).Succeeded);
        Assert.True((await dung.CeremonyAsync(new(2025, 7, 15), world.Teachers[6])).Succeeded);
        await dung.NewMemberCourseAsync(new(2025, 12, 1));
        Assert.True((await dung.RecognitionVoteAsync(new(2026, 8, 20))).Succeeded);
        Assert.True((await dung.RecognitionDecisionAsync(new(2026, 9, 10))).Succeeded);

        var alerts = world.Alerts();
        async Task<List<string>> On(int year, int month, int day) =>
            [.. (await alerts.GetAlertsAsync(world.Commune.Id, new DateOnly(year, month, day)))
                .Select(a => $"{a.CandidateName}|{a.Kind}|{a.Urgency}|{a.DueOn:yyyy-MM-dd}")];

        Assert.Equal(
        [
            "Cao Văn Anh|CertificateExpiring|DueSoon|2026-02-28",
            "Hồ Thị Én|DossierStale|DueSoon|2026-03-02",
        ], await On(2026, 2, 1));
        Assert.Equal(
        [
            "Cao Văn Anh|CertificateExpiring|Overdue|2026-02-28",
            "Hồ Thị Én|DossierStale|Overdue|2026-03-02",
            "Lâm Thị Cúc|CeremonyDue|DueSoon|2026-03-23",
        ], await On(2026, 3, 10));
        Assert.Equal(
        [
            "Cao Văn Anh|CertificateExpiring|Overdue|2026-02-28",
            "Hồ Thị Én|DossierStale|Overdue|2026-03-02",
            "Tô Thị Bích|AdmissionDecisionDue|DueSoon|2026-04-16",
            "Vương Văn Phong|AdmissionDecisionDue|DueSoon|2026-04-16",
        ], await On(2026, 4, 13));
        Assert.Equal(
        [
            "Cao Văn Anh|CertificateExpiring|Overdue|2026-02-28",
            "Hồ Thị Én|DossierStale|Overdue|2026-03-02",
            "Vương Văn Phong|AdmissionDecisionDue|Overdue|2026-04-16",
        ], await On(2026, 4, 17));
        Assert.Equal(
        [
            "Cao Văn Anh|CertificateExpiring|Overdue|2026-02-28",
            "Vương Văn Phong|AdmissionDecisionDue|Overdue|2026-04-16",
            "Cao Văn Anh|DossierStale|Overdue|2026-06-01",
            "Phan Văn Dũng|ProbationEnding|DueSoon|2026-07-14",
        ], await On(2026, 6, 20));
        Assert.Contains("Phan Văn Dũng|RecognitionVoteDue|DueSoon|2026-08-25", await On(2026, 8, 1));
        Assert.Contains("Phan Văn Dũng|RecognitionDecisionDue|DueSoon|2026-10-01", await On(2026, 9, 5));
        Assert.DoesNotContain(await On(2026, 9, 11), a => a.StartsWith("Phan Văn Dũng", StringComparison.Ordinal));

        Assert.Empty(await alerts.GetAlertsAsync(world.OtherCommune.Id, new DateOnly(2026, 4, 17)));
        var rule = (await alerts.GetAlertsAsync(world.TeachersCell.Id, new DateOnly(2026, 4, 17))).Single(a => a.CandidateName == "Vương Văn Phong");
        Assert.Equal(world.TeachersCell.Name, rule.CellName);
        Assert.Equal(
            "Cấp ủy có thẩm quyền phải ra quyết định kết nạp trong 60 ngày làm việc kể từ ngày chi bộ có nghị quyết (15/01/2026), "
            + "gia hạn được thêm 30 ngày làm việc: chậm nhất ngày 16/04/2026.",
            rule.Rule);
    }
}
