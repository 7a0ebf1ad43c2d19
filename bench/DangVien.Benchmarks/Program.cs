using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using DangVien.Benchmarks;

// dotnet run -c Release --project bench/DangVien.Benchmarks -- [bdn [--out FILE]] | throughput SCENARIO CONNECTIONS SECONDS | sql SCENARIO
// The connection comes from DANGVIEN_BENCH_CONNECTION; scripts/bench.sh sets everything and prints the table.
var mode = args.Length > 0 ? args[0] : "bdn";
var invariant = CultureInfo.InvariantCulture;
switch (mode)
{
    case "bdn":
    {
        var summary = BenchmarkRunner.Run<ServiceQueries>();
        var outIndex = Array.IndexOf(args, "--out");
        var lines = new StringBuilder("scenario\tmethod\tmedian_ms\tp95_ms\tcommands\n");
        foreach (var report in summary.Reports.Where(r => r.ResultStatistics is not null))
        {
            var scenario = (string)report.BenchmarkCase.Parameters["Scenario"];
            var stats = report.ResultStatistics!;
            lines.Append(invariant, $"{scenario}\t{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}\t{stats.Median / 1e6:0.00}\t{stats.Percentiles.P95 / 1e6:0.00}\t-\n");
        }

        if (outIndex >= 0 && outIndex + 1 < args.Length)
        {
            await File.WriteAllTextAsync(args[outIndex + 1], lines.ToString());
        }

        Console.Write(lines);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    }

    case "throughput" when args.Length >= 4:
    {
        // Requests per second of the service call and of its bare SQL with N callers at once.
        var scenario = Scenarios.Get(args[1]);
        var connections = int.Parse(args[2], invariant);
        var duration = TimeSpan.FromSeconds(double.Parse(args[3], invariant));
        await scenario.PrepareAsync(BenchSettings.ConnectionString);
        var (sql, _) = await Scenario.ThroughputAsync(scenario.ReplaySqlAsync, connections, duration);
        var (service, _) = await Scenario.ThroughputAsync(scenario.RunServiceAsync, connections, duration);
        Console.WriteLine(string.Create(invariant, $"{scenario.Name}\tsql_rps={sql:0}\tservice_rps={service:0}\tcommands={scenario.CommandCount}"));
        return 0;
    }

    case "sql" when args.Length >= 2:
    {
        // The SQL one call sends, with its parameters, for reading or for psql.
        var scenario = Scenarios.Get(args[1]);
        await scenario.PrepareAsync(BenchSettings.ConnectionString);
        Console.WriteLine($"-- {scenario.Name}: {scenario.Description}; {scenario.CommandCount} commands");
        foreach (var command in scenario.Sql)
        {
            Console.WriteLine("-- parameters: " + string.Join(", ", command.Parameters.Select(p => $"{p.ParameterName}={Show(p.Value)}")));
            Console.WriteLine(command.Text.TrimEnd() + ";");
        }

        return 0;
    }

    default:
        await Console.Error.WriteLineAsync("usage: DangVien.Benchmarks [bdn [--out FILE]] | throughput SCENARIO CONNECTIONS SECONDS | sql SCENARIO");
        return 2;
}

static string Show(object? value) => value switch
{
    null => "null",
    Array array => $"[{array.Length} values]",
    _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
};
