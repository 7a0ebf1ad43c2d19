using System.Globalization;
using System.Net;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Papers;
using DangVien.Web.Tests.Candidates;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Papers;

/// <summary>
/// The drafted papers through real HTTP over a walked file: each DOCX opened with OpenXml and its text checked against
/// the file (the name with every Vietnamese mark, dates dd/MM/yyyy, the vote's figures and share, document numbers);
/// scope (another cell's secretary gets 404), masking (the provincial board gets the year of birth and placeholders),
/// the audit row of every download, and the batch of a unit and a range of dates as one document.
/// </summary>
public sealed class PaperDraftTests
{
    /// <summary>Đ, ă, â, ê, ô, ơ, ư and the five tones (nặng ặ ị, sắc ế, huyền ờ, hỏi ẩ, ngã ỹ).</summary>
    private const string Name = "Đặng Thị Tuyết Hường Ẩn Mỹ Ôn";

    private const string HomeTown = "Xã Nghĩa Hưng, Nam Định";

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    [Fact]
    public async Task Every_paper_offered_on_the_file_reads_the_file_s_facts_and_each_download_is_audited()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var candidate = await WalkedAsync(app, tree.CellA, Name, StageKind.RecognitionDecision);
        var staff = await app.StaffAsync(tree);
        var history = await app.HistoryAsync(candidate);
        var cellVote = history.Single(e => e.Kind == StageKind.CellVote).Vote!;
        var recognitionVote = history.Single(e => e.Kind == StageKind.RecognitionVote).Vote!;
        var members = await app.MembersAsync(tree.CellA);

