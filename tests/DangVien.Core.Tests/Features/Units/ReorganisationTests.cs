using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Units;
using DangVien.Core.Tests.Features.Reports;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Units;

/// <summary>
/// Moving and merging units on the <see cref="World"/> province (today 01/02/2027): the rules at their boundaries, the
/// placements written for the whole subtree, and the yearly reports of the years before and after, which must count each
/// unit where it stood in that year.
/// </summary>
public sealed class ReorganisationTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);
    private static readonly DateOnly July2026 = new(2026, 7, 1);

    [Fact]
    public async Task A_move_is_refused_under_the_unit_itself_its_descendant_a_wrong_level_or_outside_the_users_units()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var staff = await UserAsync(db, "vanphong.hoaan", world.Commune, AccessRole.CommitteeStaff);
        var sibling = await UserAsync(db, "vanphong.binhminh", world.OtherCommune, AccessRole.CommitteeStaff);
        var secretary = await UserAsync(db, "bithu.thondong", world.VillageCell, AccessRole.CellSecretary);

        var underItself = await MoveAsync(world, world.School, world.School, July2026, staff);
        var underDescendant = await MoveAsync(world, world.Commune, world.School, July2026);
        var underACell = await MoveAsync(world, world.VillageCell, world.OfficeCell, July2026, staff);
        var communeUnderCommittee = await MoveAsync(world, world.OtherCommune, world.School, July2026);
        var toAnotherCommune = await MoveAsync(world, world.VillageCell, world.OtherCommune, July2026, staff);
        var bySibling = await MoveAsync(world, world.TeachersCell, world.OtherCommune, July2026, sibling);
        var bySecretary = await MoveAsync(world, world.VillageCell, world.School, July2026, secretary);
        var province = await MoveAsync(world, world.Province, world.Commune, July2026);

        Assert.Equal(("NewParentId", "Không thể chuyển Đảng bộ Trường THPT Hòa An vào chính nó."), Single(underItself));
        Assert.Contains(
            "Đảng bộ Trường THPT Hòa An là đơn vị trực thuộc của Đảng ủy xã Hòa An",
            underDescendant.Errors.Single(e => e.Field == "NewParentId").Message);
        Assert.Equal(
            ("NewParentId", "Chi bộ cơ sở không thể trực thuộc chi bộ trực thuộc: đơn vị trực thuộc phải ở cấp thấp hơn và chi bộ không có tổ chức đảng trực thuộc."),
            Single(underACell));
        Assert.Contains("không thể trực thuộc đảng bộ cơ sở", Single(communeUnderCommittee).Message);
        Assert.Equal(("NewParentId", "Không tìm thấy đơn vị cấp trên đã chọn."), Single(toAnotherCommune));
        Assert.Equal(("", ReorganisationRules.UnitNotFound), Single(bySibling));
        Assert.Equal(("", ReorganisationRules.NotAllowed), Single(bySecretary));
        Assert.Contains("cấp cao nhất", Single(province).Message);
        Assert.Equal(0, await db.OrgUnitPlacements.CountAsync());
        Assert.Equal(world.School.Id, await db.OrgUnits.Where(u => u.Id == world.TeachersCell.Id).Select(u => u.ParentId).SingleAsync());
    }

    [Fact]
    public async Task The_effective_date_must_be_past_and_after_the_current_place_began_and_the_form_must_be_fresh()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var version = await VersionAsync(world, world.TeachersCell);

        var tomorrow = await MoveAsync(world, world.TeachersCell, world.Commune, Today.AddDays(1));
        var founded = await MoveAsync(world, world.TeachersCell, world.Commune, new DateOnly(2000, 1, 1));
        var noDate = await MoveAsync(world, world.TeachersCell, world.Commune, default);
        var stale = await Units(world).MoveAsync(new MoveUnitRequest { UnitId = world.TeachersCell.Id, NewParentId = world.Commune.Id, EffectiveOn = Today }, version + 1);
        var today = await MoveAsync(world, world.TeachersCell, world.Commune, Today);
        var againToday = await MoveAsync(world, world.TeachersCell, world.School, Today);
        var dayAfterFounding = await MoveAsync(world, world.OfficeCell, world.Commune, new DateOnly(2000, 1, 2));

        Assert.Equal(("EffectiveOn", "Ngày hiệu lực (02/02/2027) không thể sau ngày hôm nay (01/02/2027)."), Single(tomorrow));
        Assert.StartsWith("Ngày hiệu lực phải sau ngày 01/01/2000", Single(founded).Message);
        Assert.Equal(("EffectiveOn", "Chưa nhập ngày hiệu lực."), Single(noDate));
        Assert.True(stale.IsConflict);
        Assert.True(today.Succeeded, string.Join("; ", today.Errors.Select(e => e.Message)));
        Assert.StartsWith("Ngày hiệu lực phải sau ngày 01/02/2027", Single(againToday).Message);
        Assert.True(dayAfterFounding.Succeeded);

        var cell = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == world.TeachersCell.Id);
        Assert.Equal((world.Commune.Id, $"{world.Commune.Path}.{cell.Id}"), (cell.ParentId, (string)cell.Path));
        Assert.Equal(
            [($"{world.School.Path}.{cell.Id}", new DateOnly(2000, 1, 1), (DateOnly?)new DateOnly(2027, 1, 31)), ($"{world.Commune.Path}.{cell.Id}", Today, null)],
            await PlacementsAsync(db, cell.Id));
        Assert.Equal(["unit.move", "unit.move"], await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_cell_moved_to_another_commune_on_1_July_counts_under_the_old_commune_the_year_before_and_the_new_one_the_year_after()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await world.CandidateAsync(world.VillageCell, "Lê Thị Năm Trước", [], (StageKind.Source, new DateOnly(2024, 3, 1)), (StageKind.AdmissionDecision, new DateOnly(2025, 6, 1)));
        await world.CandidateAsync(world.VillageCell, "Lê Văn Năm Sau", [], (StageKind.Source, new DateOnly(2025, 3, 1)), (StageKind.AdmissionDecision, new DateOnly(2027, 1, 15)));
        var provinceStaff = await UserAsync(db, "vanphong.tinh", world.Province, AccessRole.CommitteeStaff);

        var moved = await MoveAsync(world, world.VillageCell, world.OtherCommune, July2026, provinceStaff);

        Assert.True(moved.Succeeded, string.Join("; ", moved.Errors.Select(e => e.Message)));
        var hoaAn2025 = (await world.Reports().GetAsync(world.Commune.Id, 2025))!;
        var binhMinh2025 = (await world.Reports().GetAsync(world.OtherCommune.Id, 2025))!;
        var hoaAn2027 = (await world.Reports().GetAsync(world.Commune.Id, 2027))!;
        var binhMinh2027 = (await world.Reports().GetAsync(world.OtherCommune.Id, 2027))!;
        // 2025: the village cell (4 members, 1 admitted) is Hòa An's: 10 teachers + 3 office + 4 villagers.
        Assert.Equal((17, 1), (hoaAn2025.MembersAtEnd, hoaAn2025.Admitted));
        Assert.Equal((2, 0), (binhMinh2025.MembersAtEnd, binhMinh2025.Admitted));
        // 2027: it is Bình Minh's, with its admission of January 2027 and its 4 members at the start of the year.
        Assert.Equal((6, 1, 2), (binhMinh2027.MembersAtStart, binhMinh2027.Admitted, binhMinh2027.ChildCount));
        Assert.Equal((14, 0, 1), (hoaAn2027.MembersAtStart, hoaAn2027.Admitted, hoaAn2027.ChildCount));
    }

    [Fact]
    public async Task A_committee_moves_with_its_cells_and_each_of_them_keeps_its_past_place()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);

        var moved = await MoveAsync(world, world.School, world.OtherCommune, July2026);

        Assert.True(moved.Succeeded, string.Join("; ", moved.Errors.Select(e => e.Message)));
        var office = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == world.OfficeCell.Id);
        Assert.Equal($"{world.OtherCommune.Path}.{world.School.Id}.{office.Id}", (string)office.Path);
        Assert.Equal(
            [($"{world.School.Path}.{office.Id}", new DateOnly(2000, 1, 1), (DateOnly?)new DateOnly(2026, 6, 30)), ((string)office.Path, July2026, null)],
            await PlacementsAsync(db, office.Id));
        // Members on 31/12/2025: the school's 13 still in Hòa An; on 31/12/2026 (the start of 2027) its 14 are Bình Minh's.
        Assert.Equal(17, (await world.Reports().GetAsync(world.Commune.Id, 2025))!.MembersAtEnd);
        Assert.Equal(16, (await world.Reports().GetAsync(world.OtherCommune.Id, 2027))!.MembersAtStart);
        Assert.Equal(4, (await world.Reports().GetAsync(world.Commune.Id, 2027))!.MembersAtStart);
    }

    [Fact]
    public async Task A_merged_cell_hands_over_its_members_and_open_files_and_its_past_figures_stay_where_they_were()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var admitted = await world.CandidateAsync(world.VillageCell, "Lê Thị Đã Kết Nạp", [],
            (StageKind.Source, new DateOnly(2024, 3, 1)), (StageKind.AdmissionDecision, new DateOnly(2025, 6, 1)));
        var open = await world.CandidateAsync(world.VillageCell, "Đỗ Văn Đang Xét", [],
            (StageKind.Source, new DateOnly(2026, 1, 10)), (StageKind.AwarenessCourse, new DateOnly(2026, 3, 1)));
        var exited = await world.CandidateAsync(world.VillageCell, "Hà Thị Đã Dừng", [],
            (StageKind.Source, new DateOnly(2025, 1, 10)), (StageKind.Exit, new DateOnly(2025, 9, 1)));
        var before2025 = (await world.Reports().GetAsync(world.Commune.Id, 2025))!;

        var otherLevel = await MergeAsync(world, world.VillageCell, world.TeachersCell, July2026);
        var itself = await MergeAsync(world, world.VillageCell, world.VillageCell, July2026);
        var merged = await MergeAsync(world, world.VillageCell, world.OtherVillageCell, July2026);
        var again = await MergeAsync(world, world.VillageCell, world.OtherVillageCell, Today);

        Assert.Equal(
            ("TargetId", "Chỉ sáp nhập vào đơn vị cùng cấp: Chi bộ thôn Đông là chi bộ cơ sở, Chi bộ Giáo viên là chi bộ trực thuộc."),
            Single(otherLevel));
        Assert.Equal(("TargetId", "Không thể sáp nhập Chi bộ thôn Đông vào chính nó."), Single(itself));
        Assert.True(merged.Succeeded, string.Join("; ", merged.Errors.Select(e => e.Message)));
        Assert.Equal(("", "Chi bộ thôn Đông đã giải thể hoặc sáp nhập từ ngày 01/07/2026."), Single(again));

        // The cell is closed on 30/06/2026 and no longer offered.
        var cell = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == world.VillageCell.Id);
        Assert.Equal(new DateOnly(2026, 6, 30), cell.ValidTo);
        Assert.Equal([((string)cell.Path, new DateOnly(2000, 1, 1), (DateOnly?)new DateOnly(2026, 6, 30))], await PlacementsAsync(db, cell.Id));
        Assert.DoesNotContain(world.VillageCell.Id, (await Units(world).ListCellsAsync()).Select(c => c.Id));
        Assert.DoesNotContain(world.VillageCell.Id, (await Units(world).ListReorganiseTargetsAsync(world.OtherVillageCell.Id, merge: true)).Select(c => c.Id));

        // Members in office and open files moved; the one who left and the closed file stay; history keeps its units.
        Assert.Equal(
            world.Villagers.Select(m => (m.Id, world.OtherVillageCell.Id)).Append((world.FormerMember.Id, world.VillageCell.Id)).Order(),
            (await db.Members.Where(m => m.Id == world.FormerMember.Id || world.Villagers.Select(v => v.Id).Contains(m.Id)).Select(m => new { m.Id, m.CellId }).ToListAsync())
                .Select(m => (m.Id, m.CellId)).Order());
        Assert.Equal(
            [(admitted.Id, world.OtherVillageCell.Id), (open.Id, world.OtherVillageCell.Id), (exited.Id, world.VillageCell.Id)],
            (await db.Candidates.Where(c => c.Id == admitted.Id || c.Id == open.Id || c.Id == exited.Id).OrderBy(c => c.Id).Select(c => new { c.Id, c.CellId }).ToListAsync())
                .Select(c => (c.Id, c.CellId)));
        var transfer = await db.StageEntries.SingleAsync(e => e.CandidateId == open.Id && e.Kind == StageKind.Transfer);
        Assert.Equal((July2026, world.OtherVillageCell.Id, "Sáp nhập Chi bộ thôn Đông vào Chi bộ thôn Tây"), (transfer.EffectiveOn, transfer.UnitId!.Value, transfer.Note));
        Assert.All(await db.StageEntries.Where(e => e.CandidateId == admitted.Id && e.Kind != StageKind.Transfer).ToListAsync(), e => Assert.Equal(world.VillageCell.Id, e.UnitId));
        Assert.Equal(CandidateStage.AwarenessCourse, await db.Candidates.Where(c => c.Id == open.Id).Select(c => c.Stage).SingleAsync());

        // 2025 (before the merge): the admission and the exit still count in Hòa An and in the merged cell itself.
        var after2025 = (await world.Reports().GetAsync(world.Commune.Id, 2025))!;
        Assert.Equal((before2025.Admitted, before2025.Exited), (after2025.Admitted, after2025.Exited));
        Assert.Equal((1, 1), (after2025.Admitted, after2025.Exited));
        Assert.Equal(1, (await world.Reports().GetAsync(world.VillageCell.Id, 2025))!.Admitted);
        Assert.Equal((0, 0), ((await world.Reports().GetAsync(world.OtherCommune.Id, 2025))!.Admitted, (await world.Reports().GetAsync(world.OtherCommune.Id, 2025))!.Exited));
        // 2026: the open file was sourced in Hòa An in January and is carried over at the end of the year in Bình Minh.
        var hoaAn2026 = (await world.Reports().GetAsync(world.Commune.Id, 2026))!;
        var binhMinh2026 = (await world.Reports().GetAsync(world.OtherCommune.Id, 2026))!;
        Assert.Equal(1, hoaAn2026.Funnel.Single(f => f.Kind == StageKind.Source).Candidates);
        Assert.Equal(0, binhMinh2026.Funnel.Single(f => f.Kind == StageKind.Source).Candidates);
        Assert.Equal((0, 1), (hoaAn2026.CarriedOver, binhMinh2026.CarriedOver));
        Assert.Equal(["unit.merge"], await db.AuditEntries.Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_merged_committee_hands_its_cells_to_the_committee_that_takes_it_over()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var clinic = new OrgUnit { Code = "DB-YT", Name = "Đảng bộ Trạm Y tế", Kind = OrgUnitKind.GrassrootsCommittee, ParentId = world.Commune.Id, ValidFrom = new DateOnly(2000, 1, 1) };
        db.OrgUnits.Add(clinic);
        await db.SaveChangesAsync();
        clinic.Path = new($"{world.Commune.Path}.{clinic.Id}");
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var merged = await MergeAsync(world, world.School, clinic, July2026);

        Assert.True(merged.Succeeded, string.Join("; ", merged.Errors.Select(e => e.Message)));
        var cells = await db.OrgUnits.AsNoTracking().Where(u => u.Id == world.TeachersCell.Id || u.Id == world.OfficeCell.Id).OrderBy(u => u.Id).ToListAsync();
        Assert.All(cells, c => Assert.Equal((clinic.Id, $"{clinic.Path}.{c.Id}"), (c.ParentId, (string)c.Path)));
        Assert.Equal(
            [($"{world.School.Path}.{world.TeachersCell.Id}", new DateOnly(2000, 1, 1), (DateOnly?)new DateOnly(2026, 6, 30)), ($"{clinic.Path}.{world.TeachersCell.Id}", July2026, null)],
            await PlacementsAsync(db, world.TeachersCell.Id));
        Assert.Equal(new DateOnly(2026, 6, 30), await db.OrgUnits.Where(u => u.Id == world.School.Id).Select(u => u.ValidTo).SingleAsync());
        // The school's 2025 figures stay with the school; in 2027 its members count in the clinic's committee.
        Assert.Equal(13, (await world.Reports().GetAsync(world.School.Id, 2025))!.MembersAtEnd);
        Assert.Equal(14, (await world.Reports().GetAsync(clinic.Id, 2027))!.MembersAtStart);
    }

    private static OrgUnitService Units(World world, ICurrentUser? user = null) =>
        new(world.Db, new CurrentAccess(user ?? new SystemUser("can.bo@test"), world.Db, world.Time), CoreValidators.For<MoveUnitRequest>(), CoreValidators.For<MergeUnitRequest>(), world.Time);

    private static async Task<Result> MoveAsync(World world, OrgUnit unit, OrgUnit parent, DateOnly on, ICurrentUser? user = null) =>
        await Units(world, user).MoveAsync(new MoveUnitRequest { UnitId = unit.Id, NewParentId = parent.Id, EffectiveOn = on }, await VersionAsync(world, unit));

    private static async Task<Result> MergeAsync(World world, OrgUnit unit, OrgUnit target, DateOnly on, ICurrentUser? user = null) =>
        await Units(world, user).MergeAsync(new MergeUnitRequest { UnitId = unit.Id, TargetId = target.Id, EffectiveOn = on }, await VersionAsync(world, unit));

    private static async Task<uint> VersionAsync(World world, OrgUnit unit) =>
        await world.Db.OrgUnits.AsNoTracking().Where(u => u.Id == unit.Id).Select(u => u.Version).SingleAsync();

    private static async Task<List<(string Path, DateOnly From, DateOnly? To)>> PlacementsAsync(DangVienDbContext db, int unitId) =>
        [.. (await db.OrgUnitPlacements.AsNoTracking().Where(p => p.OrgUnitId == unitId).OrderBy(p => p.ValidFrom).ToListAsync())
            .Select(p => ((string)p.Path, p.ValidFrom, p.ValidTo))];

    private static (string Field, string Message) Single(Result result)
    {
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        return (error.Field, error.Message);
    }

    private static async Task<ICurrentUser> UserAsync(DangVienDbContext db, string userName, OrgUnit unit, AccessRole role)
    {
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), FullName = userName };
        db.Users.Add(user);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, OrgUnitId = unit.Id, Role = role });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new SignedInUser(userName, user.Id);
    }

    private sealed class SignedInUser(string name, string id) : ICurrentUser
    {
        public string Name { get; } = name;

        public string? UserId { get; } = id;

        public bool IsSystem => false;
    }
}
