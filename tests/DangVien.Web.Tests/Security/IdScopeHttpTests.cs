using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Tests.Api;
using DangVien.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Security;

/// <summary>
/// Ids outside the user's scope posted through HTTP: the create form (a mentor of another commune), the transfer form (a
/// cell of another commune) and the API import (a mentor's citizen ID and a cell code of another commune). The answer is
/// the one an id that does not exist gets, the page and the JSON never carry the other commune's names, nothing is written.
/// </summary>
public sealed class IdScopeHttpTests
{
    private const string OutsiderName = "Hoàng Văn Ngoài";
    private const string OutsiderCitizenId = "001080000901";
    internal const string OtherCellName = "Chi bộ thôn Hòa Bình";
    private const string OtherCellCode = "C91";
    internal const int MissingId = 987_654;

    [Fact]
    public async Task The_api_import_resolves_citizen_ids_and_cell_codes_inside_the_tokens_scope()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        await AnotherCommuneAsync(app, tree);
        var api = app.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTests.CreateTokenAsync(await app.StaffAsync(tree), "nhập tệp"));

        async Task<string[]> ErrorsAsync(string cell, string mentorCitizenId)
        {
            string[] row = [.. ImportFiles.SourceCandidate("001201000111", "Lò Thị Mới", cell)];
            row[6] = mentorCitizenId;
            var content = new MultipartFormDataContent { { new ByteArrayContent(ImportFiles.Csv(ImportFiles.CandidateHeader, row)), "file", "quan-chung.csv" } };
            var response = await api.PostAsync("/api/import/candidates?mode=all", content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(OutsiderName, body, StringComparison.Ordinal);
            Assert.DoesNotContain(OtherCellName, body, StringComparison.Ordinal);
            var json = JsonDocument.Parse(body).RootElement;
            Assert.False(json.GetProperty("committed").GetBoolean());
            return [.. json.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("column").GetString()}: {e.GetProperty("message").GetString()}")];
        }

        var outsideMentor = await ErrorsAsync("C01", OutsiderCitizenId);
        var missingMentor = await ErrorsAsync("C01", "099099099099");
        var outsideCell = await ErrorsAsync(OtherCellCode, "099099099099");
        var missingCell = await ErrorsAsync("C99", "099099099099");

        Assert.Equal([$"cccd_dang_vien_giup_do: Không tìm thấy đảng viên có số CCCD {OutsiderCitizenId}."], outsideMentor);
        Assert.Equal(["cccd_dang_vien_giup_do: Không tìm thấy đảng viên có số CCCD 099099099099."], missingMentor);
        Assert.Equal($"ma_chi_bo: Không tìm thấy chi bộ mã \"{OtherCellCode}\".", outsideCell[0]);
        Assert.Equal(missingCell.Select(e => e.Replace("C99", OtherCellCode, StringComparison.Ordinal)), outsideCell);
        await using var db = app.Database.CreateContext();
        Assert.Empty(db.Candidates);
    }

    /// <summary>Another commune beside Tân Lập, with a cell and an official member holding a citizen ID: (member id, cell id).</summary>
    internal static async Task<(int Member, int Cell)> AnotherCommuneAsync(DangVienApp app, TinyProvince tree)
    {
        await using var db = app.Database.CreateContext();
        var commune = new OrgUnit { Code = "X91", Name = "Đảng bộ xã Hòa Bình", Kind = OrgUnitKind.CommuneCommittee, ParentId = tree.Province.Id, HasAdmissionAuthority = true };
        db.OrgUnits.Add(commune);
        await db.SaveChangesAsync();
        commune.Path = new($"{tree.Province.Path}.{commune.Id}");
        var cell = new OrgUnit { Code = OtherCellCode, Name = OtherCellName, Kind = OrgUnitKind.Cell, ParentId = commune.Id };
        db.OrgUnits.Add(cell);
        await db.SaveChangesAsync();
        cell.Path = new($"{commune.Path}.{cell.Id}");
        var member = new Member
        {
            FullName = OutsiderName,
            CitizenId = OutsiderCitizenId,
            DateOfBirth = new DateOnly(1975, 5, 5),
            CellId = cell.Id,
            Status = MemberStatus.Official,
            AdmittedOn = new DateOnly(2005, 1, 1),
            RecognisedOn = new DateOnly(2006, 1, 1),
        };
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return (member.Id, cell.Id);
    }
}
