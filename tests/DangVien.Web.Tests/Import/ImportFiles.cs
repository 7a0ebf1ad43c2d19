using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using DangVien.Core.Features.Import;
using DangVien.Web.Components.Pages.Import;
using DangVien.Web.Tests.Interactive;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace DangVien.Web.Tests.Import;

/// <summary>Import files for the tests (CSV and XLSX built from rows) and the interactive import page driven in bUnit.</summary>
public static class ImportFiles
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static readonly string[] MemberHeader = ["so_cccd", "ho_ten", "ngay_sinh", "gioi_tinh", "ma_chi_bo", "tinh_trang", "ngay_vao_dang", "ngay_chinh_thuc"];

    /// <summary>Three official members of cell C01 (Đồng Tâm) with citizen IDs: a mentor and two introducers.</summary>
    public static readonly string[][] Members =
    [
        ["001080000001", "Nguyễn Văn Giúp", "01/01/1980", "Nam", "C01", "chinh_thuc", "20/05/2010", "20/05/2011"],
        ["001080000002", "Trần Thị Giới", "02/02/1981", "Nữ", "C01", "Chính thức", "20/05/2010", "20/05/2011"],
        ["001080000003", "Lê Văn Thiệu", "03/03/1982", "Nam", "C01", "chinh_thuc", "20/05/2010", "20/05/2011"],
    ];

    public static readonly string[] CandidateHeader =
    [
        "so_cccd", "ho_ten", "ngay_sinh", "gioi_tinh", "ma_chi_bo", "doi_tuong", "cccd_dang_vien_giup_do", "ngay_tao_nguon",
        "ngay_cap_chung_nhan", "so_chung_nhan", "noi_cap_chung_nhan", "ngay_lam_don", "ngay_tham_tra", "ket_luan_tham_tra",
        "ngay_gioi_thieu", "cccd_nguoi_gioi_thieu_1", "cccd_nguoi_gioi_thieu_2", "ngay_bat_dau_cung_cong_tac",
        "ngay_nhan_xet", "to_chuc_nhan_xet", "ngay_bieu_quyet", "so_dang_vien_chinh_thuc", "so_co_mat", "so_tan_thanh",
    ];

    /// <summary>A candidate of C01 with every step up to the cell's vote (all before August 2026).</summary>
    public static string[] VotedCandidate(string citizenId, string name, string cell = "C01") =>
    [
        citizenId, name, "02/09/1999", "Nữ", cell, "doan-vien;nu", "001080000001", "10/01/2024",
        "15/03/2024", "125/GCN", "Trung tâm Chính trị huyện", "01/04/2024", "15/05/2024", "Lý lịch rõ ràng",
        "01/06/2024", "001080000002", "001080000003", "01/01/2022",
        "20/06/2024", "Chi đoàn và chi ủy nơi cư trú", "01/07/2024", "12", "12", "11",
    ];

    /// <summary>The candidate header with the steps after the cell vote (C01 sits under the commune: no 8-KNĐ resolution).</summary>
    public static readonly string[] LaterHeader =
    [
        .. CandidateHeader,
        "ngay_quyet_dinh_ket_nap", "so_quyet_dinh_ket_nap", "ngay_chi_bo_nhan_quyet_dinh", "ngay_ket_nap", "cccd_giup_do_dang_vien_du_bi",
        "ngay_cap_chung_nhan_dv_moi", "so_chung_nhan_dv_moi", "noi_cap_chung_nhan_dv_moi",
        "ngay_xet_chinh_thuc", "so_dang_vien_chinh_thuc_khi_xet", "so_co_mat_khi_xet", "so_tan_thanh_khi_xet",
        "ngay_quyet_dinh_chinh_thuc", "so_quyet_dinh_chinh_thuc",
    ];

    /// <summary>
    /// A candidate of C01 admitted (decision 12/08/2024, ceremony 05/09/2024) and, when <paramref name="recognised"/>,
    /// recognised as official member (cell vote 10/09/2025, decision 25/09/2025); laid out as <see cref="LaterHeader"/>.
    /// </summary>
    public static string[] AdmittedCandidate(string citizenId, string name, bool recognised) =>
    [
        .. VotedCandidate(citizenId, name),
        "12/08/2024", "101-QĐ/ĐU", "15/08/2024", "05/09/2024", "001080000001",
        .. recognised
            ? new[] { "20/12/2024", "DVM-7", "Trung tâm Chính trị huyện", "10/09/2025", "12", "12", "11", "25/09/2025", "205-QĐ/ĐU" }
            : Enumerable.Repeat("", 9),
    ];

    /// <summary>A candidate of C01 only listed (step 1).</summary>
    public static string[] SourceCandidate(string citizenId, string name, string cell = "C01") =>
        [citizenId, name, "15/04/2001", "Nam", cell, "doan-vien", "001080000001", "05/02/2025", .. Enumerable.Repeat("", 16)];

    public static byte[] Csv(string[] header, params string[][] rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(string.Join(";", row.Select(v => v.Contains(';') ? $"\"{v}\"" : v))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(string[] header, params string[][] rows) =>
        ImportTable.Xlsx(("Dữ liệu", [[.. header], .. rows.Select(r => r.ToList())]));

    /// <summary>Opens the interactive import page (bUnit) for the host's signed-in user and waits until it is live.</summary>
    public static IRenderedComponent<ImportPage> Open(ComponentHost host, bool anotherTab = false)
    {
        var page = anotherTab ? host.RenderInAnotherTab<ImportPage>("/import") : host.Render<ImportPage>("/import");
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".page-head").GetAttribute("data-interactive")), Wait);
        page.WaitForAssertion(() => Assert.True(page.FindAll("#import-check").Count > 0 || page.FindAll(".notice--warn[role=status]").Count > 0), Wait);
        return page;
    }

    /// <summary>Chooses the kind and the file and presses "Kiểm tra tệp"; returns the page as it then reads.</summary>
    public static async Task<IDocument> CheckAsync(IRenderedComponent<ImportPage> page, string kind, string fileName, byte[] content)
    {
        var select = page.FindComponent<MudSelect<ImportKind>>();
        await select.InvokeAsync(() => select.Instance.SelectOption(ImportLayout.Parse(kind)!.Value));
        await page.InvokeAsync(() => page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, fileName)));
        return await PressAsync(page, "#import-check-button", "#import-result, #import-file-error");
    }

    /// <summary>Presses the write button of the check's result ("Ghi toàn bộ" or "Chỉ ghi … dòng hợp lệ").</summary>
    public static Task<IDocument> CommitAsync(IRenderedComponent<ImportPage> page) =>
        PressAsync(page, "#import-commit-button", "#import-result .notice, #import-file-error");

    /// <summary>Presses the write button of the page that showed <paramref name="checkedPage"/>.</summary>
    public static Task<IDocument> CommitAsync(IRenderedComponent<ImportPage> page, IDocument checkedPage)
    {
        Assert.NotNull(checkedPage.QuerySelector("#import-commit-button"));
        return CommitAsync(page);
    }

    /// <summary>Presses the button, then waits until the page is done (the button usable again) and shows what is awaited.</summary>
    private static async Task<IDocument> PressAsync(IRenderedComponent<ImportPage> page, string button, string shown)
    {
        await page.InvokeAsync(() => page.Find(button).Click());
        page.WaitForAssertion(
            () =>
            {
                Assert.Empty(page.FindAll(".import-progress"));
                Assert.NotEmpty(page.FindAll(shown));
            },
            Wait);
        return await new HtmlParser().ParseDocumentAsync(page.Markup);
    }

    /// <summary>The bad-rows table: (row, column, message) per line.</summary>
    public static List<(string Row, string Column, string Message)> Errors(IDocument page) =>
        [.. page.QuerySelectorAll(".import-errors tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(cells => (cells[0], cells[1], cells[2]))];

    public static string Summary(IDocument page) => page.QuerySelector("#import-result")?.TextContent.Trim() ?? "";
}
