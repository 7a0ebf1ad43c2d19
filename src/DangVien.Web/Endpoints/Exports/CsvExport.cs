using System.Text;

namespace DangVien.Web.Endpoints.Exports;

/// <summary>
/// Writes an <see cref="ExportDocument"/> as CSV the way <see cref="CandidateExportEndpoint"/> does: UTF-8 with a BOM,
/// <c>;</c> between fields, formula-looking cells defused. Numbers as plain digits; each table under its title, tables
/// separated by an empty line.
/// </summary>
public static class CsvExport
{
    public static byte[] Write(ExportDocument document)
    {
        var text = new StringBuilder();
        Line(text, [document.Title]);
        foreach (var note in document.Notes)
        {
            Line(text, [note]);
        }

        foreach (var table in document.Tables)
        {
            text.Append("\r\n");
            Line(text, [table.Title]);
            Line(text, table.Header);
            foreach (var row in table.Rows)
            {
                Line(text, row.Select(c => c.Number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : c.Text));
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(CandidateExportEndpoint.Separator, fields.Select(CandidateExportEndpoint.Field))).Append("\r\n");
}
