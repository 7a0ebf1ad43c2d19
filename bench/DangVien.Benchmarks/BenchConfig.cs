using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace DangVien.Benchmarks;

/// <summary>What the run is given through the environment (BenchmarkDotNet's parameters cannot carry a connection string).</summary>
internal static class BenchSettings
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("DANGVIEN_BENCH_CONNECTION")
        ?? throw new InvalidOperationException("Set DANGVIEN_BENCH_CONNECTION to the province database (scripts/bench.sh does).");

    public static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("DANGVIEN_BENCH_ITERATIONS"), out var n) && n > 2 ? n : 15;

    /// <summary>Comma-separated scenario names; all but the ten-year stand-in when not set.</summary>
    public static IEnumerable<string> Scenarios =>
        Environment.GetEnvironmentVariable("DANGVIEN_BENCH_SCENARIOS") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : DangVien.Benchmarks.Scenarios.All.Select(s => s.Name).Where(n => n != "trend-province-10y");
}

/// <summary>In process (no generated project to build), a few warm-up rounds, one call per iteration; median, p95 and the ratio to the bare SQL.</summary>
internal sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessNoEmitToolchain.Instance)
            .WithWarmupCount(2)
            .WithIterationCount(BenchSettings.Iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
