using DangVien.Core.Data;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Members;

/// <summary>
/// Moving members between cells so that the past stays where it was (<see cref="MemberPlacement"/>). From the day of the
/// move on the member stands in the new cell: a member without placements first gets the past one (their cell from
/// admission to the day before); the placement holding the day ends the day before; a placement that began on or after
/// the day (a move dated back before a later one) gives way to the new cell; the new cell's placement starts on the day.
/// The same steps run on one tracked member (<see cref="Move"/>) and in SQL on every member of a merged cell
/// (<see cref="MoveCellAsync"/>).
/// </summary>
public static class MemberPlacements
{
    /// <summary>
    /// Moves a tracked member, loaded with <see cref="Member.Placements"/>, to <paramref name="cellId"/> from
    /// <paramref name="day"/> on; saved with the caller's changes.
    /// </summary>
    public static void Move(Member member, int cellId, DateOnly day)
    {
        foreach (var (placement, change) in Changes(member, [.. member.Placements], cellId, day))
        {
            if (change == PlacementChange.Added)
            {
                member.Placements.Add(placement);
            }
            else if (change == PlacementChange.Removed)
            {
                member.Placements.Remove(placement);
            }
        }

        member.CellId = cellId;
    }

    /// <summary>What a move changes, in memory: placements added, ended (changed in place) or removed.</summary>
    public static IReadOnlyList<(MemberPlacement Placement, PlacementChange Change)> Changes(Member member, IReadOnlyList<MemberPlacement> placements, int cellId, DateOnly day)
    {
        var changes = new List<(MemberPlacement, PlacementChange)>();
        if (placements.Count == 0 && member.AdmittedOn < day)
        {
            changes.Add((new MemberPlacement { MemberId = member.Id, CellId = member.CellId, ValidFrom = member.AdmittedOn, ValidTo = day.AddDays(-1) }, PlacementChange.Added));
        }

        foreach (var placement in placements)
        {
            if (placement.ValidFrom >= day)
            {
                changes.Add((placement, PlacementChange.Removed));
            }
            else if (placement.ValidTo is null || placement.ValidTo >= day)
            {
                placement.ValidTo = day.AddDays(-1);
                changes.Add((placement, PlacementChange.Ended));
            }
        }

        changes.Add((new MemberPlacement { MemberId = member.Id, CellId = cellId, ValidFrom = day }, PlacementChange.Added));
        return changes;
    }

    /// <summary>
    /// Moves every official and probationary member of cell <paramref name="fromCellId"/> to <paramref name="toCellId"/> from
    /// <paramref name="day"/> on, in SQL (the steps of <see cref="Changes"/>), inside the caller's transaction. Returns how many moved.
    /// </summary>
    public static async Task<int> MoveCellAsync(DangVienDbContext db, int fromCellId, int toCellId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var lastDay = day.AddDays(-1);
        const short official = (short)MemberStatus.Official;
        const short probationary = (short)MemberStatus.Probationary;
        await db.Database.ExecuteSqlAsync($"""
            insert into member_placements (member_id, cell_id, valid_from, valid_to)
            select m.id, m.cell_id, m.admitted_on, {lastDay}
            from members m
            where m.cell_id = {fromCellId} and m.status in ({official}, {probationary}) and m.admitted_on < {day}
                and not exists (select 1 from member_placements p where p.member_id = m.id)
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            delete from member_placements p using members m
            where p.member_id = m.id and m.cell_id = {fromCellId} and m.status in ({official}, {probationary}) and p.valid_from >= {day}
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            update member_placements p set valid_to = {lastDay}
            from members m
            where p.member_id = m.id and m.cell_id = {fromCellId} and m.status in ({official}, {probationary})
                and (p.valid_to is null or p.valid_to >= {day})
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            insert into member_placements (member_id, cell_id, valid_from)
            select m.id, {toCellId}, {day}
            from members m
            where m.cell_id = {fromCellId} and m.status in ({official}, {probationary})
            """, cancellationToken);
        return await db.Database.ExecuteSqlAsync($"""
            update members set cell_id = {toCellId}
            where cell_id = {fromCellId} and status in ({official}, {probationary})
            """, cancellationToken);
    }
}

/// <summary>How a move changes a placement.</summary>
public enum PlacementChange
{
    Added = 0,
    Ended = 1,
    Removed = 2,
}
