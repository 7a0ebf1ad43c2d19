using System.Text;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Categories;
using DangVien.Core.Features.Import;
using DangVien.Core.Tests.Features.Quotas;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Import;

/// <summary>
/// The kinds a province brings in besides units and candidates: members who left, exits and removals of files, quotas
/// and source categories. Each: a good file commits and a second import writes nothing, a file with one bad row commits
/// nothing and names the row with every reason, and a unit or file outside the importer's scope is not found (never named).
/// </summary>
public sealed class ImportKindsTests
{
    private static readonly DateOnly Today = CandidateImportTests.Today;

    [Fact]
    public async Task Members_who_left_come_in_with_their_dates_and_reasons_and_a_bad_row_lists_every_reason()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var good = new[]
        {
            Member("001070000001", "Phạm Văn Đi", "chinh_thuc", "ra_khoi_dang", left: "01/03/2022", reason: "Chuyển sinh hoạt ra ngoài tỉnh"),
            Member("001070000002", "Phạm Thị Xóa", "du_bi", "xoa_ten", left: "01/06/2021", reason: "Không đủ tư cách đảng viên", barred: "co"),
            Member("001070000003", "Phạm Văn Ở", "chinh_thuc", "chinh_thuc"),
        };

        var written = await Import(world, db).ImportAsync(ImportKind.Members, Csv(ImportKind.Members, good), "dang-vien.csv", ImportMode.All);

        Assert.True(written.Errors.Count == 0, string.Join(Environment.NewLine, written.Errors));
        Assert.Equal(3, written.Written);
        var left = await db.Members.AsNoTracking().SingleAsync(m => m.CitizenId == "001070000001");
        Assert.Equal((MemberStatus.Left, new DateOnly(2022, 3, 1), "Chuyển sinh hoạt ra ngoài tỉnh", false),
            (left.Status, left.LeftOn, left.LeftReason, left.BarredFromReadmission));
        Assert.False(MemberStanding.IsMemberOn(left, new DateOnly(2022, 3, 1)));
        Assert.True(MemberStanding.IsMemberOn(left, new DateOnly(2022, 2, 28)));
        var removed = await db.Members.AsNoTracking().SingleAsync(m => m.CitizenId == "001070000002");
        Assert.Equal((MemberStatus.Removed, new DateOnly(2021, 6, 1), (DateOnly?)null, true), (removed.Status, removed.LeftOn, removed.RecognisedOn, removed.BarredFromReadmission));
        Assert.Null((await db.Members.AsNoTracking().SingleAsync(m => m.CitizenId == "001070000003")).LeftOn);

        var again = await Import(world, db).ImportAsync(ImportKind.Members, Csv(ImportKind.Members, good), "dang-vien.csv", ImportMode.All);
        Assert.Equal((3, 0), (again.ExistingRows, again.Written));

        // Row 3: left without a date, a birth date that is no date, a sex that is neither, a reason of 600 characters.
        var bad = Member("001070000005", "Phạm Văn Lỗi", "chinh_thuc", "ra_khoi_dang", left: "", reason: new string('x', 600));
        bad["ngay_sinh"] = "31/02/1990";
        bad["gioi_tinh"] = "X";
        var members = await db.Members.CountAsync();
        var refused = await Import(world, db).ImportAsync(ImportKind.Members,
            Csv(ImportKind.Members, Member("001070000004", "Phạm Văn Tốt", "chinh_thuc", "chinh_thuc"), bad), "loi.csv", ImportMode.All);

