
using DangVien.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DangVien.Web.Hosting;

/// <summary>
/// What happens to the database before the app serves: a connection check that fails in one clear
/// line, migrations when asked (<c>--migrate</c> or <c>Database:Migrate</c>), and the demo province
/// when asked (<c>--seed-demo</c> or <c>Database:SeedDemo</c>), loaded only into an empty database.
/// </summary>
public static class DatabaseStartup
{
    public static async Task<bool> PrepareAsync(WebApplication app, string[] args)
    {
        var configuration = app.Configuration;
        if (DemoGuard.Refusal(app.Environment, configuration, args) is { } refusal)
        {
            await Console.Error.WriteLineAsync(refusal);
            return false;
        }

        var migrate = args.Contains("--migrate") || configuration.GetValue<bool>("Database:Migrate");
        var seedDemo = args.Contains("--seed-demo") || configuration.GetValue<bool>("Database:SeedDemo");
        var connectionString = configuration.GetConnectionString(Core.DependencyInjection.ConnectionStringName)!;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(10));

        if (await CheckConnectionAsync(connectionString, cancellation.Token) is { } failure)
        {
            await Console.Error.WriteLineAsync(failure);
            logger.LogCritical("{Failure}", failure);
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DangVienDbContext>();
        if (migrate)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellation.Token)).ToList();
            await db.Database.MigrateAsync(cancellation.Token);
            logger.LogInformation("Database migrated ({PendingCount} migrations applied)", pending.Count);
        }

        await StartupData.LoadAsync(scope.ServiceProvider, connectionString, seedDemo, logger, cancellation.Token);
        return true;
    }

    /// <summary>Null when PostgreSQL answers; otherwise one line naming the host and port.</summary>
    internal static async Task<string?> CheckConnectionAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            var reason = (ex.InnerException ?? ex).Message.ReplaceLineEndings(" ");
            return $"Cannot connect to PostgreSQL at {builder.Host}:{builder.Port} (database '{builder.Database}'): {reason}";
        }
    }
}
