namespace DangVien.Core.Tests.Support;

/// <summary>
/// A clock on a fixed day (09:00 in Vietnam) unless moved. Each reading is a millisecond later than
/// the one before, so entries recorded one after the other keep their order.
/// </summary>
public sealed class FixedTime(DateOnly today) : TimeProvider
{
    private DateTimeOffset _now = At(today);

    public override DateTimeOffset GetUtcNow()
    {
        _now = _now.AddMilliseconds(1);
        return _now.ToUniversalTime();
    }

    public void MoveTo(DateOnly today) => _now = At(today);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));
}
