namespace DangVien.Core.Features.Calendar;

/// <summary>
/// Working days: Monday to Friday, less the public holidays of the calendar (which is data,
/// edited by an administrator). Deadlines of the admission procedure count in these days.
/// </summary>
public sealed class WorkingDayCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public static WorkingDayCalendar WeekendsOnly { get; } = new([]);

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day
    /// itself is not counted). A deadline "within 60 working days of the resolution" is
    /// <c>AddWorkingDays(resolution, 60)</c>: that day is still in time, the next working day is late.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/> (0 when end ≤ start).</summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
