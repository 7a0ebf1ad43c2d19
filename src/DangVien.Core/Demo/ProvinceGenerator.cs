using System.Diagnostics;
using DangVien.Core.Data;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using Npgsql;

namespace DangVien.Core.Demo;

/// <summary>What one generation wrote, and how long it took.</summary>
public sealed record GeneratedCounts(
    int OrgUnits,
    int Cells,
    int Members,
    int ActiveMembers,
    int Candidates,
    int StageEntries,
    int CellVotes,
    int Introducers,
    int Admissions,
    int Quotas,
    int QuotaCategoryTargets,
    TimeSpan Elapsed);

/// <summary>
/// Generates a realistic province — organisation tree, members, candidates with complete histories
/// that obey the Party's admission rules, yearly quotas — and loads it with PostgreSQL binary COPY in
/// one transaction. The same size, seed and day always give the same data.
/// </summary>
public static class ProvinceGenerator
{
    /// <summary>
    /// Loads a generated province into an empty, migrated database (no organisation units). Source
    /// categories and the default rule parameters are added when missing. Every id is assigned by the
    /// generator; the identity sequences are moved past them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database already has organisation units.</exception>
    public static async Task<GeneratedCounts> GenerateAsync(
        string connectionString, ProvinceSize size, int seed, DateOnly today, CancellationToken cancellationToken = default) =>
        await LoadAsync(connectionString, size, seed, today, onlyIfEmpty: false, cancellationToken)
        ?? throw new InvalidOperationException("Unreachable: a generation that must load returned nothing.");

    /// <summary>Today in Vietnam (UTC+7, no daylight saving time): the default generation day.</summary>
    public static DateOnly VietnamToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>Loads the province, or returns null when <paramref name="onlyIfEmpty"/> and organisation units exist.</summary>
    internal static async Task<GeneratedCounts?> LoadAsync(
        string connectionString, ProvinceSize size, int seed, DateOnly today, bool onlyIfEmpty, CancellationToken cancellationToken)
    {
        size.Validate();
        var stopwatch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Two application instances starting at once: the second waits here, then sees the first's units.
        await BulkWriter.ExecuteAsync(connection, "LOCK TABLE org_units IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        if (await BulkWriter.ScalarAsync(connection, "SELECT count(*) FROM (SELECT 1 FROM org_units LIMIT 1) AS u", cancellationToken) > 0)
        {
            if (onlyIfEmpty)
            {
                return null;
            }

            throw new InvalidOperationException("The database already has organisation units: the generator loads into an empty database.");
        }

        var categoryIds = await ReferenceData.EnsureLoadedAsync(connection, cancellationToken);
        var data = ProvinceBuilder.Build(size, seed, today, categoryIds, cancellationToken);
        await ProvinceWriter.WriteAsync(connection, data, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Fresh statistics for the planner (the tables went from empty to full in one go) and the visibility map
        // set, so the covering indexes of the alerts and dashboards answer without the heap from the first request
        // (autovacuum would do it later, but a loaded table waits for its threshold).
        await BulkWriter.ExecuteAsync(connection,
            "VACUUM (ANALYZE) org_units, org_unit_placements, members, candidates, candidate_categories, stage_entries, cell_votes, introducers, quotas, quota_category_targets",
            cancellationToken);

        return new GeneratedCounts(
            OrgUnits: data.Units.Count,
            Cells: data.Units.Count(u => u.Kind.IsCell()),
            Members: data.Members.Count,
            ActiveMembers: data.Members.Count(m => m.IsMemberOn(today)),
            Candidates: data.Candidates.Count,
            StageEntries: data.Entries.Count,
            CellVotes: data.Entries.Count(e => e.Vote is not null),
            Introducers: data.Entries.Sum(e => e.Introducers.Count),
            Admissions: data.Entries.Count(e => e.Kind == StageKind.AdmissionDecision),
            Quotas: data.Quotas.Count,
            QuotaCategoryTargets: data.Quotas.Sum(q => q.CategoryTargets.Count),
            Elapsed: stopwatch.Elapsed);
    }
}
