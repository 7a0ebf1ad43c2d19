using System.Collections.Concurrent;

namespace DangVien.Core.Features.Access;

/// <summary>
/// The open sessions and the role grants that every request reads, kept in memory between requests while this
/// instance listens to PostgreSQL's notices of changes to them (<see cref="Data.ChangeListener"/>).
/// </summary>
/// <remarks>
/// Triggers (migration <c>AccessChangeNotices</c>) send a notice on channel <see cref="Channel"/> in the transaction
/// of every write that can end a session or change what a user may see: role assignments, a session ended or deleted,
/// a unit moved, renamed in the tree or closed. A notice empties the cache, so the next request reads the database again;
/// an ended session is refused by every instance on the same database as soon as the notice arrives (milliseconds
/// after the commit), and at once by the instance that ended it (<see cref="Clear"/>). While the listening connection
/// is down nothing is kept, and every entry is read again after <see cref="MaxAge"/> anyway.
/// A request that read the database while a notice arrived does not keep what it read (<see cref="Generation"/>).
/// </remarks>
public sealed class AccessCache(TimeProvider time)
{
    /// <summary>The notification channel of the triggers.</summary>
    public const string Channel = "dangvien_access";

    /// <summary>The longest an entry is used without reading the database again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>A cache that never keeps anything (it never listens).</summary>
    public static readonly AccessCache Off = new(TimeProvider.System);

    /// <summary>Bounds the memory: beyond this many entries the cache starts again empty.</summary>
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<Guid, SessionEntry> _sessions = new();
    private readonly ConcurrentDictionary<string, GrantsEntry> _grants = new(StringComparer.Ordinal);
    private long _generation;
    private volatile bool _listening;

    /// <summary>Changes at every notice: read it before the database and pass it to the Keep methods.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Whether notices arrive, so entries may be kept.</summary>
    public bool IsListening => _listening;

    /// <summary>Forgets everything (a notice, or a change made by this instance).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _sessions.Clear();
        _grants.Clear();
    }

    internal void SetListening(bool listening)
    {
        _listening = listening;
        Clear();
    }

    /// <summary>The last-seen time of an open session, when it is kept and still fresh.</summary>
    public bool TryGetSession(Guid sessionId, string userId, out DateTimeOffset lastSeen)
    {
        lastSeen = default;
        if (!_listening || !_sessions.TryGetValue(sessionId, out var entry) || entry.UserId != userId || Stale(entry.ReadAt))
        {
            return false;
        }

        lastSeen = entry.LastSeen;
        return true;
    }

    /// <summary>Keeps an open session read at <paramref name="generation"/>, unless a notice came since.</summary>
    public void KeepSession(long generation, Guid sessionId, string userId, DateTimeOffset lastSeen) =>
        Keep(_sessions, generation, sessionId, new SessionEntry(userId, lastSeen, time.GetUtcNow()));

    public bool TryGetGrants(string userId, out IReadOnlyList<UnitGrant> grants)
    {
        grants = [];
        if (!_listening || !_grants.TryGetValue(userId, out var entry) || Stale(entry.ReadAt))
        {
            return false;
        }

        grants = entry.Grants;
        return true;
    }

    public void KeepGrants(long generation, string userId, IReadOnlyList<UnitGrant> grants) =>
        Keep(_grants, generation, userId, new GrantsEntry(grants, time.GetUtcNow()));

    private bool Stale(DateTimeOffset readAt) => time.GetUtcNow() - readAt > MaxAge;

    private void Keep<TKey, TValue>(ConcurrentDictionary<TKey, TValue> entries, long generation, TKey key, TValue value)
        where TKey : notnull
    {
        if (!_listening || generation != Generation)
        {
            return;
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[key] = value;
        // A notice between the check above and the write: what was read may be out of date.
        if (generation != Generation)
        {
            entries.TryRemove(key, out _);
        }
    }

    private sealed record SessionEntry(string UserId, DateTimeOffset LastSeen, DateTimeOffset ReadAt);

    private sealed record GrantsEntry(IReadOnlyList<UnitGrant> Grants, DateTimeOffset ReadAt);
}
