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
