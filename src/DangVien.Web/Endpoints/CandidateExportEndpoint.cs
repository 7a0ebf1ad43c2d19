using System.Globalization;
using System.Text;
using DangVien.Core.Common;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Units;
using DangVien.Web.Components.Pages.Candidates;
using Microsoft.Extensions.Primitives;

namespace DangVien.Web.Endpoints;

/// <summary>
/// <c>GET /candidates/export.csv</c> with the list's query string: the filtered list (every page) as CSV
/// through the same service query as the list, scoped and audited there. UTF-8 with a BOM and
/// <c>;</c> as separator, which is what Excel opens directly on a Vietnamese Windows (its list
/// separator is <c>;</c> because the decimal one is <c>,</c>); dates dd/MM/yyyy. A cell that would
/// start a formula (= + - @) is prefixed with an apostrophe.
/// </summary>
public static class CandidateExportEndpoint
{
    public const string Separator = ";";

    public static async Task<IResult> ExportAsync(HttpContext context, AdmissionService admission, OrgUnitService units, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await RowsAsync(context, admission, units, time, cancellationToken) is not { } rows)
        {
            return TypedResults.NotFound();
        }

        var fileName = $"ho-so-quan-chung-{time.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await WriteLineAsync(writer, Exports.ReportDocuments.CandidateHeader());
        var number = 0;
        foreach (var row in rows)
        {
            number++;
            await WriteLineAsync(writer,
            [
                number.ToString(CultureInfo.InvariantCulture),
                row.FullName,
                Components.Shared.Format.Born(row.DateOfBirth, row.BirthYear),
                Core.Domain.VietnameseNames.Of(row.Sex),
                Exports.ReportDocuments.CitizenId(row.Shown, row.CitizenId),
                row.CellName,
                row.Categories,
                row.StageLabel,
                row.StageSince.Display(),
            ]);
        }

        await writer.FlushAsync(cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary><c>GET /candidates/export.xlsx</c>: the same rows as the CSV (same query, scoping, masking and audit) as an XLSX workbook.</summary>
    public static async Task<IResult> ExportXlsxAsync(HttpContext context, AdmissionService admission, OrgUnitService units, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await RowsAsync(context, admission, units, time, cancellationToken) is not { } rows)
        {
            return TypedResults.NotFound();
        }

        var today = time.Today();
        var document = Exports.ReportDocuments.Candidates(rows, UiText.Format("Export.CandidateListTitle", today.Display()));
        return TypedResults.File(Exports.XlsxExport.Write(document, UiText.Get("Export.FilesSheet")), Exports.XlsxExport.ContentType,
            $"ho-so-quan-chung-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }

    /// <summary>The filtered list of the query string (every page), scoped and audited by the service; null when the unit is not readable.</summary>
    private static async Task<IReadOnlyList<CandidateExportRow>?> RowsAsync(HttpContext context, AdmissionService admission, OrgUnitService units, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = context.Request.Query;
        var unitId = int.TryParse(request["unit"], NumberStyles.None, CultureInfo.InvariantCulture, out var unit)
            ? unit
            : (await units.GetStartingPointsAsync(cancellationToken)).FirstOrDefault()?.Id;
        if (unitId is null)
        {
            return null;
        }

        var stage = CandidateListLink.ParseStage(request["stage"]);
        var query = new CandidateListQuery
        {
            UnitId = unitId.Value,
            Stage = stage,
            State = CandidateListLink.ParseState(request["state"], stage),
            CategoryId = Int(request["category"]),
            Year = Int(request["year"]) is { } year && SupportedRange.IsYear(year) ? year : null,
            OverdueOnly = CandidateListLink.ParseFlag(request["overdue"]),
            Search = request["q"],
            Sort = CandidateListLink.ParseSort(request["sort"]),
            Descending = string.Equals(request["dir"], "desc", StringComparison.OrdinalIgnoreCase),
        };
        return await admission.ExportListAsync(query, cancellationToken);
    }

    /// <summary>One CSV field: quoted when it holds the separator, a quote or a line break; defused when it would start a formula.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.Contains(Separator, StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static async Task WriteLineAsync(StreamWriter writer, IEnumerable<string> fields)
    {
        await writer.WriteAsync(string.Join(Separator, fields.Select(Field)));
        await writer.WriteAsync("\r\n");
    }

    private static int? Int(StringValues value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
