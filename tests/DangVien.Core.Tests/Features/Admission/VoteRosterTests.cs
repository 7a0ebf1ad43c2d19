using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>A vote counts on the cell's member list of its day: a different number needs a reason, one beyond the cell is refused.</summary>
public sealed class VoteRosterTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    private static readonly DateOnly VotedOn = new(2025, 5, 5);

    [Fact]
    public async Task Three_official_three_present_two_in_favour_in_a_cell_of_24_is_refused_without_a_reason()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        db.Members.AddRange(Enumerable.Range(0, 14).Select(i => new Member
        {
            FullName = $"Đảng viên Thêm {i + 1}",
            DateOfBirth = new DateOnly(1985, 1, 1 + i),
            CellId = world.TeachersCell.Id,
            Status = MemberStatus.Official,
            AdmittedOn = new DateOnly(2019, 3, 1),
            RecognisedOn = new DateOnly(2020, 3, 1),
        }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));

        Assert.Equal(new VoteRoster(world.TeachersCell.Id, VotedOn, 24, 24), await j.Service.GetVoteRosterAsync(j.Id, VotedOn));

        var unexplained = await j.CellVoteAsync(VotedOn, official: 3, present: 3, inFavour: 2);
        var error = Assert.Single(unexplained.Errors);
        Assert.Equal(nameof(RecordCellVoteRequest.OfficialMembersReason), error.Field);
        Assert.Equal("Số đảng viên chính thức khác danh sách (24) cần ghi lý do.", error.Message);
        Assert.Equal(unexplained.Errors, await j.Service.CheckAsync(new RecordCellVoteRequest
        {
            CandidateId = j.Id, VotedOn = VotedOn, OfficialMembers = 3, Present = 3, InFavour = 2,
        }));

        var beyond = await j.CellVoteAsync(VotedOn, official: 25, present: 20, inFavour: 20, reason: "Tính cả đảng viên sinh hoạt tạm thời");
        var tooMany = Assert.Single(beyond.Errors);
        Assert.Equal(nameof(RecordCellVoteRequest.OfficialMembers), tooMany.Field);
        Assert.Equal("Số đảng viên chính thức (25) không thể lớn hơn số đảng viên của chi bộ ngày 05/05/2025 (24, kể cả đảng viên dự bị).", tooMany.Message);
        Assert.False(await db.StageEntries.AnyAsync(e => e.CandidateId == j.Id && e.Kind == StageKind.CellVote));

        var explained = await j.CellVoteAsync(VotedOn, official: 3, present: 3, inFavour: 2, reason: "  21 đảng viên đi công tác dài ngày, được miễn sinh hoạt  ");
        Assert.True(explained.Succeeded, CandidateWalk.Describe(explained));
        var vote = await db.StageEntries.AsNoTracking().Where(e => e.CandidateId == j.Id && e.Kind == StageKind.CellVote).Select(e => e.Vote!).SingleAsync();
        Assert.Equal((3, 3, 2, true, 24, "21 đảng viên đi công tác dài ngày, được miễn sinh hoạt"),
            (vote.OfficialMembers, vote.Present, vote.InFavour, vote.Passed, vote.ListedOfficialMembers, vote.OfficialMembersReason));
    }

    [Fact]
    public async Task The_number_on_the_list_needs_no_reason_and_is_recorded_as_listed()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));

        var voted = await j.CellVoteAsync(VotedOn, official: 10, present: 9, inFavour: 6);
        Assert.True(voted.Succeeded, CandidateWalk.Describe(voted));
        var vote = await db.StageEntries.AsNoTracking().Where(e => e.CandidateId == j.Id && e.Kind == StageKind.CellVote).Select(e => e.Vote!).SingleAsync();
        Assert.Equal((10, false, 10, (string?)null), (vote.OfficialMembers, vote.Passed, vote.ListedOfficialMembers, vote.OfficialMembersReason));
    }

    [Fact]
    public async Task The_list_of_a_day_counts_members_as_they_stood_that_day()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6), world.VillageCell);
        var village = world.Villagers.Select(m => m.Id).ToArray();

        // Recognised on the day: official that day. Left on the day: out that day.
        await db.Members.Where(m => m.Id == village[0]).ExecuteUpdateAsync(s => s.SetProperty(m => m.RecognisedOn, VotedOn));
        await db.Members.Where(m => m.Id == village[1]).ExecuteUpdateAsync(s => s.SetProperty(m => m.LeftOn, VotedOn).SetProperty(m => m.Status, MemberStatus.Left));

        // A probationary member counts in the cell's size, not as official.
        db.Members.Add(new Member
        {
            FullName = "Dự Bị Thôn Đông", DateOfBirth = new DateOnly(2000, 1, 1), CellId = world.VillageCell.Id,
            Status = MemberStatus.Probationary, AdmittedOn = new DateOnly(2025, 1, 2),
        });

        // An office member placed in the village until the day of the vote, in the office from the next day.
        var moved = world.OfficeMembers[0].Id;
        db.MemberPlacements.AddRange(
            new MemberPlacement { MemberId = moved, CellId = world.VillageCell.Id, ValidFrom = new DateOnly(2012, 1, 5), ValidTo = VotedOn },
            new MemberPlacement { MemberId = moved, CellId = world.OfficeCell.Id, ValidFrom = VotedOn.AddDays(1) });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.Equal(new VoteRoster(world.VillageCell.Id, VotedOn, 4, 5), await j.Service.GetVoteRosterAsync(j.Id, VotedOn));
        Assert.Equal(new VoteRoster(world.VillageCell.Id, VotedOn.AddDays(-1), 4, 6), await j.Service.GetVoteRosterAsync(j.Id, VotedOn.AddDays(-1)));
        Assert.Equal(new VoteRoster(world.VillageCell.Id, VotedOn.AddDays(1), 3, 4), await j.Service.GetVoteRosterAsync(j.Id, VotedOn.AddDays(1)));
    }

    [Fact]
    public async Task A_corrected_vote_counts_on_the_member_list_of_its_new_date_with_the_reason_field()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
        Assert.True((await j.CellVoteAsync(VotedOn, official: 10, present: 9, inFavour: 8)).Succeeded);
        var entry = await db.StageEntries.AsNoTracking().Where(e => e.CandidateId == j.Id && e.Kind == StageKind.CellVote).Select(e => e.Id).SingleAsync();

        // A member recognised the day after the vote: 10 official on the vote date, 11 from the next day on.
        var nextDay = VotedOn.AddDays(1);
        db.Members.Add(new Member
        {
            FullName = "Đảng viên Mới Công Nhận", DateOfBirth = new DateOnly(1995, 1, 1), CellId = world.TeachersCell.Id,
            Status = MemberStatus.Official, AdmittedOn = new DateOnly(2024, 5, 6), RecognisedOn = nextDay,
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        Assert.Equal(new VoteRoster(world.TeachersCell.Id, VotedOn, 10, 11), await j.Service.GetVoteRosterAsync(j.Id, VotedOn));
        Assert.Equal(new VoteRoster(world.TeachersCell.Id, nextDay, 11, 11), await j.Service.GetVoteRosterAsync(j.Id, nextDay));

        Task<Result> Correct(long id, DateOnly on, int official, string? reason = null) => j.DoAsync(v => j.Service.CorrectEntryAsync(new()
        {
            CandidateId = j.Id, EntryId = id, Reason = "Ghi nhầm biên bản", Date = on,
            OfficialMembers = official, Present = 9, InFavour = 8, OfficialMembersReason = reason,
        }, v));

        // Moved to the next day, the unchanged 10 differ from that day's list of 11: a reason is needed.
        var moved = await Correct(entry, nextDay, 10);
        Assert.Equal([(nameof(CorrectEntryRequest.OfficialMembersReason), "Số đảng viên chính thức khác danh sách (11) cần ghi lý do.")],
            moved.Errors.Select(e => (e.Field, e.Message)));
        var beyond = await Correct(entry, nextDay, 12, "Tính cả đảng viên sinh hoạt tạm thời");
        Assert.Equal([(nameof(CorrectEntryRequest.OfficialMembers),
            "Số đảng viên chính thức (12) không thể lớn hơn số đảng viên của chi bộ ngày 06/05/2025 (11, kể cả đảng viên dự bị).")],
            beyond.Errors.Select(e => (e.Field, e.Message)));
        // On the vote date, 11 is one more than that day's list of 10.
        Assert.Equal([nameof(CorrectEntryRequest.OfficialMembersReason)], (await Correct(entry, VotedOn, 11)).Errors.Select(e => e.Field));
        Assert.Equal(1, await db.StageEntries.CountAsync(e => e.CandidateId == j.Id && e.Kind == StageKind.CellVote));

        var explained = await Correct(entry, VotedOn, 11, "  Một đồng chí được công nhận chính thức trước ngày họp  ");
        Assert.True(explained.Succeeded, CandidateWalk.Describe(explained));
        var corrected = await db.StageEntries.AsNoTracking().Include(e => e.Vote).Where(e => e.SupersedesId == entry).SingleAsync();
        Assert.Equal((11, 10, "Một đồng chí được công nhận chính thức trước ngày họp"),
            (corrected.Vote!.OfficialMembers, corrected.Vote.ListedOfficialMembers, corrected.Vote.OfficialMembersReason));

        // The list's number on the new date needs no reason.
        var listed = await Correct(corrected.Id, nextDay, 11);
        Assert.True(listed.Succeeded, CandidateWalk.Describe(listed));
        var last = await db.StageEntries.AsNoTracking().Include(e => e.Vote).Where(e => e.SupersedesId == corrected.Id).SingleAsync();
        Assert.Equal((nextDay, 11, 11, (string?)null), (last.EffectiveOn, last.Vote!.OfficialMembers, last.Vote.ListedOfficialMembers, last.Vote.OfficialMembersReason));
    }
}
