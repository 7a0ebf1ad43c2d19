using System.Globalization;
using DangVien.Core.Data;
using DangVien.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Hosting;

/// <summary>
/// <c>DangVien.Web generate [--size demo|province] [--seed N]</c>: migrates the configured database and
/// fills it with a generated province (bulk COPY), then exits. The database must have no units yet.
/// </summary>
public static class GenerateCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "generate";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var size = Option(args, "--size") ?? "province";
        var seed = int.Parse(Option(args, "--seed") ?? DemoData.Seed.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var provinceSize = size switch
        {
            "demo" => ProvinceSize.Demo,
            "province" => ProvinceSize.Province,
            _ => null,
        };
        if (provinceSize is null)
        {
            await Console.Error.WriteLineAsync($"Unknown size '{size}': use demo or province.");
            return 2;
        }

        var connectionString = app.Configuration.GetConnectionString(Core.DependencyInjection.ConnectionStringName)!;
        if (await DatabaseStartup.CheckConnectionAsync(connectionString, CancellationToken.None) is { } failure)
        {
            await Console.Error.WriteLineAsync(failure);
            return 1;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DangVienDbContext>().Database.MigrateAsync();
        }

        var counts = await ProvinceGenerator.GenerateAsync(connectionString, provinceSize, seed, ProvinceGenerator.VietnamToday());
        Console.WriteLine(
            $"Generated {counts.OrgUnits:N0} units ({counts.Cells:N0} cells), {counts.Members:N0} members ({counts.ActiveMembers:N0} active), " +
            $"{counts.Candidates:N0} candidates, {counts.StageEntries:N0} history entries in {counts.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
