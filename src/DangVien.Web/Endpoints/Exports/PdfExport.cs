using System.Globalization;
using DangVien.Core.Common;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace DangVien.Web.Endpoints.Exports;

/// <summary>
/// Writes an <see cref="ExportDocument"/> as an A4 PDF (PDFsharp 6.2, MIT) in DejaVu Sans, read from Debian's
/// fonts-dejavu-core (<see cref="FontDirectory"/>), which has every Vietnamese letter. Without the font file the export
/// stops with <see cref="PdfExportUnavailableException"/>, whose message says what to install.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The font files are embedded whole: DejaVu builds the letters with two marks (ế, ồ, ặ…) from glyphs that are
/// themselves built from others, and PDFsharp's subset keeps only one level of them, so a subset draws "ế" as "e".</item>
/// <item>Tables are laid out to be read: each column as wide as its figures (a figure is never wrapped), headers and texts
/// wrapped on their words rather than cut; a document with a wide table (eight columns or more, or too wide for a
/// portrait page) is set in landscape; a table too wide even so is printed in parts, each repeating the first column;
/// a table's header is repeated on each page it runs onto; every page is numbered.</item>
/// </list>
/// </remarks>
public static class PdfExport
{
    public const string FontDirectory = "/usr/share/fonts/truetype/dejavu";
    public const string Family = "DejaVu Sans";

    private const double Margin = 36;
    private const double FontSize = 9;
    private const double LineHeight = 11.5;
    private const double Padding = 3;

    /// <summary>A header wraps on at most about this many lines before its column widens.</summary>
    private const double HeaderLines = 3;

