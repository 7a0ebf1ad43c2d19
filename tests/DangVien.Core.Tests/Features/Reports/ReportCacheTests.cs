using System.Text.Json;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Demo;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Features.Import;
using DangVien.Core.Features.Reports;
using DangVien.Core.Features.Units;
using DangVien.Core.Tests.Features.Import;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Reports;

/// <summary>
/// The reports of closed years kept in <c>report_cache</c> (<see cref="ReportCache"/>) and the alerts kept in
/// <see cref="AlertCache"/> always equal the live computation: on a generated province, and after every kind of write
/// that can change a closed year (a step recorded today, a correction, an import, a move of a unit, a file started in a
/// past year, a freeze). Each comparison reads what was kept before the write, so a figure left stale fails it.
/// </summary>
public sealed class ReportCacheTests
{
    private static readonly DateOnly Today = CandidateImportTests.Today;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ProvinceSize Small = new(Members: 400, Communes: 2, Cells: 10, YearsOfHistory: 4, AdmissionsPerYear: 20);

    [Fact]
    public async Task Every_report_of_a_generated_province_served_from_the_cache_equals_the_live_one()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await ProvinceGenerator.GenerateAsync(database.ConnectionString, Small, seed: 11, Today);
        await using var db = database.CreateContext();
        var time = new FixedTime(Today);
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        var cache = new ReportCache();

