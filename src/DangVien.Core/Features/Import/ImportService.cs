using System.Diagnostics;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Features.Categories;
using DangVien.Core.Features.Quotas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DangVien.Core.Features.Import;

/// <summary>A bad cell (or row, or file): the row number as the user sees it (header = 1, 0 = the whole file), the column, and why, in Vietnamese.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>What an import found and did.</summary>
public sealed record ImportResult(
    ImportKind Kind,
    ImportMode Mode,
    int TotalRows,
    int ValidRows,
    int ExistingRows,
    IReadOnlyList<ImportError> Errors,
    bool Committed,
    int Written,
    long ElapsedMilliseconds)
{
    /// <summary>Rows with at least one error.</summary>
    public int BadRows => Errors.Where(e => e.Row > 0).Select(e => e.Row).Distinct().Count();

    /// <summary>An error about the whole file (unreadable, a missing column): nothing can be written.</summary>
    public bool FileRefused => Errors.Any(e => e.Row <= 1);
}

/// <summary>
/// Imports units, members and candidates (with the steps already taken) from CSV or XLSX. Every row
/// is checked with the same validators and <see cref="AdmissionRules"/> the forms use, scoped by
/// <see cref="CurrentAccess"/> (a user imports only into units they may write), then written with
/// binary COPY in one transaction. Rows whose natural key exists (unit code, citizen ID) are skipped,
/// so importing the same file twice creates nothing the second time. Nothing is written unless every
/// row is valid, or the user asked for the valid rows only (<see cref="ImportMode.ValidOnly"/>).
/// </summary>
public sealed partial class ImportService(
    DangVienDbContext db,
    CurrentAccess access,
    AdmissionService admission,
    CalendarService calendarService,
    RuleParameterReader parameterReader,
    RequestValidators validators,
    TimeProvider time,
    ILogger<ImportService> logger,
    QuotaService quotas,
    SourceCategoryService categoryService)
{
    /// <summary>Serialises imports (one at a time across the app), so two imports of one file cannot both write it.</summary>
    private const long ImportLockKey = 0x44565F494D504F;

    public async Task<ImportResult> ImportAsync(ImportKind kind, Stream content, string fileName, ImportMode mode, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var scope = await access.GetScopeAsync(cancellationToken);
        if (await RefusalAsync(kind, scope, cancellationToken) is { } refusal)
        {
            return Refused(kind, mode, 0, "", refusal, clock);
        }

        ImportTable table;
        try
        {
            table = ImportTable.Read(content, fileName);
        }
        catch (ImportFileException e)
        {
            logger.LogInformation("Import file {FileName} refused while reading: {Reason}", fileName, e.Message);
            return Refused(kind, mode, 0, "", e.Message, clock);
        }
        catch (Exception e) when (e is CsvHelper.CsvFormatException or InvalidDataException or IOException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or FormatException)
        {
            logger.LogInformation(e, "Import file {FileName} could not be read", fileName);
            return Refused(kind, mode, 0, "", CoreText.Format("Import.Unreadable", fileName), clock);
        }

        if (HeaderErrors(kind, table) is { Count: > 0 } headerErrors)
        {
            return new ImportResult(kind, mode, table.Rows.Count, 0, 0, headerErrors, false, 0, clock.ElapsedMilliseconds);
        }

        if (mode == ImportMode.DryRun)
        {
            var checkedOnly = await PlanAsync(kind, table, scope, cancellationToken);
            return Result(kind, mode, table, checkedOnly, committed: false, written: 0, clock);
        }

        // Writes: plan and write under one lock and in one transaction, so the natural keys checked are
        // still free when the rows are written.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ImportLockKey})", connection))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            var plan = await PlanAsync(kind, table, scope, cancellationToken);
            if ((plan.Errors.Count > 0 && mode == ImportMode.All) || plan.Valid == 0)
            {
                return Result(kind, mode, table, plan, committed: false, written: 0, clock);
            }

            var written = await plan.Write(connection, cancellationToken);
            var detail = CoreText.InVietnamese(() => CoreText.Format(mode == ImportMode.All ? "Import.AuditAll" : "Import.AuditValidOnly",
                table.Rows.Count, written, plan.Existing, plan.Errors.Select(e => e.Row).Distinct().Count()));
            await access.AuditAsync(AuditActions.Import(kind), $"file:{Shorten(fileName, 100)}", detail, save: true, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Imported {Written} {Kind} rows from {FileName} in {Elapsed} ms ({Existing} existing, {Errors} errors)",
                written, kind, fileName, clock.ElapsedMilliseconds, plan.Existing, plan.Errors.Count);
            return Result(kind, mode, table, plan, committed: true, written, clock);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Why the user may not import this kind at all, before the file is read: units, members, candidates and exits need
    /// a unit to write in; quotas a unit whose quotas they may assign (checked per row); categories the right to edit
    /// the list.
    /// </summary>
    private async Task<string?> RefusalAsync(ImportKind kind, AccessScope scope, CancellationToken cancellationToken) => kind switch
    {
        _ when scope.SeesEverything => null,
        ImportKind.Categories => await categoryService.CanManageAsync(cancellationToken) ? null : SourceCategoryService.NotAllowed,
        ImportKind.Quotas when scope.Grants.Any(g => g.Role == Domain.AccessRole.ProvincialBoard) => null,
        _ => scope.WriteRoots.Length == 0 ? CoreText.Get("Import.NotAllowed") : null,
    };

    /// <summary>What a kind's check produced: the errors, the rows already there, and how to write the valid rows.</summary>
    private sealed record ImportPlan(List<ImportError> Errors, int Existing, int Valid, Func<NpgsqlConnection, CancellationToken, Task<int>> Write);

    /// <summary>
    /// Checks the rows the reader found nothing wrong in with the kind's rules; the rows it did find something in (bytes
    /// that are not UTF-8, refused characters) are errors as they are, never written.
    /// </summary>
    private async Task<ImportPlan> PlanAsync(ImportKind kind, ImportTable table, AccessScope scope, CancellationToken cancellationToken)
    {
        var readProblems = table.Rows.SelectMany(r => r.Problems).ToList();
        var clean = readProblems.Count == 0 ? table : table with { Rows = [.. table.Rows.Where(r => r.Problems.Count == 0)] };
        var plan = await (kind switch
        {
            ImportKind.Units => PlanUnitsAsync(clean, scope, cancellationToken),
            ImportKind.Members => PlanMembersAsync(clean, scope, cancellationToken),
            ImportKind.Exits => PlanExitsAsync(clean, scope, cancellationToken),
            ImportKind.Quotas => PlanQuotasAsync(clean, scope, cancellationToken),
            ImportKind.Categories => PlanCategoriesAsync(clean, cancellationToken),
            _ => PlanCandidatesAsync(clean, scope, cancellationToken),
        });
        plan.Errors.AddRange(readProblems);
        return plan;
    }

    private static List<ImportError> HeaderErrors(ImportKind kind, ImportTable table)
    {
        var columns = ImportLayout.Of(kind);
        var errors = new List<ImportError>();
        if (table.Headers.Count == 0)
        {
            errors.Add(new ImportError(0, "", CoreText.Get("Import.EmptyFile")));
            return errors;
        }

        foreach (var missing in columns.Where(c => c.Required && !table.Headers.Contains(c.Name)))
        {
            errors.Add(new ImportError(1, missing.Name, CoreText.Format("Import.MissingColumn", missing.Name, missing.Label)));
        }

        foreach (var unknown in table.Headers.Where(h => h.Length > 0 && columns.All(c => c.Name != h)))
        {
            errors.Add(new ImportError(1, unknown, CoreText.Format("Import.UnknownColumn", unknown, ImportLayout.Label(kind).ToLowerInvariant())));
        }

        foreach (var twice in table.Headers.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(1, twice.Key, CoreText.Format("Import.ColumnTwice", twice.Key)));
        }

        return errors;
    }

    private static ImportResult Result(ImportKind kind, ImportMode mode, ImportTable table, ImportPlan plan, bool committed, int written, Stopwatch clock) =>
        new(kind, mode, table.Rows.Count, plan.Valid, plan.Existing,
            [.. plan.Errors.OrderBy(e => e.Row)], committed, written, clock.ElapsedMilliseconds);

    private static ImportResult Refused(ImportKind kind, ImportMode mode, int rows, string column, string message, Stopwatch clock) =>
        new(kind, mode, rows, 0, 0, [new ImportError(0, column, message)], false, 0, clock.ElapsedMilliseconds);

    private static string Shorten(string value, int length) => value.Length <= length ? value : value[..length];

    /// <summary>Ids for new rows from the table's own identity sequence, in one round trip.</summary>
    private static async Task<long[]> NextIdsAsync(NpgsqlConnection connection, string table, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, @n)", connection);
        command.Parameters.AddWithValue("n", count);
        var ids = new List<long>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return [.. ids];
    }

    /// <summary>Units the user may read by code, with what the checks need; only codes the file names.</summary>
    private async Task<Dictionary<string, UnitInfo>> UnitsByCodeAsync(IEnumerable<string> codes, CancellationToken cancellationToken) =>
        await UnitsByCodeAsync(await access.ReadableUnitQueryAsync(cancellationToken), codes, cancellationToken);

    private static async Task<Dictionary<string, UnitInfo>> UnitsByCodeAsync(IQueryable<Domain.OrgUnit> units, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return await units
            .Where(u => wanted.Contains(u.Code))
            .Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.Kind, u.Path, u.ValidTo, u.ParentId))
            .ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
    }

    private sealed record CitizenIdPlace(string CitizenId, LTree CellPath);

    /// <summary>
    /// Citizen IDs already held (by files or members), each with whether the user may read one of its holders: a row
    /// whose number is held inside the scope was imported before; one held outside it is refused, naming no one.
    /// </summary>
    private static Dictionary<string, bool> ReadableByCitizenId(IEnumerable<CitizenIdPlace> held, AccessScope scope) =>
        held.GroupBy(h => h.CitizenId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Any(h => scope.CanRead(h.CellPath)), StringComparer.Ordinal);

    private sealed record UnitInfo(int Id, string Code, string Name, Domain.OrgUnitKind Kind, LTree Path, DateOnly? ValidTo, int? ParentId);

    /// <summary>
    /// The unit of a row's code column as the user may use it: null (with the error on the column) when it
    /// does not exist, the user cannot see it (reads as not found), or may not write there.
    /// </summary>
    private static UnitInfo? WritableUnit(ImportValues values, string column, string? code, Dictionary<string, UnitInfo> units, AccessScope scope, string what)
    {
        if (code is null)
        {
            return null;
        }

        if (!units.TryGetValue(code, out var unit) || !scope.CanRead(unit.Path))
        {
            values.Error(column, CoreText.Format("Import.UnitOfKindNotFound", what, code));
            return null;
        }

        if (!scope.CanWrite(unit.Path))
        {
            values.Error(column, $"{unit.Name}: {Messages.NotAllowed}");
            return null;
        }

        return unit;
    }
}
