using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DangVien.Core.Domain;
using DangVien.Web.Endpoints.Exports;
using DangVien.Web.Tests.Candidates;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Reports;

/// <summary>
/// The report's downloads and pages through real HTTP over the tiny province of <see cref="YearlyReportPageTests"/> (the
/// commune's 2026: quota 3, 1 admitted = 33,3 %; Youth Union members introduced 2, admitted 1 = 50,0 %), each file opened
/// and read: CSV as text, XLSX with OpenXml, PDF with pdftotext (poppler-utils).
/// </summary>
public sealed class ReportExportTests
{
    private static readonly FixedClock February2027 = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task The_yearly_report_downloads_as_csv_xlsx_and_pdf_with_the_pages_figures_and_each_is_audited()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        var client = await app.SignedInClientAsync("bantochuc");
        var query = $"unit={tree.Commune.Id}&year=2026";

        // The report page links to every download, the trend and the idle cells.
        var page = await DangVienApp.ParseAsync(await client.GetAsync($"/reports?{query}"));
        var links = page.QuerySelectorAll(".report-tools a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/reports/export.csv?{query}", links);
        Assert.Contains($"/reports/export.xlsx?{query}", links);
        Assert.Contains($"/reports/export.pdf?{query}", links);
        Assert.Contains($"/reports/trend?unit={tree.Commune.Id}&from=2017&to=2026", links);
        Assert.Contains($"/reports/idle-cells?unit={tree.Commune.Id}&year=2026&years=3", links);
        Assert.Contains("Số liệu trực tiếp", page.QuerySelector(".report-source")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".report-freeze"));

        var csv = await client.GetAsync($"/reports/export.csv?{query}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFBáo cáo năm 2026 — Đảng bộ xã Tân Lập", text);
        Assert.Contains("\r\nChỉ tiêu năm 2026;3\r\nĐã kết nạp;1\r\nTỷ lệ đạt chỉ tiêu;33,3 %\r\n", text);
        Assert.Contains("\r\nĐoàn viên được giới thiệu trong năm;2;1;50,0 %\r\n", text);

        var xlsx = await client.GetByteArrayAsync($"/reports/export.xlsx?{query}");
        var cells = Cells(xlsx);
        Assert.Equal("Báo cáo năm 2026 — Đảng bộ xã Tân Lập", cells[0][0]);
        Assert.Equal(["Chỉ tiêu năm 2026", "3"], Find(cells, "Chỉ tiêu năm 2026"));
        Assert.Equal(["Đã kết nạp", "1"], Find(cells, "Đã kết nạp"));
        Assert.Equal(["Tỷ lệ đạt chỉ tiêu", "33.3%"], Find(cells, "Tỷ lệ đạt chỉ tiêu"));
        Assert.Equal(["Đoàn viên được giới thiệu trong năm", "2", "1", "50.0%"], Find(cells, "Đoàn viên được giới thiệu trong năm"));
        Assert.Equal(["Chi bộ thôn Ấp Bắc"], cells.Last(r => r.Count > 0 && r[0] == "Chi bộ thôn Ấp Bắc"));

        var pdf = await client.GetAsync($"/reports/export.pdf?{query}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var pdfText = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Báo cáo năm 2026 — Đảng bộ xã Tân Lập", pdfText);
        Assert.Matches(@"Tỷ lệ đạt chỉ tiêu\s+33,3 %", pdfText);
        Assert.Matches(@"Đoàn viên được giới thiệu trong năm\s+2\s+1\s+50,0 %", pdfText);
        Assert.Contains("Đảng viên dự bị được công nhận chính thức", pdfText);

        await using var db = app.Database.CreateContext();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "report.export" && a.UserName == "bantochuc" && a.Subject == $"unit:{tree.Commune.Id}"));
    }

    [Fact]
    public async Task Xlsx_figures_are_typed_cells_with_number_formats_and_files_are_named_by_unit_code_and_year()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        var client = await app.SignedInClientAsync("bantochuc");

        var response = await client.GetAsync($"/reports/export.xlsx?unit={tree.Commune.Id}&year=2026");
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("bao-cao-nam-2026-x01.xlsx", disposition.FileName!.Trim('"'));
        Assert.Equal("bao-cao-nam-2026-x01.xlsx", disposition.FileNameStar);
        var sheet = Typed(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((1.0, "0"), Figure(sheet, "Đã kết nạp", 1));
        Assert.Equal((1 / 3.0, XlsxExport.PercentFormat), Figure(sheet, "Tỷ lệ đạt chỉ tiêu", 1));
        Assert.Equal((0.5, XlsxExport.PercentFormat), Figure(sheet, "Đoàn viên được giới thiệu trong năm", 3));
        Assert.Equal((17.0, "0"), Figure(sheet, "Đảng viên đến 31/12/2025", 1));
        Assert.Equal(CellValues.InlineString, sheet.Row("Chỉ số")[1].DataType!.Value);

        // The board's table: a row per cell and the total; its columns add up (a sum in the spreadsheet gives the total).
        Assert.Equal((12.0, "0"), Figure(sheet, "Chi bộ thôn Đồng Tâm", 1));
        Assert.Equal((1 / 12.0, XlsxExport.PercentFormat), Figure(sheet, "Chi bộ thôn Đồng Tâm", 5));
        Assert.Equal((0.0, XlsxExport.PercentFormat), Figure(sheet, "Chi bộ thôn Ấp Bắc", 5));
        Assert.Equal(Figure(sheet, "Chi bộ thôn Đồng Tâm", 3).Value + Figure(sheet, "Chi bộ thôn Ấp Bắc", 3).Value, Figure(sheet, "Tổng cộng", 3).Value);
        Assert.Equal((17.0, "0"), Figure(sheet, "Tổng cộng", 1));

        // Trend: one decimal; lists: dates as dates (01/03/2026 is serial 46082), STT as numbers.
        var trend = await client.GetAsync($"/reports/trend.xlsx?unit={tree.Commune.Id}&from=2025&to=2026");
        Assert.Equal("bao-cao-2025-2026-x01.xlsx", trend.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal((0.5, XlsxExport.DecimalFormat), Figure(Typed(await trend.Content.ReadAsByteArrayAsync()), "Bình quân mỗi năm", 1));
        await using (var db = app.Database.CreateContext())
        {
            db.Members.Add(new DangVien.Core.Domain.Member { FullName = "Trịnh Văn Mới", DateOfBirth = new DateOnly(1998, 3, 3), CellId = tree.CellA.Id, Status = MemberStatus.Probationary, AdmittedOn = new DateOnly(2026, 3, 1) });
            await db.SaveChangesAsync();
        }

        var members = Typed(await client.GetByteArrayAsync($"/reports/list.xlsx?unit={tree.Commune.Id}&from=2026&to=2026&figure=members-end"));
        var row = members.Rows.Single(r => r.Count > 1 && Sheet.Text(r[1]) == "Trịnh Văn Mới");
        Assert.Equal((46082.0, XlsxExport.DateFormat), Figure(members, row, 6));
        // The provincial board sees the year of birth only: a whole number.
        Assert.Equal((1998.0, "0"), Figure(members, row, 2));
        Assert.Equal("0", Figure(members, row, 0).Format);

        // The CSV keeps its texts: percentages and dates as the page writes them.
        var csv = await client.GetStringAsync($"/reports/export.csv?unit={tree.Commune.Id}&year=2026");
        Assert.Contains("\r\nChi bộ thôn Đồng Tâm;12;2;1;50,0 %;8,3 %;0,4–0,5, đạt;1\r\n", csv);
        Assert.Contains("\r\nChi bộ thôn Ấp Bắc;5;1;0;0,0 %;0,0 %;0,2–0,2, chưa đạt;0\r\n", csv);
        Assert.Contains("\r\nTổng cộng;17;3;1;33,3 %;5,9 %;0,5–0,7, đạt;1\r\n", csv);
        Assert.Contains("Trịnh Văn Mới;1998;Nam;", await client.GetStringAsync($"/reports/list.csv?unit={tree.Commune.Id}&from=2026&to=2026&figure=members-end"));
    }

    /// <summary>The rows of an XLSX's first worksheet and its stylesheet, to read each figure's value and number format.</summary>
    private sealed record Sheet(List<List<Cell>> Rows, Stylesheet Styles)
    {
        public List<Cell> Row(string first) => Rows.First(r => Text(r[0]) == first);

        public static string? Text(Cell cell) => cell.InlineString?.InnerText;
    }

    private static Sheet Typed(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => (Cell)c.CloneNode(true)).ToList())
            .Where(cells => cells.Count > 0)
            .ToList();
        return new Sheet(rows, (Stylesheet)document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CloneNode(true));
    }

    private static (double Value, string Format) Figure(Sheet sheet, string first, int column) => Figure(sheet, sheet.Row(first), column);

    /// <summary>A numeric cell's value and its number format code ("0" for the built-in whole-number format 1).</summary>
    private static (double Value, string Format) Figure(Sheet sheet, List<Cell> row, int column)
    {
        var cell = row[column];
        Assert.Equal(CellValues.Number, cell.DataType!.Value);
        var formatId = sheet.Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value).NumberFormatId!.Value;
        var format = formatId == 1 ? "0" : sheet.Styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == formatId).FormatCode!.Value!;
        return (double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture), format);
    }

    [Fact]
    public async Task The_yearly_and_trend_pdfs_are_landscape_for_their_wide_tables_and_no_text_is_cut()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        var client = await app.SignedInClientAsync("bantochuc");

        var yearly = await client.GetByteArrayAsync($"/reports/export.pdf?unit={tree.Commune.Id}&year=2026");
        var trend = await client.GetByteArrayAsync($"/reports/trend.pdf?unit={tree.Commune.Id}&from=2017&to=2026");
        Keep(yearly, "tiny-yearly.pdf");
        Keep(trend, "tiny-trend.pdf");
        foreach (var pdf in new[] { yearly, trend })
        {
            // A4 landscape: 842 × 595 points.
            Assert.Matches(@"Page size:\s+842 x 595 pts", Poppler("pdfinfo", pdf));
            var text = PdfText(pdf);
            Assert.DoesNotContain("…", text);
            Assert.Matches(@"Trang 1/\d", text);
        }

        // The board's table: each cell's row and the total, with every figure.
        var yearlyText = PdfText(yearly);
        Assert.Matches(@"Chi bộ thôn Đồng Tâm\s+12\s+2\s+1\s+50,0 %\s+8,3 %\s+0,4–0,5, đạt\s+1", yearlyText);
        Assert.Matches(@"Tổng cộng\s+17\s+3\s+1\s+33,3 %\s+5,9 %\s+0,5–0,7, đạt\s+1", yearlyText);
        Assert.Matches(@"2026\s+17\s+17\s+3\s+1\s+33,3 %\s+5,9 %\s+0\s+0\s+0", PdfText(trend));
    }

    [Fact]
    public async Task Drill_down_lists_the_trend_and_idle_cells_open_and_download_and_the_candidate_list_exports_to_xlsx()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");

        var report = await DangVienApp.ParseAsync(await client.GetAsync($"/reports?unit={tree.Commune.Id}&year=2026"));
        var admittedLink = report.QuerySelector("#quota-heading")!.Closest("section")!.QuerySelector("dd a")!.GetAttribute("href")!;
        Assert.Equal($"/reports/list?unit={tree.Commune.Id}&from=2026&to=2026&figure=admitted", admittedLink);
        var list = await DangVienApp.ParseAsync(await client.GetAsync(admittedLink));
        Assert.Equal("Đã kết nạp", list.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Nguyễn Văn An"], list.QuerySelectorAll(".report-people tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        var introduced = await DangVienApp.ParseAsync(await client.GetAsync($"/reports/list?unit={tree.Commune.Id}&from=2026&figure=youth-introduced"));
        Assert.Equal(["Nguyễn Văn An", "Trần Văn Bình"], introduced.QuerySelectorAll(".report-people tbody tr td:first-child").Select(td => td.TextContent.Trim()));

        var listXlsx = Cells(await client.GetByteArrayAsync($"/reports/list.xlsx?unit={tree.Commune.Id}&from=2026&to=2026&figure=youth-introduced"));
        Assert.Equal("Nguyễn Văn An", Find(listXlsx, "1")[1]);
        Assert.Equal("Trần Văn Bình", Find(listXlsx, "2")[1]);

        var trend = await DangVienApp.ParseAsync(await client.GetAsync($"/reports/trend?unit={tree.Commune.Id}&from=2025&to=2026"));
        Assert.Equal("Báo cáo nhiều năm 2025–2026", trend.QuerySelector("h1")!.TextContent);
        var trendCsv = await client.GetStringAsync($"/reports/trend.csv?unit={tree.Commune.Id}&from=2025&to=2026");
        Assert.Contains("\r\nTổng số đã kết nạp;1\r\nBình quân mỗi năm;0,5\r\n", trendCsv);

        var idle = await DangVienApp.ParseAsync(await client.GetAsync($"/reports/idle-cells?unit={tree.Commune.Id}&year=2026&years=1"));
        Assert.Equal(["Chi bộ thôn Ấp Bắc"], idle.QuerySelectorAll(".idle-cells tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        var idleXlsx = Cells(await client.GetByteArrayAsync($"/reports/idle-cells.xlsx?unit={tree.Commune.Id}&year=2026&years=1"));
        Assert.Equal(["Chi bộ thôn Ấp Bắc", "chưa có"], Find(idleXlsx, "Chi bộ thôn Ấp Bắc"));

        var candidates = Cells(await client.GetByteArrayAsync($"/candidates/export.xlsx?unit={tree.Commune.Id}"));
        Assert.Contains(candidates, row => row.Count > 1 && row[1] == "Nguyễn Văn An");
    }

    [Fact]
    public async Task The_members_figures_open_from_the_report_to_the_members_behind_them_and_download()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await using (var db = app.Database.CreateContext())
        {
            // Admitted on 01/03/2026: counted at the end of 2026, not at its start.
            db.Members.Add(new DangVien.Core.Domain.Member { FullName = "Trịnh Văn Mới", DateOfBirth = new DateOnly(1998, 3, 3), CellId = tree.CellA.Id, CitizenId = "001198000456", Status = MemberStatus.Probationary, AdmittedOn = new DateOnly(2026, 3, 1) });
            await db.SaveChangesAsync();
        }

        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        await app.CreateUserAsync("bithu", (tree.CellB.Id, AccessRole.CellSecretary));
        var client = await app.SignedInClientAsync("vanphong");
        var query = $"unit={tree.Commune.Id}&from=2026&to=2026";

        var report = await DangVienApp.ParseAsync(await client.GetAsync($"/reports?unit={tree.Commune.Id}&year=2026"));
        var figures = report.QuerySelector("#members-heading")!.Closest("section")!.QuerySelectorAll("dd a").ToList();
        Assert.Equal([$"/reports/list?{query}&figure=members-start", $"/reports/list?{query}&figure=members-end"], figures.Select(a => a.GetAttribute("href")));
        Assert.Equal(["17", "18"], figures.Select(a => a.TextContent));

        foreach (var (link, day, count) in new[] { (figures[0], "31/12/2025", 17), (figures[1], "31/12/2026", 18) })
        {
            var list = await DangVienApp.ParseAsync(await client.GetAsync(link.GetAttribute("href")));
            Assert.Equal($"Đảng viên đến {day}", list.QuerySelector("h1")!.TextContent);
            Assert.Equal(count, list.QuerySelectorAll(".report-members tbody tr").Length);
            Assert.Equal(link.TextContent, list.QuerySelector(".report-list-count")!.TextContent);
        }

        var end = await DangVienApp.ParseAsync(await client.GetAsync($"/reports/list?{query}&figure=members-end"));
        var newcomer = end.QuerySelectorAll(".report-members tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "Trịnh Văn Mới");
        Assert.Equal(["Trịnh Văn Mới", "03/03/1998", "001198000456", "Chi bộ thôn Đồng Tâm", "01/03/2026", "—", "Dự bị"], newcomer.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains($"/reports/list.xlsx?{query}&figure=members-end", end.QuerySelectorAll(".report-tools a").Select(a => a.GetAttribute("href")));

        var xlsx = Cells(await client.GetByteArrayAsync($"/reports/list.xlsx?{query}&figure=members-end"));
        Assert.Equal("Đảng viên đến 31/12/2026 — Đảng bộ xã Tân Lập, năm 2026", xlsx[0][0]);
        var rows = xlsx.Where(r => r.Count == 10 && int.TryParse(r[0], out _)).ToList();
        Assert.Equal(18, rows.Count);
        Assert.Equal(["Trịnh Văn Mới", "03/03/1998", "001198000456", "Chi bộ thôn Đồng Tâm", "01/03/2026", "", "Dự bị", ""],
            rows.Single(r => r[1] == "Trịnh Văn Mới").Skip(1).Where((_, i) => i != 2));
        var csv = await client.GetStringAsync($"/reports/list.csv?{query}&figure=members-start");
        Assert.Contains("Đảng viên đến 31/12/2025 — Đảng bộ xã Tân Lập, năm 2026", csv);
        Assert.DoesNotContain("Trịnh Văn Mới", csv);

        // A cell secretary lists their own cell's members only; the commune's list is 404.
        var secretary = await app.SignedInClientAsync("bithu");
        var own = await DangVienApp.ParseAsync(await secretary.GetAsync($"/reports/list?unit={tree.CellB.Id}&from=2026&figure=members-start"));
        Assert.Equal(5, own.QuerySelectorAll(".report-members tbody tr").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/reports/list?{query}&figure=members-start")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/reports/list.csv?{query}&figure=members-end")).StatusCode);
    }

    [Fact]
    public async Task Committee_staff_freeze_a_closed_year_and_the_report_then_reads_the_snapshot()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary));
        var staff = await app.SignedInClientAsync("vanphong");
        var secretary = await app.SignedInClientAsync("bithu");
        var url = $"/reports?unit={tree.Commune.Id}&year=2026";

        Assert.Empty((await DangVienApp.ParseAsync(await secretary.GetAsync($"/reports?unit={tree.CellA.Id}&year=2026"))).QuerySelectorAll(".report-freeze"));
        Assert.Empty((await DangVienApp.ParseAsync(await staff.GetAsync($"/reports?unit={tree.Commune.Id}&year=2027"))).QuerySelectorAll(".report-freeze"));

        // The button asks first, and says what freezing means; asking freezes nothing.
        var live = await staff.PageAsync(url);
        Assert.Empty(live.QuerySelectorAll(".report-confirm"));
        var ask = live.QuerySelector("a.report-freeze")!;
        Assert.Equal("Chốt số liệu năm 2026", ask.TextContent.Trim());
        Assert.Equal(url + "&confirm=freeze", ask.GetAttribute("href"));
        var confirm = await staff.PageAsync(ask.GetAttribute("href")!);
        Assert.Equal("Xác nhận chốt số liệu năm 2026", confirm.QuerySelector(".report-confirm h2")!.TextContent.Trim());
        Assert.Contains("không thể ghi, đính chính hay nhập dữ liệu có ngày trong năm 2026", confirm.QuerySelector(".report-confirm p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(url, confirm.QuerySelector(".report-confirm a")!.GetAttribute("href"));
        Assert.Contains("Số liệu trực tiếp", confirm.QuerySelector(".report-source")!.TextContent);
        Assert.Empty((await staff.PageAsync(url + "&confirm=unfreeze")).QuerySelectorAll(".report-confirm"));

        var response = await Forms.PostAsync(staff, url + "&confirm=freeze", ".report-confirm form", []);
        var frozen = await DangVienApp.ParseAsync(response);
        Assert.Contains("Số liệu đã chốt ngày", frozen.QuerySelector(".report-source")!.TextContent);
        Assert.Contains("bởi vanphong", frozen.QuerySelector(".report-source")!.TextContent);
        Assert.Empty(frozen.QuerySelectorAll(".report-freeze"));
        Assert.Empty(frozen.QuerySelectorAll(".report-confirm"));

        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.ReportSnapshots.CountAsync(s => s.OrgUnitId == tree.Commune.Id && s.Year == 2026 && s.FrozenBy == "vanphong"));
        var csv = await staff.GetStringAsync($"/reports/export.csv?unit={tree.Commune.Id}&year=2026");
        Assert.Contains("Số liệu đã chốt ngày 01/02/2027 bởi vanphong.", csv);

        // Only an administrator unfreezes, after confirming; it is audited and the report is live again.
        Assert.Empty((await staff.PageAsync(url + "&confirm=unfreeze")).QuerySelectorAll(".report-confirm, .report-freeze"));
        await app.CreateUserAsync("quantri", (tree.Province.Id, AccessRole.Administrator));
        var admin = await app.SignedInClientAsync("quantri");
        var unfreeze = (await admin.PageAsync(url)).QuerySelector("a.report-freeze")!;
        Assert.Equal(("Mở chốt số liệu năm 2026", url + "&confirm=unfreeze"), (unfreeze.TextContent.Trim(), unfreeze.GetAttribute("href")));
        var confirmUnfreeze = await admin.PageAsync(url + "&confirm=unfreeze");
        Assert.Equal("Xác nhận mở chốt số liệu năm 2026", confirmUnfreeze.QuerySelector(".report-confirm h2")!.TextContent.Trim());
        var opened = await DangVienApp.ParseAsync(await Forms.PostAsync(admin, url + "&confirm=unfreeze", ".report-confirm form", []));
        Assert.Contains("Số liệu trực tiếp", opened.QuerySelector(".report-source")!.TextContent);
        Assert.Equal(0, await db.ReportSnapshots.CountAsync(s => s.OrgUnitId == tree.Commune.Id && s.Year == 2026));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "report.unfreeze" && a.UserName == "quantri" && a.Subject == $"unit:{tree.Commune.Id}"));
    }

    [Fact]
    public async Task Outside_the_users_units_every_report_download_is_404()
    {
        await using var app = await DangVienApp.StartAsync(February2027);
        var tree = await YearlyReportPageTests.ProvinceAsync(app);
        await app.CreateUserAsync("bithu", (tree.CellB.Id, AccessRole.CellSecretary));
        var client = await app.SignedInClientAsync("bithu");
        var a = tree.CellA.Id;
        string[] urls =
        [
            $"/reports/export.csv?unit={a}&year=2026", $"/reports/export.xlsx?unit={a}&year=2026", $"/reports/export.pdf?unit={a}&year=2026",
            $"/reports/trend.xlsx?unit={a}&from=2025&to=2026", $"/reports/list.csv?unit={a}&from=2026&figure=admitted",
            $"/reports/idle-cells.xlsx?unit={a}&year=2026&years=2", $"/reports/list?unit={a}&from=2026&figure=admitted",
            $"/reports/trend?unit={a}&from=2025&to=2026", $"/reports/idle-cells?unit={a}&year=2026", $"/candidates/export.xlsx?unit={a}",
            $"/reports/export.doc?unit={tree.CellB.Id}&year=2026", $"/reports/list?unit={tree.CellB.Id}&from=2026&figure=nothing",
        ];
        foreach (var url in urls)
        {
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(url)).StatusCode, url);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/reports/export.xlsx?unit={tree.CellB.Id}&year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync($"/reports/export.csv?unit={a}&year=2026")).StatusCode);
    }

    /// <summary>
    /// The first worksheet's rows as a spreadsheet shows them: texts as they are, figures by their number format — whole
    /// numbers as digits, percentages "33.3%", one decimal "0.5", dates "dd/MM/yyyy" (<see cref="XlsxExport"/>).
    /// </summary>
    internal static List<List<string>> Cells(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!);
        var styles = document.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var sheet = document.WorkbookPart.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => Shown(c, styles, formats)).ToList())];
    }

    private static string Shown(Cell cell, List<CellFormat> styles, Dictionary<uint, string> formats)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }

        var value = double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
        var formatId = cell.StyleIndex is { } style ? styles[(int)style.Value].NumberFormatId?.Value ?? 0 : 0;
        return formats.GetValueOrDefault(formatId) switch
        {
            XlsxExport.DateFormat => DateTime.FromOADate(value).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            XlsxExport.PercentFormat => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
            XlsxExport.DecimalFormat => value.ToString("0.0", CultureInfo.InvariantCulture),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static List<string> Find(List<List<string>> rows, string first) => rows.First(r => r.Count > 0 && r[0] == first);

    /// <summary>Saves a file under artifacts/exports for people to look at.</summary>
    internal static void Keep(byte[] file, string name)
    {
        var directory = Path.Combine(DangVien.Testing.PostgresServer.RepositoryRoot(), "artifacts", "exports");
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, name), file);
    }

    /// <summary>The PDF's text, extracted by poppler's pdftotext (scripts/test.sh installs poppler-utils).</summary>
    private static string PdfText(byte[] pdf) => Poppler("pdftotext", pdf, "-layout", "-enc", "UTF-8");

    /// <summary>The output of a poppler tool run on the PDF (pdftotext, pdfinfo).</summary>
    private static string Poppler(string tool, byte[] pdf, params string[] options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            string[] arguments = tool == "pdftotext" ? [.. options, path, "-"] : [.. options, path];
            using var process = Process.Start(new ProcessStartInfo(tool, arguments)
            {
                RedirectStandardOutput = true,
                StandardOutputEncoding = Encoding.UTF8,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
