using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using static DangVien.Core.Tests.Features.Quotas.QuotaTestSupport;

namespace DangVien.Core.Tests.Features.Quotas;

/// <summary>
/// The quota sheet, assignment and history against PostgreSQL, over the <see cref="World"/>:
/// Commune → School → (Teachers' cell: 10 official + 1 probationary admitted 01/03/2026, Office cell: 3),
/// Commune → Village cell (4, and a former member who left in 2021).
/// </summary>
public sealed class QuotaServiceTests
{
    private static readonly DateOnly Today = new(2026, 10, 15);

    // ------------------------------------------------------------ members base

    [Fact]
    public async Task Members_base_is_counted_on_31_December_of_the_previous_year_and_one_who_left_that_day_no_longer_counts()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        db.Members.AddRange(
            Member(world.TeachersCell, "Admitted on 31/12", new DateOnly(2025, 12, 31)),
            Member(world.TeachersCell, "Admitted on 01/01", new DateOnly(2026, 1, 1)),
            Member(world.TeachersCell, "Left on 31/12", new DateOnly(2010, 5, 5), leftOn: new DateOnly(2025, 12, 31)),
            Member(world.TeachersCell, "Left on 01/01", new DateOnly(2010, 5, 5), leftOn: new DateOnly(2026, 1, 1)),
            Member(world.TeachersCell, "Left, date unknown", new DateOnly(2010, 5, 5), status: MemberStatus.Left));
        await db.SaveChangesAsync();

        var sheet2026 = (await world.Quotas().GetQuotaSheetAsync(world.School.Id, 2026))!;
        var sheet2027 = (await world.Quotas().GetQuotaSheetAsync(world.School.Id, 2027))!;

