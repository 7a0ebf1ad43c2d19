using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Api;
using DangVien.Web.Tests.Candidates;
using DangVien.Web.Tests.Import;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Security;

/// <summary>Text is clean on the way in (forms, API import) and an export never fails on what is stored.</summary>
public sealed class UploadTextTests
{
    [Fact]
    public async Task An_api_import_with_bytes_that_are_not_utf8_or_a_bidi_override_lists_those_rows_and_never_stores_them()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var api = app.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTests.CreateTokenAsync(staff, "nhập tệp"));
        var members = await Json(await api.PostAsync("/api/import/members?mode=all", File(ImportFiles.Csv(ImportFiles.MemberHeader, ImportFiles.Members), "dang-vien.csv")));
        Assert.True(members.GetProperty("committed").GetBoolean());

        var good = Encoding.UTF8.GetBytes(Line(ImportFiles.CandidateHeader) + Line(ImportFiles.VotedCandidate("001099000031", "Mai Văn Lộc")));
        var broken = Encoding.UTF8.GetBytes(Line(ImportFiles.VotedCandidate("001099000032", "Nguyễn Văn XX")));
        var at = broken.AsSpan().IndexOf("XX"u8);
        broken[at] = 0xC3;
        broken[at + 1] = 0x28;
        var bidi = Encoding.UTF8.GetBytes(Line(ImportFiles.VotedCandidate("001099000033", "Trần\u202E Thị Mai")));
        byte[] file = [.. good, .. broken, .. bidi];

        var all = await Json(await api.PostAsync("/api/import/candidates?mode=all", File(file, "quan-chung.csv")));
        Assert.False(all.GetProperty("committed").GetBoolean());
        Assert.Equal(
            [
                (3, "ho_ten", "Ô này có byte không phải văn bản UTF-8: hãy lưu tệp dạng CSV UTF-8 rồi nhập lại."),
                (4, "ho_ten", "Ô này chứa ký tự đảo chiều văn bản (U+202E), không được phép: hãy gõ lại."),
            ],
            all.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString())));

        var validOnly = await Json(await api.PostAsync("/api/import/candidates?mode=valid-only", File(file, "quan-chung.csv")));
        Assert.Equal(1, validOnly.GetProperty("written").GetInt32());
        await using var db = app.Database.CreateContext();
        Assert.Equal(["Mai Văn Lộc"], await db.Candidates.Select(c => c.FullName).ToListAsync());
    }

    [Fact]
    public async Task A_stored_name_with_a_vertical_tab_still_exports_as_xlsx_and_csv()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var id = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        await using (var db = app.Database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE candidates SET full_name = {"Phạm\vThị\u0001Hồng"} WHERE id = {id}");
        }

        var xlsx = await staff.GetAsync($"/candidates/export.xlsx?unit={tree.CellA.Id}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var texts = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text);
            Assert.Contains("Phạm\uFFFDThị\uFFFDHồng", texts);
        }

        var csv = await staff.GetAsync($"/candidates/export.csv?unit={tree.CellA.Id}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("Phạm\vThị\u0001Hồng", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Line(IEnumerable<string> values) => string.Join(";", values.Select(v => v.Contains(';') ? $"\"{v}\"" : v)) + "\r\n";

    private static MultipartFormDataContent File(byte[] content, string name) => new() { { new ByteArrayContent(content), "file", name } };

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
