using DangVien.Core.Common;
using Microsoft.Extensions.Caching.Memory;

namespace DangVien.Core.Features.Alerts;

/// <summary>
/// The alerts of a unit's subtree on a day as <see cref="AlertService"/> computed them, shared by every request of the
/// application (a singleton), each kept with the change stamp (<see cref="Data.ChangeStamps"/>) of the subtree read before
/// it was computed: served while the stamp still reads the same, so never older than the last committed write under the
/// unit (or to the tree, holidays, rule parameters). The province's overdue list, dashboard and alerts page then read the
/// history of its open files once per change instead of once per request. Each alert carries its rule in words, so an
/// entry is kept per language (<see cref="CoreText.IsEnglish"/>): a reader in English never hands a Vietnamese reader
/// its wording, nor the other way round.
/// </summary>
public sealed class AlertCache : IDisposable
{
    /// <summary>How many alerts are kept at most, over every entry (a province has about ten thousand).</summary>
    public const int Capacity = 200_000;

    /// <summary>An entry nobody asked for in this long is dropped.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The alerts of <paramref name="unitId"/> on <paramref name="asOf"/> computed at <paramref name="stamp"/>, if still kept.</summary>
    public bool TryGet(int unitId, DateOnly asOf, long stamp, out IReadOnlyList<Alert> alerts)
    {
        if (_entries.TryGetValue((unitId, asOf, CoreText.IsEnglish), out Entry? entry) && entry!.Stamp == stamp)
        {
            alerts = entry.Alerts;
            return true;
        }

        alerts = [];
        return false;
    }

    public void Set(int unitId, DateOnly asOf, long stamp, IReadOnlyList<Alert> alerts) =>
        _entries.Set((unitId, asOf, CoreText.IsEnglish), new Entry(stamp, alerts), new MemoryCacheEntryOptions { Size = alerts.Count + 1, SlidingExpiration = Lifetime });

    public void Dispose() => _entries.Dispose();

    private sealed record Entry(long Stamp, IReadOnlyList<Alert> Alerts);
}
