using DangVien.Core.Demo;
using DangVien.Testing;
using Npgsql;

namespace DangVien.Core.Tests.Demo;

/// <summary>One database with the demo province loaded, shared by the read-only tests of a class.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public GeneratedCounts Counts { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        Counts = await DemoData.EnsureLoadedAsync(_database.ConnectionString, Today)
            ?? throw new InvalidOperationException("The demo did not load into an empty database.");
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public Task<long> ScalarAsync(string sql) => ScalarAsync(Database.ConnectionString, sql);

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
