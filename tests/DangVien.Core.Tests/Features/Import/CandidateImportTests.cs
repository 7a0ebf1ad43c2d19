using System.Text;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Features.Import;
using DangVien.Core.Features.Reports;
using DangVien.Core.Tests.Features.Reports;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Core.Tests.Features.Import;

/// <summary>
/// Candidates imported with their history past the cell vote (committee resolution, decision, ceremony,
/// new-member course, recognition, removal): the files and member rows equal what the forms produce,
/// every bad row names its row, column and reason, and a second import writes nothing.
/// </summary>
public sealed class CandidateImportTests
{
    private const string User = "can.bo@test";
    internal static readonly DateOnly Today = new(2026, 8, 3);

    private static readonly string[] Header =
    [
        "so_cccd", "ho_ten", "ngay_sinh", "gioi_tinh", "ma_chi_bo", "doi_tuong", "cccd_dang_vien_giup_do", "ngay_tao_nguon",
        "ngay_cap_chung_nhan", "so_chung_nhan", "noi_cap_chung_nhan", "ngay_lam_don", "ngay_tham_tra", "ket_luan_tham_tra",
        "ngay_gioi_thieu", "cccd_nguoi_gioi_thieu_1", "cccd_nguoi_gioi_thieu_2", "ngay_bat_dau_cung_cong_tac",
        "ngay_nhan_xet", "to_chuc_nhan_xet", "ngay_bieu_quyet", "so_dang_vien_chinh_thuc", "so_co_mat", "so_tan_thanh",
        "ngay_nghi_quyet_dang_uy", "so_nghi_quyet_dang_uy", "ngay_quyet_dinh_ket_nap", "so_quyet_dinh_ket_nap", "ngay_chi_bo_nhan_quyet_dinh",
        "ngay_dong_y_ket_nap_cham", "so_van_ban_dong_y_ket_nap_cham", "cap_uy_dong_y_ket_nap_cham", "ly_do_ket_nap_cham",
        "ngay_ket_nap", "cccd_giup_do_dang_vien_du_bi",
        "ngay_cap_chung_nhan_dv_moi", "so_chung_nhan_dv_moi", "noi_cap_chung_nhan_dv_moi",
        "ngay_xet_chinh_thuc", "so_dang_vien_chinh_thuc_khi_xet", "so_co_mat_khi_xet", "so_tan_thanh_khi_xet", "ly_do_xet_cham",
        "ngay_quyet_dinh_chinh_thuc", "so_quyet_dinh_chinh_thuc",
        "ngay_xoa_ten", "so_quyet_dinh_xoa_ten", "ly_do_xoa_ten",
    ];

    /// <summary>How far a row (and the same file through the forms) goes.</summary>
    internal enum Until
    {
        Decision,
        Ceremony,
        Official,
        Removed,
    }

    [Fact]
    public async Task Candidates_at_every_later_stage_import_exactly_as_the_forms_record_them_and_a_second_import_writes_nothing()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await WorldAsync(db);

        // Teachers' cell sits under a grassroots committee (resolution 8-KNĐ needed); the village cell does not.
        var rows = new[]
        {
            Row("001099000101", "Cao Thị Quyết", "CB-GV", Until.Decision),
            Row("001099000102", "Cao Văn Lễ", "CB-GV", Until.Ceremony),
            Row("001099000103", "Cao Thị Chính", "CB-GV", Until.Official),
            Row("001099000104", "Cao Văn Xóa", "CB-TD", Until.Removed),
        };
        var file = Csv(rows);
        var membersBefore = await db.Members.CountAsync();

        var result = await Import(world, db).ImportAsync(ImportKind.Candidates, new MemoryStream(file), "ket-nap.csv", ImportMode.All);
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.True(result.Committed);
        Assert.Equal(4, result.Written);

