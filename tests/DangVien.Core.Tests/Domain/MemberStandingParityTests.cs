using DangVien.Core.Domain;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DangVien.Core.Tests.Domain;

/// <summary>
/// "Member on a day" and "official on a day" are one rule (<see cref="MemberStanding"/>) written as an expression (run in
/// memory and translated by EF Core) and as SQL (the reports): over the edge cases, the three must give the same answer.
/// </summary>
public sealed class MemberStandingParityTests
{
    private static readonly DateOnly Admitted = new(2024, 3, 12);
    private static readonly DateOnly Recognised = new(2025, 3, 12);
    private static readonly DateOnly NewYearsEve = new(2025, 12, 31);

    /// <summary>The edge cases, each a member row; their answers on the days below are asserted by name.</summary>
    private static Member[] EdgeCases(int cellId) =>
    [
        Row("probationary", cellId, MemberStatus.Probationary, recognised: null, left: null),
        Row("recognised on the day", cellId, MemberStatus.Official, Recognised, left: null),
        Row("left on 31/12", cellId, MemberStatus.Left, Recognised, NewYearsEve),
        Row("removed on the day of recognition", cellId, MemberStatus.Removed, recognised: null, Recognised),
        Row("marked left without a date", cellId, MemberStatus.Left, Recognised, left: null),
        Row("marked removed without a date", cellId, MemberStatus.Removed, recognised: null, left: null),
    ];

    private static readonly DateOnly[] Days =
    [
        Admitted.AddDays(-1), Admitted, Recognised.AddDays(-1), Recognised, NewYearsEve.AddDays(-1), NewYearsEve, NewYearsEve.AddDays(1),
    ];

    [Fact]
    public void The_rule_at_its_edges()
    {
        var members = EdgeCases(cellId: 1).ToDictionary(m => m.FullName);

        Assert.False(members["probationary"].IsMemberOn(Admitted.AddDays(-1)));
        Assert.True(members["probationary"].IsMemberOn(Admitted));
        Assert.False(members["probationary"].IsOfficialOn(NewYearsEve));

        Assert.False(members["recognised on the day"].IsOfficialOn(Recognised.AddDays(-1)));
        Assert.True(members["recognised on the day"].IsOfficialOn(Recognised));

        Assert.True(members["left on 31/12"].IsMemberOn(NewYearsEve.AddDays(-1)));
        Assert.False(members["left on 31/12"].IsMemberOn(NewYearsEve));
        Assert.False(members["left on 31/12"].IsOfficialOn(NewYearsEve));

        Assert.True(members["removed on the day of recognition"].IsMemberOn(Recognised.AddDays(-1)));
        Assert.False(members["removed on the day of recognition"].IsMemberOn(Recognised));

        Assert.All(Days, day => Assert.False(members["marked left without a date"].IsMemberOn(day)));
        Assert.All(Days, day => Assert.False(members["marked left without a date"].IsOfficialOn(day)));
        Assert.All(Days, day => Assert.False(members["marked removed without a date"].IsMemberOn(day)));
    }

