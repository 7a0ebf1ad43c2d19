using System.Text.Json;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DangVien.Core.Features.Reports;

/// <summary>
/// Reports of closed years kept in the database (<c>report_cache</c>, migration <c>ReportYearStamps</c>): a yearly report or
/// a trend of a unit, as <see cref="YearlyReportService"/> computed it, with the version of the data it was computed from,
/// one per language (<see cref="CoreText.IsEnglish"/>): a report carries words (category names, the all-candidates line).
/// </summary>
/// <remarks>
/// <para>A figure of year Y depends only on what is dated on or before 31/12 of Y. Triggers on every table a figure reads
/// (history entries and votes, candidates' cells and categories, members and their placements, units and their placements,
/// quotas, snapshots, categories, rule parameters) give <c>report_year_stamps</c> of the earliest year a write touches a new
/// number from a sequence, in the write's own transaction. The version of a span of years is the sum of the stamps of the
/// years up to its last: a committed write dated in or before the span always changes it (a stamp only takes a new, higher
/// number; a sum, unlike a maximum, changes even when an older number commits after a newer one), a write dated after it
/// never does.</para>
/// <para>The version is read before the report is computed: a write committing meanwhile leaves a newer version, so the next
/// request computes again. Only spans ending before the current year (the database's calendar and the app's) are kept: the
/// daily work, dated today, bumps no stamp and slows nothing. The rules stay in <see cref="ReportFacts"/>; this class only
/// keeps their result.</para>
/// </remarks>
public sealed class ReportCache
{
    private const string ReadSql = """
        WITH v AS (SELECT coalesce(sum(version), 0)::bigint AS version FROM report_year_stamps WHERE year <= $4)
        SELECT $4 < report_current_year(), v.version,
            (SELECT c.body FROM report_cache c
             WHERE c.kind = $1 AND c.unit_id = $2 AND c.year_from = $3 AND c.year_to = $4 AND c.counted = $5 AND c.language = $6 AND c.version = v.version)
        FROM v
        """;

    private const string StoreSql = """
        INSERT INTO report_cache (kind, unit_id, year_from, year_to, counted, language, version, body)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (kind, unit_id, year_from, year_to, counted, language)
        DO UPDATE SET version = excluded.version, body = excluded.body, computed_at = now()
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What is kept: a yearly report or a trend.</summary>
    public enum Kind : short
    {
        YearlyReport = 1,
        Trend = 2,
    }

    /// <summary>
    /// The report of <paramref name="unitId"/> for <paramref name="from"/>–<paramref name="to"/> counted by
    /// <paramref name="counted"/>, from the cache while nothing it depends on changed, else computed by
    /// <paramref name="compute"/> and kept (when the span is closed: <paramref name="to"/> before <paramref name="currentYear"/>).
    /// </summary>
    public async Task<T> GetOrComputeAsync<T>(
        DangVienDbContext db, Kind kind, int unitId, int from, int to, StageKind counted, int currentYear, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        if (to >= currentYear)
        {
            return await compute();
        }

        var (closed, version, body) = await ReadAsync(db, kind, unitId, from, to, counted, cancellationToken);
        if (body is not null && JsonSerializer.Deserialize<T>(body, Json) is { } kept)
        {
            return kept;
        }

        var computed = await compute();
        if (closed)
        {
            await StoreAsync(db, kind, unitId, from, to, counted, version, JsonSerializer.Serialize(computed, Json), cancellationToken);
        }

        return computed;
    }

    private static async Task<(bool Closed, long Version, string? Body)> ReadAsync(
        DangVienDbContext db, Kind kind, int unitId, int from, int to, StageKind counted, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, ReadSql, kind, unitId, from, to, counted, cancellationToken);
        RawSql.Executing(command);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return (reader.GetBoolean(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task StoreAsync(
        DangVienDbContext db, Kind kind, int unitId, int from, int to, StageKind counted, long version, string body, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, StoreSql, kind, unitId, from, to, counted, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body, NpgsqlDbType = NpgsqlDbType.Text });
        RawSql.Executing(command);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<NpgsqlCommand> CommandAsync(
        DangVienDbContext db, string sql, Kind kind, int unitId, int from, int to, StageKind counted, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)kind });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = unitId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = to });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)counted });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = CoreText.IsEnglish ? "en" : "vi", NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }
}
