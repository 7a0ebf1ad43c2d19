using DangVien.Core.Domain;
using Npgsql;
using NpgsqlTypes;

namespace DangVien.Core.Data;

/// <summary>
/// PostgreSQL binary COPY of rows, on an open connection inside the caller's transaction: the import and the
/// province generator write through it. Column lists name the snake_case columns; xmin is a system column and
/// never written.
/// </summary>
internal static class BulkWriter
{
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

    /// <summary>
    /// Member rows by binary COPY: every column the entity has, with the ids the caller assigned (<paramref name="withIds"/>,
    /// the generator) or from the sequence (the import), and the link to the candidate file unless the caller sets it once
    /// the files exist (<paramref name="withCandidate"/> off: members and candidates point at each other).
    /// </summary>
    internal static Task CopyMembersAsync(NpgsqlConnection connection, IEnumerable<Member> members, bool withIds, bool withCandidate,
        CancellationToken cancellationToken) =>
        CopyAsync(connection,
            $"members ({(withIds ? "id, " : "")}full_name, date_of_birth, sex, citizen_id, cell_id, status, admitted_on, recognised_on, "
            + $"left_on, left_reason, barred_from_readmission, had_criminal_conviction{(withCandidate ? ", candidate_id" : "")})",
            members,
            async (w, m, ct) =>
            {
                if (withIds)
                {
                    await w.WriteAsync(m.Id, NpgsqlDbType.Integer, ct);
                }

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
                if (withCandidate)
                {
                    await WriteAsync(w, m.CandidateId, NpgsqlDbType.Integer, ct);
                }
            }, cancellationToken);

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

        await CopyAsync(connection, "cell_votes (stage_entry_id, official_members, present, in_favour, passed, listed_official_members, official_members_reason)",
            entries.Where(e => e.Vote is not null).Select(e => e.Vote!),
            static async (w, v, ct) =>
            {
                await w.WriteAsync(v.StageEntryId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(v.OfficialMembers, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(v.Present, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(v.InFavour, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(v.Passed, NpgsqlDbType.Boolean, ct);
                await WriteAsync(w, v.ListedOfficialMembers, NpgsqlDbType.Integer, ct);
                await WriteAsync(w, v.OfficialMembersReason, NpgsqlDbType.Varchar, ct);
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
