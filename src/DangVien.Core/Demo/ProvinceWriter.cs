using DangVien.Core.Data;
using DangVien.Core.Domain;
using Npgsql;
using NpgsqlTypes;

namespace DangVien.Core.Demo;

/// <summary>Writes a generated province with <see cref="BulkWriter"/>, in foreign-key order, inside the caller's transaction.</summary>
internal static class ProvinceWriter
{
    /// <summary>Tables whose identity sequences follow the ids the generator assigned.</summary>
    private static readonly string[] IdentityTables =
    [
        "org_units", "org_unit_placements", "members", "candidates", "stage_entries", "introducers", "quotas",
    ];

    public static async Task WriteAsync(NpgsqlConnection connection, ProvinceData data, CancellationToken cancellationToken)
    {
        await BulkWriter.CopyAsync(connection, "org_units (id, code, name, kind, parent_id, path, valid_from, valid_to, has_admission_authority)", data.Units,
            static async (w, u, ct) =>
            {
                await w.WriteAsync(u.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(u.Code, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(u.Name, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync((short)u.Kind, NpgsqlDbType.Smallint, ct);
                await BulkWriter.WriteAsync(w, u.ParentId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((string)u.Path, NpgsqlDbType.LTree, ct);
                await w.WriteAsync(u.ValidFrom, NpgsqlDbType.Date, ct);
                await BulkWriter.WriteAsync(w, u.ValidTo, NpgsqlDbType.Date, ct);
                await w.WriteAsync(u.HasAdmissionAuthority, NpgsqlDbType.Boolean, ct);
            }, cancellationToken);

        await BulkWriter.CopyAsync(connection, "org_unit_placements (id, org_unit_id, parent_id, path, valid_from, valid_to)", data.Placements,
            static async (w, p, ct) =>
            {
                await w.WriteAsync(p.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(p.OrgUnitId, NpgsqlDbType.Integer, ct);
                await BulkWriter.WriteAsync(w, p.ParentId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((string)p.Path, NpgsqlDbType.LTree, ct);
                await w.WriteAsync(p.ValidFrom, NpgsqlDbType.Date, ct);
                await BulkWriter.WriteAsync(w, p.ValidTo, NpgsqlDbType.Date, ct);
            }, cancellationToken);

        // members.candidate_id and candidates.mentor_member_id point at each other: members go first
        // without the link, which is set once the candidates exist.
        await BulkWriter.CopyMembersAsync(connection, data.Members, withIds: true, withCandidate: false, cancellationToken);

        await BulkWriter.CopyCandidatesAsync(connection, data.Candidates, cancellationToken);

        await LinkMembersToCandidatesAsync(connection, data.Members, cancellationToken);

        await BulkWriter.CopyAsync(connection, "candidate_categories (candidate_id, source_category_id)", data.Candidates.SelectMany(c => c.Categories),
            static async (w, cc, ct) =>
            {
                await w.WriteAsync(cc.CandidateId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(cc.SourceCategoryId, NpgsqlDbType.Integer, ct);
            }, cancellationToken);

        await BulkWriter.CopyHistoryAsync(connection, data.Entries, cancellationToken);

        await BulkWriter.CopyAsync(connection, "quotas (id, org_unit_id, year, total, assigned_by_unit_id, assigned_by, assigned_at)", data.Quotas,
            static async (w, q, ct) =>
            {
                await w.WriteAsync(q.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(q.OrgUnitId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(q.Year, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(q.Total, NpgsqlDbType.Integer, ct);
                await BulkWriter.WriteAsync(w, q.AssignedByUnitId, NpgsqlDbType.Integer, ct);
                await BulkWriter.WriteAsync(w, q.AssignedBy, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(q.AssignedAt, NpgsqlDbType.TimestampTz, ct);
            }, cancellationToken);

        await BulkWriter.CopyAsync(connection, "quota_category_targets (quota_id, source_category_id, target)", data.Quotas.SelectMany(q => q.CategoryTargets),
            static async (w, t, ct) =>
            {
                await w.WriteAsync(t.QuotaId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(t.SourceCategoryId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(t.Target, NpgsqlDbType.Integer, ct);
            }, cancellationToken);

        foreach (var table in IdentityTables)
        {
            // Next id after the largest one written, so the application's own inserts carry on from there.
            await BulkWriter.ExecuteAsync(connection,
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)",
                cancellationToken);
        }
    }
    private static async Task LinkMembersToCandidatesAsync(NpgsqlConnection connection, List<Member> members, CancellationToken cancellationToken)
    {
        var linked = members.Where(m => m.CandidateId is not null).ToList();
        if (linked.Count == 0)
        {
            return;
        }

        await using var update = new NpgsqlCommand(
            """
            UPDATE members AS m SET candidate_id = l.candidate_id
            FROM unnest(@member_ids, @candidate_ids) AS l(member_id, candidate_id)
            WHERE m.id = l.member_id
            """, connection);
        update.Parameters.AddWithValue("member_ids", linked.Select(m => m.Id).ToArray());
        update.Parameters.AddWithValue("candidate_ids", linked.Select(m => m.CandidateId!.Value).ToArray());
        await update.ExecuteNonQueryAsync(cancellationToken);
    }
}
