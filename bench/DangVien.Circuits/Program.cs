using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

// What open interactive pages cost the server: memory with 1, 50 and 200 circuits, and the time from typing a number
// to the page's answer shown (a round trip over the circuit and a render), in Debian's Chromium. Two pages:
//   --page step   a step form (the cell vote of a file): typing the votes in favour, until the result ("Đạt …") shows
//   --page quota  a unit's quota sheet: typing the first child's quota, until the children's total changes
//   dotnet bench/DangVien.Circuits/bin/Release/net10.0/DangVien.Circuits.dll --base URL --pid PID --path PATH
//       [--page step|quota] [--user admin] [--password DangVien2026] [--counts 1,50,200] [--samples 100]
//       [--counters PATH to dotnet-counters, for the GC heap]
// PID is the app's process (its resident memory is read from /proc). PATH is /candidates/ID/actions/cell-vote (a vote
// form the user may open) or /units/ID/quotas (a sheet on which the user may assign quotas).
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : "", StringComparer.Ordinal);
string Option(string name, string fallback) => options.TryGetValue(name, out var value) && value.Length > 0 ? value : fallback;
var baseUrl = Option("base", "http://127.0.0.1:5080");
var pid = int.Parse(Option("pid", "0"), CultureInfo.InvariantCulture);
var path = Option("path", "");
var quota = Option("page", "step") == "quota";
var counts = Option("counts", "1,50,200").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
var samples = int.Parse(Option("samples", "100"), CultureInfo.InvariantCulture);
var counters = Option("counters", "");

static long ResidentBytes(int pid) =>
    File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).Single();

// The GC heap after the last collection, as the runtime reports it (dotnet-counters, System.Runtime); null without the tool.
async Task<double?> GcHeapMegabytesAsync()
{
    if (counters.Length == 0)
    {
        return null;
    }

    var file = Path.Combine(Path.GetTempPath(), $"circuits-counters-{Environment.ProcessId}.csv");
    File.Delete(file);
    using var tool = Process.Start(new ProcessStartInfo(counters,
        ["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--counters", "System.Runtime", "--format", "csv", "-o", file, "--duration", "00:00:00:04", "--refresh-interval", "1"])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    })!;
    await tool.WaitForExitAsync();
    // One line per generation (gen0, gen1, gen2, loh, poh) at each sample: the heap is their sum at the last sample.
    var lines = File.Exists(file)
        ? File.ReadLines(file).Where(l => l.Contains("dotnet.gc.last_collection.heap.size", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList()
        : [];
    return lines.Count == 0
        ? null
        : lines.Where(l => l[0] == lines[^1][0]).Sum(l => double.Parse(l[^1], CultureInfo.InvariantCulture)) / 1048576.0;
}

string Memory(long resident, double? heap) => string.Create(CultureInfo.InvariantCulture,
    $"{resident / 1048576.0,7:0.0} MB resident{(heap is { } h ? $", GC heap {h,6:0.0} MB" : "")}");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("DANGVIEN_CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "vi-VN" });
var first = await context.NewPageAsync();
await first.GotoAsync("/account/login");
await first.FillAsync("#login-username", Option("user", "admin"));
await first.FillAsync("#login-password", Option("password", "DangVien2026"));
await first.ClickAsync("button[type=submit]");
await first.WaitForLoadStateAsync();
await Task.Delay(2000);
var before = ResidentBytes(pid);
Console.WriteLine($"{(quota ? "quota sheet" : "step form")} {path}; app before any circuit: {Memory(before, await GcHeapMegabytesAsync())}");

var live = quota ? "#quota-sheet[data-interactive=true]" : "#action-form[data-interactive=true]";
var pages = new List<IPage>();
async Task OpenAsync(IPage page)
{
    await page.GotoAsync(path, new() { Timeout = 120_000 });
    await page.Locator(live).WaitForAsync(new() { Timeout = 120_000 });
}

foreach (var count in counts)
{
    while (pages.Count < count)
    {
        var page = pages.Count == 0 ? first : await context.NewPageAsync();
        await OpenAsync(page);
        pages.Add(page);
    }

    await Task.Delay(5000);
    var resident = ResidentBytes(pid);
    var heap = await GcHeapMegabytesAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{count,4} circuits: {Memory(resident, heap)}, {(resident - before) / 1048576.0 / count,5:0.00} MB per circuit over the app before"));
}

// Measured on the tab in front: a browser runs a hidden tab's frames and timers slowly, which would be measured instead.
var form = pages[^1];
await form.BringToFrontAsync();
var times = new List<double>();
if (quota)
{
    // The first child's quota typed, until the children's total (the sheet's foot) shows the new sum.
    var field = await form.Locator(".quota-table input[id^=quota-]").First.GetAttributeAsync("id");
    for (var i = 0; i < samples; i++)
    {
        var shown = await form.InnerTextAsync(".quota-sum strong");
        var clock = Stopwatch.StartNew();
        await form.FillAsync($"#{field}", (i % 2 == 0 ? 7 : 8).ToString(CultureInfo.InvariantCulture));
        await form.WaitForFunctionAsync("shown => document.querySelector('.quota-sum strong')?.innerText !== shown",
            shown, new PageWaitForFunctionOptions { PollingInterval = 2 });
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
}
else
{
    // A vote's number typed, until its result shows: the value goes over the circuit and the form renders the tally.
    await form.FillAsync("#f-OfficialMembers", "12");
    for (var i = 0; i < samples; i++)
    {
        var inFavour = i % 2 == 0 ? 7 : 8;
        var expected = inFavour == 7 ? "Không đạt" : "Đạt";
        var clock = Stopwatch.StartNew();
        await form.FillAsync("#f-InFavour", inFavour.ToString(CultureInfo.InvariantCulture));
        await form.WaitForFunctionAsync($"() => document.querySelector('#vote-tally')?.innerText.startsWith('{expected}')",
            null, new PageWaitForFunctionOptions { PollingInterval = 2 });
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
}

times.Sort();
double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"typed number to {(quota ? "total" : "result")} shown, {times.Count} samples with {pages.Count} circuits open: p50 {Percentile(0.5):0.0} ms, p95 {Percentile(0.95):0.0} ms"));
