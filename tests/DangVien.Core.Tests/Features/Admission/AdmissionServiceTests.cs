using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Members;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The pipeline against the real PostgreSQL: whole journeys, exits, transfer, correction, readmission, concurrency.</summary>
public sealed class AdmissionServiceTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    [Fact]
    public async Task A_candidate_walks_the_whole_pipeline_to_official_member()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        var versions = new List<uint> { await world.VersionAsync(j.Id) };
        async Task Step(Task step)
        {
            await step;
            versions.Add(await world.VersionAsync(j.Id));
        }

        async Task Ok(Task<Result> step)
        {
            var result = await step;
            Assert.True(result.Succeeded, CandidateWalk.Describe(result));
            versions.Add(await world.VersionAsync(j.Id));
        }

        await Step(j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21)));
        await Ok(j.CellVoteAsync(new(2025, 5, 5), official: 10, present: 9, inFavour: 7));
        await Step(j.CommitteeResolutionAsync(new(2025, 5, 15)));
        await Ok(j.DecisionAsync(new(2025, 6, 2), received: new(2025, 6, 5)));

        var beforeCeremony = await j.Service.GetCandidateFileAsync(j.Id);
        Assert.NotNull(beforeCeremony);
        var ceremonyAction = Assert.Single(beforeCeremony.NextActions, a => a.Action == AdmissionAction.RecordCeremony);
        Assert.Equal(world.Commune.Id, beforeCeremony.DecidingUnit?.Id);
        Assert.Equal(new DateOnly(2025, 7, 17), ceremonyAction.DueBy);
        Assert.Contains("trong 30 ngày làm việc kể từ ngày chi bộ nhận quyết định, tức chậm nhất ngày 17/07/2025", ceremonyAction.Rule);

        await Ok(j.CeremonyAsync(new(2025, 6, 20), world.Teachers[3]));
        await Step(j.NewMemberCourseAsync(new(2025, 10, 10)));
        await Ok(j.RecognitionVoteAsync(new(2026, 6, 25)));
        await Ok(j.RecognitionDecisionAsync(new(2026, 7, 10)));

        db.ChangeTracker.Clear();
        var candidate = await db.Candidates.Include(c => c.History).SingleAsync(c => c.Id == j.Id);
        Assert.Equal(CandidateStage.Official, candidate.Stage);
        Assert.Equal(new DateOnly(2026, 6, 20), candidate.StageSince);
        Assert.Equal(13, candidate.History.Count);
        Assert.All(candidate.History, e => Assert.Equal("can.bo@test", e.RecordedBy));
        Assert.Equal(world.Commune.Id, candidate.History.Single(e => e.Kind == StageKind.AdmissionDecision).UnitId);
        var recognition = candidate.History.Single(e => e.Kind == StageKind.RecognitionDecision);
        Assert.Equal(new DateOnly(2026, 6, 20), recognition.EffectiveOn);
        Assert.Equal(new DateOnly(2026, 7, 10), recognition.DocumentDate);
        Assert.Equal(versions.Count, versions.Distinct().Count());

        var member = await db.Members.SingleAsync(m => m.CandidateId == j.Id);
        Assert.Equal(MemberStatus.Official, member.Status);
        Assert.Equal(new DateOnly(2025, 6, 20), member.AdmittedOn);
        Assert.Equal(new DateOnly(2026, 6, 20), member.RecognisedOn);
        Assert.Equal(world.TeachersCell.Id, member.CellId);
        Assert.False(member.IsOfficialOn(new DateOnly(2026, 6, 19)));
        Assert.True(member.IsOfficialOn(new DateOnly(2026, 6, 20)));

        var file = await j.Service.GetCandidateFileAsync(j.Id);
        Assert.NotNull(file);
        Assert.Equal(CandidateStage.Official, file.Stage);
        Assert.Equal("Đảng viên chính thức", file.StageLabel);
        Assert.Equal(13, file.Timeline.Count);
        Assert.Equal(2, file.Introducers.Count);
        Assert.Equal(2, file.Votes.Count);
        Assert.Equal(["Đoàn viên", "Nữ"], file.Categories.Select(c => c.Name));
        Assert.Equal(member.Id, file.MemberId);
        Assert.Equal([AdmissionAction.CorrectEntry], file.NextActions.Select(a => a.Action));
    }

    [Theory]
    [InlineData(ExitReason.Withdrew)]
    [InlineData(ExitReason.MovedAway)]
    [InlineData(ExitReason.Ineligible)]
    [InlineData(ExitReason.NurturingStopped)]
    public async Task An_exit_before_admission_ends_the_file_and_keeps_it(ExitReason reason)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.CertificateAsync(new DateOnly(2025, 2, 10));

        var early = await j.DoAsync(v => j.Service.RecordAsync(
            new RecordExitRequest() { CandidateId = j.Id, ExitedOn = new DateOnly(2025, 2, 1), Reason = reason, Explanation = "Lý do" }, v));
        Assert.Contains(early.Errors, e => e.Field == "ExitedOn" && e.Message.Contains("không thể trước ngày của mục gần nhất"));
        var noReason = await j.DoAsync(v => j.Service.RecordAsync(
            new RecordExitRequest() { CandidateId = j.Id, ExitedOn = new DateOnly(2025, 3, 1), Reason = reason, Explanation = " " }, v));
        Assert.Contains(noReason.Errors, e => e.Field == "Explanation" && e.Message == "Chưa nhập lý do cụ thể.");

        await j.OkAsync(v => j.Service.RecordAsync(
            new RecordExitRequest() { CandidateId = j.Id, ExitedOn = new DateOnly(2025, 3, 1), Reason = reason, Explanation = "Gia đình chuyển vào Nam" }, v));

        var after = await j.DoAsync(v => j.Service.RecordAsync(new RecordApplicationRequest() { CandidateId = j.Id, AppliedOn = new DateOnly(2025, 3, 5) }, v));
        Assert.Contains("hồ sơ đã dừng xem xét từ ngày 01/03/2025", Assert.Single(after.Errors).Message);
        db.ChangeTracker.Clear();
        var candidate = await db.Candidates.Include(c => c.History).SingleAsync(c => c.Id == j.Id);
        Assert.Equal(CandidateStage.Exited, candidate.Stage);
        Assert.Equal(new DateOnly(2025, 3, 1), candidate.StageSince);
        var exit = candidate.History.Single(e => e.Kind == StageKind.Exit);
        Assert.Equal(reason, exit.ExitReason);
        Assert.Equal("Gia đình chuyển vào Nam", exit.Note);
        Assert.Equal(3, candidate.History.Count);
    }

    [Fact]
    public async Task Three_failed_recognition_votes_go_up_to_the_superior_who_removes_the_member()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await AdmittedAsync(world, new DateOnly(2025, 6, 20));

        var exitAfterAdmission = await j.DoAsync(v => j.Service.RecordAsync(
            new RecordExitRequest() { CandidateId = j.Id, ExitedOn = new DateOnly(2025, 12, 1), Reason = ExitReason.Withdrew, Explanation = "Xin rút" }, v));
        Assert.Contains("không công nhận chính thức thì xóa tên", Assert.Single(exitAfterAdmission.Errors).Message);

        Assert.True((await j.RecognitionVoteAsync(new(2026, 6, 22), inFavour: 6)).Succeeded);
        Assert.True((await j.RecognitionVoteAsync(new(2026, 6, 29), inFavour: 5)).Succeeded);
        var earlyReferral = await j.DoAsync(v => j.Service.RecordAsync(new ReferToSuperiorRequest() { CandidateId = j.Id, ReferredOn = new DateOnly(2026, 6, 30) }, v));
        Assert.False(earlyReferral.Succeeded);
        Assert.True((await j.RecognitionVoteAsync(new(2026, 7, 6), inFavour: 6)).Succeeded);
        var fourth = await j.RecognitionVoteAsync(new(2026, 7, 13));
        Assert.Contains("chỉ còn báo cáo cấp ủy cấp trên", Assert.Single(fourth.Errors).Message);
        await j.OkAsync(v => j.Service.RecordAsync(
            new ReferToSuperiorRequest() { CandidateId = j.Id, ReferredOn = new DateOnly(2026, 7, 14), ReferredTo = "Đảng ủy xã Hòa An" }, v));
        await j.OkAsync(v => j.Service.RecordAsync(
            new RemoveFromListRequest() { CandidateId = j.Id, RemovedOn = new DateOnly(2026, 8, 3), DecisionNumber = "77-QĐ/ĐU", Reason = "Không đủ tư cách đảng viên" }, v));

        db.ChangeTracker.Clear();
        var candidate = await db.Candidates.SingleAsync(c => c.Id == j.Id);
        Assert.Equal(CandidateStage.Removed, candidate.Stage);
        var member = await db.Members.SingleAsync(m => m.CandidateId == j.Id);
        Assert.Equal(MemberStatus.Removed, member.Status);
        Assert.Equal(new DateOnly(2026, 8, 3), member.LeftOn);
        Assert.Null(member.RecognisedOn);
        Assert.Equal("Không đủ tư cách đảng viên", member.LeftReason);
    }

    [Fact]
    public async Task A_late_recognition_meeting_still_takes_effect_when_the_12_months_end()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await AdmittedAsync(world, new DateOnly(2025, 6, 20));

        var late = await j.RecognitionVoteAsync(new(2026, 9, 7));
        Assert.Equal("LateReason", Assert.Single(late.Errors).Field);
        Assert.True((await j.RecognitionVoteAsync(new(2026, 9, 7), lateReason: "Bí thư chi bộ ốm dài ngày")).Succeeded);
        Assert.True((await j.RecognitionDecisionAsync(new(2026, 9, 21))).Succeeded);

        db.ChangeTracker.Clear();
        var member = await db.Members.SingleAsync(m => m.CandidateId == j.Id);
        Assert.Equal(new DateOnly(2026, 6, 20), member.RecognisedOn);
    }

    [Fact]
    public async Task A_transfer_moves_the_candidate_to_another_cell_with_the_history_intact()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));

        var toCommittee = await j.DoAsync(v => j.Service.RecordAsync(
            new TransferCandidateRequest() { CandidateId = j.Id, TransferredOn = new DateOnly(2025, 5, 2), TargetCellId = world.School.Id, Reason = "Chuyển công tác" }, v));
        Assert.Contains(toCommittee.Errors, e => e.Field == "TargetCellId" && e.Message.Contains("không phải chi bộ"));
        await j.OkAsync(v => j.Service.RecordAsync(
            new TransferCandidateRequest() { CandidateId = j.Id, TransferredOn = new DateOnly(2025, 5, 2), TargetCellId = world.OfficeCell.Id, Reason = "Chuyển sang làm văn phòng" }, v));

        // The office cell has 3 official members: 2 in favour is two thirds.
        Assert.True((await j.CellVoteAsync(new(2025, 5, 12), official: 3, present: 3, inFavour: 2)).Succeeded);
        await j.CommitteeResolutionAsync(new DateOnly(2025, 5, 20));
        var ceremonyHelperFromOldCell = await j.DoAsync(async v =>
        {
            var decided = await j.DecisionAsync(new(2025, 6, 2));
            Assert.True(decided.Succeeded, CandidateWalk.Describe(decided));
            return await j.CeremonyAsync(new(2025, 6, 10), world.Teachers[0]);
        });
        Assert.Contains(ceremonyHelperFromOldCell.Errors, e => e.Field == "HelperMemberId" && e.Message.Contains("phải là đảng viên của Chi bộ Văn phòng"));
        Assert.True((await j.CeremonyAsync(new(2025, 6, 10), world.OfficeMembers[1])).Succeeded);

        db.ChangeTracker.Clear();
        var candidate = await db.Candidates.Include(c => c.History).SingleAsync(c => c.Id == j.Id);
        Assert.Equal(world.OfficeCell.Id, candidate.CellId);
        Assert.Equal(world.TeachersCell.Id, candidate.History.Single(e => e.Kind == StageKind.Source).UnitId);
        var transfer = candidate.History.Single(e => e.Kind == StageKind.Transfer);
        Assert.Equal(world.OfficeCell.Id, transfer.UnitId);
        Assert.Equal(11, candidate.History.Count);
        Assert.Equal(CandidateStage.Probation, candidate.Stage);
        Assert.Equal(world.OfficeCell.Id, (await db.Members.SingleAsync(m => m.CandidateId == j.Id)).CellId);
        Assert.Equal(world.TeachersCell.Id, new CandidateHistory(candidate.History).CellOn(new DateOnly(2025, 5, 1)));
        Assert.Equal(world.OfficeCell.Id, new CandidateHistory(candidate.History).CellOn(new DateOnly(2025, 5, 2)));
    }

    [Fact]
    public async Task A_correction_supersedes_the_entry_and_the_old_one_stays_visible()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
        Assert.True((await j.CellVoteAsync(new(2025, 5, 5))).Succeeded);
        var application = await db.StageEntries.AsNoTracking().SingleAsync(e => e.CandidateId == j.Id && e.Kind == StageKind.Application);
        var vote = await db.StageEntries.AsNoTracking().Include(e => e.Vote).SingleAsync(e => e.CandidateId == j.Id && e.Kind == StageKind.CellVote);

        await j.OkAsync(v => j.Service.CorrectEntryAsync(new()
        {
            CandidateId = j.Id,
            EntryId = application.Id,
            Reason = "Ghi nhầm ngày trên đơn",
            Date = new DateOnly(2025, 3, 4),
        }, v));

        var again = await j.DoAsync(v => j.Service.CorrectEntryAsync(
            new() { CandidateId = j.Id, EntryId = application.Id, Reason = "Lần nữa", Date = new DateOnly(2025, 3, 5) }, v));
        Assert.Equal("Mục này đã được đính chính: hãy đính chính bản mới nhất.", Assert.Single(again.Errors).Message);
        var afterVerification = await j.DoAsync(v => j.Service.CorrectEntryAsync(new()
        {
            CandidateId = j.Id,
            EntryId = vote.Id,
            Reason = "Sai ngày họp",
            Date = new DateOnly(2025, 4, 18),
            OfficialMembers = 10,
            Present = 9,
            InFavour = 8,
        }, v));
        Assert.Contains(afterVerification.Errors, e => e.Field == "Date" && e.Message.Contains("không thể trước ngày nhận ý kiến nhận xét (21/04/2025)"));
        var shortOfTwoThirds = await j.DoAsync(v => j.Service.CorrectEntryAsync(new()
        {
            CandidateId = j.Id,
            EntryId = vote.Id,
            Reason = "Đếm lại phiếu",
            Date = new DateOnly(2025, 5, 5),
            OfficialMembers = 10,
            Present = 9,
            InFavour = 6,
        }, v));
        Assert.True(shortOfTwoThirds.Succeeded, CandidateWalk.Describe(shortOfTwoThirds));

        db.ChangeTracker.Clear();
        var candidate = await db.Candidates.Include(c => c.History).ThenInclude(e => e.Vote).SingleAsync(c => c.Id == j.Id);
        Assert.Equal(CandidateStage.Opinions, candidate.Stage);
        Assert.Equal(9, candidate.History.Count);
        var correction = candidate.History.Single(e => e.SupersedesId == application.Id);
        Assert.Equal(new DateOnly(2025, 3, 4), correction.EffectiveOn);
        Assert.Equal("Ghi nhầm ngày trên đơn", correction.CorrectionReason);
        Assert.Equal(StageKind.Application, correction.Kind);
        Assert.False(candidate.History.Single(e => e.SupersedesId == vote.Id).Vote!.Passed);

        var file = await j.Service.GetCandidateFileAsync(j.Id);
        var old = Assert.Single(file!.Timeline, t => t.Id == application.Id);
        Assert.True(old.IsSuperseded);
        Assert.Equal(correction.Id, old.SupersededById);
        Assert.Equal(2, file.Timeline.Count(t => t.IsSuperseded));
        Assert.Contains(file.NextActions, a => a.Action == AdmissionAction.RecordCellVote);
    }

    [Fact]
    public async Task A_correction_that_would_make_the_decision_late_is_refused()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
        Assert.True((await j.CellVoteAsync(new(2025, 5, 5))).Succeeded);
        await j.CommitteeResolutionAsync(new DateOnly(2025, 5, 15));
        Assert.True((await j.DecisionAsync(new(2025, 7, 25))).Succeeded);
        var decision = await db.StageEntries.AsNoTracking().SingleAsync(e => e.CandidateId == j.Id && e.Kind == StageKind.AdmissionDecision);

        var result = await j.DoAsync(v => j.Service.CorrectEntryAsync(new()
        {
            CandidateId = j.Id,
            EntryId = decision.Id,
            Reason = "Ngày ký đúng là 05/08",
            Date = new DateOnly(2025, 8, 5),
            DocumentNumber = "101-QĐ/ĐU",
            ReceivedOn = new DateOnly(2025, 8, 5),
        }, v));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Date", error.Field);
        Assert.StartsWith("Quá hạn ra quyết định kết nạp: trong 60 ngày làm việc kể từ ngày chi bộ có nghị quyết (05/05/2025)", error.Message);
        Assert.Equal(0, await db.StageEntries.CountAsync(e => e.SupersedesId == decision.Id));
    }

    [Fact]
    public async Task An_introducer_who_left_is_replaced_and_a_stale_dossier_renewed_before_the_vote()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
        await db.Members.Where(m => m.Id == world.Teachers[1].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeftOn, new DateOnly(2025, 9, 1)).SetProperty(m => m.Status, MemberStatus.Left));

        var refused = await j.CellVoteAsync(new(2026, 4, 20));
        Assert.Contains(refused.Errors, e => e.Message.Contains($"Người giới thiệu {world.Teachers[1].FullName} không còn là đảng viên chính thức"));
        Assert.Contains(refused.Errors, e => e.Message.Contains("Quá 12 tháng kể từ ngày lập hồ sơ"));

        var probationary = await j.DoAsync(v => j.Service.RecordAsync(new ReplaceIntroducerRequest()
        {
            CandidateId = j.Id,
            ReplacedOn = new DateOnly(2026, 4, 1),
            ReplacedMemberId = world.Teachers[1].Id,
            NewMemberId = world.ProbationaryTeacher.Id,
            KnownSince = new DateOnly(2026, 3, 1),
            Reason = "Đồng chí Bình nghỉ hưu, chuyển sinh hoạt",
        }, v));
        Assert.Contains("chỉ đảng viên chính thức mới được giới thiệu", Assert.Single(probationary.Errors).Message);
        await j.OkAsync(v => j.Service.RecordAsync(new ReplaceIntroducerRequest()
        {
            CandidateId = j.Id,
            ReplacedOn = new DateOnly(2026, 4, 1),
            ReplacedMemberId = world.Teachers[1].Id,
            NewMemberId = world.OfficeMembers[0].Id,
            KnownSince = new DateOnly(2026, 1, 15),
            Reason = "Đồng chí Bình nghỉ hưu, chuyển sinh hoạt",
        }, v));
        await j.OkAsync(v => j.Service.RecordAsync(new RenewIntroductionRequest() { CandidateId = j.Id, RenewedOn = new DateOnly(2026, 4, 6) }, v));

        Assert.True((await j.CellVoteAsync(new(2026, 4, 20))).Succeeded);
        var file = await j.Service.GetCandidateFileAsync(j.Id);
        Assert.Equal([world.Teachers[2].Id, world.OfficeMembers[0].Id], file!.Introducers.Select(i => i.MemberId));
        Assert.Equal(CandidateStage.CellVoted, file.Stage);
    }

    [Fact]
    public async Task A_former_member_is_readmitted_once_after_36_months_with_the_provincial_consent()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var service = world.Admission();
        var request = new StartReadmissionRequest
        {
            FormerMemberId = world.FormerMember.Id,
            CellId = world.VillageCell.Id,
            MentorMemberId = world.Villagers[0].Id,
            SourcedOn = new DateOnly(2024, 1, 8),
            GeneralEducation = GeneralEducation.UpperSecondary,
            CategoryIds = [world.Categories[0].Id],
        };
        var selfMentor = await service.StartReadmissionAsync(request with { MentorMemberId = world.FormerMember.Id });
        Assert.Contains(selfMentor.Errors, e => e.Field == "MentorMemberId");
        var started = await service.StartReadmissionAsync(request);
        Assert.True(started.Succeeded, CandidateWalk.Describe(started));
        var j = CandidateWalk.Resume(service, db, started.Value, world.Villagers);
        await j.ReadyForVoteAsync(new(2024, 2, 5), new(2024, 3, 4), new(2024, 4, 1), new(2024, 4, 8), new(2024, 4, 15), world.Villagers[1], world.Villagers[2]);

        var tooEarly = await j.CellVoteAsync(new(2024, 5, 31), official: 4, present: 4, inFavour: 3);
        Assert.Contains("Chưa đủ 36 tháng kể từ ngày ra khỏi Đảng (01/06/2021): chỉ được xét kết nạp lại từ ngày 01/06/2024", Assert.Single(tooEarly.Errors).Message);
        Assert.True((await j.CellVoteAsync(new(2024, 6, 3), official: 4, present: 4, inFavour: 3)).Succeeded);
        var noConsent = await j.DecisionAsync(new(2024, 6, 20));
        Assert.Contains("văn bản đồng ý của ban thường vụ tỉnh ủy", Assert.Single(noConsent.Errors).Message);
        await j.OkAsync(v => j.Service.RecordAsync(new RecordReadmissionConsentRequest()
        {
            CandidateId = j.Id,
            ConsentedOn = new DateOnly(2024, 6, 14),
            DocumentNumber = "321-CV/TU",
            ConsentingBody = "Ban Thường vụ Tỉnh ủy",
        }, v));
        Assert.True((await j.DecisionAsync(new(2024, 6, 20))).Succeeded);
        Assert.True((await j.CeremonyAsync(new(2024, 7, 1), world.Villagers[3])).Succeeded);

        var secondTime = await service.StartReadmissionAsync(request with { SourcedOn = new DateOnly(2026, 1, 5) });
        Assert.Contains(secondTime.Errors, e => e.Message.Contains("chỉ được kết nạp lại một lần"));

        db.ChangeTracker.Clear();
        var candidate = await db.Candidates.SingleAsync(c => c.Id == j.Id);
        Assert.Equal(world.FormerMember.Id, candidate.FormerMemberId);
        Assert.Equal(world.FormerMember.FullName, candidate.FullName);
        Assert.Equal(world.FormerMember.CitizenId, candidate.CitizenId);
        Assert.Equal(CandidateStage.Probation, candidate.Stage);
        Assert.Equal(world.Commune.Id, (await db.StageEntries.SingleAsync(e => e.CandidateId == j.Id && e.Kind == StageKind.AdmissionDecision)).UnitId);
        var readmitted = await db.Members.SingleAsync(m => m.CandidateId == j.Id);
        Assert.NotEqual(world.FormerMember.Id, readmitted.Id);
        Assert.Equal(MemberStatus.Probationary, readmitted.Status);
    }

    [Fact]
    public async Task A_barred_former_member_is_never_readmitted()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var added = await world.Members().AddMemberAsync(new AddMemberRequest
        {
            CellId = world.VillageCell.Id,
            FullName = "Trương Văn Tham",
            DateOfBirth = new DateOnly(1970, 1, 1),
            Status = MemberStatus.Left,
            AdmittedOn = new DateOnly(1995, 1, 1),
            RecognisedOn = new DateOnly(1996, 1, 1),
            LeftOn = new DateOnly(2015, 1, 1),
            LeftReason = "Khai trừ do tham nhũng",
            BarredFromReadmission = true,
        });
        Assert.True(added.Succeeded, CandidateWalk.Describe(added));

        var result = await world.Admission().StartReadmissionAsync(new StartReadmissionRequest
        {
            FormerMemberId = added.Value,
            CellId = world.VillageCell.Id,
            MentorMemberId = world.Villagers[0].Id,
            SourcedOn = new DateOnly(2026, 1, 5),
        });

        var error = Assert.Single(result.Errors);
        Assert.Equal("FormerMemberId", error.Field);
        Assert.Contains("không được kết nạp lại", error.Message);
        Assert.Equal(0, await db.Candidates.CountAsync());
    }

    [Fact]
    public async Task Of_two_users_acting_on_the_same_version_the_second_gets_a_conflict_and_nothing_of_it_is_saved()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
        var version = await world.VersionAsync(j.Id);
        var entriesBefore = await db.StageEntries.CountAsync(e => e.CandidateId == j.Id);

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var loadedBySecond = await second.Candidates.AsTracking().Include(c => c.History).SingleAsync(c => c.Id == j.Id);
        Assert.Equal(version, loadedBySecond.Version);

        var vote = await world.Admission(first, "bi.thu").RecordAsync(
            new RecordCellVoteRequest() { CandidateId = j.Id, VotedOn = new DateOnly(2025, 5, 5), OfficialMembers = 10, Present = 9, InFavour = 8 }, version);
        var transfer = await world.Admission(second, "van.phong").RecordAsync(
            new TransferCandidateRequest() { CandidateId = j.Id, TransferredOn = new DateOnly(2025, 5, 6), TargetCellId = world.OfficeCell.Id, Reason = "Chuyển công tác" }, version);

        Assert.True(vote.Succeeded, CandidateWalk.Describe(vote));
        Assert.True(transfer.IsConflict);
        Assert.Equal(Messages.RecordChanged, Assert.Single(transfer.Errors).Message);
        await using var check = database.CreateContext();
        var candidate = await check.Candidates.Include(c => c.History).SingleAsync(c => c.Id == j.Id);
        Assert.Equal(world.TeachersCell.Id, candidate.CellId);
        Assert.Equal(entriesBefore + 1, candidate.History.Count);
        Assert.DoesNotContain(candidate.History, e => e.Kind == StageKind.Transfer);
        Assert.Equal(CandidateStage.CellVoted, candidate.Stage);

        var stale = await world.Admission(check).RecordAsync(
            new RecordCommitteeResolutionRequest() { CandidateId = j.Id, ResolvedOn = new DateOnly(2025, 5, 15), ResolutionNumber = "1" }, version);
        Assert.True(stale.IsConflict);
    }

    [Fact]
    public async Task The_certificate_validity_of_the_nearest_unit_applies_over_the_province_row()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        db.RuleParameters.AddRange(
            new RuleParameter { Key = RuleKeys.CertificateValidityMonths, OrgUnitId = null, Value = 48 },
            new RuleParameter { Key = RuleKeys.CertificateValidityMonths, OrgUnitId = world.School.Id, Value = 3 });
        await db.SaveChangesAsync();
        var reader = new RuleParameterReader(db);

        Assert.Equal(3, (await reader.GetAdmissionParametersAsync(world.TeachersCell.Id)).CertificateValidityMonths);
        Assert.Equal(48, (await reader.GetAdmissionParametersAsync(world.VillageCell.Id)).CertificateValidityMonths);
        Assert.Equal(12, await reader.GetAsync(RuleKeys.DossierRenewalMonths, world.VillageCell.Id));

        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
        var result = await j.CellVoteAsync(new(2025, 5, 12));
        Assert.Contains("giấy có giá trị 3 tháng, đến hết ngày 09/05/2025", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task The_list_covers_a_units_subtree_with_stage_filter_search_and_paging()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var a = await world.StartCandidateAsync(new(2025, 1, 6), name: "Phan Thị Hạnh");
        await world.StartCandidateAsync(new(2025, 1, 6), name: "Đỗ Văn Bảo");
        await world.StartCandidateAsync(new(2025, 1, 6), cell: world.OfficeCell, name: "Âu Thị Cúc");
        await world.StartCandidateAsync(new(2025, 1, 6), cell: world.VillageCell, name: "Bế Văn Dũng");
        await world.StartCandidateAsync(new(2025, 1, 6), cell: world.OtherVillageCell, name: "Chu Thị Én");
        await a.CertificateAsync(new DateOnly(2025, 2, 10));
        var service = world.Admission();

        var commune = await service.ListAsync(new CandidateListQuery { UnitId = world.Commune.Id });
        Assert.Equal(["Âu Thị Cúc", "Bế Văn Dũng", "Đỗ Văn Bảo", "Phan Thị Hạnh"], commune.Items.Select(i => i.FullName));
        var school = await service.ListAsync(new CandidateListQuery { UnitId = world.School.Id, PageSize = 2, Page = 2 });
        Assert.Equal(3, school.TotalCount);
        Assert.Equal(2, school.PageCount);
        Assert.Equal(["Phan Thị Hạnh"], school.Items.Select(i => i.FullName));
        var course = await service.ListAsync(new CandidateListQuery { UnitId = world.Province.Id, Stage = CandidateStage.AwarenessCourse });
        var item = Assert.Single(course.Items);
        Assert.Equal("Đã học lớp bồi dưỡng nhận thức về Đảng", item.StageLabel);
        Assert.Equal(world.TeachersCell.Name, item.CellName);
        var search = await service.ListAsync(new CandidateListQuery { UnitId = world.Province.Id, Search = "hanh" });
        Assert.Equal(["Phan Thị Hạnh"], search.Items.Select(i => i.FullName));
    }

    [Fact]
    public async Task Members_of_a_cell_official_on_a_day_for_the_introducer_picker()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var members = world.Members();

        var invalid = await members.AddMemberAsync(new AddMemberRequest
        {
            CellId = world.TeachersCell.Id,
            FullName = "Nguyễn Thị Mới",
            DateOfBirth = new DateOnly(1990, 1, 1),
            Status = MemberStatus.Official,
            AdmittedOn = new DateOnly(2020, 1, 1),
        });
        Assert.Contains(invalid.Errors, e => e.Field == "RecognisedOn");
        var added = await members.AddMemberAsync(new AddMemberRequest
        {
            CellId = world.TeachersCell.Id,
            FullName = "Nguyễn Thị Mới",
            DateOfBirth = new DateOnly(1990, 1, 1),
            Status = MemberStatus.Official,
            AdmittedOn = new DateOnly(2025, 1, 10),
            RecognisedOn = new DateOnly(2026, 1, 10),
        });
        Assert.True(added.Succeeded, CandidateWalk.Describe(added));

        var now = await members.ListOfficialMembersAsync(world.TeachersCell.Id);
        var before = await members.ListOfficialMembersAsync(world.TeachersCell.Id, new DateOnly(2026, 1, 9));
        Assert.Equal(11, now.Count);
        Assert.Equal(10, before.Count);
        Assert.DoesNotContain(now, m => m.Id == world.ProbationaryTeacher.Id);
        Assert.Equal("Bùi Thị Hoa", now[0].FullName);
    }

    [Fact]
    public async Task A_grassroots_cell_needs_no_committee_resolution_and_a_cell_under_a_committee_cannot_skip_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
        Assert.True((await j.CellVoteAsync(new(2025, 5, 5))).Succeeded);

        var skipped = await j.DecisionAsync(new(2025, 6, 2));
        Assert.Contains("chưa có nghị quyết của đảng ủy cơ sở (8-KNĐ, bước 7)", Assert.Single(skipped.Errors).Message);

        var v = await world.StartCandidateAsync(new DateOnly(2025, 1, 6), cell: world.VillageCell, name: "Bế Văn Dũng");
        await v.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21), world.Villagers[1], world.Villagers[2]);
        Assert.True((await v.CellVoteAsync(new(2025, 5, 5), official: 4, present: 4, inFavour: 3)).Succeeded);
        var resolution = await v.DoAsync(version => v.Service.RecordAsync(
            new RecordCommitteeResolutionRequest() { CandidateId = v.Id, ResolvedOn = new DateOnly(2025, 5, 15), ResolutionNumber = "1" }, version));
        Assert.Contains("không phải chi bộ trực thuộc đảng ủy cơ sở", Assert.Single(resolution.Errors).Message);
        Assert.True((await v.DecisionAsync(new(2025, 6, 2))).Succeeded);
    }

    /// <summary>A candidate of the teachers' cell admitted (ceremony) on <paramref name="ceremony"/>, new-member course done.</summary>
    private static async Task<CandidateWalk> AdmittedAsync(World world, DateOnly ceremony)
    {
        var j = await world.StartCandidateAsync(ceremony.AddMonths(-6));
        await j.ReadyForVoteAsync(ceremony.AddMonths(-5), ceremony.AddMonths(-5).AddDays(7), ceremony.AddMonths(-4), ceremony.AddMonths(-3), ceremony.AddMonths(-3).AddDays(7));
        Assert.True((await j.CellVoteAsync(ceremony.AddMonths(-2))).Succeeded);
        await j.CommitteeResolutionAsync(ceremony.AddMonths(-2).AddDays(7));
        var decided = await j.DecisionAsync(ceremony.AddDays(-14));
        Assert.True(decided.Succeeded, CandidateWalk.Describe(decided));
        var held = await j.CeremonyAsync(ceremony, world.Teachers[3]);
        Assert.True(held.Succeeded, CandidateWalk.Describe(held));
        await j.NewMemberCourseAsync(ceremony.AddMonths(4));
        return j;
    }
}
