using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace DangVien.Load;

/// <summary>What each request did: latency per kind of request, status counts, and the /health answers over time.</summary>
public sealed class Stats
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _unexpectedCount;

    public int UnexpectedFailures => _unexpectedCount;

    public IEnumerable<string> UnexpectedSamples => _unexpected.Take(20);

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Seconds since the start at which /health answered 503, and the first and last second the app answered nothing.</summary>
    public ConcurrentBag<(double At, string Health)> HealthLog { get; } = [];

    public void Record(string kind, double milliseconds, string outcome)
    {
        _latencies.GetOrAdd(kind, _ => []).Add(milliseconds);
        _statuses.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    public void Unexpected(string what)
    {
        Interlocked.Increment(ref _unexpectedCount);
        if (_unexpected.Count < 100)
        {
            _unexpected.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds:0.0}s {what}"));
        }
    }

    public IReadOnlyDictionary<string, int> Statuses => _statuses;

    public IEnumerable<(string Kind, int Count, double P50, double P95, double P99, double Max)> Latencies() =>
        _latencies.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var sorted = p.Value.Order().ToArray();
            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            return (p.Key, sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
        });

    /// <summary>/health once a second: the record of when the app said the database was away.</summary>
    public async Task SampleAsync(string baseUrl, CancellationToken stop)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (!stop.IsCancellationRequested)
        {
            string health;
            try
            {
                using var response = await client.GetAsync(baseUrl + "/health", CancellationToken.None);
                health = response.StatusCode == HttpStatusCode.OK
                    ? "ok"
                    : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                health = "no answer";
            }

            HealthLog.Add((_clock.Elapsed.TotalSeconds, health));
            try
            {
                await Task.Delay(1000, stop);
            }
            catch (TaskCanceledException)
            {
                break;
            }
        }
    }
}

/// <summary>Every write the driver sent: what it was, and whether the app confirmed it (the redirect to the file).</summary>
public sealed class Ledger
{
    public ConcurrentBag<Write> Writes { get; } = [];
}

public enum WriteKind
{
    CreateFile,
    AwarenessCourse,
    Application,
}

/// <param name="Key">The file's citizen ID for a new file; the file's id for a stage action.</param>
/// <param name="Confirmed">The app answered with the redirect that tells the user it was saved.</param>
public sealed record Write(WriteKind Kind, string Key, bool Confirmed, string Outcome);
