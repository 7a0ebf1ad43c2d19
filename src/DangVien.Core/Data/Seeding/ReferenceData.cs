using Npgsql;

namespace DangVien.Core.Data.Seeding;

/// <summary>The reference data every database needs, demo or not: the source categories and the rule parameters.</summary>
public static class ReferenceData
{
    /// <summary>
    /// Adds the default source categories (<see cref="DefaultSourceCategories"/>) and rule parameters
    /// that are missing; rows already there (an administrator's edits, a deactivated category) are kept.
    /// </summary>
    public static Task EnsureLoadedAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default) =>
        BulkWriter.EnsureReferenceDataAsync(connection, cancellationToken);
}
