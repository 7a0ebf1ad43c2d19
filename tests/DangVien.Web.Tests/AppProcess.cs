using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DangVien.Web.Tests;

/// <summary>The built app started as its own process, as an operator starts it, for what happens before it serves.</summary>
public static class AppProcess
{
    /// <summary>A connection string to a port where nothing listens.</summary>
    public const string NoDatabase = "Host=127.0.0.1;Port=1;Username=dangvien;Database=dangvien;Timeout=3";

    /// <summary>Starts the app with <paramref name="environment"/> added to its variables; returns its exit code and standard error.</summary>
    public static async Task<(int ExitCode, string StandardError)> RunAsync(IReadOnlyDictionary<string, string> environment)
    {
        var (exitCode, _, stderr) = await RunAsync(environment, [], standardInput: null);
        return (exitCode, stderr);
    }

    /// <summary>
    /// Runs the app with <paramref name="arguments"/> (a command such as <c>admin create</c>), <paramref name="standardInput"/>
    /// written to its redirected standard input (closed at once when null); returns its exit code and both outputs.
    /// </summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(
        IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments, string? standardInput)
    {
        using var process = Process.Start(StartInfo(environment, arguments))!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
        var stderr = (await stderrTask).Trim();
        var stdout = (await stdoutTask).Trim();
        return (process.ExitCode, stdout, stderr);
    }

    /// <summary>Starts the app serving on a free port of 127.0.0.1 and waits until <c>/health</c> answers.</summary>
    public static async Task<ServingApp> ServeAsync(IReadOnlyDictionary<string, string> environment)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var baseUrl = $"http://127.0.0.1:{port}";
        var info = StartInfo(environment, []);
        info.Environment["Urls"] = baseUrl;
        var process = Process.Start(info)!;
        var app = new ServingApp(process, new Uri(baseUrl));
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync(new Uri(app.BaseAddress, "/health"))).StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await app.DisposeAsync();
        throw new InvalidOperationException($"The app on {baseUrl} did not answer /health: {await app.StandardError}");
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments)
    {
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Urls"] = "http://127.0.0.1:0";
        info.Environment["Serilog__MinimumLevel__Default"] = "Fatal";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.WorkingDirectory = Path.GetDirectoryName(dll)!;
        return info;
    }
}

/// <summary>An app process serving HTTP; disposing it kills the process.</summary>
public sealed class ServingApp : IAsyncDisposable
{
    private readonly Process _process;

    internal ServingApp(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        StandardError = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote to standard error, complete once it has exited.</summary>
    public Task<string> StandardError { get; }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
