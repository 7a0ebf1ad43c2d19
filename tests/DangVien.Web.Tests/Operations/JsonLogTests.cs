using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DangVien.Testing;

namespace DangVien.Web.Tests.Operations;

/// <summary><c>Logging__Format=json</c>: the built app, started as an operator starts it, writes one JSON object per line.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task With_Logging_Format_json_every_console_line_is_a_compact_JSON_event_and_a_request_carries_its_fields()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ConnectionStrings__DangVien"] = database.ConnectionString;
        info.Environment["Urls"] = "http://127.0.0.1:0";
        info.Environment["Logging__Format"] = "json";
        info.Environment["Serilog__MinimumLevel__Default"] = "Information";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var listening = await ReadUntilAsync(process, lines, e => e.TryGetProperty("address", out _), timeout.Token);
            var address = listening.GetProperty("address").GetString()!;
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            request.Headers.Add("X-Correlation-Id", "json-log-7");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.SendAsync(request, timeout.Token)).StatusCode);

            var logged = await ReadUntilAsync(process, lines, e => e.TryGetProperty("RequestPath", out var path) && path.GetString() == "/health/live", timeout.Token);

            Assert.True(DateTimeOffset.TryParse(logged.GetProperty("@t").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.Contains("/health/live", logged.GetProperty("@m").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.String, logged.GetProperty("@i").ValueKind);
            Assert.False(logged.TryGetProperty("@l", out _), "Information is the compact format's default level, left out");
            Assert.Equal("GET", logged.GetProperty("RequestMethod").GetString());
            Assert.Equal(200, logged.GetProperty("StatusCode").GetInt32());
            Assert.True(logged.GetProperty("Elapsed").GetDouble() >= 0);
            Assert.Equal("json-log-7", logged.GetProperty("CorrelationId").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.True(lines.Count >= 2, string.Join('\n', lines) + await stderr);
    }

    /// <summary>Reads standard output line by line, each parsed as JSON (a line that is not fails the test), until one matches.</summary>
    private static async Task<JsonElement> ReadUntilAsync(Process process, List<string> lines, Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Add(line);
            JsonElement element;
            try
            {
                element = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException e)
            {
                throw new Xunit.Sdk.XunitException($"not JSON: {line} ({e.Message})");
            }

            Assert.Equal(JsonValueKind.Object, element.ValueKind);
            Assert.True(element.TryGetProperty("@t", out _), line);
            if (match(element))
            {
                return element;
            }
        }

        throw new Xunit.Sdk.XunitException("the app stopped before the expected line:\n" + string.Join('\n', lines));
    }
}
