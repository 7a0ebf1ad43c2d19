using System.Diagnostics;
using DangVien.Core;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Dashboard;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Reports;
using DangVien.Core.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DangVien.Benchmarks;

/// <summary>
/// One service-layer query at province scale, as one user asks it: the service call in a fresh scope (one request),
/// and the same SQL the service sent, replayed over a bare Npgsql connection.
/// </summary>
internal sealed class Scenario(string name, string userName, string description, Func<IServiceProvider, int, Task> call)
{
    private readonly SqlCapture _capture = new();
    private ServiceProvider? _services;
    private IReadOnlyList<CapturedCommand> _sql = [];
    private string _connectionString = "";
    private int _unitId;

    public string Name { get; } = name;

    public string UserName { get; } = userName;

    public string Description { get; } = description;

    /// <summary>How many SQL commands one call sends.</summary>
    public int CommandCount => _sql.Count;

    public IReadOnlyList<CapturedCommand> Sql => _sql;

    public async Task PrepareAsync(string connectionString)
    {
        _connectionString = DangVienDbContextOptions.WithoutJit(connectionString);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT u.id, r.org_unit_id FROM asp_net_users u JOIN role_assignments r ON r.user_id = u.id
            WHERE u.user_name = @name ORDER BY r.id LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("name", UserName);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException($"User '{UserName}' with a role not found: run scripts/bench.sh (it creates the bench users) or bench/sql/users.sql.");
            }

            var userId = reader.GetString(0);
            _unitId = reader.GetInt32(1);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDangVienCore(connectionString);
            services.ConfigureDbContext<DangVienDbContext>(o => o.AddInterceptors(_capture));
            services.AddSingleton<ICurrentUser>(new BenchUser(UserName, userId));
            _services = services.BuildServiceProvider();
        }

        // Warm up (EF model, query cache, PostgreSQL buffers), then record the SQL of one call.
        await RunServiceAsync();
        _capture.Start();
        await RunServiceAsync();
        _sql = _capture.Stop();
    }

    public async Task RunServiceAsync()
    {
        await using var scope = _services!.CreateAsyncScope();
        await call(scope.ServiceProvider, _unitId);
    }

    /// <summary>
    /// The recorded commands over a pooled connection (as EF opens one per request), every row and column read, in one
    /// transaction rolled back at the end (the report's temporary tables live until the end of their transaction).
    /// </summary>
    public async Task ReplaySqlAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var captured in _sql)
        {
            await using var command = new NpgsqlCommand(captured.Text, connection, transaction);
            foreach (var parameter in captured.Parameters)
            {
                command.Parameters.Add(parameter.Clone());
            }

            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                var values = new object[reader.FieldCount];
                while (await reader.ReadAsync())
                {
                    reader.GetValues(values);
                }
            }
            while (await reader.NextResultAsync());
        }
    }

    /// <summary>Requests per second with <paramref name="connections"/> callers at once for <paramref name="duration"/>.</summary>
    public static async Task<(double PerSecond, long Count)> ThroughputAsync(Func<Task> action, int connections, TimeSpan duration)
    {
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            while (stopwatch.Elapsed < duration)
            {
                await action();
                Interlocked.Increment(ref count);
            }
        });
        await Task.WhenAll(workers);
        return (count / stopwatch.Elapsed.TotalSeconds, count);
    }
}

/// <summary>The scenarios the suite measures; users are those <c>bench/sql/users.sql</c> creates.</summary>
internal static class Scenarios
{
    public static int Year => VietnamTime.Today(TimeProvider.System).Year;

