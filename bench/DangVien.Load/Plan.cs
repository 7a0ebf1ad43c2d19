using System.Globalization;
using Npgsql;

namespace DangVien.Load;

public sealed record LoadOptions(string BaseUrl, string ConnectionString, TimeSpan Duration, int Connections, int RunId, string? SummaryPath, bool TolerateDisconnects)
{
    public const string Password = "DangVien2026";

    public static LoadOptions Parse(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var invariant = CultureInfo.InvariantCulture;
        return new LoadOptions(
            (Option("--base") ?? "http://127.0.0.1:5090").TrimEnd('/'),
            Option("--connection") ?? Environment.GetEnvironmentVariable("DANGVIEN_BENCH_CONNECTION")
                ?? throw new ArgumentException("--connection (or DANGVIEN_BENCH_CONNECTION) is needed to count the writes afterwards."),
            TimeSpan.FromSeconds(double.Parse(Option("--seconds") ?? "60", invariant)),
            int.Parse(Option("--connections") ?? "32", invariant),
            int.Parse(Option("--run-id") ?? (DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond % 1000).ToString(invariant), invariant),
            Option("--summary"),
            args.Contains("--tolerate-disconnects"));
    }
}

public enum Role
{
    /// <summary>Committee staff of a commune: creates files and records stage actions, reads its dashboard and lists.</summary>
    Writer,

    /// <summary>Cell secretary: the cell's dashboard, list and files.</summary>
    CellReader,

    /// <summary>Committee staff of the ~50-cell commune: dashboard and filtered lists.</summary>
    CommuneReader,

    /// <summary>Provincial board: the province dashboard and now and then the yearly report.</summary>
    Province,
}

public sealed record WorkerPlan(string UserName, Role Role, int UnitId, IReadOnlyList<int> Cells, IReadOnlyList<int> Candidates);

/// <summary>Who the 32 (or N) connections sign in as, and the units and files they work on, read from the database.</summary>
public sealed record Plan(IReadOnlyList<WorkerPlan> Workers)
{
    public static async Task<Plan> ReadAsync(LoadOptions options)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var users = new List<(string Name, int Unit)>();
        await using (var command = new NpgsqlCommand(
            "SELECT u.user_name, r.org_unit_id FROM asp_net_users u JOIN role_assignments r ON r.user_id = u.id WHERE u.user_name LIKE 'bench\\_%' ORDER BY u.user_name", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                users.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        var writers = users.Where(u => u.Name.StartsWith("bench_commune_", StringComparison.Ordinal)).ToList();
        var cells = users.Where(u => u.Name.StartsWith("bench_cell_", StringComparison.Ordinal)).ToList();
        var commune = users.Single(u => u.Name == "bench_commune");
        var province = users.Single(u => u.Name == "bench_province");
        if (writers.Count == 0 || cells.Count == 0)
        {
            throw new InvalidOperationException("No bench users: run bench/sql/users.sql (scripts/bench.sh does).");
        }

        // Of 32 connections: 12 writers, 16 cell secretaries, 3 on the 50-cell commune, 1 on the province.
        var plans = new List<WorkerPlan>();
        for (var i = 0; i < options.Connections; i++)
        {
            var slot = i % 32;
            var (name, unit, role) = slot switch
            {
                < 12 => (writers[slot % writers.Count].Name, writers[slot % writers.Count].Unit, Role.Writer),
                < 28 => (cells[(slot - 12) % cells.Count].Name, cells[(slot - 12) % cells.Count].Unit, Role.CellReader),
                < 31 => (commune.Name, commune.Unit, Role.CommuneReader),
                _ => (province.Name, province.Unit, Role.Province),
            };
            plans.Add(new WorkerPlan(name, role, unit,
                role == Role.Writer ? await IdsAsync(connection, "SELECT c.id FROM org_units c, org_units u WHERE u.id = @unit AND c.path <@ u.path AND c.kind IN (4, 5) AND c.valid_to IS NULL ORDER BY c.id", unit) : [],
                role == Role.CellReader ? await IdsAsync(connection, "SELECT id FROM candidates WHERE cell_id = @unit ORDER BY id LIMIT 50", unit) : []));
        }

        return new Plan(plans);
    }

    private static async Task<List<int>> IdsAsync(NpgsqlConnection connection, string sql, int unit)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("unit", unit);
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }
}
