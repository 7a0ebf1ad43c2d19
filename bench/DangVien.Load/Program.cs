using System.Globalization;
using DangVien.Load;

// Mixed traffic against a running DangVien on a generated province, then a count of every write in the database.
//   dotnet bench/DangVien.Load/bin/Release/net10.0/DangVien.Load.dll --base URL --connection CS
//       [--seconds 600] [--connections 32] [--run-id N] [--summary FILE]
// Users are those of bench/sql/users.sql (password DangVien2026). Exit code 0 only when there was no 5xx other than
// 503 while the database was away, no unexpected status, and every confirmed write exists exactly once.
var options = LoadOptions.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"load: {options.Connections} connections for {options.Duration.TotalSeconds:0} s against {options.BaseUrl}, run {options.RunId}"));

var plan = await Plan.ReadAsync(options);
var stats = new Stats();
var ledger = new Ledger();
using var stop = new CancellationTokenSource(options.Duration);
var workers = plan.Workers.Select((w, i) => new Worker(i, w, options, plan, stats, ledger).RunAsync(stop.Token)).ToList();
var sampler = stats.SampleAsync(options.BaseUrl, stop.Token);
await Task.WhenAll(workers);
await sampler;

var verification = await Verifier.VerifyAsync(options, ledger);
var report = Report.Write(options, stats, ledger, verification);
Console.Write(report);
if (options.SummaryPath is { } path)
{
    await File.WriteAllTextAsync(path, report);
}

return stats.UnexpectedFailures == 0 && verification.Lost == 0 && verification.Duplicated == 0 ? 0 : 1;
