using Npgsql;

namespace DangVien.Web.Hosting;

/// <summary>Reference and demo data loaded at start-up, once, under a PostgreSQL advisory lock.</summary>
internal static class StartupData
{
    /// <summary>Any fixed number: serialises two app instances starting on the same database.</summary>
    private const long AdvisoryLockKey = 0x44616e6756696e;

    public static async Task LoadAsync(IServiceProvider services, string connectionString, bool seedDemo, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            _ = services;
            _ = seedDemo;
            _ = logger;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
