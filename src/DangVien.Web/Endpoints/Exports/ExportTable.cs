using DangVien.Web.Components.Shared;

namespace DangVien.Web.Endpoints.Exports;

/// <summary>
/// A table to export: a title, a header and rows of cells. Each cell carries the text a reader sees (vi-VN: dates
/// dd/MM/yyyy, percentages "75,0 %"), which CSV and PDF write, and for a figure its kind and value, which XLSX writes as a
/// typed cell with a number format. One model for CSV, XLSX and PDF, so the three say the same. With
/// <paramref name="TotalRow"/> the last row is the table's total (bold in the PDF).
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<ExportCell>> Rows, bool TotalRow = false);

/// <summary>What a cell holds: a text or a figure of one kind.</summary>
public enum ExportKind
{
    Text,

    /// <summary>A whole number (XLSX format <c>0</c>).</summary>
    Integer,

    /// <summary>A ratio, 1.0 = 100 % (XLSX format <c>0.0%</c>).</summary>
    Percent,

    /// <summary>A number with one decimal (XLSX format <c>0.0</c>).</summary>
    Decimal,

    /// <summary>A day (XLSX: its serial number, format <c>dd/mm/yyyy</c>).</summary>
    Date,
}

/// <summary>One cell: the text as read, and for a figure its kind and value (a date as its OLE Automation serial).</summary>
public readonly record struct ExportCell(string Text, ExportKind Kind = ExportKind.Text, double Value = 0)
{
    /// <summary>The whole number of an <see cref="ExportKind.Integer"/> cell; null for any other.</summary>
    public int? Number => Kind == ExportKind.Integer ? (int)Value : null;

    public static implicit operator ExportCell(string text) => new(text);

    public static implicit operator ExportCell(int number) => new(Format.N(number), ExportKind.Integer, number);

    /// <summary>A whole number, or "—" when there is none.</summary>
    public static ExportCell Of(int? number) => number is { } n ? n : None;

    /// <summary>A ratio as a percentage ("33,3 %"), or "—" when there is none.</summary>
    public static ExportCell Percent(double? ratio) => ratio is { } r ? new(Format.Percent(r), ExportKind.Percent, r) : None;

    /// <summary>A number with one decimal ("0,5").</summary>
    public static ExportCell Decimal(double value) => new(Format.N(value, 1), ExportKind.Decimal, value);

    /// <summary>A day ("05/03/2026").</summary>
    public static ExportCell Date(DateOnly day) => new(Format.D(day), ExportKind.Date, day.ToDateTime(TimeOnly.MinValue).ToOADate());

    /// <summary>A day, or the empty text when there is none.</summary>
    public static ExportCell Date(DateOnly? day) => day is { } d ? Date(d) : "";

    private static ExportCell None => new("—");
}

/// <summary>A document of several tables (the sections of a report).</summary>
public sealed record ExportDocument(string Title, IReadOnlyList<string> Notes, IReadOnlyList<ExportTable> Tables);
