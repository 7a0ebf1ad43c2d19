using DangVien.Web.Components.Shared;

namespace DangVien.Web.Endpoints.Exports;

/// <summary>
/// A table to export: a title, a header and rows of cells, each a whole number (written as a number in XLSX) or a text
/// already formatted for reading (vi-VN: dates dd/MM/yyyy, percentages "75,0 %"). One model for CSV, XLSX and PDF, so the
/// three say the same.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<ExportCell>> Rows);

/// <summary>One cell: a number or a text.</summary>
public readonly record struct ExportCell(string Text, int? Number)
{
    public static implicit operator ExportCell(string text) => new(text, null);

    public static implicit operator ExportCell(int number) => new(Format.N(number), number);

    public static ExportCell Of(int? number) => number is { } n ? n : new ExportCell("—", null);
}

/// <summary>A document of several tables (the sections of a report).</summary>
public sealed record ExportDocument(string Title, IReadOnlyList<string> Notes, IReadOnlyList<ExportTable> Tables);
