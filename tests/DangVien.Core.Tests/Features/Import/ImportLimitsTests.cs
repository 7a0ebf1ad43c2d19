using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DangVien.Core.Features.Import;
using Xunit.Abstractions;

namespace DangVien.Core.Tests.Features.Import;

/// <summary>
/// Files built to exhaust memory are refused while they are read, quickly and with little memory (measured as the bytes
/// this thread allocates, which a retained tree or a padded row would show); CSV is read as strict UTF-8. The timings run
/// alone (<see cref="TimedCollection"/>) after one small file has been read, as on a running server.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class ImportLimitsTests(ITestOutputHelper output)
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    [Fact]
    public void A_small_sheet_with_a_cell_in_column_ZZZZZ_is_refused_in_under_a_second_with_under_50_MB()
    {
        var file = Xlsx(sheet => sheet.Append("<row r=\"1\">").Append(InlineCell("A1", "ho_ten")).Append("</row>")
            .Append("<row r=\"2\">").Append(InlineCell("ZZZZZ2", "x")).Append("</row>"));
        Assert.True(file.Length < 2048, $"{file.Length} bytes");
        output.WriteLine($"{file.Length:N0} bytes");

        var (error, elapsed, allocated) = Measure(() => ImportTable.Read(new MemoryStream(file), "o-xa.xlsx"));

        Assert.Equal("Dòng 2 có dữ liệu ở ô ZZZZZ2, ngoài 100 cột đầu tiên: mẫu không có nhiều cột như vậy, hãy xóa các cột thừa.", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"{elapsed.TotalMilliseconds:F0} ms");
        Assert.True(allocated < FiftyMegabytes, $"{allocated / 1024 / 1024} MB allocated");
    }

    [Fact]
    public void A_small_sheet_of_a_million_rows_is_refused_at_the_row_limit_in_under_a_second_with_under_50_MB()
    {
        var file = Xlsx(sheet =>
        {
            // Row and cell references are optional: without them every row is the same bytes, which compress to almost nothing.
            for (var r = 1; r <= 1_000_000; r++)
            {
                sheet.Append("<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>");
            }
        });
        Assert.True(file.Length < 1024 * 1024, $"{file.Length} bytes");
        output.WriteLine($"{file.Length:N0} bytes");

        var (error, elapsed, allocated) = Measure(() => ImportTable.Read(new MemoryStream(file), "trieu-dong.xlsx"));

        Assert.Equal("Tệp có hơn 100.000 dòng dữ liệu: hãy chia nhỏ tệp (mỗi tệp tối đa 100.000 dòng).", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"{elapsed.TotalMilliseconds:F0} ms");
        Assert.True(allocated < FiftyMegabytes, $"{allocated / 1024 / 1024} MB allocated");
    }

    [Fact]
    public void A_csv_of_a_million_rows_is_refused_at_the_row_limit()
    {
        var text = new StringBuilder("ho_ten\n");
        for (var r = 0; r < 1_000_000; r++)
        {
            text.Append("x\n");
        }

        var (error, elapsed, allocated) = Measure(() => ImportTable.Read(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "trieu-dong.csv"));

        Assert.StartsWith("Tệp có hơn 100.000 dòng dữ liệu", error.Message, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"{elapsed.TotalMilliseconds:F0} ms");
        Assert.True(allocated < FiftyMegabytes, $"{allocated / 1024 / 1024} MB allocated");
    }

    [Fact]
    public void A_csv_row_wider_than_the_column_limit_is_refused()
    {
        var file = Encoding.UTF8.GetBytes("ho_ten\nAn" + new string(';', 150) + "x\n");
        var error = Assert.Throws<ImportFileException>(() => ImportTable.Read(new MemoryStream(file), "rong.csv"));
        Assert.StartsWith("Dòng 2 có dữ liệu ở cột 151", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_whose_zip_directory_declares_more_than_the_limit_is_refused_before_it_is_parsed()
    {
        var file = Xlsx(sheet => sheet.Append("<row r=\"1\">").Append(InlineCell("A1", "ho_ten")).Append("</row>"));
        var sheetEntry = Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml");
        var directory = file.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        for (var at = directory; at >= 0; at = NextCentralEntry(file, at))
        {
            var nameLength = BitConverter.ToUInt16(file, at + 28);
            if (file.AsSpan(at + 46, nameLength).SequenceEqual(sheetEntry))
            {
                BitConverter.GetBytes(200u * 1024 * 1024).CopyTo(file, at + 24);
            }
        }

        var error = Assert.Throws<ImportFileException>(() => ImportTable.Read(new MemoryStream(file), "khai-gian.xlsx"));
        Assert.StartsWith("Tệp XLSX giải nén ra hơn 160 MB dữ liệu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_made_by_the_app_still_reads_with_shared_strings_and_sparse_cells()
    {
        var file = Xlsx(sheet => sheet
                .Append("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>")
                .Append("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><r><t>Nguyễn </t></r><r><t>Văn An</t></r><rPh><t>x</t></rPh></is></c><c r=\"C3\"><v>36526</v></c></row>"),
            "<si><t>ho_ten</t></si><si><r><t>ngay_</t></r><r><t>sinh</t></r></si>");

        var table = ImportTable.Read(new MemoryStream(file), "mau.xlsx");

        Assert.Equal(["ho_ten", "", "ngay_sinh"], table.Headers);
        var row = Assert.Single(table.Rows);
        Assert.Equal(3, row.Number);
        Assert.Equal("Nguyễn Văn An", row["ho_ten"]);
        Assert.Equal("36526", row["ngay_sinh"]);
        Assert.Empty(row.Problems);
    }

    [Fact]
    public void A_csv_field_that_is_not_utf8_is_a_problem_of_its_row_and_column_not_a_replacement_character()
    {
        byte[] file = [.. "ho_ten;dan_toc\nAn;Kinh\nNguy"u8, 0xC3, 0x28, .. "n;Kinh\nB\u202Eình;Kinh\n"u8];

        var table = ImportTable.Read(new MemoryStream(file), "ma-hoa.csv");

        Assert.Equal(3, table.Rows.Count);
        Assert.Empty(table.Rows[0].Problems);
        var notUtf8 = Assert.Single(table.Rows[1].Problems);
        Assert.Equal(new ImportError(3, "ho_ten", "Ô này có byte không phải văn bản UTF-8: hãy lưu tệp dạng CSV UTF-8 rồi nhập lại."), notUtf8);
        Assert.DoesNotContain('\uFFFD', table.Rows[1]["ho_ten"]);
        var bidi = Assert.Single(table.Rows[2].Problems);
        Assert.Equal(new ImportError(4, "ho_ten", "Ô này chứa ký tự đảo chiều văn bản (U+202E), không được phép: hãy gõ lại."), bidi);
    }

    private (ImportFileException Error, TimeSpan Elapsed, long Allocated) Measure(Action read)
    {
        ImportTable.Read(new MemoryStream(Xlsx(sheet => sheet.Append("<row>").Append(InlineCell("A1", "ho_ten")).Append("</row>"))), "nong-may.xlsx");
        ImportTable.Read(new MemoryStream("ho_ten\nAn\n"u8.ToArray()), "nong-may.csv");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<ImportFileException>(read);
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"refused in {clock.Elapsed.TotalMilliseconds:F0} ms, {allocated / 1024.0 / 1024:F1} MB allocated: {error.Message}");
        return (error, clock.Elapsed, allocated);
    }

    private static int NextCentralEntry(byte[] file, int at)
    {
        var next = at + 46 + BitConverter.ToUInt16(file, at + 28) + BitConverter.ToUInt16(file, at + 30) + BitConverter.ToUInt16(file, at + 32);
        return next + 4 <= file.Length && file.AsSpan(next, 4).SequenceEqual("PK\u0001\u0002"u8) ? next : -1;
    }

    private static string InlineCell(string reference, string text) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";

    /// <summary>A minimal workbook written with a zip writer: one sheet whose rows <paramref name="rows"/> writes, and an optional shared-string table.</summary>
    private static byte[] Xlsx(Action<StringBuilder> rows, string? sharedStrings = null)
    {
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        rows(sheet);
        sheet.Append("</sheetData></worksheet>");
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>",
            ["_rels/.rels"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{main}\" xmlns:r=\"{relationships}\"><sheets><sheet name=\"Dữ liệu\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings is null ? "" : $"<Relationship Id=\"rId2\" Type=\"{relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/>") + "</Relationships>",
            ["xl/worksheets/sheet1.xml"] = sheet.ToString(),
        };
        if (sharedStrings is not null)
        {
            parts["xl/sharedStrings.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{main}\">{sharedStrings}</sst>";
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>Tests that time themselves run with no other test of this assembly at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedCollection
{
    public const string Name = "timed";
}
