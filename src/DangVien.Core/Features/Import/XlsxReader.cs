using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DangVien.Core.Common;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DangVien.Core.Features.Import;

/// <summary>
/// Reads the first sheet of an XLSX file as a stream of XML (never as a document tree), so memory follows what is kept,
/// not what the file claims: the size of every part once uncompressed is checked before anything is parsed and counted
/// again while reading, a cell reference beyond <see cref="ImportTable.MaxColumns"/> and a row beyond
/// <see cref="ImportTable.MaxRows"/> stop the reading there, and the shared-string table is bounded like the cells.
/// </summary>
internal static class XlsxReader
{
    /// <summary>The largest part (the sheet, the shared strings) once uncompressed; 100,000 rows of 54 columns fit.</summary>
    public const long MaxPartBytes = 160L * 1024 * 1024;

    /// <summary>The largest part the package library reads into memory itself ([Content_Types].xml, relationships, the workbook).</summary>
    private const long MaxSmallPartBytes = 2 * 1024 * 1024;

    private const int MaxEntries = 10_000;

    /// <summary>Entries of the shared-string table: the distinct texts of 100,000 rows of 20 text columns.</summary>
    private const int MaxSharedStrings = ImportTable.MaxRows * 20;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
        MaxCharactersInDocument = MaxPartBytes,
    };

    /// <summary>Reads the rows of the first sheet into <paramref name="records"/>.</summary>
    /// <exception cref="ImportFileException">A part is too large, or the sheet passes a limit.</exception>
    public static void Read(Stream content, ImportRecords records)
    {
        if (!content.CanSeek)
        {
            var copy = new MemoryStream();
            CopyAtMost(content, copy, ImportTable.MaxBytes);
            copy.Position = 0;
            content = copy;
        }

        var start = content.Position;
        CheckSizes(content);
        content.Position = start;
        using var document = SpreadsheetDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = MaxSmallPartBytes });
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
        {
            throw new InvalidDataException("the first sheet is not a worksheet");
        }

        var shared = workbook.SharedStringTablePart is { } strings ? SharedStrings(strings, records) : [];
        ReadSheet(part, shared, records);
    }

    /// <summary>Every part's size once uncompressed, from the zip directory (what .NET's reader stops at), before any is opened.</summary>
    private static void CheckSizes(Stream content)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > MaxEntries)
        {
            throw new ImportFileException(CoreText.Get("Import.XlsxTooManyParts"));
        }

        foreach (var entry in zip.Entries)
        {
            var small = entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || entry.FullName == "[Content_Types].xml";
            if (entry.Length > (small ? MaxSmallPartBytes : MaxPartBytes))
            {
                throw TooLarge();
            }
        }
    }

    private static ImportFileException TooLarge() => new(CoreText.Format("Import.XlsxTooLarge", ImportValues.Count(MaxPartBytes / 1024 / 1024)));

    private static XmlReader Open(OpenXmlPart part) =>
        XmlReader.Create(new LimitedStream(part.GetStream(FileMode.Open, FileAccess.Read), MaxPartBytes), Settings);

    private static List<string> SharedStrings(SharedStringTablePart part, ImportRecords records)
    {
        var strings = new List<string>();
        using var reader = Open(part);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                if (strings.Count >= MaxSharedStrings)
                {
                    throw TooLarge();
                }

                strings.Add(records.Keep(0, RichText(reader)));
                continue;
            }

            reader.Read();
        }

        return strings;
    }

    private static void ReadSheet(WorksheetPart part, List<string> shared, ImportRecords records)
    {
        using var reader = Open(part);
        var values = new List<string>();
        var number = 0;
        var column = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
            {
                number = RowNumber(reader.GetAttribute("r")) ?? number + 1;
                values.Clear();
                column = 0;
                if (reader.IsEmptyElement)
                {
                    reader.Read();
                    continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
            {
                var reference = reader.GetAttribute("r");
                var index = reference is null ? column : ColumnIndex(reference, number, records);
                records.CheckColumn(number, index, null);
                column = index + 1;
                var text = CellText(reader, reader.GetAttribute("t"), shared);
                if (text.Length > 0 && index >= values.Count)
                {
                    while (values.Count < index)
                    {
                        values.Add("");
                    }

                    values.Add(records.Keep(number, text));
                }
                else if (text.Length > 0)
                {
                    values[index] = records.Keep(number, text);
                }

                continue;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "row" && values.Count > 0)
            {
                records.Add(number, [.. values]);
                values.Clear();
            }

            reader.Read();
        }
    }

    private static int? RowNumber(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;

    /// <summary>The 0-based column of a reference such as <c>AB12</c>, refused past <see cref="ImportTable.MaxColumns"/> before it is used.</summary>
    private static int ColumnIndex(string reference, int row, ImportRecords records)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > ImportTable.MaxColumns)
            {
                break;
            }
        }

        if (index == 0)
        {
            throw new InvalidDataException("a cell reference without a column");
        }

        records.CheckColumn(row, index - 1, reference.Length > 12 ? reference[..12] + "…" : reference);
        return index - 1;
    }

    /// <summary>The text of the cell the reader is on; leaves the reader after the cell.</summary>
    private static string CellText(XmlReader reader, string? type, List<string> shared)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        string? value = null;
        string? inline = null;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                value = reader.ReadElementContentAsString();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
            {
                inline = RichText(reader);
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "",
            "inlineStr" => inline ?? "",
            "b" => value == "1" ? "co" : "khong",
            _ => value ?? "",
        };
    }

    /// <summary>The text of a rich-text element (<c>si</c>, <c>is</c>): its runs without the phonetic ones; leaves the reader after it.</summary>
    private static string RichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        string? single = null;
        StringBuilder? runs = null;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                var text = reader.ReadElementContentAsString();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    runs ??= new StringBuilder(single);
                    runs.Append(text);
                    if (runs.Length > ImportTable.MaxCellLength)
                    {
                        throw new ImportFileException(CoreText.Format("Import.CellTooLongInFile", ImportValues.Count(ImportTable.MaxCellLength)));
                    }
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
        return runs?.ToString() ?? single ?? "";
    }

    private static void CopyAtMost(Stream from, Stream to, long limit)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new ImportFileException(CoreText.Format("Import.FileTooLarge", ImportValues.Count(limit / 1024 / 1024)));
            }

            to.Write(buffer, 0, read);
        }
    }

    /// <summary>Reads at most a number of bytes from a part, then refuses: the zip directory's sizes are checked first, this holds even if they lie.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _read += read;
            return _read > limit ? throw TooLarge() : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