    public static readonly IReadOnlyList<Scenario> All =
    [
        new("dashboard-cell", "bench_cell", "dashboard of one cell (cell secretary)",
            (s, unit) => s.GetRequiredService<DashboardService>().GetAsync(new DashboardQuery(null, Year))),
        new("dashboard-commune", "bench_commune", "dashboard of a commune over ~50 cells (committee staff)",
            (s, unit) => s.GetRequiredService<DashboardService>().GetAsync(new DashboardQuery(null, Year))),
        new("dashboard-province", "bench_province", "dashboard of the province (provincial board)",
            (s, unit) => s.GetRequiredService<DashboardService>().GetAsync(new DashboardQuery(null, Year))),
        // The same dashboards computed every time: what the first request after a write under the unit costs
        // (the scenarios above are served from the DashboardCache while nothing under the unit changes).
        new("dashboard-cell-computed", "bench_cell", "dashboard of one cell, computed (first request after a write)",
            (s, unit) => Computed(s).GetAsync(new DashboardQuery(null, Year))),
        new("dashboard-commune-computed", "bench_commune", "dashboard of a commune over ~50 cells, computed",
            (s, unit) => Computed(s).GetAsync(new DashboardQuery(null, Year))),
        new("dashboard-province-computed", "bench_province", "dashboard of the province, computed",
            (s, unit) => Computed(s).GetAsync(new DashboardQuery(null, Year))),
        new("list-commune-filtered", "bench_commune", "candidate list of the commune, stage + year filters, by stage date",
            (s, unit) => s.GetRequiredService<AdmissionService>().ListAsync(new CandidateListQuery
            {
                UnitId = unit, Stage = CandidateStage.Source, Year = Year - 1, Sort = CandidateSort.StageSince,
            })),
        new("list-commune-overdue", "bench_commune", "candidate list of the commune, overdue only",
            (s, unit) => s.GetRequiredService<AdmissionService>().ListAsync(new CandidateListQuery { UnitId = unit, OverdueOnly = true })),
        new("list-province-overdue", "bench_province", "candidate list of the province, overdue only",
            (s, unit) => s.GetRequiredService<AdmissionService>().ListAsync(new CandidateListQuery { UnitId = unit, OverdueOnly = true })),
        new("alerts-province", "bench_province", "deadline alerts of the whole province today (AlertCache)",
            (s, unit) => s.GetRequiredService<AlertService>().GetAlertsAsync(unit, VietnamTime.Today(TimeProvider.System))),
        // The alerts computed every time: what the overdue list of the province costs on the first request after a write under it.
        new("alerts-province-computed", "bench_province", "deadline alerts of the whole province today, computed",
            (s, unit) => UncachedAlerts(s).GetAlertsAsync(unit, VietnamTime.Today(TimeProvider.System))),
        new("report-province", "bench_province", "yearly report of the province (last year, ReportCache)",
            (s, unit) => s.GetRequiredService<YearlyReportService>().GetAsync(unit, Year - 1)),
        new("trend-province-10y", "bench_province", "ten-year trend of the province (the last ten closed years, ReportCache)",
            (s, unit) => s.GetRequiredService<YearlyReportService>().GetTrendAsync(unit, Year - 10, Year - 1)),
        // The same reports computed every time: the first request after a write dated in a closed year.
        new("report-province-computed", "bench_province", "yearly report of the province (last year), computed",
            (s, unit) => UncachedReports(s).GetAsync(unit, Year - 1)),
        new("trend-province-10y-computed", "bench_province", "ten-year trend of the province, computed",
            (s, unit) => UncachedReports(s).GetTrendAsync(unit, Year - 10, Year - 1)),
    ];

    private static AlertService UncachedAlerts(IServiceProvider s) => new(
        s.GetRequiredService<DangVienDbContext>(),
        s.GetRequiredService<Core.Features.Calendar.CalendarService>(),
        s.GetRequiredService<RuleParameterReader>(),
        s.GetRequiredService<CurrentAccess>());

    private static YearlyReportService UncachedReports(IServiceProvider s) => new(
        s.GetRequiredService<DangVienDbContext>(),
        s.GetRequiredService<CurrentAccess>(),
        s.GetRequiredService<RuleParameterReader>(),
        s.GetRequiredService<TimeProvider>());

    /// <summary>The app's dashboard service without its cache.</summary>
    private static DashboardService Computed(IServiceProvider s) => new(
        s.GetRequiredService<DangVienDbContext>(),
        s.GetRequiredService<CurrentAccess>(),
        s.GetRequiredService<OrgUnitService>(),
        s.GetRequiredService<QuotaService>(),
        UncachedAlerts(s),
        s.GetRequiredService<TimeProvider>());

    public static Scenario Get(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"Unknown scenario '{name}'.");
}
