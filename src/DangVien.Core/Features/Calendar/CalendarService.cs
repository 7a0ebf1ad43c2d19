using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DangVien.Core.Features.Calendar;

/// <summary>
/// The public-holiday calendar (edited by the administrator, pre-filled with the Vietnamese
/// holidays), and the working-day calendar built from it.
/// </summary>
/// <remarks>
/// The working-day calendar is kept in <see cref="WorkingDayCalendarCache"/> and dropped on every
/// edit made here, so the next call sees the edit.
/// </remarks>
public sealed class CalendarService(
    DangVienDbContext db,
    WorkingDayCalendarCache? cache,
    IValidator<AddHolidayRequest> addValidator,
    IValidator<PrefillHolidaysRequest> prefillValidator,
    ILogger<CalendarService> logger)
{
    /// <summary>A service without a cache: every call reads the database (tests, tools).</summary>
    public CalendarService(DangVienDbContext db)
        : this(db, null, new AddHolidayValidator(), new PrefillHolidaysValidator(), NullLogger<CalendarService>.Instance)
    {
    }

    /// <summary>The working-day calendar from the holidays stored in the database.</summary>
    public async Task<WorkingDayCalendar> GetWorkingDayCalendarAsync(CancellationToken cancellationToken = default)
    {
        if (cache is null)
        {
            return await LoadWorkingDayCalendarAsync(cancellationToken);
        }

        return await cache.GetOrLoadAsync(LoadWorkingDayCalendarAsync, cancellationToken);
    }

    /// <summary>The holidays of a year, in date order.</summary>
    public async Task<IReadOnlyList<Holiday>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return await db.PublicHolidays.AsNoTracking()
            .Where(h => h.Date >= first && h.Date <= last)
            .OrderBy(h => h.Date)
            .Select(h => new Holiday(h.Date, h.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a day off. Fails on the field <c>Date</c> when that day is already in the calendar.</summary>
    public async Task<Result> AddAsync(DateOnly date, string name, CancellationToken cancellationToken = default)
    {
        var request = new AddHolidayRequest(date, name?.Trim() ?? string.Empty);
        var validation = await addValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Fail(ToFieldErrors(validation));
        }

        if (await db.PublicHolidays.AnyAsync(h => h.Date == date, cancellationToken))
        {
            return AlreadyInCalendar(date);
        }

        var holiday = new PublicHoliday { Date = date, Name = request.Name };
        db.PublicHolidays.Add(holiday);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another administrator added the same day meanwhile.
            db.Entry(holiday).State = EntityState.Detached;
            return AlreadyInCalendar(date);
        }

        Invalidate();
        logger.LogInformation("Added public holiday {Date} {Name}", date, request.Name);
        return Result.Success();
    }

    /// <summary>Removes a day off. Fails on the field <c>Date</c> when that day is not in the calendar.</summary>
    public async Task<Result> RemoveAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var removed = await db.PublicHolidays.Where(h => h.Date == date).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return Result.Fail(nameof(PublicHoliday.Date), $"Ngày {Format(date)} không có trong lịch nghỉ.");
        }

        Invalidate();
        logger.LogInformation("Removed public holiday {Date}", date);
        return Result.Success();
    }

    /// <summary>
    /// Inserts the default Vietnamese holidays (<see cref="VietnameseHolidays.ForYear"/>) of the years
    /// <paramref name="fromYear"/> to <paramref name="toYear"/>, skipping every date already in the
    /// calendar, so an administrator's name for a day is kept and running it again changes nothing.
    /// A default day the administrator removed is inserted again: pre-fill years before editing them.
    /// On success the value is the number of days inserted.
    /// </summary>
    public async Task<Result<int>> PrefillAsync(int fromYear, int toYear, CancellationToken cancellationToken = default)
    {
        var validation = await prefillValidator.ValidateAsync(new PrefillHolidaysRequest(fromYear, toYear), cancellationToken);
        if (!validation.IsValid)
        {
            return Result<int>.Fail(ToFieldErrors(validation));
        }

        var defaults = Enumerable.Range(fromYear, toYear - fromYear + 1).SelectMany(VietnameseHolidays.ForYear).ToList();
        var dates = defaults.Select(h => h.Date).ToArray();
        var names = defaults.Select(h => h.Name).ToArray();

        // ON CONFLICT keeps the stored day (and its name) even when another request inserts it meanwhile.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO public_holidays (date, name)
            SELECT d.date, d.name FROM unnest({dates}, {names}) AS d(date, name)
            ON CONFLICT (date) DO NOTHING
            """,
            cancellationToken);

        Invalidate();
        logger.LogInformation("Pre-filled public holidays {FromYear}–{ToYear}: {Inserted} days inserted", fromYear, toYear, inserted);
        return Result<int>.Success(inserted);
    }

    private static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static IEnumerable<FieldError> ToFieldErrors(FluentValidation.Results.ValidationResult validation) =>
        validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage));

    private static Result AlreadyInCalendar(DateOnly date) =>
        Result.Fail(nameof(AddHolidayRequest.Date), $"Ngày {Format(date)} đã có trong lịch nghỉ.");

    private async Task<WorkingDayCalendar> LoadWorkingDayCalendarAsync(CancellationToken cancellationToken)
    {
        var holidays = await db.PublicHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        return new WorkingDayCalendar(holidays);
    }

    private void Invalidate() => cache?.Invalidate();
}
