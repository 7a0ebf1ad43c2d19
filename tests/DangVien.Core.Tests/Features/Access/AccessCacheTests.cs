using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Dashboard;
using DangVien.Core.Features.Quotas;

namespace DangVien.Core.Tests.Features.Access;

/// <summary>What the caches of sessions, grants and dashboards keep, and when they must not.</summary>
public sealed class AccessCacheTests
{
    private static readonly Guid Session = Guid.NewGuid();

    [Fact]
    public void Nothing_is_kept_while_notices_are_not_heard()
    {
        var cache = new AccessCache(new Clock());
        cache.KeepSession(cache.Generation, Session, "u1", DateTimeOffset.UtcNow);
        Assert.False(cache.TryGetSession(Session, "u1", out _));

        cache.SetListening(true);
        cache.KeepSession(cache.Generation, Session, "u1", DateTimeOffset.UtcNow);
        Assert.True(cache.TryGetSession(Session, "u1", out _));
        Assert.False(cache.TryGetSession(Session, "another user", out _));

        cache.SetListening(false);
        Assert.False(cache.TryGetSession(Session, "u1", out _));
    }

    [Fact]
    public void What_was_read_before_a_notice_is_not_kept_after_it()
    {
        var cache = new AccessCache(new Clock());
        cache.SetListening(true);
        var before = cache.Generation;
        cache.Clear();
        cache.KeepSession(before, Session, "u1", DateTimeOffset.UtcNow);
        cache.KeepGrants(before, "u1", []);

        Assert.False(cache.TryGetSession(Session, "u1", out _));
        Assert.False(cache.TryGetGrants("u1", out _));
    }

    [Fact]
    public void An_entry_is_read_again_after_its_maximum_age_and_not_a_second_earlier()
    {
        var clock = new Clock();
        var cache = new AccessCache(clock);
        cache.SetListening(true);
        cache.KeepGrants(cache.Generation, "u1", [new UnitGrant(1, new("1"), OrgUnitKind.Province, AccessRole.ProvincialBoard)]);

        clock.Now += AccessCache.MaxAge;
        Assert.True(cache.TryGetGrants("u1", out var grants));
        Assert.Single(grants);
        clock.Now += TimeSpan.FromTicks(1);
        Assert.False(cache.TryGetGrants("u1", out _));
    }

    [Fact]
    public void A_dashboard_is_confirmed_only_at_the_generation_it_was_checked_at_and_never_backwards()
    {
        using var cache = new DashboardCache();
        var view = new DashboardView(1, "Chi bộ", OrgUnitKind.Cell, 2026, new DateOnly(2026, 6, 15), [], [], AdmissionCountingBasis.DecisionDate, 10, 1, 0, [], null!, [], DashboardSort.Name, false);
        cache.Set("k", stamp: 10, generation: 5, view);
        Assert.True(cache.TryGetConfirmed("k", 5, out _));
        Assert.False(cache.TryGetConfirmed("k", 6, out _));

        Assert.True(cache.TryGet("k", stamp: 10, generation: 7, out _));
        Assert.True(cache.TryGetConfirmed("k", 7, out _));
        // A slower request that read generation 6 before the stamp confirms nothing newer than it knew.
        Assert.True(cache.TryGet("k", stamp: 10, generation: 6, out _));
        Assert.True(cache.TryGetConfirmed("k", 7, out _));
        Assert.False(cache.TryGet("k", stamp: 11, generation: 8, out _));
        Assert.False(cache.TryGetConfirmed("k", 8, out _));
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
