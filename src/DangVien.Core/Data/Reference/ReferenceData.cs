using Npgsql;

namespace DangVien.Core.Data.Reference;

/// <summary>The reference data every database needs, demo or not: the source categories and the rule parameters.</summary>
public static class ReferenceData
{
    /// <summary>
    /// Adds the default source categories (<see cref="DefaultSourceCategories"/>) and rule parameters
    /// that are missing; rows already there (an administrator's edits, a deactivated category) are kept.
    /// Returns the id of every category by code.
    /// </summary>
    public static async Task<Dictionary<string, int>> EnsureLoadedAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        var categories = DefaultSourceCategories.All;
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO source_categories (code, name, sort_order, is_active)
            SELECT code, name, sort_order, true FROM unnest(@codes, @names, @orders) AS c(code, name, sort_order)
            ON CONFLICT (code) DO NOTHING
            """, connection))
        {
            insert.Parameters.AddWithValue("codes", categories.Select(c => c.Code).ToArray());
            insert.Parameters.AddWithValue("names", categories.Select(c => c.Name).ToArray());
            insert.Parameters.AddWithValue("orders", Enumerable.Range(1, categories.Count).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var rules = DefaultRuleParameters.All;
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO rule_parameters (key, org_unit_id, value, description)
            SELECT key, NULL, value, description FROM unnest(@keys, @values, @descriptions) AS r(key, value, description)
            ON CONFLICT DO NOTHING
            """, connection))
        {
            insert.Parameters.AddWithValue("keys", rules.Select(r => r.Key).ToArray());
            insert.Parameters.AddWithValue("values", rules.Select(r => r.Value).ToArray());
            insert.Parameters.AddWithValue("descriptions", rules.Select(r => r.Description).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var select = new NpgsqlCommand("SELECT code, id FROM source_categories", connection);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(0)] = reader.GetInt32(1);
        }

        return ids;
    }
}
