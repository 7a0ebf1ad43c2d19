using DangVien.Core.Domain;
using Npgsql;
using NpgsqlTypes;

namespace DangVien.Core.Data.Seeding;

/// <summary>
/// Writes a generated province with PostgreSQL binary COPY, in foreign-key order, on an open
/// connection inside the caller's transaction. Column lists name the snake_case columns of the
/// initial migration; xmin is a system column and never written.
/// </summary>
internal static class BulkWriter
{
    /// <summary>Tables whose identity sequences follow the ids the generator assigned.</summary>
    private static readonly string[] IdentityTables =
    [
        "org_units", "org_unit_placements", "members", "candidates", "stage_entries", "introducers", "quotas",
    ];

    public static async Task WriteAsync(NpgsqlConnection connection, ProvinceData data, CancellationToken cancellationToken)
    {
        await CopyAsync(connection, "org_units (id, code, name, kind, parent_id, path, valid_from, valid_to, has_admission_authority)", data.Units,
            static async (w, u, ct) =>
            {
                await w.WriteAsync(u.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(u.Code, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(u.Name, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync((short)u.Kind, NpgsqlDbType.Smallint, ct);
                await WriteAsync(w, u.ParentId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((string)u.Path, NpgsqlDbType.LTree, ct);
                await w.WriteAsync(u.ValidFrom, NpgsqlDbType.Date, ct);
                await WriteAsync(w, u.ValidTo, NpgsqlDbType.Date, ct);
                await w.WriteAsync(u.HasAdmissionAuthority, NpgsqlDbType.Boolean, ct);
            }, cancellationToken);

        await CopyAsync(connection, "org_unit_placements (id, org_unit_id, parent_id, path, valid_from, valid_to)", data.Placements,
            static async (w, p, ct) =>
            {
                await w.WriteAsync(p.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(p.OrgUnitId, NpgsqlDbType.Integer, ct);
                await WriteAsync(w, p.ParentId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((string)p.Path, NpgsqlDbType.LTree, ct);
                await w.WriteAsync(p.ValidFrom, NpgsqlDbType.Date, ct);
                await WriteAsync(w, p.ValidTo, NpgsqlDbType.Date, ct);
            }, cancellationToken);

        // members.candidate_id and candidates.mentor_member_id point at each other: members go first
        // without the link, which is set once the candidates exist.
        await CopyAsync(connection,
            "members (id, full_name, date_of_birth, sex, citizen_id, cell_id, status, admitted_on, recognised_on, left_on, left_reason, barred_from_readmission, had_criminal_conviction, candidate_id)",
            data.Members,
            static async (w, m, ct) =>
            {
                await w.WriteAsync(m.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(m.FullName, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(m.DateOfBirth, NpgsqlDbType.Date, ct);
                await w.WriteAsync((short)m.Sex, NpgsqlDbType.Smallint, ct);
                await WriteAsync(w, m.CitizenId, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(m.CellId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((short)m.Status, NpgsqlDbType.Smallint, ct);
                await w.WriteAsync(m.AdmittedOn, NpgsqlDbType.Date, ct);
                await WriteAsync(w, m.RecognisedOn, NpgsqlDbType.Date, ct);
                await WriteAsync(w, m.LeftOn, NpgsqlDbType.Date, ct);
                await WriteAsync(w, m.LeftReason, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(m.BarredFromReadmission, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(m.HadCriminalConviction, NpgsqlDbType.Boolean, ct);
                await w.WriteNullAsync(ct);
            }, cancellationToken);

        await CopyCandidatesAsync(connection, data.Candidates, cancellationToken);

        await LinkMembersToCandidatesAsync(connection, data.Members, cancellationToken);

        await CopyAsync(connection, "candidate_categories (candidate_id, source_category_id)", data.Candidates.SelectMany(c => c.Categories),
            static async (w, cc, ct) =>
            {
                await w.WriteAsync(cc.CandidateId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(cc.SourceCategoryId, NpgsqlDbType.Integer, ct);
            }, cancellationToken);

        await CopyHistoryAsync(connection, data.Entries, cancellationToken);

        await CopyAsync(connection, "quotas (id, org_unit_id, year, total, assigned_by_unit_id, assigned_by, assigned_at)", data.Quotas,
            static async (w, q, ct) =>
            {
                await w.WriteAsync(q.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(q.OrgUnitId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(q.Year, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(q.Total, NpgsqlDbType.Integer, ct);
                await WriteAsync(w, q.AssignedByUnitId, NpgsqlDbType.Integer, ct);
                await WriteAsync(w, q.AssignedBy, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(q.AssignedAt, NpgsqlDbType.TimestampTz, ct);
            }, cancellationToken);

        await CopyAsync(connection, "quota_category_targets (quota_id, source_category_id, target)", data.Quotas.SelectMany(q => q.CategoryTargets),
            static async (w, t, ct) =>
            {
                await w.WriteAsync(t.QuotaId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(t.SourceCategoryId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(t.Target, NpgsqlDbType.Integer, ct);
            }, cancellationToken);

        foreach (var table in IdentityTables)
        {
            // Next id after the largest one written, so the application's own inserts carry on from there.
            await ExecuteAsync(connection,
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)",
                cancellationToken);
        }
    }

    /// <summary>Source categories and rule parameters: added when missing, kept when an administrator already has them.</summary>
    public static async Task<Dictionary<string, int>> EnsureReferenceDataAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
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

    public static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
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

    /// <summary>Candidate rows with their ids, by binary COPY (the generator and the import).</summary>
    internal static async Task CopyCandidatesAsync(NpgsqlConnection connection, IEnumerable<Candidate> candidates, CancellationToken cancellationToken)
    {
        await CopyAsync(connection,
            "candidates (id, full_name, date_of_birth, sex, ethnicity, religion, home_town, address, citizen_id, general_education, professional_qualification, political_theory, occupation, workplace, phone, family_background, cell_id, mentor_member_id, former_member_id, stage, stage_since, created_at)",
            candidates,
            static async (w, c, ct) =>
            {
                await w.WriteAsync(c.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(c.FullName, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.DateOfBirth, NpgsqlDbType.Date, ct);
                await w.WriteAsync((short)c.Sex, NpgsqlDbType.Smallint, ct);
                await w.WriteAsync(c.Ethnicity, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, c.Religion, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, c.HomeTown, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, c.Address, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, c.CitizenId, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync((short)c.GeneralEducation, NpgsqlDbType.Smallint, ct);
                await WriteAsync(w, c.ProfessionalQualification, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, c.PoliticalTheory, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, c.Occupation, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, c.Workplace, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, c.Phone, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, c.FamilyBackground, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.CellId, NpgsqlDbType.Integer, ct);
                await WriteAsync(w, c.MentorMemberId, NpgsqlDbType.Integer, ct);
                await WriteAsync(w, c.FormerMemberId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((short)c.Stage, NpgsqlDbType.Smallint, ct);
                await w.WriteAsync(c.StageSince, NpgsqlDbType.Date, ct);
                await w.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            }, cancellationToken);
    }

    /// <summary>History entries with their cell votes and introducers, by binary COPY (the generator and the import).</summary>
    internal static async Task CopyHistoryAsync(NpgsqlConnection connection, IReadOnlyCollection<StageEntry> entries, CancellationToken cancellationToken)
    {
        await CopyAsync(connection,
            "stage_entries (id, candidate_id, kind, effective_on, form_code, document_number, issuer, unit_id, member_id, received_on, extension_working_days, introduction_basis, exit_reason, exception_kind, note, supersedes_id, recorded_by, recorded_at, document_date)",
            entries,
            static async (w, e, ct) =>
            {
                await w.WriteAsync(e.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(e.CandidateId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((short)e.Kind, NpgsqlDbType.Smallint, ct);
                await w.WriteAsync(e.EffectiveOn, NpgsqlDbType.Date, ct);
                await WriteAsync(w, e.FormCode, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, e.DocumentNumber, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, e.Issuer, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, e.UnitId, NpgsqlDbType.Integer, ct);
                await WriteAsync(w, e.MemberId, NpgsqlDbType.Integer, ct);
                await WriteAsync(w, e.ReceivedOn, NpgsqlDbType.Date, ct);
                await WriteAsync(w, e.ExtensionWorkingDays, NpgsqlDbType.Integer, ct);
                await WriteAsync(w, (short?)e.IntroductionBasis, NpgsqlDbType.Smallint, ct);
                await WriteAsync(w, (short?)e.ExitReason, NpgsqlDbType.Smallint, ct);
                await WriteAsync(w, (short?)e.ExceptionKind, NpgsqlDbType.Smallint, ct);
                await WriteAsync(w, e.Note, NpgsqlDbType.Varchar, ct);
                await WriteAsync(w, e.SupersedesId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(e.RecordedBy, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(e.RecordedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteAsync(w, e.DocumentDate, NpgsqlDbType.Date, ct);
            }, cancellationToken);

        await CopyAsync(connection, "cell_votes (stage_entry_id, official_members, present, in_favour, passed)",
            entries.Where(e => e.Vote is not null).Select(e => e.Vote!),
            static async (w, v, ct) =>
            {
                await w.WriteAsync(v.StageEntryId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(v.OfficialMembers, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(v.Present, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(v.InFavour, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(v.Passed, NpgsqlDbType.Boolean, ct);
            }, cancellationToken);

        await CopyAsync(connection, "introducers (id, stage_entry_id, member_id, known_since, is_replacement, replaces_member_id)",
            entries.SelectMany(e => e.Introducers),
            static async (w, i, ct) =>
            {
                await w.WriteAsync(i.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(i.StageEntryId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(i.MemberId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(i.KnownSince, NpgsqlDbType.Date, ct);
                await w.WriteAsync(i.IsReplacement, NpgsqlDbType.Boolean, ct);
                await WriteAsync(w, i.ReplacesMemberId, NpgsqlDbType.Integer, ct);
            }, cancellationToken);
    }

    internal static async Task CopyAsync<T>(NpgsqlConnection connection, string target, IEnumerable<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await writeRow(importer, row, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    internal static async Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } present)
        {
            await writer.WriteAsync(present, type, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }

    internal static async Task WriteAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, type, cancellationToken);
        }
    }
}
