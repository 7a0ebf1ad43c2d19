using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DangVien.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DangVien.Testing;

/// <summary>
/// The real PostgreSQL every database test runs against. When <c>DANGVIEN_TEST_CONNECTION</c> names a
/// server (scripts/test.sh starts one for the whole run), that server is used; otherwise this process
/// starts a throw-away cluster with scripts/pg.sh and removes it on exit. Migrations are applied once
/// to a template database; each test gets a fresh copy of it (<see cref="CreateDatabaseAsync"/>),
/// so tests never see each other's data.
/// </summary>
public static class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _adminConnection;
    private static string? _templateName;

    public static async Task<TestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var admin = await EnsureTemplateAsync(cancellationToken);
        var name = $"t_{Environment.ProcessId}_{Guid.NewGuid():N}"[..24];
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{_templateName}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 20 };
        return new TestDatabase(builder.ConnectionString, admin, name);
    }

    /// <summary>A database of its own with nothing in it, no migration applied: an operator's new database.</summary>
    public static async Task<TestDatabase> CreateEmptyDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var admin = await EnsureTemplateAsync(cancellationToken);
        var name = $"e_{Environment.ProcessId}_{Guid.NewGuid():N}"[..24];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 20 };
        return new TestDatabase(builder.ConnectionString, admin, name);
    }

    private static async Task<string> EnsureTemplateAsync(CancellationToken cancellationToken)
    {
        if (_adminConnection is not null && _templateName is not null)
        {
            return _adminConnection;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_adminConnection is null)
            {
                _adminConnection = Environment.GetEnvironmentVariable("DANGVIEN_TEST_CONNECTION") is { Length: > 0 } configured
                    ? configured
                    : StartThrowAwayCluster();
            }

            if (_templateName is null)
            {
                var template = $"tmpl_{Environment.ProcessId}_{DateTime.UtcNow:HHmmssfff}";
                await using (var connection = new NpgsqlConnection(_adminConnection))
                {
                    await connection.OpenAsync(cancellationToken);
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{template}\"", connection);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }

                var templateConnection = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = template, Pooling = false }.ConnectionString;
                await using (var context = TestDatabase.CreateContext(templateConnection))
                {
                    await context.Database.MigrateAsync(cancellationToken);
                }

                _templateName = template;
            }

            return _adminConnection;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string StartThrowAwayCluster()
    {
        var root = RepositoryRoot();
        var dir = Path.Combine(Path.GetTempPath(), $"dangvien-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
        var port = FreePort();
        Run("bash", Path.Combine(root, "scripts", "pg.sh"), "start", dir, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run("bash", Path.Combine(root, "scripts", "pg.sh"), "stop", dir);
                Directory.Delete(dir, recursive: true);
                File.Delete(dir + ".initdb.log");
            }
            catch (Exception)
            {
                // Best effort: a leftover folder under the temp directory is harmless.
            }
        };
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "dangvien",
            Database = "postgres",
        };
        return builder.ConnectionString;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DangVien.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DangVien.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
        }
    }
}

/// <summary>A database of its own for one test, copied from the migrated template.</summary>
public sealed class TestDatabase(string connectionString, string adminConnection, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public string Name { get; } = name;

    public DangVienDbContext CreateContext() => CreateContext(ConnectionString);

    public static DangVienDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<DangVienDbContext>()
            .UseNpgsql(connectionString, DangVienDbContextOptions.ConfigureNpgsql)
            .Options);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var probe = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(probe);
            await using var connection = new NpgsqlConnection(adminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The cluster is thrown away at the end of the run anyway.
        }
    }
}
