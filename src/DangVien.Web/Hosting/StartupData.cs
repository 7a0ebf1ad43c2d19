using DangVien.Core.Features.Calendar;
using Npgsql;

namespace DangVien.Web.Hosting;

/// <summary>Reference and demo data loaded at start-up, once, under a PostgreSQL advisory lock.</summary>
internal static class StartupData
{
    /// <summary>Any fixed number: serialises two app instances starting on the same database.</summary>
    private const long AdvisoryLockKey = 0x44616e6756696e;

    /// <summary>How many years back from the current year the public holidays are pre-filled.</summary>
    public const int HolidayYearsBack = 10;

    /// <summary>How many years ahead of the current year the public holidays are pre-filled.</summary>
    public const int HolidayYearsAhead = 5;

    public static async Task LoadAsync(IServiceProvider services, string connectionString, bool seedDemo, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await PrefillHolidaysAsync(services, logger, cancellationToken);
            _ = seedDemo;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The default Vietnamese holidays of the years around the current one, in every year that has no
    /// holiday yet (a year the administrator has edited is left alone, see <see cref="CalendarService.PrefillAsync"/>).
    /// </summary>
    private static async Task PrefillHolidaysAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var thisYear = services.GetRequiredService<TimeProvider>().GetLocalNow().Year;
        var fromYear = Math.Max(thisYear - HolidayYearsBack, VietnameseHolidays.MinYear);
        var toYear = Math.Min(thisYear + HolidayYearsAhead, VietnameseHolidays.MaxYear);
        var result = await services.GetRequiredService<CalendarService>().PrefillAsync(fromYear, toYear, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning(
                "Public holidays {FromYear}–{ToYear} not pre-filled: {Errors}",
                fromYear,
                toYear,
                string.Join(" ", result.Errors.Select(e => e.Message)));
        }
    }
}
