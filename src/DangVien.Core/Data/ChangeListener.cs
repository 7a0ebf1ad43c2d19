using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

using DangVien.Core.Features.Access;

namespace DangVien.Core.Data;

/// <summary>
/// Listens on one connection of its own to PostgreSQL's notices: of access changes, which empty the
/// <see cref="AccessCache"/>, and of committed change stamps, which move <see cref="ChangeNotices"/> on. While the
/// connection is down neither keeps anything, and the connection is opened again every few seconds.
/// </summary>
public sealed class ChangeListener(AccessCache cache, ChangeNotices notices, ChangeListener.Connection connection, ILogger<ChangeListener> logger)
    : BackgroundService
{
    /// <summary>The connection string of the listening connection (its own, outside the pool, with keepalives).</summary>
    public sealed record Connection(string ConnectionString)
    {
        public static Connection For(string connectionString) => new(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 10,
            ApplicationName = "dangvien-access-listener",
        }.ConnectionString);
    }

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listening = new NpgsqlConnection(connection.ConnectionString);
                await listening.OpenAsync(stoppingToken);
                listening.Notification += (_, notice) =>
                {
                    if (notice.Channel == AccessCache.Channel)
                    {
                        cache.Clear();
                    }
                    else
                    {
                        notices.Changed();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {AccessCache.Channel}; LISTEN {ChangeNotices.Channel}", listening))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // From here every change is noticed; what was kept before may have missed one.
                cache.SetListening(true);
                notices.SetListening(true);
                if (failing)
                {
                    logger.LogInformation("Listening to change notices again");
                    failing = false;
                }

                while (true)
                {
                    await listening.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                if (!failing)
                {
                    logger.LogWarning(exception, "Not listening to change notices: sessions, roles and change stamps are read from the database on every request until it works again");
                    failing = true;
                }
            }
            finally
            {
                // Whatever ended the listening (a failure, the shutdown): nothing is kept until it listens again.
                cache.SetListening(false);
                notices.SetListening(false);
            }

            try
            {
                await Task.Delay(RetryAfter, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
