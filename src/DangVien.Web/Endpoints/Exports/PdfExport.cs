using DangVien.Core.Common;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace DangVien.Web.Endpoints.Exports;

/// <summary>
/// Writes an <see cref="ExportDocument"/> as an A4 PDF (PDFsharp) in DejaVu Sans, read from Debian's fonts-dejavu-core
/// (<see cref="FontDirectory"/>), which has every Vietnamese glyph. Without the font file the export stops with
/// <see cref="PdfExportUnavailableException"/>, whose message says what to install.
/// </summary>
/// <remarks>
/// PDFsharp 6.5 refuses to run until a license is loaded: its free license is the AGPL, otherwise a commercial key. That
/// is the operator's choice, so it is configuration (<c>Reports:PdfSharpLicense</c> = <c>AGPL</c> or a key); without it
/// the PDF export says so (the tests set <c>AGPL</c>).
/// </remarks>
public static class PdfExport
{
    public const string FontDirectory = "/usr/share/fonts/truetype/dejavu";
    public const string Family = "DejaVu Sans";

    private const double Margin = 40;
    private const double LineHeight = 15;
    private static readonly Lock Gate = new();
    private static bool _resolverSet;
    private static bool _licenseSet;

    public static byte[] Write(ExportDocument document, string? license)
    {
        EnsureLicense(license);
        EnsureFontResolver();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        var regular = new XFont(Family, 9.5, XFontStyleEx.Regular);
        var bold = new XFont(Family, 9.5, XFontStyleEx.Bold);
        var title = new XFont(Family, 14, XFontStyleEx.Bold);
        var writer = new PageWriter(pdf);

        writer.Text(document.Title, title, 0, 22);
        foreach (var note in document.Notes)
        {
            writer.Wrapped(note, regular);
        }

        foreach (var table in document.Tables)
        {
            writer.Gap(8);
            writer.Text(table.Title, bold, 0, LineHeight + 2);
            var widths = Widths(table.Header.Count, writer.Width);
            writer.Row(table.Header, bold, widths);
            foreach (var row in table.Rows)
            {
                writer.Row([.. row.Select(c => c.Text)], regular, widths);
            }
        }

        writer.Close();
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The first column takes what the number columns leave.</summary>
    private static double[] Widths(int columns, double width)
    {
        if (columns <= 1)
        {
            return [width];
        }

        var other = Math.Min(95, width * 0.5 / (columns - 1));
        return [width - (other * (columns - 1)), .. Enumerable.Repeat(other, columns - 1)];
    }

    private static void EnsureLicense(string? license)
    {
        if (string.IsNullOrWhiteSpace(license))
        {
            throw new PdfExportUnavailableException(
                "Chưa cấu hình giấy phép PDFsharp nên chưa xuất được PDF: quản trị viên đặt Reports__PdfSharpLicense (AGPL hoặc mã giấy phép thương mại).");
        }

        lock (Gate)
        {
            if (!_licenseSet)
            {
                if (string.Equals(license, "AGPL", StringComparison.OrdinalIgnoreCase))
                {
                    PdfSharpLicense.SetAgplLicense();
                }
                else
                {
                    PdfSharpLicense.LoadLicense(license);
                }

                _licenseSet = true;
            }
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

    /// <summary>Every family resolves to DejaVu Sans, regular or bold.</summary>
    private sealed class DejaVuFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(FontDirectory, faceName + ".ttf"));
    }

    /// <summary>Draws lines top to bottom, opening a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument pdf)
    {
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        public double Width => XUnit.FromPoint(PageSizeConverter.ToSize(PageSize.A4).Width).Point - (2 * Margin);

        private XGraphics Graphics => _graphics ?? NewPage();

        public void Text(string text, XFont font, double indent, double height)
        {
            Ensure(height);
            Graphics.DrawString(Printable(text), font, XBrushes.Black, new XRect(Margin + indent, _y, Width - indent, height), XStringFormats.TopLeft);
            _y += height;
        }

        public void Wrapped(string text, XFont font)
        {
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Graphics.MeasureString(candidate, font).Width > Width && line.Length > 0)
                {
                    Text(line, font, 0, LineHeight);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            if (line.Length > 0)
            {
                Text(line, font, 0, LineHeight);
            }
        }

        public void Gap(double height) => _y += height;

        public void Row(IReadOnlyList<string> cells, XFont font, double[] widths)
        {
            Ensure(LineHeight);
            var x = Margin;
            for (var i = 0; i < cells.Count && i < widths.Length; i++)
            {
                var text = Fit(Printable(cells[i]), font, widths[i] - 6);
                var format = i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight;
                Graphics.DrawString(text, font, XBrushes.Black, new XRect(x + 2, _y + 2, widths[i] - 4, LineHeight), format);
                x += widths[i];
            }

            Graphics.DrawLine(XPens.LightGray, Margin, _y + LineHeight + 1, Margin + widths.Sum(), _y + LineHeight + 1);
            _y += LineHeight + 2;
        }

        /// <summary>One line of drawable text: no control characters (<see cref="TextRules.ForXml"/>), line breaks and tabs as spaces.</summary>
        private static string Printable(string text) => TextRules.ForXml(text).ReplaceLineEndings(" ").Replace('\t', ' ');

        public void Close()
        {
            _graphics?.Dispose();
            _graphics = null;
        }

        private string Fit(string text, XFont font, double width)
        {
            if (Graphics.MeasureString(text, font).Width <= width)
            {
                return text;
            }

            while (text.Length > 1 && Graphics.MeasureString(text + "…", font).Width > width)
            {
                text = text[..^1];
            }

            return text + "…";
        }

        private void Ensure(double height)
        {
            if (_graphics is null || _y + height > _page!.Height.Point - Margin)
            {
                NewPage();
            }
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = pdf.AddPage();
            _page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _graphics;
        }
    }
}

/// <summary>The PDF export cannot run here (font not installed, no PDFsharp license configured); the message says what to do.</summary>
public sealed class PdfExportUnavailableException(string message) : Exception(message);
