using DangVien.Core.Demo;
using DangVien.Core.Domain;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DangVien.Core.Tests.Demo;

public sealed class ProvinceGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly ProvinceSize Small = new(Members: 400, Communes: 2, Cells: 10, YearsOfHistory: 3, AdmissionsPerYear: 15);

    private static readonly string[] Tables =
    [
        "org_units ORDER BY id", "org_unit_placements ORDER BY id", "source_categories ORDER BY id", "rule_parameters ORDER BY id",
        "members ORDER BY id", "candidates ORDER BY id", "candidate_categories ORDER BY candidate_id, source_category_id",
        "stage_entries ORDER BY id", "cell_votes ORDER BY stage_entry_id", "introducers ORDER BY id", "quotas ORDER BY id",
        "quota_category_targets ORDER BY quota_id, source_category_id",
    ];

    [Fact]
    public async Task Two_runs_with_the_same_seed_give_identical_data()
    {
        await using var first = await PostgresServer.CreateDatabaseAsync();
        await using var second = await PostgresServer.CreateDatabaseAsync();

        var firstCounts = await ProvinceGenerator.GenerateAsync(first.ConnectionString, Small, seed: 7, Today);
        var secondCounts = await ProvinceGenerator.GenerateAsync(second.ConnectionString, Small, seed: 7, Today);

        Assert.Equal(firstCounts with { Elapsed = default }, secondCounts with { Elapsed = default });
        Assert.True(firstCounts.Candidates > 20);
        Assert.Equal(await FingerprintAsync(first.ConnectionString), await FingerprintAsync(second.ConnectionString));
    }

    [Fact]
    public async Task Another_seed_gives_other_data()
    {
        await using var first = await PostgresServer.CreateDatabaseAsync();
        await using var second = await PostgresServer.CreateDatabaseAsync();

        await ProvinceGenerator.GenerateAsync(first.ConnectionString, Small, seed: 7, Today);
        await ProvinceGenerator.GenerateAsync(second.ConnectionString, Small, seed: 8, Today);

        Assert.NotEqual(await FingerprintAsync(first.ConnectionString), await FingerprintAsync(second.ConnectionString));
    }

    [Fact]
    public async Task EnsureLoaded_twice_loads_the_demo_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        var first = await DemoData.EnsureLoadedAsync(database.ConnectionString, Today);
        var units = await DemoDatabase.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM org_units");
        var candidates = await DemoDatabase.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM candidates");
        var second = await DemoData.EnsureLoadedAsync(database.ConnectionString, Today);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(first.OrgUnits, units);
        Assert.Equal(units, await DemoDatabase.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM org_units"));
        Assert.Equal(candidates, await DemoDatabase.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM candidates"));
        Assert.Equal(17, await DemoDatabase.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM source_categories"));
        Assert.Equal(3, await DemoDatabase.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM rule_parameters"));
    }

    [Fact]
    public async Task Generating_into_a_database_with_units_is_refused()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await ProvinceGenerator.GenerateAsync(database.ConnectionString, Small, seed: 1, Today);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ProvinceGenerator.GenerateAsync(database.ConnectionString, Small, seed: 1, Today));
    }

    [Fact]
    public async Task Identity_sequences_continue_after_the_generated_ids()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await ProvinceGenerator.GenerateAsync(database.ConnectionString, Small, seed: 3, Today);
        string[] tables = ["org_units", "org_unit_placements", "members", "candidates", "stage_entries", "introducers", "quotas"];

        foreach (var table in tables)
        {
            var next = await DemoDatabase.ScalarAsync(database.ConnectionString, $"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))");
            var max = await DemoDatabase.ScalarAsync(database.ConnectionString, $"SELECT max(id) FROM {table}");
            Assert.True(next == max + 1, $"{table}: next id {next}, largest {max}");
        }

        await using var db = database.CreateContext();
        var cell = await db.OrgUnits.FirstAsync(u => u.Kind == OrgUnitKind.GrassrootsCell);
        var candidate = new Candidate { FullName = "Lê Văn Mới", DateOfBirth = new DateOnly(2000, 1, 1), CellId = cell.Id };
        candidate.History.Add(new StageEntry { Kind = StageKind.Source, EffectiveOn = Today, RecordedBy = "test" });
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
    }

    [Fact]
    public void A_size_too_small_for_its_cells_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new ProvinceSize(Members: 10, Communes: 1, Cells: 5, YearsOfHistory: 1, AdmissionsPerYear: 1).Validate());

    /// <summary>An md5 of every table's rows in key order (row text leaves out system columns such as xmin).</summary>
    private static async Task<string> FingerprintAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var table in Tables)
        {
            var name = table[..table.IndexOf(' ', StringComparison.Ordinal)];
            var order = table[(table.IndexOf("ORDER BY", StringComparison.Ordinal) + 9)..];
            await using var command = new NpgsqlCommand($"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY {order}), '')) FROM {name} t", connection);
            parts.Add($"{name}:{await command.ExecuteScalarAsync()}");
        }

        return string.Join(Environment.NewLine, parts);
    }
}