    private static readonly Lock Gate = new();
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);
    private static bool _resolverSet;

    public static byte[] Write(ExportDocument document)
    {
        EnsureFontResolver();
        var fonts = new Fonts(
            new XFont(Family, FontSize, XFontStyleEx.Regular, Embedded),
            new XFont(Family, FontSize, XFontStyleEx.Bold, Embedded),
            new XFont(Family, 10.5, XFontStyleEx.Bold, Embedded),
            new XFont(Family, 14, XFontStyleEx.Bold, Embedded));

        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        var portrait = PageSizeConverter.ToSize(PageSize.A4);
        var landscape = document.Tables.Any(t => Layout.Of(t, fonts).Wide(portrait.Width - (2 * Margin)));
        var writer = new PageWriter(pdf, landscape);

        writer.Wrapped(document.Title, fonts.Title, 18);
        writer.Gap(4);
        foreach (var note in document.Notes)
        {
            writer.Wrapped(note, fonts.Regular, LineHeight + 1);
        }

        foreach (var part in document.Tables.SelectMany(t => Split(t, fonts, writer.Width)))
        {
            writer.Gap(10);
            writer.Table(part, Layout.Of(part, fonts).Fit(writer.Width), fonts);
        }

        writer.Close();
        Number(pdf, fonts.Regular);
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>
    /// A table too wide for the page even with its headers on two lines, in parts side by side: each part repeats the
    /// first column and takes as many of the next columns as fit (the board's table of a province with many source
    /// categories); the parts after the first are titled "(tiếp)".
    /// </summary>
    private static IEnumerable<ExportTable> Split(ExportTable table, Fonts fonts, double width)
    {
        var layout = Layout.Of(table, fonts);
        if (layout.Readable.Length <= 2 || layout.Readable.Sum() <= width)
        {
            yield return table;
            yield break;
        }

        var first = Math.Min(layout.Readable[0], Math.Max(layout.Least[0], 180));
        var start = 1;
        while (start < layout.Readable.Length)
        {
            var end = start;
            var used = first;
            while (end < layout.Readable.Length && (end == start || used + layout.Readable[end] <= width))
            {
                used += layout.Readable[end];
                end++;
            }

            var columns = new[] { 0 }.Concat(Enumerable.Range(start, end - start)).ToArray();
            yield return new ExportTable(
                start == 1 ? table.Title : table.Title + " (tiếp)",
                [.. columns.Select(c => table.Header[c])],
                [.. table.Rows.Select(r => (IReadOnlyList<ExportCell>)[.. columns.Select(c => c < r.Count ? r[c] : "")])],
                table.TotalRow);
            start = end;
        }
    }

    /// <summary>"Trang 2/3" at the foot of every page.</summary>
    private static void Number(PdfDocument pdf, XFont font)
    {
        for (var i = 0; i < pdf.PageCount; i++)
        {
            var page = pdf.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"Trang {i + 1}/{pdf.PageCount}");
            graphics.DrawString(text, font, XBrushes.Gray,
                new XRect(Margin, page.Height.Point - Margin + 8, page.Width.Point - (2 * Margin), LineHeight), XStringFormats.TopRight);
        }
    }

    private static void EnsureFontResolver()
    {
        var path = Path.Combine(FontDirectory, "DejaVuSans.ttf");
        if (!File.Exists(path) || !File.Exists(Path.Combine(FontDirectory, "DejaVuSans-Bold.ttf")))
        {
            throw new PdfExportUnavailableException(
                $"Không xuất được PDF: thiếu phông chữ DejaVu Sans ({path}). Cài gói fonts-dejavu-core (apt-get install fonts-dejavu-core) rồi thử lại.");
        }

        lock (Gate)
        {
            if (!_resolverSet)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver();
                _resolverSet = true;
            }
        }
    }

    /// <summary>One line of drawable text: no control characters (<see cref="TextRules.ForXml"/>), line breaks and tabs as spaces.</summary>
    private static string Printable(string text) => TextRules.ForXml(text).ReplaceLineEndings(" ").Replace('\t', ' ');

    /// <summary>Measures without a page (the orientation is chosen before the first page exists).</summary>
    private static readonly XGraphics Measure = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);

    private static double Width(string text, XFont font)
    {
        lock (Gate)
        {
            return Measure.MeasureString(text, font).Width;
        }
    }

    /// <summary>The text cut into lines no wider than <paramref name="width"/>: on spaces, and inside a word only when the word alone is wider.</summary>
    private static List<string> Lines(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in Printable(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Width(candidate, font) <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (line.Length > 1 && Width(line, font) > width)
            {
                var cut = line.Length - 1;
                while (cut > 1 && Width(line[..cut], font) > width)
                {
                    cut--;
                }

                lines.Add(line[..cut]);
                line = line[cut..];
            }
        }

        lines.Add(line);
        return lines;
    }

    private sealed record Fonts(XFont Regular, XFont Bold, XFont Heading, XFont Title);

    /// <summary>
    /// The widths a table's columns want: <see cref="Natural"/> holds each column's widest cell and its header on one line,
    /// <see cref="Least"/> the narrowest it can be — its header's longest word, a figure whole, a text's longest word — and
    /// <see cref="Readable"/> the width with headers on two lines.
    /// </summary>
    private sealed record Layout(double[] Natural, double[] Least, double[] Readable)
    {
        /// <summary>A table narrower than this is widened to it (its first column takes the room), so short tables line up.</summary>
        private const double ShortTable = 480;

        /// <summary>Columns from which a table is wide: it goes on a landscape page even when it would squeeze onto a portrait one.</summary>
        private const int WideColumns = 8;

        /// <summary>Whether the table needs a landscape page: many columns, or more than <paramref name="width"/> with headers on two lines.</summary>
        public bool Wide(double width) => Readable.Length >= WideColumns || Readable.Sum() > width;

        public static Layout Of(ExportTable table, Fonts fonts)
        {
            var columns = table.Header.Count;
            var natural = new double[columns];
            var least = new double[columns];
            var readable = new double[columns];
            for (var i = 0; i < columns; i++)
            {
                var header = Printable(table.Header[i]);
                var headerWidth = Width(header, fonts.Bold);
                var headerWord = LongestWord(header, fonts.Bold);
                var body = 0.0;
                var bodyLeast = 0.0;
                foreach (var row in table.Rows.Where(r => i < r.Count))
                {
                    var cell = row[i];
                    var font = table.TotalRow && row == table.Rows[^1] ? fonts.Bold : fonts.Regular;
                    var width = Width(Printable(cell.Text), font);
                    body = Math.Max(body, width);
                    bodyLeast = Math.Max(bodyLeast, cell.Kind == ExportKind.Text ? LongestWord(cell.Text, font) : width);
                }

                natural[i] = Math.Max(body, headerWidth) + (2 * Padding);
                least[i] = Math.Max(bodyLeast, headerWord) + (2 * Padding);
                readable[i] = Math.Max(Math.Max(body, headerWord), headerWidth / 2) + (2 * Padding);
            }

            return new Layout(natural, least, readable);
        }

        private static double LongestWord(string text, XFont font) =>
            Printable(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Width(w, font)).DefaultIfEmpty(0).Max();

        /// <summary>
        /// Column widths within <paramref name="width"/>: every column as wide as it wants (a short table widened by its
        /// first column); when that does not fit, the columns narrow toward their least width in proportion to their room
        /// (headers and texts wrap on their words, figures stay whole); when even that does not fit, every column narrows
        /// in proportion.
        /// </summary>
        public double[] Fit(double width)
        {
            var widths = (double[])Natural.Clone();
            if (widths.Length == 0)
            {
                return widths;
            }

            var total = widths.Sum();
            if (total <= width)
            {
                widths[0] += Math.Max(0, Math.Min(width, ShortTable) - total);
                return widths;
            }

            // First the headers go onto two lines, then texts and headers wrap on their words.
            foreach (var floor in new[] { Readable, Least })
            {
                var slack = Enumerable.Range(0, widths.Length).Select(i => Math.Max(0, widths[i] - floor[i])).ToArray();
                var excess = widths.Sum() - width;
                var available = slack.Sum();
                if (available >= excess)
                {
                    return [.. widths.Select((w, i) => w - (slack[i] * excess / available))];
                }

                widths = [.. widths.Select((w, i) => Math.Min(w, floor[i]))];
            }

            var least = Least.Sum();
            return [.. Least.Select(w => w * width / least)];
        }
    }

    /// <summary>Every family resolves to DejaVu Sans, regular or bold.</summary>
    private sealed class DejaVuFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(FontDirectory, faceName + ".ttf"));
    }

    /// <summary>Draws lines and tables top to bottom, opening a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument pdf, bool landscape)
    {
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        public double Width
        {
            get
            {
                var size = PageSizeConverter.ToSize(PageSize.A4);
                return (landscape ? size.Height : size.Width) - (2 * Margin);
            }
        }

        private XGraphics Graphics => _graphics ?? NewPage();

        private double Bottom => (_page?.Height.Point ?? 0) - Margin;

        public void Gap(double height) => _y += height;

        public void Wrapped(string text, XFont font, double height)
        {
            foreach (var line in Lines(text, font, Width))
            {
                Ensure(height);
                Graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, height), XStringFormats.TopLeft);
                _y += height;
            }
        }

        public void Table(ExportTable table, double[] widths, Fonts fonts)
        {
            var header = Cells(table.Header, fonts.Bold, widths);
            var rows = table.Rows.Select((r, i) => Cells([.. r.Select(c => c.Text)], table.TotalRow && i == table.Rows.Count - 1 ? fonts.Bold : fonts.Regular, widths)).ToList();
            var titleLines = Lines(table.Title, fonts.Heading, Width);

            // The title stays with the header and the first row.
            Ensure((titleLines.Count * (LineHeight + 2)) + Height(header) + (rows.Count > 0 ? Height(rows[0]) : 0) + 4);
            foreach (var line in titleLines)
            {
                Graphics.DrawString(line, fonts.Heading, XBrushes.Black, new XRect(Margin, _y, Width, LineHeight + 2), XStringFormats.TopLeft);
                _y += LineHeight + 2;
            }

            _y += 3;
            Row(header, widths, heading: true);
            foreach (var row in rows)
            {
                if (_y + Height(row) > Bottom)
                {
                    NewPage();
                    Row(header, widths, heading: true);
                }

                Row(row, widths, heading: false);
            }
        }

        public void Close()
        {
            _graphics?.Dispose();
            _graphics = null;
        }

        private static (XFont Font, List<string>[] Lines) Cells(IReadOnlyList<string> texts, XFont font, double[] widths) =>
            (font, [.. widths.Select((w, i) => i < texts.Count ? Lines(texts[i], font, w - (2 * Padding)) : [])]);

        private static double Height((XFont Font, List<string>[] Lines) row) => (row.Lines.Max(l => l.Count) * LineHeight) + (2 * Padding);

        private void Row((XFont Font, List<string>[] Lines) row, double[] widths, bool heading)
        {
            var height = Height(row);
            if (heading)
            {
                Graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(238, 238, 238)), Margin, _y, widths.Sum(), height);
            }

            var x = Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                var format = i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight;
                var y = _y + Padding;
                foreach (var line in row.Lines[i])
                {
                    Graphics.DrawString(line, row.Font, XBrushes.Black, new XRect(x + Padding, y, widths[i] - (2 * Padding), LineHeight), format);
                    y += LineHeight;
                }

                x += widths[i];
            }

            Graphics.DrawLine(heading ? XPens.Gray : XPens.LightGray, Margin, _y + height, Margin + widths.Sum(), _y + height);
            _y += height;
        }

        private void Ensure(double height)
        {
            if (_graphics is null || _y + height > Bottom)
            {
                NewPage();
            }
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = pdf.AddPage();
            _page.Size = PageSize.A4;
            if (landscape)
            {
                _page.Orientation = PageOrientation.Landscape;
            }

            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _graphics;
        }
    }
}

/// <summary>The PDF export cannot run here (the font is not installed); the message says what to do.</summary>
public sealed class PdfExportUnavailableException(string message) : Exception(message);
