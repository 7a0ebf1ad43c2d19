using DangVien.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Calendar;

/// <summary>The public-holiday calendar, and the working-day calendar built from it.</summary>
public sealed class CalendarService(DangVienDbContext db)
{
    /// <summary>The working-day calendar from the holidays stored in the database.</summary>
    public async Task<WorkingDayCalendar> GetWorkingDayCalendarAsync(CancellationToken cancellationToken = default)
    {
        var holidays = await db.PublicHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        return new WorkingDayCalendar(holidays);
    }
}
