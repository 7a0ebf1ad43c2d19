using BenchmarkDotNet.Attributes;

namespace DangVien.Benchmarks;

/// <summary>
/// Each scenario's service call against the same SQL replayed bare (the baseline, so BenchmarkDotNet's Ratio column
/// is "service ÷ its own SQL"). In process, one call per iteration: the calls take milliseconds to seconds.
/// </summary>
[Config(typeof(BenchConfig))]
public class ServiceQueries
{
    private Scenario _scenario = null!;

    [ParamsSource(nameof(Names))]
    public string Scenario { get; set; } = "";

    public static IEnumerable<string> Names => BenchSettings.Scenarios;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Scenarios.Get(Scenario);
        _scenario.PrepareAsync(BenchSettings.ConnectionString).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task Sql() => _scenario.ReplaySqlAsync();

    [Benchmark]
    public Task Service() => _scenario.RunServiceAsync();
}