        var computed = await KeptEqualsLiveAsync(db, time, cache, units);
        Assert.True(await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM report_cache").SingleAsync() >= units.Count * 4);
        Assert.Contains("\"admitted\":", computed, StringComparison.Ordinal);

        // Served from the cache the second time, still equal.
        Assert.Equal(computed, await KeptEqualsLiveAsync(db, time, cache, units));

        // A unit moved to the other commune from the middle of last year: the reports of both communes change.
        var communes = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.CommuneCommittee).OrderBy(u => u.Id).ToListAsync();
        var moved = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == communes[0].Id).OrderBy(u => u.Id).FirstAsync();
        var units1 = new OrgUnitService(db, Access(db, time), CoreValidators.For<MoveUnitRequest>(), CoreValidators.For<MergeUnitRequest>(), time);
        var result = await units1.MoveAsync(
            new MoveUnitRequest { UnitId = moved.Id, NewParentId = communes[1].Id, EffectiveOn = new DateOnly(Today.Year - 1, 6, 1) }, moved.Version);
        Assert.True(result.Succeeded, CandidateWalk.Describe(result));
        Assert.NotEqual(computed, await KeptEqualsLiveAsync(db, time, cache, units));
    }

    [Fact]
    public async Task After_each_write_that_changes_a_closed_year_the_kept_reports_equal_the_live_ones()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await CandidateImportTests.WorldAsync(db);
        var units = new[] { world.Province, world.Commune, world.School, world.TeachersCell, world.VillageCell, world.OtherCommune }.Select(u => u.Id).ToList();
        var cache = new ReportCache();
        var village = world.MembersOf(world.VillageCell);

        var opened = await world.StartCandidateAsync(new DateOnly(2025, 1, 10), world.VillageCell, name: "Lò Văn Mở", citizenId: "001099000301");
        var admitted = await world.StartCandidateAsync(new DateOnly(2024, 1, 8), world.TeachersCell, name: "Đỗ Thị Nạp", citizenId: "001099000302");
        await admitted.ToAsync(StageKind.Ceremony, WalkDates.Spring2025);
        var before = await KeptEqualsLiveAsync(db, world.Time, cache, units);

        // A step recorded today changes no closed year.
        await CandidateWalk.Resume(world.Admission(), db, opened.Id, village).CertificateAsync(Today);
        Assert.Equal(before, await KeptEqualsLiveAsync(db, world.Time, cache, units));

        // A correction moving the source entry into 2024: the file is open at the end of 2024.
        var source = await db.StageEntries.AsNoTracking().SingleAsync(e => e.CandidateId == opened.Id && e.Kind == StageKind.Source);
        var corrected = await world.Admission().CorrectEntryAsync(
            new CorrectEntryRequest { CandidateId = opened.Id, EntryId = source.Id, Date = new DateOnly(2024, 12, 20), Reason = "Ghi nhầm ngày" },
            await world.VersionAsync(opened.Id));
        Assert.True(corrected.Succeeded, CandidateWalk.Describe(corrected));
        var afterCorrection = await KeptEqualsLiveAsync(db, world.Time, cache, units);
        Assert.NotEqual(before, afterCorrection);

        // An import of a file admitted in 2024.
        var import = await CandidateImportTests.Import(world, db).ImportAsync(ImportKind.Candidates,
            new MemoryStream(CandidateImportTests.Csv([CandidateImportTests.Row("001099000303", "Cao Văn Nhập", "CB-GV", CandidateImportTests.Until.Ceremony)])),
            "nhap.csv", ImportMode.All);
        Assert.True(import.Committed, string.Join(Environment.NewLine, import.Errors));
        var afterImport = await KeptEqualsLiveAsync(db, world.Time, cache, units);
        Assert.NotEqual(afterCorrection, afterImport);

        // A file started in a past year (a backdated entry).
        await world.StartCandidateAsync(new DateOnly(2023, 11, 2), world.VillageCell, name: "Hà Thị Muộn", citizenId: "001099000304");
        var afterBackdated = await KeptEqualsLiveAsync(db, world.Time, cache, units);
        Assert.NotEqual(afterImport, afterBackdated);

        // The village cell moved to the other commune from 01/03/2025.
        var units1 = new OrgUnitService(db, Access(db, world.Time), CoreValidators.For<MoveUnitRequest>(), CoreValidators.For<MergeUnitRequest>(), world.Time);
        var version = await db.OrgUnits.AsNoTracking().Where(u => u.Id == world.VillageCell.Id).Select(u => u.Version).SingleAsync();
        var moved = await units1.MoveAsync(
            new MoveUnitRequest { UnitId = world.VillageCell.Id, NewParentId = world.OtherCommune.Id, EffectiveOn = new DateOnly(2025, 3, 1) }, version);
        Assert.True(moved.Succeeded, CandidateWalk.Describe(moved));
        var afterMove = await KeptEqualsLiveAsync(db, world.Time, cache, units);
        Assert.NotEqual(afterBackdated, afterMove);

        // 2024 frozen for the province: the trends show it frozen.
        Assert.True((await world.Reports().FreezeAsync(world.Province.Id, 2024)).Succeeded);
        Assert.NotEqual(afterMove, await KeptEqualsLiveAsync(db, world.Time, cache, units));
    }

    [Fact]
    public async Task The_kept_report_is_what_is_served_until_a_write_dated_in_or_before_its_years()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await CandidateImportTests.WorldAsync(db);
        await world.StartCandidateAsync(new DateOnly(2024, 1, 8), world.TeachersCell, name: "Đỗ Thị Nạp", citizenId: "001099000302");
        var cached = Service(db, world.Time, new ReportCache());
        var live = (await cached.GetAsync(world.Commune.Id, 2024))!;
        Assert.Equal(1, live.Funnel[0].Candidates);

        // Marked in the database: served as kept.
        await db.Database.ExecuteSqlRawAsync("UPDATE report_cache SET body = jsonb_set(body::jsonb, ARRAY['unitName'], '\"Đã giữ\"')::text");
        Assert.Equal("Đã giữ", (await cached.GetAsync(world.Commune.Id, 2024))!.UnitName);

        // A file started in 2025 leaves 2024 as kept; one started in 2024 replaces it.
        await world.StartCandidateAsync(new DateOnly(2025, 2, 3), world.TeachersCell, name: "Lê Văn Sau", citizenId: "001099000305");
        Assert.Equal("Đã giữ", (await cached.GetAsync(world.Commune.Id, 2024))!.UnitName);
        await world.StartCandidateAsync(new DateOnly(2024, 5, 6), world.TeachersCell, name: "Lê Thị Trước", citizenId: "001099000306");
        var again = (await cached.GetAsync(world.Commune.Id, 2024))!;
        Assert.Equal("Đảng ủy xã Hòa An", again.UnitName);
        Assert.Equal(2, again.Funnel[0].Candidates);

        // The current year is never kept.
        await cached.GetAsync(world.Commune.Id, Today.Year);
        await cached.GetTrendAsync(world.Commune.Id, Today.Year - 2, Today.Year);
        Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM report_cache WHERE year_to >= {Today.Year}").SingleAsync());
    }

    [Fact]
    public async Task Kept_alerts_are_served_while_nothing_changes_and_equal_the_computed_ones_after_a_step()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        using var cache = new AlertCache();
        var (world, cached) = await OverdueCeremonyAsync(db, cache);

        var first = await cached.GetAlertsAsync(world.Province.Id, Today);
        Assert.NotEmpty(first);
        Assert.Same(first, await cached.GetAlertsAsync(world.Province.Id, Today));

        var later = await world.StartCandidateAsync(WalkDates.Spring2025.Sourced, world.TeachersCell, name: "Lò Thị Chậm", citizenId: "001099000308");
        await later.ToAsync(StageKind.AdmissionDecision, WalkDates.Spring2025);
        var after = await cached.GetAlertsAsync(world.Province.Id, Today);
        Assert.NotSame(first, after);
        Assert.Equal(Describe(await world.Alerts().GetAlertsAsync(world.Province.Id, Today)), Describe(after));
        Assert.NotEqual(Describe(first), Describe(after));
    }

    [Fact]
    public async Task A_report_kept_for_a_reader_in_English_is_not_served_to_a_Vietnamese_reader()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await ProvinceGenerator.GenerateAsync(database.ConnectionString, Small, seed: 12, Today);
        await using var db = database.CreateContext();
        var time = new FixedTime(Today);
        var province = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).Select(u => u.Id).FirstAsync();
        var kept = Service(db, time, new ReportCache());
        var live = Service(db, time, null);
        var (from, to) = (Today.Year - 4, Today.Year - 1);

        var english = await InUiCulture("en", () => kept.GetTrendAsync(province, from, to));
        var vietnamese = await InUiCulture("vi-VN", () => kept.GetTrendAsync(province, from, to));
        var expected = await InUiCulture("vi-VN", () => live.GetTrendAsync(province, from, to));

        Assert.Equal("All candidates", english!.Conversions[0].Name);
        Assert.Equal("Tất cả quần chúng", vietnamese!.Conversions[0].Name);
        Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(vietnamese, Json));
        Assert.Equal(2, await db.Database.SqlQueryRaw<int>("SELECT count(DISTINCT language)::int AS \"Value\" FROM report_cache").SingleAsync());
    }

    [Fact]
    public async Task Kept_alerts_are_kept_per_language_so_a_reader_in_English_never_hands_Vietnamese_readers_its_wording()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        using var cache = new AlertCache();
        var (world, cached) = await OverdueCeremonyAsync(db, cache);

        var english = await InUiCulture("en", () => cached.GetAlertsAsync(world.Province.Id, Today));
        var vietnamese = await InUiCulture("vi-VN", () => cached.GetAlertsAsync(world.Province.Id, Today));
        var live = await InUiCulture("vi-VN", () => world.Alerts().GetAlertsAsync(world.Province.Id, Today));

        Assert.NotEmpty(vietnamese);
        Assert.Equal(live.Select(a => a.Rule), vietnamese.Select(a => a.Rule));
        Assert.NotEqual(english.Select(a => a.Rule), vietnamese.Select(a => a.Rule));
        Assert.Same(english, await InUiCulture("en", () => cached.GetAlertsAsync(world.Province.Id, Today)));
    }

    /// <summary>A world with one file decided in June 2025 and never admitted (the ceremony is overdue), and alerts kept in <paramref name="cache"/>.</summary>
    private static async Task<(World World, AlertService Cached)> OverdueCeremonyAsync(DangVienDbContext db, AlertCache cache)
    {
        var world = await CandidateImportTests.WorldAsync(db);
        var late = await world.StartCandidateAsync(WalkDates.Spring2025.Sourced, world.VillageCell, name: "Lò Văn Hạn", citizenId: "001099000307");
        await late.ToAsync(StageKind.AdmissionDecision, WalkDates.Spring2025);
        return (world, new AlertService(db, new CalendarService(db), new RuleParameterReader(db), Access(db, world.Time), cache));
    }

    private static async Task<T> InUiCulture<T>(string culture, Func<Task<T>> read)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            return await read();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string Describe(IEnumerable<Alert> alerts) => string.Join("\n", alerts.Select(a => $"{a.CandidateId} {a.Kind} {a.DueOn} {a.Urgency}"));

    private static CurrentAccess Access(DangVienDbContext db, FixedTime time) => new(new SystemUser("can.bo@test"), db, time);

    private static YearlyReportService Service(DangVienDbContext db, FixedTime time, ReportCache? cache) =>
        new(db, Access(db, time), new RuleParameterReader(db), time, cache);

    /// <summary>
    /// For every unit, the yearly report of each of the four closed years before today and the trends over them and over the last
    /// two, as served with the cache and computed live; asserts they are equal and returns them (to tell whether a write changed them).
    /// </summary>
    private static async Task<string> KeptEqualsLiveAsync(DangVienDbContext db, FixedTime time, ReportCache cache, IReadOnlyList<int> units)
    {
        var kept = Service(db, time, cache);
        var live = Service(db, time, null);
        var all = new System.Text.StringBuilder();
        var (from, to) = (Today.Year - 4, Today.Year - 1);
        foreach (var unit in units)
        {
            for (var year = from; year <= to; year++)
            {
                var expected = JsonSerializer.Serialize(await live.GetAsync(unit, year), Json);
                Assert.Equal(expected, JsonSerializer.Serialize(await kept.GetAsync(unit, year), Json));
                all.AppendLine(expected);
            }

            foreach (var start in new[] { from, to - 1 })
            {
                var expected = JsonSerializer.Serialize(await live.GetTrendAsync(unit, start, to), Json);
                Assert.Equal(expected, JsonSerializer.Serialize(await kept.GetTrendAsync(unit, start, to), Json));
                all.AppendLine(expected);
            }
        }

        return all.ToString();
    }
}
