using System.Globalization;
using DangVien.Core.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DangVien.Web.Endpoints.Exports;

/// <summary>
/// The small shared XLSX writer (DocumentFormat.OpenXml): one worksheet, the document's title and notes on top, then each
/// table under its title with a bold header. Figures are numeric cells with a number format — whole numbers <c>0</c>,
/// percentages <c>0.0%</c> (the ratio, 0.333 for 33,3 %), one decimal <c>0.0</c>, dates <c>dd/mm/yyyy</c> (the date's
/// serial number) — so sums and sorts work in a spreadsheet; texts are inline strings (no shared-string table) with the
/// characters XML cannot hold replaced (<see cref="TextRules.ForXml"/>), so a stored text never breaks the file.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The cell formats of the stylesheet, by index: what a reader of the file finds on each kind of cell.</summary>
    public const uint BoldStyle = 1, IntegerStyle = 2, PercentStyle = 3, DecimalStyle = 4, DateStyle = 5;

    /// <summary>The number formats of the styles above (0 is the built-in whole-number format).</summary>
    public const string PercentFormat = "0.0%", DecimalFormat = "0.0", DateFormat = "dd/mm/yyyy";

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
            var value = cells[i];
            var cell = value.Kind == ExportKind.Text
                ? new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(TextRules.ForXml(value.Text))) }
                : new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value.Value.ToString("R", CultureInfo.InvariantCulture)) };
            uint? style = bold ? BoldStyle : value.Kind switch
            {
                ExportKind.Integer => IntegerStyle,
                ExportKind.Percent => PercentStyle,
                ExportKind.Decimal => DecimalStyle,
                ExportKind.Date => DateStyle,
                _ => null,
            };
            if (style is { } index)
            {
                cell.StyleIndex = index;
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
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = PercentFormat },
            new NumberingFormat { NumberFormatId = 165, FormatCode = DecimalFormat },
            new NumberingFormat { NumberFormatId = 166, FormatCode = DateFormat }),
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true }));
}
