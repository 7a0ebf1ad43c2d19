using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DangVien.Core.Data;

/// <summary>
/// Reads the change stamps the database keeps (migration <c>DashboardChangeStamps</c>): every committed write that
/// can change what a unit shows takes a new number from one sequence into the stamp of the cell or unit it touched,
/// or into stamp 0 when it touched what every unit depends on (the tree, holidays, rule parameters, categories).
/// </summary>
/// <remarks>
/// The stamp of a set of subtrees is the sum of the stamps inside them and of 0. A committed write under them always
/// makes it higher (a stamp only ever takes a new, higher number; a sum, unlike the highest stamp, also changes when a
/// write that took its number earlier commits after one that took a later number), a write elsewhere never changes it,
/// and it is read in one indexed query, so a cached result computed after reading stamp S is still exact as long as
/// the stamp still reads S. Stamps are kept
/// by triggers, so bulk COPY, imports and any SQL by hand bump them too.
/// </remarks>
public static class ChangeStamps
{
    private const string OfEverything = "SELECT coalesce(sum(version), 0)::bigint FROM change_stamps";

    // The subtrees' units by the path index, each unit's stamp by its key, and stamp 0 by its key: an OR of the two
    // made PostgreSQL read every stamp of the province for one cell (a sequential scan of 5,500 rows).
    private const string OfSubtrees = """
        SELECT coalesce((SELECT version FROM change_stamps WHERE unit_id = 0), 0)
             + coalesce((SELECT sum(s.version)
                         FROM org_units u
                         JOIN change_stamps s ON s.unit_id = u.id
                         WHERE u.path <@ ANY (ARRAY(SELECT r.path FROM org_units r WHERE r.id = ANY ($1)))), 0)::bigint
        """;

    /// <summary>The stamp of the subtrees under <paramref name="rootIds"/>, or of the whole tree when null.</summary>
    /// <remarks>
    /// A plain command on the context's connection (auto-prepared like the rest): it is read on every dashboard
    /// request, and going through EF Core's raw-SQL query path cost more than the query itself.
    /// </remarks>
    public static async Task<long> ReadAsync(DangVienDbContext db, IReadOnlyCollection<int>? rootIds, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = rootIds is null ? OfEverything : OfSubtrees;
            if (rootIds is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. rootIds] });
            }

            RawSql.Executing(command);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
