namespace DangVien.Core.Features.Calendar;

/// <summary>
/// The working-day calendar shared by every request of the application (a singleton), so deadlines
/// are computed without reading the holidays each time. <see cref="CalendarService"/> drops it on
/// every edit it makes, so the next call sees the edit; edits made elsewhere (SQL, another server
/// on the same database) show after at most <see cref="Lifetime"/>.
/// </summary>
public sealed class WorkingDayCalendarCache(TimeProvider timeProvider)
{
    /// <summary>How long a loaded calendar is used at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private WorkingDayCalendar? _calendar;
    private DateTimeOffset _loadedAt;

    /// <summary>Bumped by every edit, so a calendar loaded while an edit commits is not kept.</summary>
    private long _generation;

    /// <summary>The cached calendar, or the one <paramref name="load"/> reads (kept unless an edit happened meanwhile).</summary>
    public async Task<WorkingDayCalendar> GetOrLoadAsync(
        Func<CancellationToken, Task<WorkingDayCalendar>> load,
        CancellationToken cancellationToken = default)
    {
        long generation;
        lock (_gate)
        {
            if (_calendar is not null && timeProvider.GetUtcNow() - _loadedAt < Lifetime)
            {
                return _calendar;
            }

            generation = _generation;
        }

        var calendar = await load(cancellationToken);
        lock (_gate)
        {
            if (generation == _generation)
            {
                _calendar = calendar;
                _loadedAt = timeProvider.GetUtcNow();
            }
        }

        return calendar;
    }

    /// <summary>Drops the cached calendar: call after the edit is saved.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _calendar = null;
        }
    }
}