        // The same people through the forms, with other citizen IDs.
        var viaForms = new Dictionary<string, int>
        {
            ["001099000101"] = await ThroughFormsAsync(world, "001099000201", "Cao Thị Quyết", world.TeachersCell, Until.Decision),
            ["001099000102"] = await ThroughFormsAsync(world, "001099000202", "Cao Văn Lễ", world.TeachersCell, Until.Ceremony),
            ["001099000103"] = await ThroughFormsAsync(world, "001099000203", "Cao Thị Chính", world.TeachersCell, Until.Official),
            ["001099000104"] = await ThroughFormsAsync(world, "001099000204", "Cao Văn Xóa", world.VillageCell, Until.Removed),
        };

        db.ChangeTracker.Clear();
        foreach (var (citizenId, formId) in viaForms)
        {
            var imported = await db.Candidates.AsNoTracking().SingleAsync(c => c.CitizenId == citizenId);
            var entered = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == formId);
            Assert.Equal(entered.Stage, imported.Stage);
            Assert.Equal(entered.StageSince, imported.StageSince);
            Assert.Equal(entered.CellId, imported.CellId);
            Assert.Equal(await ShapeAsync(db, formId), await ShapeAsync(db, imported.Id));
            Assert.Equal(await MemberShapeAsync(db, formId), await MemberShapeAsync(db, imported.Id));
        }

        var official = await db.Members.AsNoTracking().SingleAsync(m => m.CitizenId == "001099000103");
        Assert.Equal(MemberStatus.Official, official.Status);
        Assert.Equal(new DateOnly(2024, 9, 5), official.AdmittedOn);
        Assert.Equal(new DateOnly(2025, 9, 5), official.RecognisedOn);
        Assert.Equal(CandidateStage.Official, (await db.Candidates.AsNoTracking().SingleAsync(c => c.CitizenId == "001099000103")).Stage);
        Assert.Equal(MemberStatus.Probationary, (await db.Members.AsNoTracking().SingleAsync(m => m.CitizenId == "001099000102")).Status);
        Assert.Equal(MemberStatus.Removed, (await db.Members.AsNoTracking().SingleAsync(m => m.CitizenId == "001099000104")).Status);
        Assert.False(await db.Members.AnyAsync(m => m.CitizenId == "001099000101"));
        Assert.Equal(membersBefore + 6, await db.Members.CountAsync());

        // Again: every row is already there; no file, entry or member is added.
        var entries = await db.StageEntries.CountAsync();
        var again = await Import(world, db).ImportAsync(ImportKind.Candidates, new MemoryStream(file), "ket-nap.csv", ImportMode.All);
        Assert.Empty(again.Errors);
        Assert.Equal(4, again.ExistingRows);
        Assert.Equal(0, again.Written);
        Assert.Equal(membersBefore + 6, await db.Members.CountAsync());
        Assert.Equal(entries, await db.StageEntries.CountAsync());
        Assert.Equal(8, await db.Candidates.CountAsync());
    }

    [Fact]
    public async Task A_late_ceremony_with_the_superior_committee_s_consent_recorded_before_it_is_imported()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await WorldAsync(db);
        var row = Row("001099000111", "Cao Thị Muộn", "CB-TD", Until.Ceremony);
        Set(row, "ngay_dong_y_ket_nap_cham", "01/11/2024");
        Set(row, "so_van_ban_dong_y_ket_nap_cham", "77-CV/HU");
        Set(row, "cap_uy_dong_y_ket_nap_cham", "Ban Thường vụ Huyện ủy");
        Set(row, "ly_do_ket_nap_cham", "Người vào Đảng đi công tác dài ngày");
        Set(row, "ngay_ket_nap", "20/11/2024");

        var result = await Import(world, db).ImportAsync(ImportKind.Candidates, new MemoryStream(Csv([row])), "muon.csv", ImportMode.All);

        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        var candidate = await db.Candidates.AsNoTracking().Include(c => c.History).SingleAsync(c => c.CitizenId == "001099000111");
        Assert.Equal(CandidateStage.Probation, candidate.Stage);
        Assert.Contains(candidate.History, e => e.Kind == StageKind.LateCeremonyConsent && e.Issuer == "Ban Thường vụ Huyện ủy");
        Assert.Equal(new DateOnly(2024, 11, 20), (await db.Members.AsNoTracking().SingleAsync(m => m.CandidateId == candidate.Id)).AdmittedOn);
    }

    [Fact]
    public async Task A_history_dated_inside_a_frozen_year_is_refused_on_its_row_naming_the_year()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await WorldAsync(db);
        Assert.True((await world.Reports().FreezeAsync(world.Commune.Id, 2024)).Succeeded);

        var result = await Import(world, db).ImportAsync(
            ImportKind.Candidates, new MemoryStream(Csv([Row("001099000131", "Cao Thị Chốt", "CB-GV", Until.Decision)])), "chot.csv", ImportMode.All);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "ngay_tao_nguon", FrozenYears.Message(2024)), (error.Row, error.Column, error.Message));
        Assert.StartsWith("Năm 2024 đã chốt số liệu;", error.Message, StringComparison.Ordinal);
        Assert.False(await db.Candidates.AnyAsync(c => c.CitizenId == "001099000131"));
    }

    [Fact]
    public async Task Each_bad_later_step_is_reported_with_its_row_column_and_reason_and_nothing_is_written()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await WorldAsync(db);

        var good = Row("001099000120", "Cao Văn Tốt", "CB-GV", Until.Official);

        // Row 3: the admission decision dated before the grassroots committee's resolution.
        var decisionFirst = Row("001099000121", "Cao Văn Sớm", "CB-GV", Until.Decision);
        Set(decisionFirst, "ngay_nghi_quyet_dang_uy", "20/08/2024");

        // Row 4: a cell under a grassroots committee, without that committee's resolution.
        var noResolution = Row("001099000122", "Cao Văn Thiếu", "CB-GV", Until.Decision);
        Set(noResolution, "ngay_nghi_quyet_dang_uy", "");
        Set(noResolution, "so_nghi_quyet_dang_uy", "");

        // Row 5: the ceremony after the 30 working days, with no consent.
        var lateCeremony = Row("001099000123", "Cao Thị Trễ", "CB-TD", Until.Ceremony);
        Set(lateCeremony, "ngay_ket_nap", "20/11/2024");

        // Row 6: the recognition vote before the 12 months of probation end.
        var early = Row("001099000124", "Cao Văn Vội", "CB-GV", Until.Official);
        Set(early, "ngay_xet_chinh_thuc", "01/08/2025");

        // Row 7: the helper is the probationary teacher's citizen ID: not an official member.
        var badHelper = Row("001099000125", "Cao Thị Giúp", "CB-GV", Until.Ceremony);
        Set(badHelper, "cccd_giup_do_dang_vien_du_bi", "001098000009");

        // Row 8: a recognition decision without the cell's recognition vote.
        var noVote = Row("001099000126", "Cao Văn Nhảy", "CB-GV", Until.Official);
        foreach (var column in new[] { "ngay_xet_chinh_thuc", "so_dang_vien_chinh_thuc_khi_xet", "so_co_mat_khi_xet", "so_tan_thanh_khi_xet" })
        {
            Set(noVote, column, "");
        }

        // Row 9: removal and recognition in one row.
        var both = Row("001099000127", "Cao Thị Hai", "CB-GV", Until.Official);
        Set(both, "ngay_xoa_ten", "01/10/2025");
        Set(both, "so_quyet_dinh_xoa_ten", "9-QĐ/ĐU");
        Set(both, "ly_do_xoa_ten", "Không đủ tư cách");

        // Row 10: the admission decision without its number.
        var noNumber = Row("001099000128", "Cao Văn Số", "CB-TD", Until.Decision);
        Set(noNumber, "so_quyet_dinh_ket_nap", "");

        var membersBefore = await db.Members.CountAsync();
        var file = Csv([good, decisionFirst, noResolution, lateCeremony, early, badHelper, noVote, both, noNumber]);
        var result = await Import(world, db).ImportAsync(ImportKind.Candidates, new MemoryStream(file), "loi.csv", ImportMode.All);

        Assert.False(result.Committed);
        Assert.Equal(1, result.ValidRows);
        Assert.Equal(8, result.BadRows);
        AssertError(result, 3, "ngay_quyet_dinh_ket_nap", "nghị quyết của đảng ủy cơ sở");
        AssertError(result, 4, "ngay_quyet_dinh_ket_nap", "chưa có nghị quyết của đảng ủy cơ sở");
        AssertError(result, 5, "ngay_ket_nap", "Quá hạn tổ chức lễ kết nạp");
        AssertError(result, 6, "ngay_xet_chinh_thuc", "Chưa hết 12 tháng dự bị");
        AssertError(result, 7, "cccd_giup_do_dang_vien_du_bi", "phải là đảng viên chính thức");
        AssertError(result, 8, "ngay_quyet_dinh_chinh_thuc", "chi bộ chưa biểu quyết công nhận chính thức");
        AssertError(result, 9, "ngay_xoa_ten", "đã là đảng viên chính thức");
        AssertError(result, 10, "so_quyet_dinh_ket_nap", "số quyết định kết nạp");

        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.Candidates.CountAsync());
        Assert.Equal(0, await db.StageEntries.CountAsync());
        Assert.Equal(membersBefore, await db.Members.CountAsync());

        // "Only the valid rows": the good one is written with its member, the bad ones are not.
        var validOnly = await Import(world, db).ImportAsync(ImportKind.Candidates, new MemoryStream(file), "loi.csv", ImportMode.ValidOnly);
        Assert.True(validOnly.Committed);
        Assert.Equal(1, validOnly.Written);
        Assert.Equal(1, await db.Candidates.CountAsync());
        Assert.Equal(membersBefore + 1, await db.Members.CountAsync());
    }

    private static void AssertError(ImportResult result, int row, string column, string reason) =>
        Assert.True(result.Errors.Any(e => e.Row == row && e.Column == column && e.Message.Contains(reason, StringComparison.Ordinal)),
            $"expected row {row}, column {column}: \"{reason}\"; got:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");

    /// <summary>The World of the pipeline tests, with citizen IDs on the members the files name.</summary>
    internal static async Task<World> WorldAsync(DangVienDbContext db)
    {
        var world = await World.CreateAsync(db, Today);
        for (var i = 0; i < 3; i++)
        {
            await SetCitizenIdAsync(db, world.Teachers[i], TeacherId(i));
            await SetCitizenIdAsync(db, world.Villagers[i], VillagerId(i));
        }

        await SetCitizenIdAsync(db, world.ProbationaryTeacher, "001098000009");
        return world;
    }

    private static async Task SetCitizenIdAsync(DangVienDbContext db, Member member, string citizenId)
    {
        member.CitizenId = citizenId;
        await db.Members.Where(m => m.Id == member.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CitizenId, citizenId));
    }

    private static string TeacherId(int i) => $"00108000010{i}";

    private static string VillagerId(int i) => $"00108000020{i}";

    internal static Dictionary<string, string> Row(string citizenId, string name, string cellCode, Until until)
    {
        var teachers = cellCode == "CB-GV";
        string Member(int i) => teachers ? TeacherId(i) : VillagerId(i);
        var row = new Dictionary<string, string>
        {
            ["so_cccd"] = citizenId, ["ho_ten"] = name, ["ngay_sinh"] = "12/04/2000", ["gioi_tinh"] = "Nữ", ["ma_chi_bo"] = cellCode,
            ["doi_tuong"] = "DOAN_VIEN;NU", ["cccd_dang_vien_giup_do"] = Member(0), ["ngay_tao_nguon"] = "10/01/2024",
            ["ngay_cap_chung_nhan"] = "15/03/2024", ["so_chung_nhan"] = "125/GCN", ["noi_cap_chung_nhan"] = "Trung tâm Chính trị huyện",
            ["ngay_lam_don"] = "01/04/2024", ["ngay_tham_tra"] = "15/05/2024", ["ket_luan_tham_tra"] = "Lý lịch rõ ràng",
            ["ngay_gioi_thieu"] = "03/06/2024", ["cccd_nguoi_gioi_thieu_1"] = Member(1), ["cccd_nguoi_gioi_thieu_2"] = Member(2),
            ["ngay_bat_dau_cung_cong_tac"] = "01/09/2018",
            ["ngay_nhan_xet"] = "20/06/2024", ["to_chuc_nhan_xet"] = "Chi đoàn và chi ủy nơi cư trú",
            ["ngay_bieu_quyet"] = "01/07/2024", ["so_dang_vien_chinh_thuc"] = teachers ? "10" : "4", ["so_co_mat"] = teachers ? "10" : "4",
            ["so_tan_thanh"] = teachers ? "9" : "3",
        };
        if (teachers)
        {
            row["ngay_nghi_quyet_dang_uy"] = "15/07/2024";
            row["so_nghi_quyet_dang_uy"] = "45-NQ/ĐU";
        }

        row["ngay_quyet_dinh_ket_nap"] = "12/08/2024";
        row["so_quyet_dinh_ket_nap"] = "101-QĐ/ĐU";
        row["ngay_chi_bo_nhan_quyet_dinh"] = "15/08/2024";
        if (until == Until.Decision)
        {
            return row;
        }

        row["ngay_ket_nap"] = "05/09/2024";
        row["cccd_giup_do_dang_vien_du_bi"] = Member(0);
        if (until == Until.Ceremony)
        {
            return row;
        }

        row["ngay_cap_chung_nhan_dv_moi"] = "20/12/2024";
        row["so_chung_nhan_dv_moi"] = "DVM-7";
        row["noi_cap_chung_nhan_dv_moi"] = "Trung tâm Chính trị huyện";
        if (until == Until.Removed)
        {
            row["ngay_xoa_ten"] = "01/10/2025";
            row["so_quyet_dinh_xoa_ten"] = "9-QĐ/ĐU";
            row["ly_do_xoa_ten"] = "Không đủ tư cách đảng viên";
            return row;
        }

        row["ngay_xet_chinh_thuc"] = "10/09/2025";
        row["so_dang_vien_chinh_thuc_khi_xet"] = "10";
        row["so_co_mat_khi_xet"] = "10";
        row["so_tan_thanh_khi_xet"] = "9";
        row["ngay_quyet_dinh_chinh_thuc"] = "25/09/2025";
        row["so_quyet_dinh_chinh_thuc"] = "205-QĐ/ĐU";
        return row;
    }

    private static void Set(Dictionary<string, string> row, string column, string value) => row[column] = value;

    /// <summary>The same file entered through the service, step by step, as committee staff would through the forms.</summary>
    private static async Task<int> ThroughFormsAsync(World world, string citizenId, string name, OrgUnit cell, Until until)
    {
        var teachers = cell.Id == world.TeachersCell.Id;
        var members = world.MembersOf(cell);
        var walk = await CandidateWalk.StartAsync(world.Admission(User), world.Db, members,
            world.NewCandidate(new DateOnly(2024, 1, 10), cell, name: name, citizenId: citizenId) with { Note = "Nhập từ tệp" });
        static void Ok(Result result) => Assert.True(result.Succeeded, CandidateWalk.Describe(result));

        await walk.CertificateAsync(new(2024, 3, 15), "125/GCN");
        await walk.ApplicationAsync(new(2024, 4, 1));
        await walk.VerificationAsync(new(2024, 5, 15), "Lý lịch rõ ràng", certifiedBy: null);
        Ok(await walk.IntroductionAsync(new(2024, 6, 3), members[1], members[2]));
        await walk.OpinionAsync(new(2024, 6, 20), OpinionForm.Summary, "Chi đoàn và chi ủy nơi cư trú");
        Ok(await walk.CellVoteAsync(new(2024, 7, 1), teachers ? 10 : 4, teachers ? 10 : 4, teachers ? 9 : 3, resolutionNumber: null, reason: AdmissionRules.ImportedRosterReason));
        if (teachers)
        {
            await walk.CommitteeResolutionAsync(new(2024, 7, 15));
        }

        Ok(await walk.DecisionAsync(new(2024, 8, 12), received: new(2024, 8, 15)));
        if (until == Until.Decision)
        {
            return walk.Id;
        }

        Ok(await walk.CeremonyAsync(new(2024, 9, 5), members[0]));
        if (until == Until.Ceremony)
        {
            return walk.Id;
        }

        await walk.NewMemberCourseAsync(new(2024, 12, 20));
        if (until == Until.Removed)
        {
            await walk.OkAsync(v => walk.Service.RecordAsync(
                new RemoveFromListRequest() { CandidateId = walk.Id, RemovedOn = new(2025, 10, 1), DecisionNumber = "9-QĐ/ĐU", Reason = "Không đủ tư cách đảng viên" }, v));
            return walk.Id;
        }

        Ok(await walk.RecognitionVoteAsync(new(2025, 9, 10), 10, 10, 9, reason: AdmissionRules.ImportedRosterReason));
        Ok(await walk.RecognitionDecisionAsync(new(2025, 9, 25)));
        return walk.Id;
    }

    /// <summary>A file's history as a list of lines, without ids and times: what a reader of the file sees.</summary>
    private static async Task<List<string>> ShapeAsync(DangVienDbContext db, int candidateId)
    {
        var entries = await db.StageEntries.AsNoTracking().Include(e => e.Vote).Include(e => e.Introducers)
            .Where(e => e.CandidateId == candidateId).OrderBy(e => e.Id).ToListAsync();
        var categories = await db.Set<CandidateCategory>().AsNoTracking().Where(c => c.CandidateId == candidateId)
            .OrderBy(c => c.SourceCategoryId).Select(c => c.SourceCategoryId).ToListAsync();
        return
        [
            $"categories {string.Join(",", categories)}",
            .. entries.Select(e => string.Join("|",
                e.Kind, e.EffectiveOn, e.DocumentDate, e.FormCode, e.DocumentNumber, e.Issuer, e.UnitId, e.MemberId, e.ReceivedOn,
                e.ExtensionWorkingDays, e.IntroductionBasis, e.Note, e.RecordedBy,
                e.Vote is { } v ? $"{v.OfficialMembers}/{v.Present}/{v.InFavour}/{v.Passed}/{v.OfficialMembersReason}" : "",
                string.Join(",", e.Introducers.OrderBy(i => i.MemberId).Select(i => $"{i.MemberId}@{i.KnownSince}")))),
        ];
    }

    private static async Task<string> MemberShapeAsync(DangVienDbContext db, int candidateId) =>
        await db.Members.AsNoTracking().Where(m => m.CandidateId == candidateId).SingleOrDefaultAsync() is { } m
            ? string.Join("|", m.FullName, m.DateOfBirth, m.Sex, m.CellId, m.Status, m.AdmittedOn, m.RecognisedOn, m.LeftOn, m.LeftReason,
                m.BarredFromReadmission, m.HadCriminalConviction)
            : "no member";

    internal static ImportService Import(World world, DangVienDbContext db)
    {
        var access = new CurrentAccess(new SystemUser(User), db, world.Time);
        return ImportServices.Create(db, access, world.Time);
    }

    internal static byte[] Csv(IEnumerable<Dictionary<string, string>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(";", Header)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(";", Header.Select(h => row.GetValueOrDefault(h, "")).Select(v => v.Contains(';') ? $"\"{v}\"" : v))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
