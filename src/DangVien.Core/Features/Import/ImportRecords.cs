using DangVien.Core.Common;

namespace DangVien.Core.Features.Import;

/// <summary>
/// The non-blank records of a file as a reader finds them, with the limits of <see cref="ImportTable"/> checked on each
/// one, so a file is refused as soon as it passes a limit rather than after it has been read whole.
/// </summary>
internal sealed class ImportRecords
{
    private readonly List<(int Number, string[] Values, List<int>? NotUtf8)> _records = [];
    private long _textLength;

    /// <summary>Refuses a cell beyond <see cref="ImportTable.MaxColumns"/> (0-based <paramref name="index"/>).</summary>
    public void CheckColumn(int row, int index, string? reference)
    {
        if (index >= ImportTable.MaxColumns)
        {
            var cell = reference is null ? CoreText.Format("Import.ColumnNumber", ImportValues.Count(index + 1)) : CoreText.Format("Import.CellReference", reference);
            throw new ImportFileException(CoreText.Format("Import.TooManyColumns", ImportValues.Count(row), cell, ImportTable.MaxColumns));
        }
    }

    /// <summary>The text of a cell (of row 0 when not known yet: a shared string), counted against <see cref="ImportTable.MaxCellLength"/> and <see cref="ImportTable.MaxTextLength"/>.</summary>
    public string Keep(int row, string text)
    {
        if (text.Length > ImportTable.MaxCellLength)
        {
            throw new ImportFileException(row > 0
                ? CoreText.Format("Import.CellTooLong", ImportValues.Count(row), ImportValues.Count(text.Length), ImportValues.Count(ImportTable.MaxCellLength))
                : CoreText.Format("Import.FileCellTooLong", ImportValues.Count(text.Length), ImportValues.Count(ImportTable.MaxCellLength)));
        }

        _textLength += text.Length;
        if (_textLength > ImportTable.MaxTextLength)
        {
            throw new ImportFileException(CoreText.Format("Import.TooMuchText", ImportValues.Count(ImportTable.MaxTextLength / 1024 / 1024)));
        }

        return text;
    }

    /// <summary>Adds a record unless it is blank; refuses the file at the first data row beyond <see cref="ImportTable.MaxRows"/>.</summary>
    public void Add(int number, string[] values, List<int>? notUtf8 = null)
    {
        if (notUtf8 is null && Array.TrueForAll(values, string.IsNullOrWhiteSpace))
        {
            return;
        }

        // The first record is the header.
        if (_records.Count > ImportTable.MaxRows)
        {
            throw new ImportFileException(CoreText.Format("Import.TooManyRows", ImportValues.Count(ImportTable.MaxRows)));
        }

        _records.Add((number, values, notUtf8));
    }

    /// <summary>
    /// The table: the first record is the header (lower case, without a BOM); each cell is trimmed and checked with
    /// <see cref="TextRules"/> (line breaks allowed: the services' validators refuse them where a field is one line).
    /// </summary>
    public ImportTable ToTable()
    {
        if (_records.Count == 0)
        {
            return new ImportTable([], []);
        }

        var headers = _records[0].Values.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var rows = new List<ImportRow>(_records.Count - 1);
        foreach (var (number, values, notUtf8) in _records.Skip(1))
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            List<ImportError>? problems = null;
            for (var i = 0; i < headers.Count && i < values.Length; i++)
            {
                if (headers[i].Length == 0)
                {
                    continue;
                }

                var value = values[i].Trim();
                cells[headers[i]] = value;
                if (notUtf8 is not null && notUtf8.Contains(i))
                {
                    (problems ??= []).Add(new ImportError(number, headers[i], CoreText.Get("Import.NotUtf8")));
                }
                else if (TextRules.Check(value, CoreText.Get("Import.ThisCell"), multiLine: true) is { } problem)
                {
                    (problems ??= []).Add(new ImportError(number, headers[i], problem));
                }
            }

            rows.Add(new ImportRow(number, cells) { Problems = problems ?? [] });
        }

        return new ImportTable(headers, rows);
    }
}