        Assert.False(refused.Committed);
        Assert.Equal(1, refused.BadRows);
        Assert.Equal(["gioi_tinh", "ly_do_ra_khoi_dang", "ngay_ra_khoi_dang", "ngay_sinh"], refused.Errors.Where(e => e.Row == 3).Select(e => e.Column).Order(StringComparer.Ordinal));
        Assert.Equal(members, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Exits_and_removals_are_recorded_on_files_by_citizen_id_with_the_forms_rules_and_scope()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await CandidateImportTests.WorldAsync(db);
        var files = CandidateImportTests.Csv(
        [
            CandidateImportTests.Row("001099000301", "Đỗ Văn Dừng", "CB-GV", CandidateImportTests.Until.Decision),
            CandidateImportTests.Row("001099000302", "Đỗ Thị Xóa", "CB-TD", CandidateImportTests.Until.Ceremony),
            CandidateImportTests.Row("001099000303", "Đỗ Văn Chưa", "CB-TD", CandidateImportTests.Until.Decision),
        ]);
        var candidates = await CandidateImportTests.Import(world, db).ImportAsync(ImportKind.Candidates, new MemoryStream(files), "hs.csv", ImportMode.All);
        Assert.True(candidates.Errors.Count == 0, string.Join(Environment.NewLine, candidates.Errors));

        // A committee staff member of the other commune sees none of these files: each reads as not found, no unit named.
        var outsider = await world.UserAsync("xa.khac", (world.OtherCommune, AccessRole.CommitteeStaff));
        var exits = Csv(ImportKind.Exits,
            Exit("001099000301", "dung_xem_xet", "01/06/2026", reason: "rut_don", text: "Xin rút đơn vì đi học xa"),
            Exit("001099000302", "xoa_ten", "01/10/2025", decision: "9-QĐ/ĐU", text: "Không đủ tư cách đảng viên"));
        var outside = await Import(world, db, outsider).ImportAsync(ImportKind.Exits, exits, "dung.csv", ImportMode.All);
        Assert.False(outside.Committed);
        Assert.All(outside.Errors, e => Assert.Equal(CoreText.Format("Import.NoCandidateFile", e.Row == 2 ? "001099000301" : "001099000302"), e.Message));
        Assert.DoesNotContain(outside.Errors, e => e.Message.Contains("Chi bộ", StringComparison.Ordinal));

        exits.Position = 0;
        var result = await Import(world, db).ImportAsync(ImportKind.Exits, exits, "dung.csv", ImportMode.All);
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(2, result.Written);
        db.ChangeTracker.Clear();
        var stopped = await db.Candidates.AsNoTracking().Include(c => c.History).SingleAsync(c => c.CitizenId == "001099000301");
        Assert.Equal(CandidateStage.Exited, stopped.Stage);
        Assert.Contains(stopped.History, e => e.Kind == StageKind.Exit && e.ExitReason == ExitReason.Withdrew && e.Note == "Xin rút đơn vì đi học xa" && e.EffectiveOn == new DateOnly(2026, 6, 1));
        var removed = await db.Candidates.AsNoTracking().SingleAsync(c => c.CitizenId == "001099000302");
        Assert.Equal(CandidateStage.Removed, removed.Stage);
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.CandidateId == removed.Id);
        Assert.Equal((MemberStatus.Removed, new DateOnly(2025, 10, 1), "Không đủ tư cách đảng viên"), (member.Status, member.LeftOn, member.LeftReason));

        exits.Position = 0;
        var again = await Import(world, db).ImportAsync(ImportKind.Exits, exits, "dung.csv", ImportMode.All);
        Assert.Equal((2, 0, 0), (again.ExistingRows, again.Written, again.Errors.Count));

