using System.Diagnostics;
using System.Net;
using DangVien.Core.Demo;
using DangVien.Core.Domain;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DangVien.Web.Tests.Operations;

/// <summary>scripts/backup.sh and scripts/restore.sh on the test's PostgreSQL, with the app's connection string.</summary>
public sealed class BackupRestoreTests
{
    private static readonly ProvinceSize Small = new(Members: 400, Communes: 2, Cells: 10, YearsOfHistory: 4, AdmissionsPerYear: 20);

    [Fact]
    public async Task A_backup_restored_into_a_new_database_serves_the_same_yearly_reports_and_nothing_is_overwritten()
    {
        await using var app = await DangVienApp.StartAsync();
        await ProvinceGenerator.GenerateAsync(app.Database.ConnectionString, Small, seed: 17, ProvinceGenerator.VietnamToday());
        int province, commune;
        await using (var db = app.Database.CreateContext())
        {
            province = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync();
            commune = await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.CommuneCommittee).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        }

        var year = ProvinceGenerator.VietnamToday().Year - 1;
        string[] urls = [$"/api/units/{province}/reports/{year}", $"/api/units/{commune}/reports/{year}", $"/api/units/{province}/reports/trend?from={year - 2}&to={year}"];
        var before = await ReadAsync(await app.AdminClientAsync(province), urls);
        Assert.True(System.Text.Json.JsonDocument.Parse(before[0]).RootElement.GetProperty("admitted").GetInt32() > 0, before[0]);

        var folder = Directory.CreateTempSubdirectory("dangvien-backup-");
        try
        {
            var environment = new Dictionary<string, string> { ["ConnectionStrings__DangVien"] = app.Database.ConnectionString };
            var backup = await RunAsync("backup.sh", environment, "--dir", folder.FullName);
            Assert.True(backup.ExitCode == 0, backup.StandardError);
            var file = backup.StandardOutput.Trim();
            Assert.Matches($@"/dangvien-{app.Database.Name}-\d{{8}}-\d{{6}}\.dump$", file);
            var written = await File.ReadAllBytesAsync(file);
            Assert.Equal("PGDMP"u8.ToArray(), written[..5]);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            var again = await RunAsync("backup.sh", environment, "--output", file);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("never overwritten", again.StandardError, StringComparison.Ordinal);
            Assert.Equal(written, await File.ReadAllBytesAsync(file));

            var restoredName = app.Database.Name + "_r";
            var restore = await RunAsync("restore.sh", environment, file, "--database", restoredName);
            Assert.True(restore.ExitCode == 0, restore.StandardError);

            // Over a database that holds tables: refused without --force, the database untouched.
            var over = await RunAsync("restore.sh", environment, file, "--database", app.Database.Name);
            Assert.Equal(1, over.ExitCode);
            Assert.Contains("is not empty", over.StandardError, StringComparison.Ordinal);

            var admin = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
            var restoredConnection = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { Database = restoredName }.ConnectionString;
            await using var restored = DangVienApp.Over(new TestDatabase(restoredConnection, admin, restoredName));
            var after = await ReadAsync(await restored.SignedInClientAsync("quantri"), urls);

            Assert.Equal(before, after);
            Assert.Equal(HttpStatusCode.OK, (await restored.Client().GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_backup_and_a_strange_database_name()
    {
        var folder = Directory.CreateTempSubdirectory("dangvien-backup-");
        try
        {
            var notBackup = Path.Combine(folder.FullName, "notes.dump");
            await File.WriteAllTextAsync(notBackup, "not a backup");
            var environment = new Dictionary<string, string> { ["ConnectionStrings__DangVien"] = "Host=127.0.0.1;Port=1;Username=x;Database=x" };

            var notDump = await RunAsync("restore.sh", environment, notBackup, "--database", "copy");
            var strangeName = await RunAsync("restore.sh", environment, notBackup, "--database", "x\"; DROP DATABASE y; --");
            var noName = await RunAsync("restore.sh", environment, notBackup);

            Assert.Equal(2, notDump.ExitCode);
            Assert.Contains("not a pg_dump custom-format backup", notDump.StandardError, StringComparison.Ordinal);
            Assert.Equal(2, strangeName.ExitCode);
            Assert.Contains("letters, digits, _ and - only", strangeName.StandardError, StringComparison.Ordinal);
            Assert.Equal(2, noName.ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<string>> ReadAsync(HttpClient client, IEnumerable<string> urls)
    {
        var bodies = new List<string>();
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        return bodies;
    }

    private static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(
        string script, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(PostgresServer.RepositoryRoot(), "scripts", script));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
