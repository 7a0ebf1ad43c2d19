using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Members;
using DangVien.Core.Features.Reports;
using DangVien.Core.Features.Units;
using DangVien.Core.Tests.Features.Reports;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Members;

/// <summary>
/// Members' cell history (<see cref="MemberPlacement"/>): the placements a move writes, and the yearly reports of the years
/// before and after a move, which must count each member in the cell they stood in on the day of the figure.
/// </summary>
public sealed class MemberPlacementTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);
    private static readonly DateOnly July2026 = new(2026, 7, 1);

    [Fact]
    public void A_first_move_keeps_the_past_cell_from_admission_to_the_day_before()
    {
        var member = new Member { Id = 7, FullName = "Hà Văn Quang", CellId = 10, AdmittedOn = new DateOnly(2010, 3, 5) };

        var changes = MemberPlacements.Changes(member, [], 20, July2026);

        Assert.Equal(
            [(10, new DateOnly(2010, 3, 5), (DateOnly?)new DateOnly(2026, 6, 30), PlacementChange.Added), (20, July2026, null, PlacementChange.Added)],
            changes.Select(c => (c.Placement.CellId, c.Placement.ValidFrom, c.Placement.ValidTo, c.Change)));
        Assert.All(changes, c => Assert.Equal(7, c.Placement.MemberId));
    }

    [Fact]
    public void A_later_move_ends_the_open_placement_the_day_before_and_a_move_dated_back_replaces_what_began_after_it()
    {
        var member = new Member { Id = 7, FullName = "Hà Văn Quang", CellId = 20, AdmittedOn = new DateOnly(2010, 3, 5) };
        var first = new MemberPlacement { Id = 1, MemberId = 7, CellId = 10, ValidFrom = new DateOnly(2010, 3, 5), ValidTo = new DateOnly(2026, 6, 30) };
        var open = new MemberPlacement { Id = 2, MemberId = 7, CellId = 20, ValidFrom = July2026 };

        var next = MemberPlacements.Changes(member, [first, open], 30, new DateOnly(2026, 7, 2));
        Assert.Equal([(2L, PlacementChange.Ended), (0L, PlacementChange.Added)], next.Select(c => (c.Placement.Id, c.Change)));
        Assert.Equal(July2026, open.ValidTo);
        Assert.Equal(new DateOnly(2026, 6, 30), first.ValidTo);

        // Dated back before the placement in 20 began: from that day the member is in 40; 20's placement gives way.
        var back = new MemberPlacement { Id = 1, MemberId = 7, CellId = 10, ValidFrom = new DateOnly(2010, 3, 5), ValidTo = new DateOnly(2026, 6, 30) };
        var later = new MemberPlacement { Id = 2, MemberId = 7, CellId = 20, ValidFrom = July2026 };
        var dated = MemberPlacements.Changes(member, [back, later], 40, new DateOnly(2026, 5, 1));
        Assert.Equal([(1L, PlacementChange.Ended), (2L, PlacementChange.Removed), (0L, PlacementChange.Added)], dated.Select(c => (c.Placement.Id, c.Change)));
        Assert.Equal(new DateOnly(2026, 4, 30), back.ValidTo);
    }

    [Fact]
    public async Task A_merged_cells_members_count_in_its_old_commune_for_the_years_before_the_merge()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var hoaAnBefore = (await world.Reports().GetAsync(world.Commune.Id, 2025))!;
        var hoaAn2026Before = (await world.Reports().GetAsync(world.Commune.Id, 2026))!;
        var binhMinh2026Before = (await world.Reports().GetAsync(world.OtherCommune.Id, 2026))!;

        var merged = await Units(world).MergeAsync(
            new MergeUnitRequest { UnitId = world.VillageCell.Id, TargetId = world.OtherVillageCell.Id, EffectiveOn = July2026 },
            await db.OrgUnits.Where(u => u.Id == world.VillageCell.Id).Select(u => u.Version).SingleAsync());
        Assert.True(merged.Succeeded, string.Join("; ", merged.Errors.Select(e => e.Message)));

        // Each villager in office: Thôn Đông from admission to 30/06/2026, Thôn Tây from 01/07/2026; the one who left is not moved.
        var placements = await db.MemberPlacements.AsNoTracking().OrderBy(p => p.MemberId).ThenBy(p => p.ValidFrom).ToListAsync();
        Assert.Equal(
            world.Villagers.SelectMany(v => new[]
            {
                (v.Id, world.VillageCell.Id, v.AdmittedOn, (DateOnly?)new DateOnly(2026, 6, 30)),
                (v.Id, world.OtherVillageCell.Id, July2026, (DateOnly?)null),
            }).OrderBy(p => p.Item1).ThenBy(p => p.Item3),
            placements.Select(p => (p.MemberId, p.CellId, p.ValidFrom, p.ValidTo)));
        Assert.DoesNotContain(placements, p => p.MemberId == world.FormerMember.Id);

        var hoaAn2025 = (await world.Reports().GetAsync(world.Commune.Id, 2025))!;
        var hoaAn2026 = (await world.Reports().GetAsync(world.Commune.Id, 2026))!;
        var binhMinh2026 = (await world.Reports().GetAsync(world.OtherCommune.Id, 2026))!;
        var villagers = world.Villagers.Count;
        Assert.Equal((hoaAnBefore.MembersAtStart, hoaAnBefore.MembersAtEnd), (hoaAn2025.MembersAtStart, hoaAn2025.MembersAtEnd));
        // Hòa An had the villagers on 31/12/2025 and no longer on 31/12/2026; Bình Minh the other way round.
        Assert.Equal(hoaAn2025.MembersAtEnd, hoaAn2026.MembersAtStart);
        Assert.Equal(hoaAn2026Before.MembersAtStart, hoaAn2026.MembersAtStart);
        Assert.Equal(hoaAn2026Before.MembersAtEnd - villagers, hoaAn2026.MembersAtEnd);
        Assert.Equal((world.OtherVillagers.Count, world.OtherVillagers.Count), (binhMinh2026Before.MembersAtStart, binhMinh2026Before.MembersAtEnd));
        Assert.Equal((world.OtherVillagers.Count, world.OtherVillagers.Count + villagers), (binhMinh2026.MembersAtStart, binhMinh2026.MembersAtEnd));
        // The merged cell's own report of 2025 still has its members; the trend agrees with the single years.
        Assert.Equal(villagers, (await world.Reports().GetAsync(world.VillageCell.Id, 2025))!.MembersAtEnd);
        var trend = (await world.Reports().GetTrendAsync(world.Commune.Id, 2025, 2026))!;
        Assert.Equal(
            [(hoaAn2025.MembersAtStart, hoaAn2025.MembersAtEnd), (hoaAn2026.MembersAtStart, hoaAn2026.MembersAtEnd)],
            trend.Years.Select(y => (y.MembersAtStart, y.MembersAtEnd)));

        // The drill-down lists hold exactly the members behind the figures.
        var endOf2025 = (await world.Reports().GetMemberListAsync(world.Commune.Id, 2025, 2025, ReportFigure.MembersAtEnd))!;
        var endOf2026 = (await world.Reports().GetMemberListAsync(world.Commune.Id, 2026, 2026, ReportFigure.MembersAtEnd))!;
        Assert.Subset(endOf2025.Rows.Select(m => m.Id).ToHashSet(), world.Villagers.Select(v => v.Id).ToHashSet());
        Assert.DoesNotContain(endOf2026.Rows, m => world.Villagers.Any(v => v.Id == m.Id));
        Assert.Equal(hoaAn2026.MembersAtEnd, endOf2026.Rows.Count);
    }

    [Fact]
    public async Task A_member_transferred_during_probation_counts_in_the_old_cell_before_the_transfer_and_in_the_new_one_after()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var walk = await world.StartCandidateAsync(WalkDates.Spring2025.Sourced);
        await walk.ToAsync(StageKind.Ceremony, WalkDates.Spring2025);
        var schoolBefore = (await world.Reports().GetTrendAsync(world.School.Id, 2025, 2026))!.Years;
        var villageBefore = (await world.Reports().GetTrendAsync(world.VillageCell.Id, 2025, 2026))!.Years;

        var transferredOn = new DateOnly(2026, 2, 2);
        await walk.OkAsync(v => walk.Service.RecordAsync(
            new TransferCandidateRequest { CandidateId = walk.Id, TransferredOn = transferredOn, TargetCellId = world.VillageCell.Id, Reason = "Chuyển nơi cư trú" }, v));

        db.ChangeTracker.Clear();
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.CandidateId == walk.Id);
        Assert.Equal(world.VillageCell.Id, member.CellId);
        Assert.Equal(
            [(world.TeachersCell.Id, WalkDates.Spring2025.Ceremony, (DateOnly?)new DateOnly(2026, 2, 1)), (world.VillageCell.Id, transferredOn, null)],
            (await db.MemberPlacements.AsNoTracking().Where(p => p.MemberId == member.Id).OrderBy(p => p.ValidFrom).ToListAsync())
                .Select(p => (p.CellId, p.ValidFrom, p.ValidTo)));

        var school = (await world.Reports().GetTrendAsync(world.School.Id, 2025, 2026))!.Years;
        var village = (await world.Reports().GetTrendAsync(world.VillageCell.Id, 2025, 2026))!.Years;
        // 31/12/2025: in the teachers' cell (School); 31/12/2026: in Thôn Đông. Everything before the transfer is as it was.
        Assert.Equal(
            [(schoolBefore[0].MembersAtStart, schoolBefore[0].MembersAtEnd), (schoolBefore[1].MembersAtStart, schoolBefore[1].MembersAtEnd - 1)],
            school.Select(y => (y.MembersAtStart, y.MembersAtEnd)));
        Assert.Equal(
            [(villageBefore[0].MembersAtStart, villageBefore[0].MembersAtEnd), (villageBefore[1].MembersAtStart, villageBefore[1].MembersAtEnd + 1)],
            village.Select(y => (y.MembersAtStart, y.MembersAtEnd)));
    }

    private static OrgUnitService Units(World world) =>
        new(world.Db, new CurrentAccess(new SystemUser("can.bo@test"), world.Db, world.Time), CoreValidators.For<MoveUnitRequest>(), CoreValidators.For<MergeUnitRequest>(), world.Time);
}
