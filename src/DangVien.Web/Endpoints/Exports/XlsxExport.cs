using System.Globalization;
using DangVien.Core.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DangVien.Web.Endpoints.Exports;

/// <summary>
/// The small shared XLSX writer (DocumentFormat.OpenXml): one worksheet, the document's title and notes on top, then each
/// table under its title with a bold header. Numbers are numeric cells, texts inline strings (no shared-string table) with
/// the characters XML cannot hold replaced (<see cref="TextRules.ForXml"/>), so a stored text never breaks the file.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ExportDocument document, string sheetName)
    {
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint row = 0;
            Append(data, ++row, [document.Title], bold: true);
            foreach (var note in document.Notes)
            {
                Append(data, ++row, [note], bold: false);
            }

            foreach (var table in document.Tables)
            {
                row++;
                Append(data, ++row, [table.Title], bold: true);
                Append(data, ++row, [.. table.Header.Select(h => (ExportCell)h)], bold: true);
                foreach (var cells in table.Rows)
                {
                    Append(data, ++row, cells, bold: false);
                }
            }

            var widest = Math.Max(1, document.Tables.Count == 0 ? 1 : document.Tables.Max(t => t.Header.Count));
            var columns = new Columns(Enumerable.Range(1, widest)
                .Select(i => new Column { Min = (uint)i, Max = (uint)i, Width = i == 1 ? 48 : 18, CustomWidth = true }));
            sheetPart.Worksheet = new Worksheet(columns, data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void Append(SheetData data, uint rowIndex, IReadOnlyList<ExportCell> cells, bool bold)
    {
        var row = new Row { RowIndex = rowIndex };
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = Column(i) + rowIndex.ToString(CultureInfo.InvariantCulture);
            var cell = cells[i].Number is { } number
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(TextRules.ForXml(cells[i].Text))) };
            if (bold)
            {
                cell.StyleIndex = 1;
            }

            row.Append(cell);
        }

        data.Append(row);
    }

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
}
