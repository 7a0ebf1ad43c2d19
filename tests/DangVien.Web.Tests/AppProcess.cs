using System.Diagnostics;

namespace DangVien.Web.Tests;

/// <summary>The built app started as its own process, as an operator starts it, for what happens before it serves.</summary>
public static class AppProcess
{
    /// <summary>A connection string to a port where nothing listens.</summary>
    public const string NoDatabase = "Host=127.0.0.1;Port=1;Username=dangvien;Database=dangvien;Timeout=3";

    /// <summary>Starts the app with <paramref name="environment"/> added to its variables; returns its exit code and standard error.</summary>
    public static async Task<(int ExitCode, string StandardError)> RunAsync(IReadOnlyDictionary<string, string> environment)
    {
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(dll);
        info.Environment["Urls"] = "http://127.0.0.1:0";
        info.Environment["Serilog__MinimumLevel__Default"] = "Fatal";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.WorkingDirectory = Path.GetDirectoryName(dll)!;
        using var process = Process.Start(info)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var stderr = (await stderrTask).Trim();
        await stdoutTask;
        return (process.ExitCode, stderr);
    }
}
