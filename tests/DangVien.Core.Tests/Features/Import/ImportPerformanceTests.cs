using System.Diagnostics;
using System.Globalization;
using System.Text;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Features.Import;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace DangVien.Core.Tests.Features.Import;

/// <summary>The import at scale: 10,000 candidate rows with every importable step, checked by the rules and written with COPY.</summary>
[Trait("Category", "Performance")]
public sealed class ImportPerformanceTests(ITestOutputHelper output)
{
    private const int Cells = 100;
    private const int Rows = 10_000;
    private static readonly DateOnly Today = new(2026, 8, 3);

    [Fact]
    public async Task Ten_thousand_candidate_rows_are_checked_and_written_in_under_thirty_seconds_and_a_second_import_writes_nothing()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using (var db = database.CreateContext())
        {
            await SeedAsync(db);
        }

        var file = CandidateFile();

        var check = Stopwatch.StartNew();
        await using (var db = database.CreateContext())
        {
            var dryRun = await Service(db).ImportAsync(ImportKind.Candidates, new MemoryStream(file), "10000.csv", ImportMode.DryRun);
            Assert.Equal(Rows, dryRun.ValidRows);
            Assert.Equal(0, await db.Candidates.CountAsync());
        }

        output.WriteLine($"IMPORT check only (dry run) of 10,000 rows: {check.ElapsedMilliseconds} ms");
        var clock = Stopwatch.StartNew();
        ImportResult first;
        await using (var db = database.CreateContext())
        {
            first = await Service(db).ImportAsync(ImportKind.Candidates, new MemoryStream(file), "10000.csv", ImportMode.All);
        }

        clock.Stop();
        output.WriteLine($"IMPORT 10,000 candidate rows (70,000 history entries): {clock.ElapsedMilliseconds} ms end to end, {first.ElapsedMilliseconds} ms in the service");
        Assert.True(first.Errors.Count == 0, string.Join(Environment.NewLine, first.Errors.Take(10)));
        Assert.True(first.Committed);
        Assert.Equal(Rows, first.Written);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");

        await using (var db = database.CreateContext())
        {
            Assert.Equal(Rows, await db.Candidates.CountAsync(c => c.Stage == CandidateStage.CellVoted));
            Assert.Equal(Rows * 7, await db.StageEntries.CountAsync());
            Assert.Equal(Rows, await db.CellVotes.CountAsync(v => v.Passed));
            Assert.Equal(Rows * 2, await db.Introducers.CountAsync());
        }

        var again = Stopwatch.StartNew();
        await using (var db = database.CreateContext())
        {
            var second = await Service(db).ImportAsync(ImportKind.Candidates, new MemoryStream(file), "10000.csv", ImportMode.All);
            output.WriteLine($"IMPORT again (all rows already there): {again.ElapsedMilliseconds} ms");
            Assert.Equal(Rows, second.ExistingRows);
            Assert.Equal(0, second.Written);
            Assert.Equal(Rows, await db.Candidates.CountAsync());
        }
    }

    private static ImportService Service(DangVienDbContext db)
    {
        var time = new FixedTime(Today);
        var access = new CurrentAccess(new SystemUser("nhap.tep@test"), db, time);
        return ImportServices.Create(db, access, time);
    }

    /// <summary>A province, a commune with admission authority, 100 cells of three official members each (with citizen IDs).</summary>
    private static async Task SeedAsync(DangVienDbContext db)
    {
        if (!await db.SourceCategories.AnyAsync(c => c.Code == "doan-vien"))
        {
            db.SourceCategories.Add(new SourceCategory { Code = "doan-vien", Name = "Đoàn viên thanh niên", SortOrder = 1 });
        }

        var province = new OrgUnit { Code = "P-IMP", Name = "Tỉnh ủy Nhập Liệu", Kind = OrgUnitKind.Province, HasAdmissionAuthority = true };
        db.OrgUnits.Add(province);
        await db.SaveChangesAsync();
        province.Path = new($"{province.Id}");
        var commune = new OrgUnit { Code = "X-IMP", Name = "Đảng ủy xã Nhập Liệu", Kind = OrgUnitKind.CommuneCommittee, ParentId = province.Id, HasAdmissionAuthority = true };
        db.OrgUnits.Add(commune);
        await db.SaveChangesAsync();
        commune.Path = new($"{province.Id}.{commune.Id}");
        var cells = Enumerable.Range(0, Cells)
            .Select(i => new OrgUnit { Code = $"CB-{i:D3}", Name = $"Chi bộ thôn {i}", Kind = OrgUnitKind.Cell, ParentId = commune.Id })
            .ToList();
        db.OrgUnits.AddRange(cells);
        await db.SaveChangesAsync();
        foreach (var cell in cells)
        {
            cell.Path = new($"{commune.Path}.{cell.Id}");
        }

        for (var i = 0; i < Cells; i++)
        {
            for (var m = 0; m < 3; m++)
            {
                db.Members.Add(new Member
                {
                    FullName = $"Đảng viên {i}-{m}",
                    CellId = cells[i].Id,
                    CitizenId = MemberId(i, m),
                    Status = MemberStatus.Official,
                    AdmittedOn = new DateOnly(2010, 5, 20),
                    RecognisedOn = new DateOnly(2011, 5, 20),
                    DateOfBirth = new DateOnly(1980, 1, 1),
                });
            }
        }

        await db.SaveChangesAsync();
    }

    private static string MemberId(int cell, int member) => (1_080_000_000L + (cell * 10) + member).ToString("D12", CultureInfo.InvariantCulture);

    private static byte[] CandidateFile()
    {
        var text = new StringBuilder();
        text.Append(string.Join(";",
            "so_cccd", "ho_ten", "ngay_sinh", "gioi_tinh", "ma_chi_bo", "doi_tuong", "cccd_dang_vien_giup_do", "ngay_tao_nguon",
            "ngay_cap_chung_nhan", "so_chung_nhan", "noi_cap_chung_nhan", "ngay_lam_don", "ngay_tham_tra", "ket_luan_tham_tra",
            "ngay_gioi_thieu", "cccd_nguoi_gioi_thieu_1", "cccd_nguoi_gioi_thieu_2", "ngay_bat_dau_cung_cong_tac",
            "ngay_nhan_xet", "to_chuc_nhan_xet", "ngay_bieu_quyet", "so_dang_vien_chinh_thuc", "so_co_mat", "so_tan_thanh")).Append("\r\n");
        for (var i = 0; i < Rows; i++)
        {
            var cell = i % Cells;
            text.Append(string.Join(";",
                (1_099_000_000L + i).ToString("D12", CultureInfo.InvariantCulture), $"Nguyễn Thị Nhập {i}", "02/09/1999", i % 2 == 0 ? "Nữ" : "Nam",
                $"CB-{cell:D3}", "doan-vien", MemberId(cell, 0), "10/01/2024",
                "15/03/2024", $"{i}/GCN", "Trung tâm Chính trị huyện", "01/04/2024", "15/05/2024", "Lý lịch rõ ràng",
                "01/06/2024", MemberId(cell, 1), MemberId(cell, 2), "01/01/2022",
                "20/06/2024", "Chi đoàn và chi ủy nơi cư trú", "01/07/2024", "12", "12", "11")).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
