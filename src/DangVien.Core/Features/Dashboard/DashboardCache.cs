using System.Globalization;
using System.Text;
using DangVien.Core.Features.Access;
using Microsoft.Extensions.Caching.Memory;

namespace DangVien.Core.Features.Dashboard;

/// <summary>
/// Computed dashboards, shared by every request of the application (a singleton), each kept with the change stamp
/// (<see cref="Data.ChangeStamps"/>) read before it was computed. A dashboard is served from here only while the
/// stamp of its subtree still reads the same, so it is never older than the last committed write: a cell
/// secretary's page costs the role query and the stamp query instead of a dozen, and is recomputed after any
/// write under the unit, on a new day, or after <see cref="Lifetime"/> unused.
/// </summary>
/// <remarks>
/// The key is what the dashboard is computed from besides the data: the grants of the asker (unit, path and role,
/// so users with the same grants share an entry and a changed grant misses), the asked unit, year and order, and
/// the day. At most <see cref="Capacity"/> dashboards are kept; a cell's is a few kilobytes.
/// </remarks>
public sealed class DashboardCache : IDisposable
{
    /// <summary>How many dashboards are kept at most.</summary>
    public const int Capacity = 4_096;

    /// <summary>A dashboard nobody asked for in this long is dropped.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>
    /// The dashboard computed for this key at this stamp, if it is still kept; it is then confirmed at
    /// <paramref name="generation"/> (of <see cref="Data.ChangeNotices"/>, read before the stamp).
    /// </summary>
    public bool TryGet(string key, long stamp, long generation, out DashboardView? view)
    {
        if (_entries.TryGetValue(key, out Entry? entry) && entry!.Stamp == stamp)
        {
            entry.Confirm(generation);
            view = entry.View;
            return true;
        }

        view = null;
        return false;
    }

    /// <summary>The dashboard last confirmed against the database at this very generation: nothing has changed since.</summary>
    public bool TryGetConfirmed(string key, long generation, out DashboardView? view)
    {
        if (_entries.TryGetValue(key, out Entry? entry) && entry!.Generation == generation)
        {
            view = entry.View;
            return true;
        }

        view = null;
        return false;
    }

    public void Set(string key, long stamp, long generation, DashboardView view) =>
        _entries.Set(key, new Entry(stamp, view, generation), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Lifetime });

    /// <summary>What a dashboard is computed from besides the data.</summary>
    public static string KeyOf(AccessScope scope, DashboardQuery query, DateOnly today)
    {
        var key = new StringBuilder(96);
        key.Append(scope.SeesEverything ? '*' : '-');
        foreach (var grant in scope.Grants.OrderBy(g => g.UnitId).ThenBy(g => g.Role))
        {
            key.Append(grant.UnitId.ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append(((int)grant.Role).ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append(grant.Path.ToString()).Append(';');
        }

        key.Append('|').Append(query.UnitId?.ToString(CultureInfo.InvariantCulture) ?? "start")
            .Append('|').Append(query.Year.ToString(CultureInfo.InvariantCulture))
            .Append('|').Append((int)query.Sort).Append(query.Descending ? 'd' : 'a')
            .Append('|').Append(today.DayNumber.ToString(CultureInfo.InvariantCulture));
        return key.ToString();
    }

    public void Dispose() => _entries.Dispose();

    private sealed class Entry(long stamp, DashboardView view, long generation)
    {
        private long _generation = generation;

        public long Stamp { get; } = stamp;

        public DashboardView View { get; } = view;

        public long Generation => Interlocked.Read(ref _generation);

        /// <summary>Only forward: a request that read an older generation must not take a newer confirmation back.</summary>
        public void Confirm(long generation)
        {
            var seen = Interlocked.Read(ref _generation);
            while (generation > seen)
            {
                var was = Interlocked.CompareExchange(ref _generation, generation, seen);
                if (was == seen)
                {
                    return;
                }

                seen = was;
            }
        }
    }
}