        // Row 3: an exit dated after today, without its reason or explanation; row 4: an unknown file and an unknown reason;
        // row 5: the file of row 3 again. Every reason of each row, nothing written.
        var entries = await db.StageEntries.CountAsync();
        var bad = await Import(world, db).ImportAsync(ImportKind.Exits, Csv(ImportKind.Exits,
            Exit("001099000301", "dung_xem_xet", "01/06/2026", reason: "rut_don", text: "Xin rút đơn vì đi học xa"),
            Exit("001099000303", "dung_xem_xet", "01/01/2030", reason: "", text: ""),
            Exit("001099000399", "dung_xem_xet", "01/06/2026", reason: "ly_do_khac", text: "Không rõ"),
            Exit("001099000303", "xoa_ten", "01/06/2026", decision: "3-QĐ/ĐU", text: "Không đủ tư cách")), "loi.csv", ImportMode.All);
        Assert.False(bad.Committed);
        Assert.Equal(1, bad.ExistingRows);
        Assert.True(new[] { "ly_do_dung_xem_xet", "ngay", "noi_dung" }.SequenceEqual(bad.Errors.Where(e => e.Row == 3).Select(e => e.Column).Order(StringComparer.Ordinal)),
            string.Join(Environment.NewLine, bad.Errors));
        Assert.Equal(["ly_do_dung_xem_xet", "so_cccd"], bad.Errors.Where(e => e.Row == 4).Select(e => e.Column).Order(StringComparer.Ordinal));
        Assert.Contains(bad.Errors, e => e.Row == 5 && e.Column == "so_cccd");
        Assert.Equal(entries, await db.StageEntries.CountAsync());
    }

    [Fact]
    public async Task Quotas_come_in_per_unit_and_year_with_category_targets_through_the_quota_rules()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var quotas = Csv(ImportKind.Quotas,
            Quota("T", "2026", "100", ""),
            Quota("X-HA", "2026", "10", "DOAN_VIEN:4;nu:2"),
            Quota("DB-THPT", "2026", "3", ""));

        var result = await Import(world, db).ImportAsync(ImportKind.Quotas, quotas, "chi-tieu.csv", ImportMode.All);

        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(3, result.Written);
        var commune = await db.Quotas.AsNoTracking().Include(q => q.CategoryTargets).SingleAsync(q => q.OrgUnitId == world.Commune.Id && q.Year == 2026);
        Assert.Equal((10, world.Province.Id), (commune.Total, commune.AssignedByUnitId));
        Assert.Equal([2, 4], commune.CategoryTargets.Select(t => t.Target).Order());
        Assert.Null((await db.Quotas.AsNoTracking().SingleAsync(q => q.OrgUnitId == world.Province.Id)).AssignedByUnitId);

        quotas.Position = 0;
        var again = await Import(world, db).ImportAsync(ImportKind.Quotas, quotas, "chi-tieu.csv", ImportMode.All);
        Assert.Equal((3, 0), (again.ExistingRows, again.Written));

        // A changed total changes the stored quota, against the version read.
        var changed = await Import(world, db).ImportAsync(ImportKind.Quotas, Csv(ImportKind.Quotas, Quota("DB-THPT", "2026", "5", "")), "sua.csv", ImportMode.All);
        Assert.Equal(1, changed.Written);
        Assert.Equal(5, (await db.Quotas.AsNoTracking().SingleAsync(q => q.OrgUnitId == world.School.Id)).Total);

        // Row 3: a year that is no number, a negative total, an unknown category: all three, nothing written.
        var bad = await Import(world, db).ImportAsync(ImportKind.Quotas, Csv(ImportKind.Quotas,
            Quota("CB-GV", "2026", "1", ""), Quota("CB-VP", "20x6", "-1", "KHONG_CO:1")), "loi.csv", ImportMode.All);
        Assert.False(bad.Committed);
        Assert.Equal(["chi_tieu", "chi_tieu_theo_doi_tuong", "nam"], bad.Errors.Where(e => e.Row == 3).Select(e => e.Column).Order(StringComparer.Ordinal));
        Assert.False(await db.Quotas.AnyAsync(q => q.OrgUnitId == world.TeachersCell.Id));

        // The other commune's staff: a unit outside their scope is not found and not named.
        var outsider = await world.UserAsync("xa.khac", (world.OtherCommune, AccessRole.CommitteeStaff));
        var outside = await Import(world, db, outsider).ImportAsync(ImportKind.Quotas, Csv(ImportKind.Quotas, Quota("CB-GV", "2026", "1", "")), "x.csv", ImportMode.All);
        var error = Assert.Single(outside.Errors);
        Assert.Equal(("ma_don_vi", CoreText.Format("Import.UnitNotFound", "CB-GV")), (error.Column, error.Message));
    }

    [Fact]
    public async Task Source_categories_come_in_for_those_who_edit_the_list_and_a_known_code_is_skipped()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var file = Csv(ImportKind.Categories, Category("cong-nhan-kcn", "Công nhân khu công nghiệp"), Category("doan_vien", "Đoàn viên"));

        var staff = await world.UserAsync("xa", (world.Commune, AccessRole.CommitteeStaff));
        var refused = await Import(world, db, staff).ImportAsync(ImportKind.Categories, file, "dt.csv", ImportMode.All);
        Assert.Equal((0, SourceCategoryService.NotAllowed), (Assert.Single(refused.Errors).Row, refused.Errors[0].Message));

        file.Position = 0;
        var result = await Import(world, db).ImportAsync(ImportKind.Categories, file, "dt.csv", ImportMode.All);
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal((1, 1), (result.Written, result.ExistingRows));
        Assert.Equal("Công nhân khu công nghiệp", (await db.SourceCategories.AsNoTracking().SingleAsync(s => s.Code == "cong-nhan-kcn")).Name);

        var bad = await Import(world, db).ImportAsync(ImportKind.Categories,
            Csv(ImportKind.Categories, Category("moi", "Mới"), Category("có dấu", "")), "loi.csv", ImportMode.All);
        Assert.False(bad.Committed);
        Assert.Equal(["ma_doi_tuong", "ten_doi_tuong"], bad.Errors.Where(e => e.Row == 3).Select(e => e.Column).Order(StringComparer.Ordinal));
        Assert.False(await db.SourceCategories.AnyAsync(s => s.Code == "moi"));
    }

    [Fact]
    public async Task A_candidate_row_lists_every_failing_step_not_only_the_first()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await CandidateImportTests.WorldAsync(db);

        // A missing name (step 1), a late ceremony without consent (step 9) and a recognition vote before the probation ends (step 11).
        var row = CandidateImportTests.Row("001099000401", "", "CB-TD", CandidateImportTests.Until.Official);
        row["ngay_ket_nap"] = "20/11/2024";
        row["ngay_xet_chinh_thuc"] = "01/08/2025";

        var result = await CandidateImportTests.Import(world, db).ImportAsync(ImportKind.Candidates, new MemoryStream(CandidateImportTests.Csv([row])), "loi.csv", ImportMode.DryRun);

        var columns = result.Errors.Select(e => e.Column).ToList();
        Assert.Contains("ho_ten", columns);
        Assert.Contains("ngay_ket_nap", columns);
        Assert.Contains("ngay_xet_chinh_thuc", columns);
        Assert.All(result.Errors, e => Assert.Equal(2, e.Row));
        Assert.Equal(0, result.ValidRows);
    }

    private static ImportService Import(World world, DangVienDbContext db, ICurrentUser? user = null) =>
        ImportServices.Create(db, new CurrentAccess(user ?? new SystemUser("can.bo@test"), db, world.Time), world.Time);

    private static Dictionary<string, string> Member(string citizenId, string name, string wasStatus, string status, string left = "", string reason = "", string barred = "") => new()
    {
        ["so_cccd"] = citizenId, ["ho_ten"] = name, ["ngay_sinh"] = "10/10/1970", ["gioi_tinh"] = "Nam", ["ma_chi_bo"] = "CB-TD",
        ["tinh_trang"] = status, ["ngay_vao_dang"] = "01/02/2000", ["ngay_chinh_thuc"] = wasStatus == "chinh_thuc" ? "01/02/2001" : "",
        ["ngay_ra_khoi_dang"] = left, ["ly_do_ra_khoi_dang"] = reason, ["khong_ket_nap_lai"] = barred,
    };

    private static Dictionary<string, string> Exit(string citizenId, string kind, string on, string reason = "", string decision = "", string text = "") => new()
    {
        ["so_cccd"] = citizenId, ["hinh_thuc"] = kind, ["ngay"] = on, ["ly_do_dung_xem_xet"] = reason, ["so_quyet_dinh_xoa_ten"] = decision, ["noi_dung"] = text,
    };

    private static Dictionary<string, string> Quota(string code, string year, string total, string targets) => new()
    {
        ["ma_don_vi"] = code, ["nam"] = year, ["chi_tieu"] = total, ["chi_tieu_theo_doi_tuong"] = targets,
    };

    private static Dictionary<string, string> Category(string code, string name) => new() { ["ma_doi_tuong"] = code, ["ten_doi_tuong"] = name };

    /// <summary>A CSV file of the kind's template columns (values with <c>;</c> quoted).</summary>
    internal static MemoryStream Csv(ImportKind kind, params Dictionary<string, string>[] rows)
    {
        var header = ImportLayout.Of(kind).Select(c => c.Name).ToList();
        var text = new StringBuilder(string.Join(";", header)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(";", header.Select(h => row.GetValueOrDefault(h, "")).Select(v => v.Contains(';') ? $"\"{v}\"" : v))).Append("\r\n");
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