        // 2026: the ten teachers, the one admitted on 31/12/2025 and the one who left on 01/01/2026.
        Assert.Equal(new DateOnly(2025, 12, 31), sheet2026.MembersCountedOn);
        Assert.Equal([("Chi bộ Giáo viên", 12), ("Chi bộ Văn phòng", 3)], sheet2026.Children.Select(c => (c.Name, c.MembersAtStart)));
        Assert.Equal(15, sheet2026.MembersAtStart);
        // 2027: the probationary teacher (01/03/2026) and the one admitted 01/01/2026 join; the one who left on 01/01/2026 is gone.
        Assert.Equal(13, sheet2027.Children[0].MembersAtStart);
    }

    [Fact]
    public async Task The_guide_is_3_and_4_percent_of_the_members_base()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);

        var sheet = (await world.Quotas().GetQuotaSheetAsync(world.Commune.Id, 2026))!;

        // School 13 (10 + 3), Village cell 4 (the former member left in 2021).
        var school = sheet.Children.Single(c => c.UnitId == world.School.Id);
        var village = sheet.Children.Single(c => c.UnitId == world.VillageCell.Id);
        Assert.Equal((13, 0.39m, 0.52m), (school.MembersAtStart, school.GuideLow, school.GuideHigh));
        Assert.Equal((4, 0.12m, 0.16m), (village.MembersAtStart, village.GuideLow, village.GuideHigh));
        Assert.Equal((17, 0.51m, 0.68m), (sheet.MembersAtStart, sheet.GuideLow, sheet.GuideHigh));
    }

    // ------------------------------------------------------------ admitted

    [Fact]
    public async Task Admitted_counts_standing_admission_decisions_dated_in_the_year_by_default()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await AdmissionsAsync(world);
        await world.QuotaAsync(world.TeachersCell, 2026, 4);
        await world.QuotaAsync(world.OfficeCell, 2026, 0);

        var sheet = (await world.Quotas().GetQuotaSheetAsync(world.School.Id, 2026))!;

        Assert.Equal(AdmissionCountingBasis.DecisionDate, sheet.Basis);
        var teachers = sheet.Children.Single(c => c.UnitId == world.TeachersCell.Id);
        var office = sheet.Children.Single(c => c.UnitId == world.OfficeCell.Id);
        // Bình (01/01), Cường (31/12, no ceremony yet), Giang (corrected within 2026, counted once).
        Assert.Equal(3, teachers.Admitted);
        Assert.Equal(0.75, teachers.Reached);
        Assert.Equal(1, office.Admitted);
        Assert.Null(office.Reached);
        Assert.Equal(4, sheet.Admitted);
    }

    [Fact]
    public async Task Admitted_counts_ceremonies_dated_in_the_year_when_the_rule_parameter_says_so()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await AdmissionsAsync(world);
        await world.QuotaAsync(world.TeachersCell, 2026, 4);
        db.RuleParameters.Add(new RuleParameter { Key = RuleKeys.AdmissionCountingDate, OrgUnitId = world.School.Id, Value = 1 });
        await db.SaveChangesAsync();

        var sheet = (await world.Quotas().GetQuotaSheetAsync(world.School.Id, 2026))!;
        var commune = (await world.Quotas().GetQuotaSheetAsync(world.Commune.Id, 2026))!;

        Assert.Equal(AdmissionCountingBasis.CeremonyDate, sheet.Basis);
        var teachers = sheet.Children.Single(c => c.UnitId == world.TeachersCell.Id);
        // An (decided 2025, ceremony 10/01/2026) and Bình (ceremony 01/02/2026); Cường has no ceremony yet.
        Assert.Equal(2, teachers.Admitted);
        Assert.Equal(0.5, teachers.Reached);
        Assert.Equal(1, sheet.Children.Single(c => c.UnitId == world.OfficeCell.Id).Admitted);
        // The parameter is the School's own: the commune still counts decisions (Bình, Cường, Giang, Hải).
        Assert.Equal(AdmissionCountingBasis.DecisionDate, commune.Basis);
        Assert.Equal(4, commune.Children.Single(c => c.UnitId == world.School.Id).Admitted);
    }

    [Fact]
    public async Task History_lists_each_years_quota_with_admitted_and_percentage_newest_first()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await AdmissionsAsync(world);
        await world.QuotaAsync(world.TeachersCell, 2025, 2);
        await world.QuotaAsync(world.TeachersCell, 2026, 4);

        var history = (await world.Quotas().GetQuotaHistoryAsync(world.TeachersCell.Id))!;

        // 2025: An (20/12/2025) and Em (decision corrected to 30/12/2025).
        Assert.Equal(
            [(2026, 4, 3, (double?)0.75), (2025, 2, 2, 1.0)],
            history.Years.Select(y => (y.Year, y.Total, y.Admitted, y.Reached)));
        Assert.Empty((await world.Quotas().GetQuotaHistoryAsync(world.VillageCell.Id))!.Years);
    }

    // ------------------------------------------------------------ assigning

    [Fact]
    public async Task Committee_staff_assign_the_quotas_of_two_children_at_once_with_category_targets()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await world.QuotaAsync(world.Commune, 2026, 1);
        var staff = await world.UserAsync("van.phong.xa", (world.Commune, AccessRole.CommitteeStaff));
        var youth = world.Categories[0];
        var women = world.Categories[2];

        var result = await world.Quotas(staff).AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026,
        [
            new ChildQuotaInput(world.School.Id, 2, null, [new CategoryTargetInput(youth.Id, 1), new CategoryTargetInput(women.Id, 2)]),
            new ChildQuotaInput(world.VillageCell.Id, 1, null, [new CategoryTargetInput(youth.Id, null)]),
        ]));

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(2, result.Value);
        var stored = await db.Quotas.AsNoTracking().Include(q => q.CategoryTargets).Where(q => q.Year == 2026 && q.OrgUnit!.ParentId == world.Commune.Id)
            .OrderBy(q => q.Total).ToListAsync();
        Assert.Equal([(world.VillageCell.Id, 1), (world.School.Id, 2)], stored.Select(q => (q.OrgUnitId, q.Total)));
        Assert.All(stored, q => Assert.Equal((world.Commune.Id, "van.phong.xa"), (q.AssignedByUnitId!.Value, q.AssignedBy!)));
        Assert.All(stored, q => Assert.Equal(new DateOnly(2026, 10, 15), DateOnly.FromDateTime(q.AssignedAt.ToOffset(TimeSpan.FromHours(7)).DateTime)));
        Assert.Equal([(youth.Id, 1), (women.Id, 2)], stored[1].CategoryTargets.OrderBy(t => t.SourceCategoryId).Select(t => (t.SourceCategoryId, t.Target)));
        Assert.Empty(stored[0].CategoryTargets);

        // The sum (3) is above the commune's own quota (1): allowed, reported on the sheet.
        var sheet = (await world.Quotas(staff).GetQuotaSheetAsync(world.Commune.Id, 2026))!;
        Assert.True(sheet.CanAssign);
        Assert.Equal(3, sheet.ChildrenQuotaSum);
        Assert.True(sheet.ChildrenExceedQuota);
        Assert.Equal(new Dictionary<int, int> { [youth.Id] = 1, [women.Id] = 2 }, sheet.Children.Single(c => c.UnitId == world.School.Id).Quota!.Targets);
    }

    [Fact]
    public async Task Changing_a_quota_keeps_unnamed_targets_removes_emptied_ones_and_leaves_unchanged_rows_alone()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var (youth, teachers, women) = (world.Categories[0], world.Categories[1], world.Categories[2]);
        var school = await world.QuotaAsync(world.School, 2026, 3, (youth, 2), (teachers, 1), (women, 1));
        var village = await world.QuotaAsync(world.VillageCell, 2026, 1);
        var service = world.Quotas();

        var result = await service.AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026,
        [
            new ChildQuotaInput(world.School.Id, 4, school.Version, [new CategoryTargetInput(youth.Id, 3), new CategoryTargetInput(women.Id, null)]),
            new ChildQuotaInput(world.VillageCell.Id, 1, village.Version, []),
        ]));

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(1, result.Value);
        var stored = await db.Quotas.AsNoTracking().Include(q => q.CategoryTargets).SingleAsync(q => q.Id == school.Id);
        Assert.Equal(4, stored.Total);
        Assert.Equal([(youth.Id, 3), (teachers.Id, 1)], stored.CategoryTargets.OrderBy(t => t.SourceCategoryId).Select(t => (t.SourceCategoryId, t.Target)));
        var untouched = await db.Quotas.AsNoTracking().SingleAsync(q => q.Id == village.Id);
        Assert.Equal(("seed", village.Version), (untouched.AssignedBy, untouched.Version));
    }

    [Fact]
    public async Task A_negative_total_and_a_target_above_the_total_are_field_errors_and_nothing_is_saved()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var youth = world.Categories[0];

        var result = await world.Quotas().AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026,
        [
            new ChildQuotaInput(world.School.Id, 2, null, [new CategoryTargetInput(world.Categories[1].Id, null), new CategoryTargetInput(youth.Id, 3)]),
            new ChildQuotaInput(world.VillageCell.Id, -1, null, []),
        ]));

        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            ("Children[0].Targets[1]", "Chỉ tiêu theo đối tượng không được lớn hơn chỉ tiêu tổng của đơn vị (2)."),
            ("Children[1].Total", "Chỉ tiêu không được âm."),
        ], result.Errors.Select(e => (e.Field, e.Message)));
        Assert.False(await db.Quotas.AnyAsync());
    }

    [Fact]
    public async Task A_negative_category_target_and_a_target_without_a_total_are_refused()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);

        var result = await world.Quotas().AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026,
        [
            new ChildQuotaInput(world.School.Id, 2, null, [new CategoryTargetInput(world.Categories[0].Id, -1)]),
            new ChildQuotaInput(world.VillageCell.Id, null, null, [new CategoryTargetInput(world.Categories[0].Id, 1)]),
        ]));

        Assert.Equal(
        [
            ("Children[0].Targets[0]", "Chỉ tiêu theo đối tượng không được âm."),
            ("Children[1].Total", "Nhập chỉ tiêu tổng của đơn vị trước khi giao chỉ tiêu theo đối tượng."),
        ], result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public async Task An_empty_total_leaves_a_child_without_quota_but_cannot_erase_an_existing_one()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var school = await world.QuotaAsync(world.School, 2026, 2);

        var result = await world.Quotas().AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026,
        [
            new ChildQuotaInput(world.School.Id, null, school.Version, []),
            new ChildQuotaInput(world.VillageCell.Id, null, null, []),
        ]));

        Assert.Equal([("Children[0].Total", "Chưa nhập chỉ tiêu (nhập 0 nếu năm nay đơn vị không có chỉ tiêu).")], result.Errors.Select(e => (e.Field, e.Message)));
        var skipped = await world.Quotas().AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026, [new ChildQuotaInput(world.VillageCell.Id, null, null, [])]));
        Assert.True(skipped.Succeeded);
        Assert.Equal(0, skipped.Value);
        Assert.Equal(1, await db.Quotas.CountAsync());
    }

    [Fact]
    public async Task Only_children_of_the_unit_get_a_quota_on_its_sheet()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);

        var result = await world.Quotas().AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026,
        [
            new ChildQuotaInput(world.School.Id, 2, null, []),
            new ChildQuotaInput(world.TeachersCell.Id, 1, null, []),
        ]));

        Assert.Equal([("Children[1].Total", "Chi bộ Giáo viên không trực thuộc Đảng ủy xã Hòa An.")], result.Errors.Select(e => (e.Field, e.Message)));
        Assert.False(await db.Quotas.AnyAsync());
    }

    [Fact]
    public async Task A_quota_changed_since_the_form_was_loaded_is_a_conflict_and_nothing_is_saved()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await world.QuotaAsync(world.School, 2026, 2);
        var loaded = (await world.Quotas().GetQuotaSheetAsync(world.Commune.Id, 2026))!;
        var schoolVersion = loaded.Children.Single(c => c.UnitId == world.School.Id).Quota!.Version;

        // Someone else changes the school's quota in the meantime.
        await using (var other = database.CreateContext())
        {
            var quota = await other.Quotas.SingleAsync(q => q.OrgUnitId == world.School.Id);
            quota.Total = 5;
            await other.SaveChangesAsync();
        }

        var result = await world.Quotas().AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026,
        [
            new ChildQuotaInput(world.VillageCell.Id, 1, null, []),
            new ChildQuotaInput(world.School.Id, 3, schoolVersion, []),
        ]));

        Assert.True(result.IsConflict);
        Assert.Equal(Messages.RecordChanged, result.Errors.Single().Message);
        Assert.Equal([(world.School.Id, 5)], (await db.Quotas.AsNoTracking().ToListAsync()).Select(q => (q.OrgUnitId, q.Total)));
    }

    [Fact]
    public async Task A_quota_created_by_someone_else_since_the_form_was_loaded_is_a_conflict()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await world.QuotaAsync(world.VillageCell, 2026, 2);

        var result = await world.Quotas().AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026, [new ChildQuotaInput(world.VillageCell.Id, 1, null, [])]));

        Assert.True(result.IsConflict);
    }

    // ------------------------------------------------------------ who may assign

    [Fact]
    public async Task The_provincial_board_assigns_to_the_units_directly_below_its_unit_but_not_to_grandchildren()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var board = await world.UserAsync("ban.to.chuc", (world.Province, AccessRole.ProvincialBoard));

        var provinceSheet = (await world.Quotas(board).GetQuotaSheetAsync(world.Province.Id, 2026))!;
        var assigned = await world.Quotas(board).AssignAsync(new AssignQuotasRequest(world.Province.Id, 2026,
        [
            new ChildQuotaInput(world.Commune.Id, 2, null, []),
            new ChildQuotaInput(world.OtherCommune.Id, 1, null, []),
        ]));
        var communeSheet = (await world.Quotas(board).GetQuotaSheetAsync(world.Commune.Id, 2026))!;
        var refused = await world.Quotas(board).AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026, [new ChildQuotaInput(world.School.Id, 1, null, [])]));

        Assert.All(provinceSheet.Children, c => Assert.True(c.CanAssign));
        Assert.True(assigned.Succeeded, Describe(assigned));
        Assert.False(communeSheet.CanAssign);
        Assert.Equal([("", Messages.NotAllowed)], refused.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(2, await db.Quotas.CountAsync());
    }

    [Fact]
    public async Task A_cell_secretary_reads_the_cells_quota_but_cannot_assign_any()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await world.QuotaAsync(world.TeachersCell, 2026, 2);
        var secretary = await world.UserAsync("bi.thu", (world.TeachersCell, AccessRole.CellSecretary));
        // The same role held at the commune (the scope allows it): the children are readable, still not assignable.
        var communeSecretary = await world.UserAsync("bi.thu.xa", (world.Commune, AccessRole.CellSecretary));

        var own = (await world.Quotas(secretary).GetQuotaSheetAsync(world.TeachersCell.Id, 2026))!;
        var parent = await world.Quotas(secretary).GetQuotaSheetAsync(world.School.Id, 2026);
        var onOwnSheet = await world.Quotas(secretary).AssignAsync(new AssignQuotasRequest(world.TeachersCell.Id, 2026, [new ChildQuotaInput(world.TeachersCell.Id, 9, null, [])]));
        var onParentSheet = await world.Quotas(secretary).AssignAsync(new AssignQuotasRequest(world.School.Id, 2026, [new ChildQuotaInput(world.TeachersCell.Id, 9, null, [])]));
        var communeSheet = (await world.Quotas(communeSecretary).GetQuotaSheetAsync(world.Commune.Id, 2026))!;
        var fromCommune = await world.Quotas(communeSecretary).AssignAsync(new AssignQuotasRequest(world.Commune.Id, 2026, [new ChildQuotaInput(world.School.Id, 9, null, [])]));

        Assert.Equal(2, own.Quota!.Total);
        Assert.Empty(own.Children);
        Assert.False(own.CanAssign);
        Assert.Null(parent);
        Assert.Equal([("", Messages.NotAllowed)], onOwnSheet.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal([("UnitId", "Không tìm thấy đơn vị.")], onParentSheet.Errors.Select(e => (e.Field, e.Message)));
        Assert.NotEmpty(communeSheet.Children);
        Assert.All(communeSheet.Children, c => Assert.False(c.CanAssign));
        Assert.Equal([("", Messages.NotAllowed)], fromCommune.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(1, await db.Quotas.CountAsync());
    }

    [Fact]
    public async Task A_unit_outside_the_users_scope_has_no_sheet_and_no_history()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var staff = await world.UserAsync("van.phong.xa", (world.Commune, AccessRole.CommitteeStaff));

        Assert.Null(await world.Quotas(staff).GetQuotaSheetAsync(world.OtherCommune.Id, 2026));
        Assert.Null(await world.Quotas(staff).GetQuotaHistoryAsync(world.OtherVillageCell.Id));
        Assert.Null(await world.Quotas(staff).GetQuotaSheetAsync(987654, 2026));
        var refused = await world.Quotas(staff).AssignAsync(new AssignQuotasRequest(world.Province.Id, 2026, [new ChildQuotaInput(world.OtherCommune.Id, 1, null, [])]));
        Assert.Equal("UnitId", refused.Errors.Single().Field);
    }

    /// <summary>
    /// Admissions around the year 2026, in the School's cells:
    /// An decided 20/12/2025, ceremony 10/01/2026; Bình decided 01/01/2026, ceremony 01/02/2026;
    /// Cường decided 31/12/2026, no ceremony; Dung decided 01/01/2027; Em decided 01/03/2026 corrected to 30/12/2025;
    /// Giang decided 01/04/2026 corrected to 03/04/2026 (all teachers); Hải (office) decided 05/05/2026, ceremony 01/06/2026.
    /// </summary>
    private static async Task AdmissionsAsync(World world)
    {
        await world.AdmittedAsync(world.TeachersCell, "Lê Văn An", new(2025, 12, 20), ceremony: new(2026, 1, 10));
        await world.AdmittedAsync(world.TeachersCell, "Trần Thị Bình", new(2026, 1, 1), ceremony: new(2026, 2, 1));
        await world.AdmittedAsync(world.TeachersCell, "Phạm Văn Cường", new(2026, 12, 31));
        await world.AdmittedAsync(world.TeachersCell, "Đỗ Thị Dung", new(2027, 1, 1));
        await world.AdmittedAsync(world.TeachersCell, "Vũ Văn Em", new(2026, 3, 1), correctedDecision: new(2025, 12, 30));
        await world.AdmittedAsync(world.TeachersCell, "Hồ Thị Giang", new(2026, 4, 1), correctedDecision: new(2026, 4, 3));
        await world.AdmittedAsync(world.OfficeCell, "Ngô Văn Hải", new(2026, 5, 5), ceremony: new(2026, 6, 1));
    }
}
