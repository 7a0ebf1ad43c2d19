using System.Globalization;
using System.Text;
using System.Text.Unicode;
using DangVien.Core.Common;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DangVien.Core.Features.Import;

/// <summary>
/// One data row of a file: its row number as the user sees it (the header is row 1), its cells by column name, and what
/// the reader already found wrong in its cells (bytes that are not UTF-8, characters <see cref="TextRules"/> refuses).
/// </summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value : "";

    public IReadOnlyList<ImportError> Problems { get; init; } = [];
}

/// <summary>A file refused as a whole while it was read (too many rows or columns, too large once uncompressed); the message is for the user.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>A file read into rows, or the reason it could not be read.</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows)
{
    /// <summary>Files larger than this are refused before they are read.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Data rows beyond this are refused (split the file), while reading.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Columns beyond this are refused while reading (the widest layout, candidates, has 54).</summary>
    public const int MaxColumns = 100;

    /// <summary>Characters of one cell (Excel's own limit).</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>Characters of all the text kept from a file, so that a file within the other limits still cannot fill the memory.</summary>
    public const long MaxTextLength = 64L * 1024 * 1024;

    /// <summary>Whether the file name says XLSX (otherwise it is read as CSV).</summary>
    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a CSV (UTF-8, separator <c>;</c> or <c>,</c> detected) or XLSX (first sheet) file.</summary>
    /// <exception cref="ImportFileException">The file passes a limit.</exception>
    public static ImportTable Read(Stream content, string fileName) =>
        IsXlsx(fileName) ? ReadXlsx(content) : ReadCsv(content);

    /// <summary>
    /// Reads CSV as strict UTF-8: a field whose bytes are not UTF-8 is not decoded with U+FFFD but reported as a problem of
    /// its row. Blank records are skipped without being kept.
    /// </summary>
    public static ImportTable ReadCsv(Stream content)
    {
        var options = new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false, TrimWhitespace = true, MaxRecordSize = 1024 * 1024 };
        using var csv = CsvReader.Create(content, options, true);
        var records = new ImportRecords();
        var number = 0;
        while (csv.Read())
        {
            number++;
            var count = csv.FieldCount;
            var blank = true;
            for (var i = 0; i < count && blank; i++)
            {
                blank = csv.GetSpan(i).IsEmpty;
            }

            if (blank)
            {
                continue;
            }

            records.CheckColumn(number, count - 1, null);
            var values = new string[count];
            List<int>? notUtf8 = null;
            for (var i = 0; i < count; i++)
            {
                if (!Utf8.IsValid(csv.GetSpan(i)))
                {
                    (notUtf8 ??= []).Add(i);
                    values[i] = "";
                    continue;
                }

                values[i] = records.Keep(number, csv.GetString(i));
            }

            records.Add(number, values, notUtf8);
        }

        return records.ToTable();
    }

    /// <inheritdoc cref="XlsxReader.Read"/>
    public static ImportTable ReadXlsx(Stream content)
    {
        var records = new ImportRecords();
        XlsxReader.Read(content, records);
        return records.ToTable();
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

    /// <summary>The XLSX template: a data sheet (header and one example row, every cell text so leading zeros stay) and a help sheet, named in the reader's language.</summary>
    public static byte[] XlsxTemplate(ImportKind kind)
    {
        var columns = ImportLayout.Of(kind);
        return Xlsx(
            (CoreText.Get("ImportTemplate.DataSheet"), [columns.Select(c => c.Name).ToList(), columns.Select(c => c.Example).ToList()]),
            (CoreText.Get("ImportTemplate.HelpSheet"),
            [
                [CoreText.Get("ImportTemplate.Column"), CoreText.Get("ImportTemplate.Meaning"), CoreText.Get("ImportTemplate.Required"), CoreText.Get("ImportTemplate.Notes")],
                .. columns.Select(c => new List<string> { c.Name, c.Label, c.Required ? CoreText.Get("ImportTemplate.Yes") : "", c.Help }),
            ]));
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
