using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DangVien.Core.Features.Import;

/// <summary>One data row of a file: its row number as the user sees it (the header is row 1) and its cells by column name.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value : "";
}

/// <summary>A file read into rows, or the reason it could not be read.</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows)
{
    /// <summary>Files larger than this are refused before they are read.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Rows beyond this are refused (split the file).</summary>
    public const int MaxRows = 100_000;

    /// <summary>Whether the file name says XLSX (otherwise it is read as CSV).</summary>
    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a CSV (UTF-8, separator <c>;</c> or <c>,</c> detected) or XLSX (first sheet) file.</summary>
    public static ImportTable Read(Stream content, string fileName) =>
        IsXlsx(fileName) ? ReadXlsx(content) : ReadCsv(content);

    public static ImportTable ReadCsv(Stream content)
    {
        var options = new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false, TrimWhitespace = true };
        using var csv = CsvReader.Create(content, options, true);
        var records = new List<(int Number, IReadOnlyList<string> Values)>();
        while (csv.Read())
        {
            var values = new string[csv.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = csv.GetString(i);
            }

            records.Add((records.Count + 1, values));
        }

        return FromRecords(records);
    }

    public static ImportTable ReadXlsx(Stream content)
    {
        using var document = SpreadsheetDocument.Open(content, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var records = new List<(int Number, IReadOnlyList<string> Values)>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var number = (int)(row.RowIndex?.Value ?? (uint)(records.Count + 1));
            var values = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : values.Count;
                while (values.Count < index)
                {
                    values.Add("");
                }

                values.Add(CellText(cell, shared));
            }

            records.Add((number, values));
        }

        return FromRecords(records);
    }

    private static ImportTable FromRecords(IEnumerable<(int Number, IReadOnlyList<string> Values)> records)
    {
        var headers = new List<string>();
        var rows = new List<ImportRow>();
        foreach (var (number, values) in records)
        {
            if (headers.Count == 0)
            {
                if (values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                headers = [.. values.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant())];
                continue;
            }

            if (values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count && i < values.Count; i++)
            {
                if (headers[i].Length > 0)
                {
                    cells[headers[i]] = values[i].Trim();
                }
            }

            rows.Add(new ImportRow(number, cells));
        }

        return new ImportTable(headers, rows);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (type == CellValues.Boolean)
        {
            return cell.CellValue?.Text == "1" ? "co" : "khong";
        }

        return cell.CellValue?.Text ?? "";
    }

    // ------------------------------------------------------------ templates

    /// <summary>The CSV template: UTF-8 with a BOM, <c>;</c> as separator (what Excel opens on a Vietnamese Windows), the header and one example row.</summary>
    public static byte[] CsvTemplate(ImportKind kind)
    {
        var columns = ImportLayout.Of(kind);
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true }, true))
        {
            csv.WriteRecord([.. columns.Select(c => c.Name)]);
            csv.WriteRecord([.. columns.Select(c => c.Example)]);
        }

        return buffer.ToArray();
    }

    /// <summary>The XLSX template: sheet "Dữ liệu" (header and one example row, every cell text so leading zeros stay) and sheet "Hướng dẫn".</summary>
    public static byte[] XlsxTemplate(ImportKind kind)
    {
        var columns = ImportLayout.Of(kind);
        return Xlsx(
            ("Dữ liệu", [columns.Select(c => c.Name).ToList(), columns.Select(c => c.Example).ToList()]),
            ("Hướng dẫn", [["Cột", "Ý nghĩa", "Bắt buộc", "Ghi chú"], .. columns.Select(c => new List<string> { c.Name, c.Label, c.Required ? "có" : "", c.Help })]));
    }

    /// <summary>A workbook of text cells, one sheet per entry (also used by the tests to build files).</summary>
    public static byte[] Xlsx(params (string Name, List<List<string>> Rows)[] sheets)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint rowIndex = 1;
                foreach (var values in rows)
                {
                    var row = new Row { RowIndex = rowIndex };
                    for (var i = 0; i < values.Count; i++)
                    {
                        row.AppendChild(new Cell
                        {
                            CellReference = ColumnName(i) + rowIndex.ToString(CultureInfo.InvariantCulture),
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(values[i]) { Space = SpaceProcessingModeValues.Preserve }),
                        });
                    }

                    data.AppendChild(row);
                    rowIndex++;
                }

                part.Worksheet = new Worksheet(data);
                sheetList.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }
}