    [Fact]
    public async Task Memory_LINQ_and_SQL_agree_on_every_edge_case_and_day()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, new DateOnly(2026, 6, 1));
        var rows = EdgeCases(world.OtherVillageCell.Id);
        db.Members.AddRange(rows);
        await db.SaveChangesAsync();
        var ids = rows.Select(m => m.Id).ToArray();

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var day in Days)
        {
            var inMemory = (Member: rows.Where(m => m.IsMemberOn(day)).Select(m => m.Id).Order().ToArray(),
                Official: rows.Where(m => m.IsOfficialOn(day)).Select(m => m.Id).Order().ToArray());

            var linqMember = await db.Members.Where(m => ids.Contains(m.Id)).Where(MemberStanding.MemberOn(day)).Select(m => m.Id).OrderBy(id => id).ToArrayAsync();
            var linqOfficial = await db.Members.Where(m => ids.Contains(m.Id)).Where(MemberStanding.OfficialOn(day)).Select(m => m.Id).OrderBy(id => id).ToArrayAsync();

            var sqlMember = await IdsAsync(connection, MemberStanding.MemberOnSql("m", "@day"), ids, day);
            var sqlOfficial = await IdsAsync(connection, MemberStanding.OfficialOnSql("m", "@day"), ids, day);

            Assert.Equal(inMemory.Member, linqMember);
            Assert.Equal(inMemory.Member, sqlMember);
            Assert.Equal(inMemory.Official, linqOfficial);
            Assert.Equal(inMemory.Official, sqlOfficial);
        }
    }

    [Fact]
    public async Task Where_a_member_stood_agrees_in_memory_LINQ_and_SQL_before_between_and_after_moves()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, new DateOnly(2026, 6, 1));
        var (a, b, c) = (world.VillageCell.Id, world.OtherVillageCell.Id, world.OfficeCell.Id);
        var moveOne = new DateOnly(2025, 7, 1);
        var moveTwo = new DateOnly(2025, 12, 31);
        var rows = new[]
        {
            // Never moved, no placement: the current cell on every day.
            Row("never placed", c, MemberStatus.Official, Recognised, left: null),
            // Only the open placement of the backfill.
            Placed(Row("backfilled", c, MemberStatus.Official, Recognised, left: null), (c, Admitted, null)),
            // Moved once, from a to b on 01/07/2025.
            Placed(Row("moved once", b, MemberStatus.Official, Recognised, left: null), (a, Admitted, moveOne.AddDays(-1)), (b, moveOne, null)),
            // Moved twice, the second time on 31/12 (in c on that day, in b the day before).
            Placed(Row("moved twice", c, MemberStatus.Official, Recognised, left: null), (a, Admitted, moveOne.AddDays(-1)), (b, moveOne, moveTwo.AddDays(-1)), (c, moveTwo, null)),
            // The first placement begins after the admission day (a date corrected later): the first cell before it.
            Placed(Row("placed late", b, MemberStatus.Official, Recognised, left: null), (a, Admitted.AddDays(10), moveOne.AddDays(-1)), (b, moveOne, null)),
        };
        db.Members.AddRange(rows);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var byName = rows.ToDictionary(m => m.FullName);

        Assert.Equal(c, MemberStanding.CellOn(byName["never placed"], Admitted));
        Assert.Equal(a, MemberStanding.CellOn(byName["moved once"], moveOne.AddDays(-1)));
        Assert.Equal(b, MemberStanding.CellOn(byName["moved once"], moveOne));
        Assert.Equal(b, MemberStanding.CellOn(byName["moved twice"], moveTwo.AddDays(-1)));
        Assert.Equal(c, MemberStanding.CellOn(byName["moved twice"], moveTwo));
        Assert.Equal(a, MemberStanding.CellOn(byName["placed late"], Admitted));

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var ids = rows.Select(m => m.Id).ToArray();
        DateOnly[] days = [.. Days.Concat([moveOne.AddDays(-1), moveOne, moveTwo.AddDays(-1), moveTwo]).Distinct()];
        foreach (var day in days)
        {
            var inMemory = rows.OrderBy(m => m.Id).Select(m => (m.Id, MemberStanding.CellOn(m, day))).ToArray();
            var sql = await CellsAsync(connection, ids, day);
            var linq = new List<(int, int)>();
            foreach (var cell in new[] { a, b, c })
            {
                linq.AddRange((await db.Members.Where(m => ids.Contains(m.Id)).Where(MemberStanding.InCellOn(cell, day)).Select(m => m.Id).ToListAsync()).Select(id => (id, cell)));
            }

            Assert.Equal(inMemory, sql);
            Assert.Equal(inMemory, linq.OrderBy(x => x.Item1).ToArray());
        }
    }

    private static Member Placed(Member member, params (int Cell, DateOnly From, DateOnly? To)[] placements)
    {
        member.Placements = [.. placements.Select(p => new MemberPlacement { CellId = p.Cell, ValidFrom = p.From, ValidTo = p.To })];
        return member;
    }

    private static async Task<(int, int)[]> CellsAsync(NpgsqlConnection connection, int[] ids, DateOnly day)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = new NpgsqlCommand($"select m.id, {MemberStanding.CellOnSql("m", "@day")} from members m where m.id = any(@ids) order by m.id", connection);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("day", day);
        var result = new List<(int, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        return [.. result];
    }

    private static async Task<int[]> IdsAsync(NpgsqlConnection connection, string condition, int[] ids, DateOnly day)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = new NpgsqlCommand($"select m.id from members m where m.id = any(@ids) and {condition} order by m.id", connection);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("day", day);
        var result = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetInt32(0));
        }

        return [.. result];
    }

    private static Member Row(string name, int cellId, MemberStatus status, DateOnly? recognised, DateOnly? left) => new()
    {
        FullName = name,
        CellId = cellId,
        DateOfBirth = new DateOnly(1990, 1, 1),
        Status = status,
        AdmittedOn = Admitted,
        RecognisedOn = recognised,
        LeftOn = left,
    };
}
