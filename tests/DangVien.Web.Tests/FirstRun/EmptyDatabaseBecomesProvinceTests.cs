using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DangVien.Core.Domain;
using DangVien.Testing;
using DangVien.Web.Tests.Api;
using DangVien.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.FirstRun;

/// <summary>
/// A province taking DangVien into use, with only what the README documents: <c>admin create</c> on an empty
/// database, a sign-in, a personal token from the tokens page, and the import API for every kind of record the
/// province keeps in its spreadsheets; then the reports read the figures those records make.
/// </summary>
public sealed class EmptyDatabaseBecomesProvinceTests
{
    private const string Password = "Hanam2026Quantri";

    [Fact]
    public async Task An_empty_database_becomes_a_working_province_through_the_documented_command_and_imports()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        var (exitCode, _, stderr) = await AdminCommandTests.RunAsync(
            database,
            ["admin", "create", "--user", "quantri", "--full-name", "Nguyễn Văn An", "--province-code", "HNA", "--province-name", "Đảng bộ tỉnh Hà Nam", "--migrate"],
            Password + "\n");
        Assert.True(exitCode == 0, stderr);

        await using var app = DangVienApp.Over(database);
        var browser = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(browser, "quantri", Password)).StatusCode);
        var api = app.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTests.CreateTokenAsync(browser, "nhập dữ liệu ban đầu"));

        await ImportAsync(api, "units", ImportFiles.Csv(
            ["ma_don_vi", "ten_don_vi", "loai", "ma_don_vi_cap_tren", "ngay_thanh_lap", "tham_quyen_ket_nap"],
            ["H01", "Đảng bộ huyện Bình Lục", "dang_uy_cap_tren", "HNA", "01/01/1990", "co"],
            ["X01", "Đảng bộ xã Đồng Tâm", "dang_uy_xa", "H01", "01/01/1990", ""],
            ["C01", "Chi bộ thôn Đồng Tâm", "chi_bo", "X01", "01/01/1990", ""]));
        await ImportAsync(api, "categories", ImportFiles.Csv(["ma_doi_tuong", "ten_doi_tuong"], ["cong-nhan", "Công nhân"]));
        string[] leaverColumns = ["ngay_ra_khoi_dang", "ly_do_ra_khoi_dang"];
        await ImportAsync(api, "members", ImportFiles.Csv(
            [.. ImportFiles.MemberHeader, .. leaverColumns],
            [.. ImportFiles.Members[0], "", ""],
            [.. ImportFiles.Members[1], "", ""],
            [.. ImportFiles.Members[2], "", ""],
            ["001070000004", "Phạm Văn Chuyển", "04/04/1970", "Nam", "C01", "ra_khoi_dang", "20/05/2000", "20/05/2001", "15/03/2025", "Chuyển sinh hoạt ra ngoài tỉnh"]));
        var laterSteps = ImportFiles.LaterHeader.Length - ImportFiles.CandidateHeader.Length;
        await ImportAsync(api, "candidates", ImportFiles.Csv(
            ImportFiles.LaterHeader,
            ImportFiles.AdmittedCandidate("001099000041", "Vũ Thị Hồng Nhung", recognised: true),
            [.. ImportFiles.VotedCandidate("001099000042", "Đỗ Văn Dũng"), .. Enumerable.Repeat("", laterSteps)]));
        await ImportAsync(api, "exits", ImportFiles.Csv(
            ["so_cccd", "hinh_thuc", "ngay", "ly_do_dung_xem_xet", "so_quyet_dinh_xoa_ten", "noi_dung"],
            ["001099000042", "dung_xem_xet", "01/08/2025", "chuyen_di", "", "Chuyển đi tỉnh khác"]));
        await ImportAsync(api, "quotas", ImportFiles.Csv(
            ["ma_don_vi", "nam", "chi_tieu", "chi_tieu_theo_doi_tuong"],
            ["HNA", "2025", "40", ""], ["H01", "2025", "10", ""], ["X01", "2025", "3", ""], ["C01", "2025", "1", ""]));

        await using var db = database.CreateContext();
        var cell = await db.OrgUnits.SingleAsync(u => u.Code == "C01");
        var province = await db.OrgUnits.SingleAsync(u => u.Code == "HNA");
        Assert.Equal(MemberStatus.Official, (await db.Members.SingleAsync(m => m.CitizenId == "001099000041")).Status);
        Assert.Equal(CandidateStage.Exited, (await db.Candidates.SingleAsync(c => c.CitizenId == "001099000042")).Stage);

        var year2024 = await ReadAsync(api, $"/api/units/{cell.Id}/reports/2024");
        Assert.Equal(1, year2024.GetProperty("admitted").GetInt32());
        var year2025 = await ReadAsync(api, $"/api/units/{cell.Id}/reports/2025");
        Assert.Equal(
            (5, 4, 1, 1, 1),
            (year2025.GetProperty("membersAtStart").GetInt32(), year2025.GetProperty("membersAtEnd").GetInt32(), year2025.GetProperty("recognised").GetInt32(),
                year2025.GetProperty("exited").GetInt32(), year2025.GetProperty("quota").GetInt32()));
        var provinceYear = await ReadAsync(api, $"/api/units/{province.Id}/reports/2025");
        Assert.Equal((5, 4, 40), (provinceYear.GetProperty("membersAtStart").GetInt32(), provinceYear.GetProperty("membersAtEnd").GetInt32(), provinceYear.GetProperty("quota").GetInt32()));

        // The pages a committee reads show the same province.
        var reportPage = await browser.GetStringAsync($"/reports?unit={province.Id}&year=2025");
        Assert.Contains("Đảng bộ tỉnh Hà Nam", WebUtility.HtmlDecode(reportPage), StringComparison.Ordinal);
        var filePage = WebUtility.HtmlDecode(await browser.GetStringAsync($"/units/{cell.Id}"));
        Assert.Contains("Chi bộ thôn Đồng Tâm", filePage, StringComparison.Ordinal);
    }

    private static async Task ImportAsync(HttpClient api, string kind, byte[] csv)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", kind + ".csv" } };
        using var response = await api.PostAsync($"/api/import/{kind}?mode=all", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind}: {(int)response.StatusCode} {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("committed").GetBoolean(), $"{kind}: {body}");
    }

    private static async Task<JsonElement> ReadAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
