using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Reports;
using DangVien.Web.Endpoints.Exports;
using Microsoft.Extensions.Primitives;

namespace DangVien.Web.Endpoints;

/// <summary>
/// Downloads of the reports: <c>/reports/export.{csv|xlsx|pdf}?unit=&amp;year=</c> (the yearly report),
/// <c>/reports/trend.{csv|xlsx|pdf}?unit=&amp;from=&amp;to=</c>, <c>/reports/list.{csv|xlsx}?unit=&amp;from=&amp;to=&amp;figure=</c> (the
/// candidates, or for the members figures the members, behind a figure) and <c>/reports/idle-cells.{csv|xlsx}?unit=&amp;year=&amp;years=</c>. Each reads through
/// <see cref="YearlyReportService"/> (scoped: a unit the user may not read is 404), and each download is audited.
/// </summary>
public static class ReportExportEndpoints
{
    public static void MapReportExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/export.{format}", YearlyAsync);
        app.MapGet("/reports/trend.{format}", TrendAsync);
        app.MapGet("/reports/list.{format}", ListAsync);
        app.MapGet("/reports/idle-cells.{format}", IdleCellsAsync);
    }

    private static async Task<IResult> YearlyAsync(string format, HttpContext context, YearlyReportService reports, CurrentAccess access, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!IsFormat(format, pdf: true) || Int(query["unit"]) is not { } unit || Year(query["year"]) is not { } year
            || await reports.GetAsync(unit, year, cancellationToken) is not { } report)
        {
            return TypedResults.NotFound();
        }

        return await FileAsync(access, format, ReportDocuments.Yearly(report), $"bao-cao-nam-{Inv(year)}-{await CodeAsync(reports, unit, cancellationToken)}", unit,
            $"báo cáo năm {Inv(year)} ({(report.Frozen is null ? "trực tiếp" : "đã chốt")})", cancellationToken);
    }

    private static async Task<IResult> TrendAsync(string format, HttpContext context, YearlyReportService reports, CurrentAccess access, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!IsFormat(format, pdf: true) || Int(query["unit"]) is not { } unit || Year(query["from"]) is not { } from || Year(query["to"]) is not { } to
            || await reports.GetTrendAsync(unit, from, to, cancellationToken) is not { } trend)
        {
            return TypedResults.NotFound();
        }

        return await FileAsync(access, format, ReportDocuments.Trend(trend), $"bao-cao-{Inv(from)}-{Inv(to)}-{await CodeAsync(reports, unit, cancellationToken)}", unit,
            $"báo cáo nhiều năm {Inv(from)}–{Inv(to)}", cancellationToken);
    }

    private static async Task<IResult> ListAsync(string format, HttpContext context, YearlyReportService reports, CurrentAccess access, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!IsFormat(format, pdf: false) || Int(query["unit"]) is not { } unit || Year(query["from"]) is not { } from
            || ReportFigure.Parse(query["figure"]) is not { } figure)
        {
            return TypedResults.NotFound();
        }

        if (figure.IsMembers)
        {
            return await reports.GetMemberListAsync(unit, from, Year(query["to"]) ?? from, figure, cancellationToken: cancellationToken) is { } members
                ? await FileAsync(access, format, ReportDocuments.MemberList(members), $"danh-sach-{figure.Key}-{Inv(members.From)}-{Inv(members.To)}-{await CodeAsync(reports, unit, cancellationToken)}", unit,
                    $"danh sách {figure.Key} {Inv(members.From)}–{Inv(members.To)}; {Inv(members.Rows.Count)} dòng", cancellationToken)
                : TypedResults.NotFound();
        }

        if (await reports.GetListAsync(unit, from, Year(query["to"]) ?? from, figure, cancellationToken: cancellationToken) is not { } list)
        {
            return TypedResults.NotFound();
        }

        return await FileAsync(access, format, ReportDocuments.List(list), $"danh-sach-{figure.Key}-{Inv(list.From)}-{Inv(list.To)}-{await CodeAsync(reports, unit, cancellationToken)}", unit,
            $"danh sách {figure.Key} {Inv(list.From)}–{Inv(list.To)}; {Inv(list.Rows.Count)} dòng", cancellationToken);
    }

    private static async Task<IResult> IdleCellsAsync(string format, HttpContext context, YearlyReportService reports, CurrentAccess access, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!IsFormat(format, pdf: false) || Int(query["unit"]) is not { } unit || Year(query["year"]) is not { } year
            || await reports.GetIdleCellsAsync(unit, year, Int(query["years"]) ?? 3, cancellationToken) is not { } idle)
        {
            return TypedResults.NotFound();
        }

        return await FileAsync(access, format, ReportDocuments.IdleCells(idle), $"chi-bo-khong-ket-nap-{Inv(idle.Years)}-nam-{Inv(year)}-{await CodeAsync(reports, unit, cancellationToken)}", unit,
            $"chi bộ không kết nạp {Inv(idle.Years)} năm đến {Inv(year)}", cancellationToken);
    }

    /// <summary>Writes the document in the format asked, audited as an export of the unit.</summary>
    public static async Task<IResult> FileAsync(CurrentAccess access, string format, ExportDocument document, string fileName, int unitId, string detail, CancellationToken cancellationToken)
    {
        byte[] bytes;
        string contentType;
        switch (format)
        {
            case "csv":
                (bytes, contentType) = (CsvExport.Write(document), "text/csv; charset=utf-8");
                break;
            case "xlsx":
                (bytes, contentType) = (XlsxExport.Write(document, UiText.Get("Export.ReportSheet")), XlsxExport.ContentType);
                break;
            default:
                try
                {
                    (bytes, contentType) = (PdfExport.Write(document), "application/pdf");
                }
                catch (PdfExportUnavailableException missing)
                {
                    return TypedResults.Problem(missing.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Chưa xuất được PDF");
                }

                break;
        }

        await access.AuditAsync(AuditActions.ReportExport, "unit:" + Inv(unitId), $"{detail}; {format}", cancellationToken: cancellationToken);
        return TypedResults.File(bytes, contentType, fileName + "." + format);
    }

    /// <summary>
    /// The unit's code as a file name carries it: ASCII letters and digits in lower case, marks dropped (đ as d), anything
    /// else a dash; the unit's id when the code leaves nothing. The response also names the file in UTF-8 (filename*).
    /// </summary>
    public static string FileCode(string? code, int unitId)
    {
        var ascii = new System.Text.StringBuilder();
        foreach (var c in (code ?? "").Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(System.Text.NormalizationForm.FormD))
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                ascii.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && ascii.Length > 0 && ascii[^1] != '-')
            {
                ascii.Append('-');
            }
        }

        var text = ascii.ToString().Trim('-');
        return text.Length > 0 ? text : Inv(unitId);
    }

    private static async Task<string> CodeAsync(YearlyReportService reports, int unitId, CancellationToken cancellationToken) =>
        FileCode(await reports.UnitCodeAsync(unitId, cancellationToken), unitId);

    private static bool IsFormat(string format, bool pdf) => format is "csv" or "xlsx" || (pdf && format == "pdf");

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int? Int(StringValues value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static int? Year(StringValues value) => Int(value) is { } year && SupportedRange.IsYear(year) ? year : null;
}
