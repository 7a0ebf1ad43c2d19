using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Tests.Support;
using DangVien.Testing;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The rule parameter rows kept between requests: reused, then read again after the lifetime or an invalidation.</summary>
public sealed class RuleParameterCacheTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public async Task A_cached_reader_sees_an_edit_after_the_lifetime_and_at_once_after_an_invalidation()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var cache = new RuleParameterCache(clock);
        var cell = world.TeachersCell.Id;
        var fresh = new RuleParameterReader(db);

        var before = await Cached(db, cache).GetAsync(RuleKeys.CertificateValidityMonths, cell);
        await SetAsync(db, RuleKeys.CertificateValidityMonths, world.Commune, before + 12);
        clock.Advance(RuleParameterCache.Lifetime - TimeSpan.FromSeconds(1));
        var stillCached = await Cached(db, cache).GetAsync(RuleKeys.CertificateValidityMonths, cell);
        clock.Advance(TimeSpan.FromSeconds(1));
        var reloaded = await Cached(db, cache).GetAdmissionParametersAsync(cell);
        await SetAsync(db, RuleKeys.CertificateValidityMonths, world.TeachersCell, before + 24);
        cache.Invalidate();
        var afterInvalidation = await Cached(db, cache).GetAsync(RuleKeys.CertificateValidityMonths, cell);

        Assert.Equal(before, stillCached);
        Assert.Equal(before + 12, reloaded.CertificateValidityMonths);
        Assert.Equal(before + 24, afterInvalidation);
        Assert.Equal(afterInvalidation, await fresh.GetAsync(RuleKeys.CertificateValidityMonths, cell));
        Assert.Equal(before + 12, await Cached(db, cache).GetAsync(RuleKeys.CertificateValidityMonths, world.VillageCell.Id));
    }

    private static RuleParameterReader Cached(DangVienDbContext db, RuleParameterCache cache) => new(db, cache);

    private static async Task SetAsync(DangVienDbContext db, string key, OrgUnit unit, int value)
    {
        db.RuleParameters.Add(new RuleParameter { Key = key, OrgUnitId = unit.Id, Value = value });
        await db.SaveChangesAsync();
    }

    private sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
