using DangVien.Core.Domain;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The shared walk of the test projects keeps to the rules: its dates take a file to official membership.</summary>
public sealed class CandidateWalkTests
{
    [Theory]
    [InlineData(true, 13)]
    [InlineData(false, 12)]
    public async Task The_walk_takes_a_file_to_official_member_with_a_committee_resolution_only_where_the_cell_needs_one(bool teachers, int entries)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, new DateOnly(2026, 12, 31));
        var cell = teachers ? world.TeachersCell : world.VillageCell;
        var walk = await world.StartCandidateAsync(WalkDates.Spring2025.Sourced, cell);

        await walk.ToAsync(StageKind.CellVote, WalkDates.Spring2025);
        Assert.Equal(CandidateStage.CellVoted, (await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == walk.Id)).Stage);
        await walk.ToAsync(StageKind.RecognitionDecision, WalkDates.Spring2025);

        var history = await db.StageEntries.AsNoTracking().Where(e => e.CandidateId == walk.Id).ToListAsync();
        Assert.Equal(entries, history.Count);
        Assert.Equal(teachers, history.Any(e => e.Kind == StageKind.CommitteeResolution));
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.CandidateId == walk.Id);
        Assert.Equal((MemberStatus.Official, new DateOnly(2025, 6, 20), new DateOnly(2026, 6, 20)), (member.Status, member.AdmittedOn, member.RecognisedOn));
    }
}
