using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
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
    ILogger<CalendarService> logger,
    CurrentAccess? access)
{
    /// <summary>Message when someone other than an administrator tries to edit the calendar.</summary>
    public static string AdministratorsOnly => CoreText.Get("Calendar.AdministratorsOnly");

    /// <summary>
    /// A service acting as the system, without a cache: every call reads the database (start-up,
    /// tools, tests).
    /// </summary>
    public CalendarService(DangVienDbContext db)
        : this(db, null, new AddHolidayRequestValidator(), new PrefillHolidaysRequestValidator(), NullLogger<CalendarService>.Instance, null)
    {
    }

    /// <summary>Whether the current user may edit the calendar: administrators (and the system).</summary>
    public async Task<bool> CanEditAsync(CancellationToken cancellationToken = default) =>
        access is null || (await access.GetScopeAsync(cancellationToken)).SeesEverything;

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
    public Task<Result> AddAsync(DateOnly date, string name, CancellationToken cancellationToken = default) =>
        AddAsync(new AddHolidayRequest(date, name), cancellationToken);

    /// <summary>
    /// Adds a day off. Fails on the field <c>Date</c> when the date is missing or that day is already in
    /// the calendar under another name, on <c>Name</c> when the name is empty or too long. The same day under the
    /// same name again succeeds and changes nothing, so a form sent twice records the day once.
    /// </summary>
    public async Task<Result> AddAsync(AddHolidayRequest request, CancellationToken cancellationToken = default)
    {
        if (!await CanEditAsync(cancellationToken))
        {
            return Result.Fail(string.Empty, AdministratorsOnly);
        }

        request = request with { Name = request.Name?.Trim() ?? string.Empty };
        var validation = await addValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Fail(ToFieldErrors(validation));
        }

        var date = request.Date!.Value;
        if (await db.PublicHolidays.AsNoTracking().Where(h => h.Date == date).Select(h => h.Name).FirstOrDefaultAsync(cancellationToken) is { } stored)
        {
            // The same day under the same name is what was asked (a second click, a form sent twice): done already.
            return stored == request.Name ? Result.Success() : AlreadyInCalendar(date);
        }

        var holiday = new PublicHoliday { Date = date, Name = request.Name };
        db.PublicHolidays.Add(holiday);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another administrator (or the same form sent twice) added the same day meanwhile.
            db.Entry(holiday).State = EntityState.Detached;
            var meanwhile = await db.PublicHolidays.AsNoTracking().Where(h => h.Date == date).Select(h => h.Name).FirstOrDefaultAsync(cancellationToken);
            return meanwhile == request.Name ? Result.Success() : AlreadyInCalendar(date);
        }

        Invalidate();
        logger.LogInformation("Added public holiday {Date} {Name}", date, request.Name);
        return Result.Success();
    }

    /// <summary>Removes a day off. Fails on the field <c>Date</c> when that day is not in the calendar.</summary>
    public async Task<Result> RemoveAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        if (!await CanEditAsync(cancellationToken))
        {
            return Result.Fail(string.Empty, AdministratorsOnly);
        }

        var removed = await db.PublicHolidays.Where(h => h.Date == date).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return Result.Fail(nameof(PublicHoliday.Date), CoreText.Format("Calendar.NotAHoliday", Format(date)));
        }

        Invalidate();
        logger.LogInformation("Removed public holiday {Date}", date);
        return Result.Success();
    }

    /// <summary>
    /// Inserts the default Vietnamese holidays (<see cref="VietnameseHolidays.ForYear"/>) into every year
    /// from <paramref name="fromYear"/> to <paramref name="toYear"/> that has no holiday stored yet. A year
    /// holding at least one day belongs to the administrator and is left as it is, so a default day they
    /// removed does not come back, and running this again changes nothing. On success the value is the
    /// number of days inserted.
    /// </summary>
    /// <remarks>
    /// The check and the insert run in one transaction holding a SHARE ROW EXCLUSIVE lock on
    /// <c>public_holidays</c>: it waits for the adds, removes and pre-fills in flight and holds off new
    /// ones until it commits (reads go on), so a year is never filled beside an administrator's day that
    /// commits meanwhile, nor filled twice. A year whose every day was removed is empty again, and the
    /// next pre-fill fills it.
    /// </remarks>
    public async Task<Result<int>> PrefillAsync(int fromYear, int toYear, CancellationToken cancellationToken = default)
    {
        if (!await CanEditAsync(cancellationToken))
        {
            return Result<int>.Fail(string.Empty, AdministratorsOnly);
        }

        var validation = await prefillValidator.ValidateAsync(new PrefillHolidaysRequest(fromYear, toYear), cancellationToken);
        if (!validation.IsValid)
        {
            return Result<int>.Fail(ToFieldErrors(validation));
        }

        var first = new DateOnly(fromYear, 1, 1);
        var last = new DateOnly(toYear, 12, 31);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE public_holidays IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        var yearsWithHolidays = await db.PublicHolidays
            .Where(h => h.Date >= first && h.Date <= last)
            .Select(h => h.Date.Year)
            .Distinct()
            .ToListAsync(cancellationToken);
        var emptyYears = Enumerable.Range(fromYear, toYear - fromYear + 1).Except(yearsWithHolidays).ToList();

        // Every default day of a year falls in that year, so none of them is stored yet.
        var defaults = emptyYears.SelectMany(VietnameseHolidays.ForYear).ToList();
        var inserted = 0;
        if (defaults.Count > 0)
        {
            var dates = defaults.Select(h => h.Date).ToArray();
            var names = defaults.Select(h => h.Name).ToArray();
            inserted = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO public_holidays (date, name)
                SELECT d.date, d.name FROM unnest({dates}, {names}) AS d(date, name)
                """,
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (inserted > 0)
        {
            Invalidate();
        }

        logger.LogInformation(
            "Pre-filled public holidays {FromYear}–{ToYear}: {Inserted} days inserted into the years without holidays {FilledYears}",
            fromYear,
            toYear,
            inserted,
            emptyYears);
        return Result<int>.Success(inserted);
    }

    private static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static IEnumerable<FieldError> ToFieldErrors(FluentValidation.Results.ValidationResult validation) =>
        validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage));

    private static Result AlreadyInCalendar(DateOnly date) =>
        Result.Fail(nameof(AddHolidayRequest.Date), CoreText.Format("Calendar.AlreadyHoliday", Format(date)));

    private async Task<WorkingDayCalendar> LoadWorkingDayCalendarAsync(CancellationToken cancellationToken)
    {
        var holidays = await db.PublicHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        return new WorkingDayCalendar(holidays);
    }

    private void Invalidate() => cache?.Invalidate();
}