        var page = await staff.PageAsync($"/candidates/{candidate}");
        var links = page.QuerySelectorAll(".timeline__papers a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
        Assert.Equal(
            ["Bản thảo 5C-KNĐ (DOCX)", "Bản thảo 6-KNĐ (DOCX)", "Bản thảo 9-KNĐ (DOCX)", "Bản thảo 12-KNĐ (DOCX)", "Bản thảo 13-KNĐ (DOCX)", "Bản thảo 15-KNĐ (DOCX)"],
            links.Keys);

        var opinions = await DocxAsync(staff, links["Bản thảo 5C-KNĐ (DOCX)"]);
        AssertHeader(opinions, "ĐẢNG BỘ XÃ TÂN LẬP", "CHI BỘ THÔN ĐỒNG TÂM", "Số: [số]", "[địa danh], ngày 21 tháng 04 năm 2025", "TỔNG HỢP Ý KIẾN NHẬN XÉT", "T/M CHI BỘ");
        Assert.Contains(opinions, l => l.StartsWith("- Chi đoàn (5C-KNĐ), ngày 21/04/2025", StringComparison.Ordinal));

        var resolution = await DocxAsync(staff, links["Bản thảo 6-KNĐ (DOCX)"]);
        AssertHeader(resolution, "ĐẢNG BỘ XÃ TÂN LẬP", "CHI BỘ THÔN ĐỒNG TÂM", "Số: 12-NQ/CB", "[địa danh], ngày 05 tháng 05 năm 2025", "NGHỊ QUYẾT", "T/M CHI BỘ");
        Assert.Contains($"Ngày 05/05/2025, Chi bộ thôn Đồng Tâm họp xét đề nghị kết nạp quần chúng {Name} vào Đảng Cộng sản Việt Nam.", resolution);
        Assert.Contains($"Họ và tên: {Name}; giới tính: Nữ; sinh ngày 12/04/2000.", resolution);
        Assert.Contains($"Dân tộc: Tày; tôn giáo: [tôn giáo]; quê quán: {HomeTown}.", resolution);
        Assert.Contains($"Đảng viên giới thiệu: {members[1].FullName} và {members[2].FullName}.", resolution);
        Assert.Contains(VoteLine(cellVote), resolution);
        Assert.Contains("Kết quả: đạt (số tán thành từ hai phần ba tổng số đảng viên chính thức của chi bộ trở lên).", resolution);
        Assert.Contains("Đề nghị Đảng ủy xã Tân Lập xem xét, kết nạp quần chúng " + Name + " vào Đảng Cộng sản Việt Nam.", resolution);

        var decision = await DocxAsync(staff, links["Bản thảo 9-KNĐ (DOCX)"]);
        AssertHeader(decision, "ĐẢNG BỘ TỈNH THỬ NGHIỆM", "ĐẢNG ỦY XÃ TÂN LẬP", "Số: 101-QĐ/ĐU", "[địa danh], ngày 02 tháng 06 năm 2025", "QUYẾT ĐỊNH", "T/M BAN THƯỜNG VỤ");
        Assert.Contains("- Xét Nghị quyết số 12-NQ/CB ngày 05/05/2025 của Chi bộ thôn Đồng Tâm đề nghị kết nạp đảng viên;", decision);
        Assert.Contains("ĐẢNG ỦY XÃ TÂN LẬP QUYẾT ĐỊNH", decision);
        Assert.Contains($"Điều 1. Kết nạp quần chúng {Name}, sinh ngày 12/04/2000, quê quán: {HomeTown}, sinh hoạt tại Chi bộ thôn Đồng Tâm, vào Đảng Cộng sản Việt Nam.", decision);
        Assert.Contains("Nơi nhận:", decision);

        var probation = await DocxAsync(staff, links["Bản thảo 12-KNĐ (DOCX)"]);
        Assert.Contains("Thời gian dự bị: từ ngày 20/06/2025 đến hết ngày 19/06/2026.", probation);

        var recognition = await DocxAsync(staff, links["Bản thảo 13-KNĐ (DOCX)"]);
        AssertHeader(recognition, "ĐẢNG BỘ XÃ TÂN LẬP", "CHI BỘ THÔN ĐỒNG TÂM", "Số: [số]-NQ/CB", "[địa danh], ngày 25 tháng 06 năm 2026", "NGHỊ QUYẾT", "T/M CHI BỘ");
        Assert.Contains("Được kết nạp vào Đảng ngày 20/06/2025 theo Quyết định số 101-QĐ/ĐU ngày 02/06/2025 của Đảng ủy xã Tân Lập.", recognition);
        Assert.Contains($"Đảng viên được phân công giúp đỡ đảng viên dự bị: {members[0].FullName}.", recognition);
        Assert.Contains(VoteLine(recognitionVote), recognition);
        Assert.Contains($"Đề nghị Đảng ủy xã Tân Lập xem xét, quyết định công nhận đồng chí {Name} là đảng viên chính thức, kể từ ngày 20/06/2026.", recognition);

        var official = await DocxAsync(staff, links["Bản thảo 15-KNĐ (DOCX)"]);
        AssertHeader(official, "ĐẢNG BỘ TỈNH THỬ NGHIỆM", "ĐẢNG ỦY XÃ TÂN LẬP", "Số: 205-QĐ/ĐU", "[địa danh], ngày 10 tháng 07 năm 2026", "QUYẾT ĐỊNH", "T/M BAN THƯỜNG VỤ");
        Assert.Contains($"Điều 1. Công nhận đồng chí {Name}, sinh ngày 12/04/2000, sinh hoạt tại Chi bộ thôn Đồng Tâm, là đảng viên chính thức của Đảng Cộng sản Việt Nam, kể từ ngày 20/06/2026.", official);

        await using var db = app.Database.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.PaperDownload).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(6, audit.Count);
        Assert.All(audit, a => Assert.Equal(("vanphong", $"candidate:{candidate}"), (a.UserName, a.Subject)));
        Assert.Equal(["5C-KNĐ", "6-KNĐ", "9-KNĐ", "12-KNĐ", "13-KNĐ", "15-KNĐ"], audit.Select(a => a.Detail!.Split(' ')[0]));
    }

    [Fact]
    public async Task Another_cell_s_secretary_gets_404_and_the_board_gets_the_masked_values()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var candidate = await WalkedAsync(app, tree.CellA, Name, StageKind.CellVote);
        var other = await app.WalkAsync(tree.CellB, "Lê Văn Bình", StageKind.CellVote);
        var history = await app.HistoryAsync(candidate);
        var vote = history.Single(e => e.Kind == StageKind.CellVote);
        var otherVote = (await app.HistoryAsync(other)).Single(e => e.Kind == StageKind.CellVote);
        var link = $"/candidates/{candidate}/papers/{vote.Id}/6";

        var stranger = await app.SecretaryAsync(tree.CellB, "bithu-apbac");
        var denied = await stranger.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.DoesNotContain("Đồng Tâm", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync($"/candidates/{other}/papers/{otherVote.Id}/6")).StatusCode);

        var staff = await app.StaffAsync(tree);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/candidates/{candidate}/papers/{otherVote.Id}/6")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/candidates/{candidate}/papers/{vote.Id}/9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/candidates/{candidate}/papers/{vote.Id}/x")).StatusCode);

        await app.CreateUserAsync("bantochuc", (tree.Province.Id, AccessRole.ProvincialBoard));
        var board = await app.SignedInClientAsync("bantochuc");
        var masked = await DocxAsync(board, link);
        Assert.Contains($"Họ và tên: {Name}; giới tính: Nữ; sinh năm 2000.", masked);
        Assert.Contains("Dân tộc: [dân tộc]; tôn giáo: [tôn giáo]; quê quán: [quê quán].", masked);
        Assert.DoesNotContain(masked, l => l.Contains("12/04/2000", StringComparison.Ordinal) || l.Contains("Nghĩa Hưng", StringComparison.Ordinal) || l.Contains("Tày", StringComparison.Ordinal));
        var own = await DocxAsync(await app.SecretaryAsync(tree.CellA, "bithu-dongtam"), link);
        Assert.Contains($"Dân tộc: Tày; tôn giáo: [tôn giáo]; quê quán: {HomeTown}.", own);

        await using var db = app.Database.CreateContext();
        var log = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
        Assert.Contains(log, a => a.Action == AuditActions.Denied && a.UserName == "bithu-apbac" && a.Subject == $"candidate:{candidate}");
        Assert.Equal(["bithu-apbac", "bantochuc", "bithu-dongtam"], log.Where(a => a.Action == AuditActions.PaperDownload).Select(a => a.UserName));
    }

    [Fact]
    public async Task The_batch_of_a_unit_and_a_month_holds_every_decision_one_a_page_and_absurd_ranges_are_400()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        await WalkedAsync(app, tree.CellA, Name, StageKind.AdmissionDecision);
        await app.WalkAsync(tree.CellB, "Lê Văn Bình", StageKind.AdmissionDecision);
        var staff = await app.StaffAsync(tree);

        var unitPage = await staff.PageAsync($"/units/{tree.Commune.Id}");
        var form = unitPage.QuerySelector("form.paper-batch")!;
        Assert.Equal($"/units/{tree.Commune.Id}/papers.docx", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));

        var response = await staff.GetAsync($"/units/{tree.Commune.Id}/papers.docx?kind=9&start=01/06/2025&end=30/06/2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Paragraphs(bytes);
        Assert.Equal(2, lines.Count(l => l == "ĐẢNG CỘNG SẢN VIỆT NAM"));
        Assert.Equal(1, PageBreaks(bytes));
        Assert.Contains(lines, l => l.StartsWith($"Điều 1. Kết nạp quần chúng {Name}, sinh ngày 12/04/2000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Điều 1. Kết nạp quần chúng Lê Văn Bình, sinh ngày", StringComparison.Ordinal) && l.Contains("Chi bộ thôn Ấp Bắc", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l == "Số: 101-QĐ/ĐU"));

        // ISO dates from a date picker read the same; a cell's batch holds its own file only.
        var cellOnly = Paragraphs(await staff.GetByteArrayAsync($"/units/{tree.CellB.Id}/papers.docx?kind=9-KNĐ&start=2025-06-01&end=2025-06-30"));
        Assert.Equal(1, cellOnly.Count(l => l == "ĐẢNG CỘNG SẢN VIỆT NAM"));
        Assert.DoesNotContain(cellOnly, l => l.Contains(Name, StringComparison.Ordinal));

        var outside = await app.SecretaryAsync(tree.CellB, "bithu-apbac");
        Assert.Equal(HttpStatusCode.NotFound, (await outside.GetAsync($"/units/{tree.Commune.Id}/papers.docx?kind=9&start=01/06/2025&end=30/06/2025")).StatusCode);
        var none = await staff.GetAsync($"/units/{tree.Commune.Id}/papers.docx?kind=15&start=01/06/2025&end=30/06/2025");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("Không có giấy tờ 15-KNĐ nào từ 01/06/2025 đến 30/06/2025 trong đơn vị này.", await none.Content.ReadAsStringAsync());

        foreach (var (query, message) in new[]
        {
            ("kind=9&start=30/06/2025&end=01/06/2025", "Ngày cuối phải từ ngày đầu trở về sau."),
            ("kind=9&start=01/01/2024&end=31/12/2025", "Mỗi lần in tối đa 366 ngày: chọn khoảng ngắn hơn."),
            ("kind=9&start=31/02/2025&end=30/06/2025", "Không có ngày 31/02/2025."),
            ("kind=99&start=01/06/2025&end=30/06/2025", "Chọn một mẫu giấy tờ"),
            ("kind=9&start=&end=30/06/2025", "Nhập ngày (ngày/tháng/năm)."),
            ("kind=9&start=01/06/99999&end=30/06/2025", "Ngày"),
        })
        {
            var bad = await staff.GetAsync($"/units/{tree.Commune.Id}/papers.docx?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains(message, await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var db = app.Database.CreateContext();
        var batches = await db.AuditEntries.Where(a => a.Action == AuditActions.PaperDownload && a.Subject == $"unit:{tree.Commune.Id}").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, batches.Count);
        Assert.StartsWith("9-KNĐ 01/06/2025–30/06/2025: 2 (", batches[0].Detail, StringComparison.Ordinal);
        Assert.Equal("15-KNĐ 01/06/2025–30/06/2025: 0 ()", batches[1].Detail);
    }

    [Fact]
    public async Task A_batch_the_form_sent_that_gives_no_paper_comes_back_to_the_form_with_why_next_to_the_field()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        await WalkedAsync(app, tree.CellA, Name, StageKind.AdmissionDecision);
        var staff = await app.StaffAsync(tree);
        var unit = $"/units/{tree.Commune.Id}";

        // Sent from the page (a browser navigating): back to the form, what was typed kept, the message under its field.
        var back = await NavigateAsync(staff, $"{unit}/papers.docx?kind=9&start=31/02/2025&end=30/06/2025");
        Assert.Equal(HttpStatusCode.Found, back.StatusCode);
        Assert.Equal($"{unit}?kind=9&start=31%2F02%2F2025&end=30%2F06%2F2025#papers-heading", back.Headers.Location!.OriginalString);
        var page = await staff.PageAsync(back.Headers.Location.OriginalString);
        Assert.Equal("31/02/2025", page.QuerySelector("#papers-from")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#papers-from")!.GetAttribute("aria-invalid"));
        Assert.Equal("Không có ngày 31/02/2025.", page.QuerySelector("#papers-from-error").Text());
        Assert.Equal("30/06/2025", page.QuerySelector("#papers-to")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#papers-to")!.GetAttribute("aria-invalid"));
        Assert.Equal("", page.QuerySelector("#papers-to-error").Text());
        Assert.Equal(PaperForms.Slug(PaperKind.AdmissionDecision), page.QuerySelector("#papers-kind option[selected]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#papers-refusal"));

        // Read, but nothing found: the kind chosen stays chosen and the page says there is none.
        back = await NavigateAsync(staff, $"{unit}/papers.docx?kind=15&start=01/06/2025&end=30/06/2025");
        page = await staff.PageAsync(back.Headers.Location!.OriginalString);
        Assert.Equal("Không có giấy tờ 15-KNĐ nào từ 01/06/2025 đến 30/06/2025 trong đơn vị này.", page.QuerySelector("#papers-refusal").Text());
        Assert.Equal(PaperForms.Slug(PaperKind.RecognitionDecision), page.QuerySelector("#papers-kind option[selected]")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("[aria-invalid=true]"));

        // The page opened plainly offers this month, with no message; a range with papers still downloads from a browser.
        page = await staff.PageAsync(unit);
        Assert.Null(page.QuerySelector("#papers-refusal"));
        Assert.Empty(page.QuerySelectorAll(".paper-batch .validation-message"));
        var download = await NavigateAsync(staff, $"{unit}/papers.docx?kind=9&start=01/06/2025&end=30/06/2025");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(DocxPaperWriter.ContentType, download.Content.Headers.ContentType!.MediaType);

        // Someone outside the unit is sent back to a page that is not found for them, and told nothing of the unit.
        var outside = await app.SecretaryAsync(tree.CellB, "bithu-apbac");
        back = await NavigateAsync(outside, $"{unit}/papers.docx?kind=9&start=01/06/2025&end=30/06/2025");
        Assert.Equal(HttpStatusCode.NotFound, back.StatusCode);
        back = await NavigateAsync(outside, $"{unit}/papers.docx?kind=9&start=31/02/2025&end=30/06/2025");
        var notFound = await outside.GetAsync(back.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.DoesNotContain(tree.Commune.Name, await notFound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A request as a browser sends it when a form is submitted or a link followed.</summary>
    private static Task<HttpResponseMessage> NavigateAsync(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return client.SendAsync(request);
    }

    /// <summary>A file walked up to <paramref name="last"/> whose date of birth, ethnicity and home town are set.</summary>
    private static async Task<int> WalkedAsync(DangVienApp app, OrgUnit cell, string name, StageKind last)
    {
        var candidate = await app.WalkAsync(cell, name, last);
        await using var db = app.Database.CreateContext();
        await db.Candidates.Where(c => c.Id == candidate).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.HomeTown, HomeTown)
            .SetProperty(c => c.Ethnicity, "Tày"));
        return candidate;
    }

    /// <summary>The vote's line as the paper must write it, the share computed here from the figures.</summary>
    private static string VoteLine(CellVote vote) =>
        string.Format(Vi, "Tổng số đảng viên chính thức của chi bộ: {0}; số đảng viên có mặt: {1}; số đảng viên chính thức tán thành: {2}, đạt {3}% so với tổng số đảng viên chính thức.",
            vote.OfficialMembers, vote.Present, vote.InFavour, (Math.Round(vote.InFavour * 10000m / vote.OfficialMembers) / 100m).ToString("0.##", Vi));

    private static void AssertHeader(List<string> lines, string upper, string issuer, string number, string placeDate, string title, string onBehalf)
    {
        Assert.Equal([upper, issuer, "*", number, "ĐẢNG CỘNG SẢN VIỆT NAM", "", placeDate, "", title], lines[..9]);
        Assert.Contains(onBehalf, lines);
        Assert.Contains("[họ và tên người ký]", lines);
    }

    private static async Task<List<string>> DocxAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        return Paragraphs(await response.Content.ReadAsByteArrayAsync());
    }

    private static List<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];
    }

    private static int PageBreaks(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<Break>().Count(b => b.Type != null && b.Type.Value == BreakValues.Page);
    }
}
