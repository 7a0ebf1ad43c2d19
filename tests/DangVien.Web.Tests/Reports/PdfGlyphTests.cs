using System.Diagnostics;
using DangVien.Web.Endpoints.Exports;

namespace DangVien.Web.Tests.Reports;

/// <summary>
/// Every Vietnamese letter is drawn in the PDFs, not only present in their text: each letter is written alone in a PDF
/// through <see cref="PdfExport"/> (once in the bold title, once in a regular line), rendered to a gray image with
/// poppler's <c>pdftoppm</c>, and its ink compared with that of its plain letter. A letter with marks must have ink above
/// the plain letter's top (its marks) and more ink than it; a letter whose marks the font subset lost draws as the plain
/// letter or as nothing, which <c>pdftotext</c> cannot see.
/// </summary>
public sealed class PdfGlyphTests
{
    /// <summary>Each letter with marks and its plain letter: two marks (the ones a subset loses), one mark, and capitals.</summary>
    public static TheoryData<string, string> Letters => new()
    {
        { "ế", "e" }, { "ề", "e" }, { "ể", "e" }, { "ễ", "e" }, { "ệ", "e" },
        { "ấ", "a" }, { "ầ", "a" }, { "ẩ", "a" }, { "ẫ", "a" }, { "ậ", "a" },
        { "ắ", "a" }, { "ằ", "a" }, { "ẳ", "a" }, { "ẵ", "a" }, { "ặ", "a" },
        { "ố", "o" }, { "ồ", "o" }, { "ổ", "o" }, { "ỗ", "o" }, { "ộ", "o" },
        { "ớ", "o" }, { "ờ", "o" }, { "ở", "o" }, { "ỡ", "o" }, { "ợ", "o" },
        { "ứ", "u" }, { "ừ", "u" }, { "ử", "u" }, { "ữ", "u" }, { "ự", "u" },
        { "ỳ", "y" }, { "ỹ", "y" }, { "đ", "d" }, { "ư", "u" }, { "ơ", "o" }, { "á", "a" }, { "ã", "a" },
        { "Ấ", "A" }, { "Ế", "E" }, { "Ồ", "O" }, { "Ữ", "U" }, { "Ặ", "A" }, { "Đ", "D" },
    };

    [Theory]
    [MemberData(nameof(Letters))]
    public void A_letter_with_marks_is_drawn_with_its_marks_in_the_title_and_in_the_text(string letter, string plain)
    {
        foreach (var inTitle in new[] { true, false })
        {
            var marked = Ink(letter, inTitle);
            var bare = PlainInk.GetOrAdd((plain, inTitle), key => new Lazy<(int, int)>(() => Ink(key.Letter, key.InTitle))).Value;
            var where = inTitle ? "title (bold)" : "text (regular)";
            Assert.True(marked.Pixels > 0, $"{letter} in the {where}: nothing drawn");
            Assert.True(marked.Pixels > bare.Pixels * 1.03, $"{letter} in the {where}: {marked.Pixels} pixels of ink, {plain} has {bare.Pixels}");
            if (plain is not ("d" or "D"))
            {
                // Marks above the letter: ink above the plain letter's top (đ and Đ carry theirs across the stem).
                Assert.True(marked.Top < bare.Top - 2 || NoMarkAbove(letter),
                    $"{letter} in the {where}: top at {marked.Top}, {plain} at {bare.Top}");
            }
        }
    }

    /// <summary>
    /// The ink of the plain letters, drawn once per run: eight plain letters serve the 43 marked ones, and each
    /// drawing is a PDF rendered at 300 dpi by its own pdftoppm process.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Letter, bool InTitle), Lazy<(int Pixels, int Top)>> PlainInk = new();

    /// <summary>Letters whose marks are only at the side (the horn of ư, ơ) or below are checked by their ink alone.</summary>
    private static bool NoMarkAbove(string letter) => letter is "ư" or "ơ" or "ự" or "ợ";

    /// <summary>The ink of one letter drawn alone in a PDF: how many dark pixels, and the topmost row that has one.</summary>
    private static (int Pixels, int Top) Ink(string letter, bool inTitle)
    {
        var document = inTitle
            ? new ExportDocument(letter, [], [])
            : new ExportDocument(" ", [letter], []);
        var (width, height, gray) = Render(PdfExport.Write(document));
        var pixels = 0;
        var top = int.MaxValue;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (gray[(y * width) + x] < 128)
                {
                    pixels++;
                    top = Math.Min(top, y);
                }
            }
        }

        return (pixels, top);
    }

    /// <summary>The first page rendered by pdftoppm at 300 dpi in gray (a binary PGM: width, height, one byte a pixel).</summary>
    internal static (int Width, int Height, byte[] Gray) Render(byte[] pdf, int dpi = 300)
    {
        var directory = Directory.CreateTempSubdirectory("pdf-glyphs-");
        try
        {
            var path = Path.Combine(directory.FullName, "page.pdf");
            File.WriteAllBytes(path, pdf);
            using (var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", path, Path.Combine(directory.FullName, "page")])
            {
                RedirectStandardError = true,
            })!)
            {
                var errors = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, "pdftoppm: " + errors);
            }

            return Pgm(File.ReadAllBytes(Path.Combine(directory.FullName, "page.pgm")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Reads a binary PGM (P5, 8 bits).</summary>
    private static (int Width, int Height, byte[] Gray) Pgm(byte[] file)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            return System.Text.Encoding.ASCII.GetString(file, start, position - start);
        }

        Assert.Equal("P5", Token());
        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        position++;
        return (width, height, file[position..(position + (width * height))]);
    }
}
