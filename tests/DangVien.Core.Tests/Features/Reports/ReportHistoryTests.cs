using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Reports;
using DangVien.Core.Tests.Features.Quotas;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Reports;

/// <summary>
/// The report over time, on the <see cref="World"/> province of <see cref="YearlyReportServiceTests"/> (today 01/02/2027):
/// the tree as it stood in the year, a transfer between cells mid-year, the span of years, the drill-down lists, the
/// cells without admissions for N years and a frozen year.
/// </summary>
public sealed class ReportHistoryTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);

    [Fact]
    public async Task A_cell_re_parented_after_the_year_still_counts_where_it_stood()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await YearlyReportServiceTests.ProvinceAsync(world);
        // On 01/01/2027 the village cell moves from Hòa An to Bình Minh.
        await MoveAsync(world, world.VillageCell, world.OtherCommune, new DateOnly(2027, 1, 1));

        var hoaAn2026 = (await world.Reports().GetAsync(world.Commune.Id, 2026))!;
        var binhMinh2026 = (await world.Reports().GetAsync(world.OtherCommune.Id, 2026))!;
        var binhMinh2027 = (await world.Reports().GetAsync(world.OtherCommune.Id, 2027))!;

        // 2026 under the 2026 tree: the village cell's 4 members, Dung (carried over) and Giang (removed) stay in Hòa An.
        Assert.Equal((17, 18, 3, 2, 1), (hoaAn2026.MembersAtStart, hoaAn2026.MembersAtEnd, hoaAn2026.Admitted, hoaAn2026.CarriedOver, hoaAn2026.Removed));
        Assert.Equal([world.VillageCell.Name], hoaAn2026.ChildrenWithoutAdmission.Select(c => c.Name));
        Assert.Equal((2, 2, 1, 0, 0), (binhMinh2026.MembersAtStart, binhMinh2026.MembersAtEnd, binhMinh2026.Admitted, binhMinh2026.CarriedOver, binhMinh2026.Removed));
        // 2027 under the 2027 tree: the village cell (4 members at the start of 2027, Dung still open) is Bình Minh's.
        Assert.Equal((6, 1), (binhMinh2027.MembersAtStart, binhMinh2027.CarriedOver));
        Assert.Equal(2, binhMinh2027.ChildCount);
    }

    [Fact]
    public async Task A_candidate_transferred_mid_year_counts_in_each_cell_for_what_happened_there_and_once_above()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var moved = await world.CandidateAsync(world.TeachersCell, "Phan Thị Chuyển", [],
            (StageKind.Source, new DateOnly(2026, 1, 10)), (StageKind.AwarenessCourse, new DateOnly(2026, 3, 1)));
        // Transferred to the village cell on 01/06/2026, where the cell votes and the decision follows.
        db.StageEntries.AddRange(
            new StageEntry { CandidateId = moved.Id, Kind = StageKind.Transfer, EffectiveOn = new DateOnly(2026, 6, 1), UnitId = world.VillageCell.Id, RecordedBy = "test" },
            new StageEntry { CandidateId = moved.Id, Kind = StageKind.AdmissionDecision, EffectiveOn = new DateOnly(2026, 9, 1), UnitId = world.Commune.Id, RecordedBy = "test" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await db.Candidates.Where(c => c.Id == moved.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.CellId, world.VillageCell.Id));

        var school = (await world.Reports().GetAsync(world.School.Id, 2026))!;
        var village = (await world.Reports().GetAsync(world.VillageCell.Id, 2026))!;
        var commune = (await world.Reports().GetAsync(world.Commune.Id, 2026))!;

        Assert.Equal((1, 1, 0), (Step(school, StageKind.Source), Step(school, StageKind.AwarenessCourse), school.Admitted));
        Assert.Equal((0, 0, 1), (Step(village, StageKind.Source), Step(village, StageKind.AwarenessCourse), village.Admitted));
        Assert.Equal((1, 1, 1), (Step(commune, StageKind.Source), Step(commune, StageKind.AwarenessCourse), commune.Admitted));
        // The course cohort follows the candidate through the subtree: coursed in the school, admitted in the village.
        Assert.Equal((1, 1), (commune.AwarenessCourseCompleted.Cohort, commune.AwarenessCourseCompleted.Admitted));
        Assert.Equal((1, 0), (school.AwarenessCourseCompleted.Cohort, school.AwarenessCourseCompleted.Admitted));
        Assert.Equal([world.School.Name], commune.ChildrenWithoutAdmission.Select(c => c.Name));
    }

    [Fact]
    public async Task The_span_of_years_has_each_years_figures_totals_and_averages()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var categories = await YearlyReportServiceTests.ProvinceAsync(world);

        var trend = (await world.Reports().GetTrendAsync(world.Commune.Id, 2025, 2026))!;

        // 2025: Em (decided 01/06) and Giang (01/09); 2026: An, Cường, Mai. Members: 17 on 31/12/2024 and 31/12/2025, 18 on 31/12/2026.
        Assert.Equal(
            [(2025, 17, 17, 2, (int?)null, false), (2026, 17, 18, 3, 4, false)],
            trend.Years.Select(y => (y.Year, y.MembersAtStart, y.MembersAtEnd, y.Admitted, y.Quota, y.Frozen)));
        // Carried over at the end of 2025: An (decided in 2026) and Hải (decision corrected into 2027).
        Assert.Equal([2, 2], trend.Years.Select(y => y.CarriedOver));
        Assert.Equal((5, 2.5), (trend.TotalAdmitted, trend.AdmittedPerYear));
        Assert.Equal(14.7, YearlyReportServiceTests.Displayed(trend.AverageShare));
        Assert.Equal(5.9, YearlyReportServiceTests.Displayed(trend.MembersGrowth));
        Assert.Equal([("Giáo dục, y tế", 1), ("Nữ", 1), (categories.YouthUnion.Name, 1)], trend.Categories.Select(c => (c.Name, c.Admitted)));
        Assert.Null(await world.Reports().GetTrendAsync(world.Commune.Id, 2026, 2025));
    }

    [Fact]
    public async Task Each_figure_opens_to_the_candidates_behind_it_personal_data_by_role()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var categories = await YearlyReportServiceTests.ProvinceAsync(world);
        await db.Candidates.Where(c => c.FullName == "Nguyễn Văn An").ExecuteUpdateAsync(u => u.SetProperty(c => c.CitizenId, "001200012345"));
        var reports = world.Reports();

        async Task<string[]> Names(ReportFigure figure, int from = 2026, int to = 2026) =>
            [.. (await reports.GetListAsync(world.Commune.Id, from, to, figure))!.Rows.Select(r => r.FullName)];

        Assert.Equal(["Lê Thị Cường", "Nguyễn Văn An", "Vũ Thị Mai"], await Names(ReportFigure.Admitted));
        Assert.Equal(["Đặng Văn Hải", "Hà Thị Dung"], await Names(new ReportFigure("carried")));
        Assert.Equal(["Nguyễn Văn An"], await Names(ReportFigure.Category(categories.YouthUnion.Id)));
        Assert.Equal(["Hà Thị Dung", "Nguyễn Văn An", "Trần Văn Bình"], await Names(new ReportFigure("youth-introduced")));
        Assert.Equal(["Nguyễn Văn An"], await Names(new ReportFigure("youth-admitted")));
        Assert.Equal(["Trần Văn Bình"], await Names(new ReportFigure("exited")));
        Assert.Equal(["Phạm Văn Em"], await Names(new ReportFigure("recognised")));
        Assert.Equal(["Lý Văn Giang"], await Names(new ReportFigure("removed")));
        // The cell vote step counts passed votes only: Dung's failed vote is not there.
        Assert.Equal(["Lê Thị Cường", "Nguyễn Văn An", "Vũ Thị Mai"], await Names(ReportFigure.Stage(StageKind.CellVote)));
        Assert.Equal(["Lê Thị Cường", "Lý Văn Giang", "Nguyễn Văn An", "Phạm Văn Em", "Vũ Thị Mai"], await Names(ReportFigure.Admitted, 2025, 2026));

        // A cell secretary of the teachers' cell reads the teachers' cell only, its people's personal data in full.
        var secretary = await world.UserAsync("bi.thu.gv@test", (world.TeachersCell, AccessRole.CellSecretary));
        var own = (await world.Reports(secretary).GetListAsync(world.TeachersCell.Id, 2026, 2026, ReportFigure.Admitted))!;
        Assert.Equal("001200012345", own.Rows.Single().CitizenId);
        Assert.NotNull(own.Rows.Single().DateOfBirth);
        // The provincial board reads the same row with the name and year of birth only.
        var board = await world.UserAsync("ban.to.chuc@test", (world.Province, AccessRole.ProvincialBoard));
        var row = (await world.Reports(board).GetListAsync(world.Commune.Id, 2026, 2026, ReportFigure.Admitted))!.Rows.Single(r => r.FullName == "Nguyễn Văn An");
        Assert.Equal((null, null, PersonalFields.None), (row.CitizenId, row.DateOfBirth, row.Shown));
        Assert.Equal(own.Rows.Single().DateOfBirth!.Value.Year, row.BirthYear);
        Assert.Null(await world.Reports(secretary).GetListAsync(world.Commune.Id, 2026, 2026, ReportFigure.Admitted));
        Assert.Null(ReportFigure.Parse("admitted; drop table"));
    }

    [Fact]
    public async Task The_members_figures_open_to_exactly_the_members_counted_under_the_tree_of_the_year()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await YearlyReportServiceTests.ProvinceAsync(world);
        await db.Members.Where(m => m.FullName == "Hà Văn Quang").ExecuteUpdateAsync(u => u.SetProperty(m => m.CitizenId, "001075000123"));
        // On 01/01/2027 the village cell moves from Hòa An to Bình Minh.
        await MoveAsync(world, world.VillageCell, world.OtherCommune, new DateOnly(2027, 1, 1));
        var reports = world.Reports();

        foreach (var (unit, year) in new[] { (world.Commune, 2026), (world.OtherCommune, 2026), (world.OtherCommune, 2027), (world.Province, 2026), (world.TeachersCell, 2026) })
        {
            var report = (await reports.GetAsync(unit.Id, year))!;
            var start = (await reports.GetMemberListAsync(unit.Id, year, year, ReportFigure.MembersAtStart))!;
            var end = (await reports.GetMemberListAsync(unit.Id, year, year, ReportFigure.MembersAtEnd))!;
            Assert.Equal((report.MembersAtStart, report.MembersAtEnd), (start.Rows.Count, end.Rows.Count));
            Assert.Equal((0, 0, report.StartCountedOn, report.EndCountedOn), (start.OutsideScope, end.OutsideScope, start.CountedOn, end.CountedOn));
        }

        // Hòa An 2026 (the village cell still under it): the 17 at the start; the probationary teacher joins by the end; the
        // former member (left 2021) is in neither.
        var hoaAnStart = (await reports.GetMemberListAsync(world.Commune.Id, 2026, 2026, ReportFigure.MembersAtStart))!;
        var hoaAnEnd = (await reports.GetMemberListAsync(world.Commune.Id, 2026, 2026, ReportFigure.MembersAtEnd))!;
        Assert.Equal((17, 18), (hoaAnStart.Rows.Count, hoaAnEnd.Rows.Count));
        Assert.Equal(["Trịnh Văn Mới"], hoaAnEnd.Rows.Select(r => r.FullName).Except(hoaAnStart.Rows.Select(r => r.FullName)));
        Assert.Contains(hoaAnStart.Rows, r => r.FullName == "Hà Văn Quang" && r.CellName == world.VillageCell.Name);
        Assert.DoesNotContain(hoaAnEnd.Rows, r => r.FullName == "Quách Văn Xưa");
        Assert.Equal("Đảng viên đến 31/12/2025", hoaAnStart.Label);
        var newcomer = hoaAnEnd.Rows.Single(r => r.FullName == "Trịnh Văn Mới");
        Assert.False(newcomer.OfficialOn(hoaAnEnd.CountedOn));
        Assert.True(hoaAnEnd.Rows.Single(r => r.FullName == "Hà Văn Quang").OfficialOn(hoaAnEnd.CountedOn));
        // Bình Minh at the start of 2027 has the village cell's 4 as well as its own 2.
        Assert.Equal(6, (await reports.GetMemberListAsync(world.OtherCommune.Id, 2027, 2027, ReportFigure.MembersAtStart))!.Rows.Count);
        // A span: the start of its first year and the end of its last, as the trend's members.
        var span = (await reports.GetTrendAsync(world.Commune.Id, 2025, 2026))!;
        Assert.Equal((span.MembersAtStart, span.MembersAtEnd),
            ((await reports.GetMemberListAsync(world.Commune.Id, 2025, 2026, ReportFigure.MembersAtStart))!.Rows.Count,
             (await reports.GetMemberListAsync(world.Commune.Id, 2025, 2026, ReportFigure.MembersAtEnd))!.Rows.Count));

        // Committee staff of Hòa An read its 2026 list: the village cell is Bình Minh's now, so its 4 members are counted
        // but not listed.
        var staff = await world.UserAsync("van.phong@test", (world.Commune, AccessRole.CommitteeStaff));
        var scoped = (await world.Reports(staff).GetMemberListAsync(world.Commune.Id, 2026, 2026, ReportFigure.MembersAtStart))!;
        Assert.Equal((13, 4), (scoped.Rows.Count, scoped.OutsideScope));
        Assert.DoesNotContain(scoped.Rows, r => r.CellName == world.VillageCell.Name);
        // Bình Minh's staff see the village cell's citizen ids; the provincial board sees neither them nor dates of birth.
        var other = await world.UserAsync("binh.minh@test", (world.OtherCommune, AccessRole.CommitteeStaff));
        Assert.Equal("001075000123", (await world.Reports(other).GetMemberListAsync(world.OtherCommune.Id, 2027, 2027, ReportFigure.MembersAtStart))!
            .Rows.Single(r => r.FullName == "Hà Văn Quang").CitizenId);
        var board = await world.UserAsync("ban.to.chuc@test", (world.Province, AccessRole.ProvincialBoard));
        var quang = (await world.Reports(board).GetMemberListAsync(world.Province.Id, 2026, 2026, ReportFigure.MembersAtEnd))!
            .Rows.Single(r => r.FullName == "Hà Văn Quang");
        Assert.Equal((null, null), (quang.CitizenId, quang.DateOfBirth));
        // Outside the user's units: no list; a candidate figure is not a members list.
        Assert.Null(await world.Reports(staff).GetMemberListAsync(world.OtherCommune.Id, 2026, 2026, ReportFigure.MembersAtStart));
        Assert.Null(await reports.GetMemberListAsync(world.Commune.Id, 2026, 2026, ReportFigure.Admitted));
        Assert.Equal(ReportFigure.MembersAtEnd, ReportFigure.Parse("members-end"));
    }

    [Fact]
    public async Task A_frozen_year_keeps_its_members_lists()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await YearlyReportServiceTests.ProvinceAsync(world);
        var staff = await world.UserAsync("van.phong@test", (world.Commune, AccessRole.CommitteeStaff));
        Assert.True((await world.Reports(staff).FreezeAsync(world.Commune.Id, 2026)).Succeeded);

        // Recorded after the freeze: a member admitted in 2025 in the office cell.
        db.Members.Add(new Member { FullName = "Đỗ Văn Muộn", DateOfBirth = new DateOnly(1990, 1, 1), CellId = world.OfficeCell.Id, Status = MemberStatus.Official, AdmittedOn = new DateOnly(2025, 5, 1) });
        await db.SaveChangesAsync();

        var frozen = (await world.Reports().GetAsync(world.Commune.Id, 2026))!;
        var start = (await world.Reports().GetMemberListAsync(world.Commune.Id, 2026, 2026, ReportFigure.MembersAtStart))!;
        var end = (await world.Reports().GetMemberListAsync(world.Commune.Id, 2026, 2026, ReportFigure.MembersAtEnd))!;
        Assert.Equal((true, true, 17, 18), (start.Frozen, end.Frozen, start.Rows.Count, end.Rows.Count));
        Assert.Equal((frozen.MembersAtStart, frozen.MembersAtEnd), (start.Rows.Count, end.Rows.Count));
        // The live year after it has the late member.
        Assert.Equal(19, (await world.Reports().GetMemberListAsync(world.Commune.Id, 2027, 2027, ReportFigure.MembersAtStart))!.Rows.Count);
    }

    [Fact]
    public async Task Cells_with_no_admission_for_n_years_running_are_listed_with_their_last_admission()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await YearlyReportServiceTests.ProvinceAsync(world);

        var oneYear = (await world.Reports().GetIdleCellsAsync(world.Commune.Id, 2026, 1))!;
        var twoYears = (await world.Reports().GetIdleCellsAsync(world.Commune.Id, 2026, 2))!;
        var province = (await world.Reports().GetIdleCellsAsync(world.Province.Id, 2025, 2))!;

        Assert.Equal([(world.VillageCell.Name, (int?)2025)], oneYear.Cells.Select(c => (c.Name, c.LastAdmissionYear)));
        Assert.Equal(3, oneYear.CellCount);
        Assert.Empty(twoYears.Cells);
        // 2024–2025: the office cell admitted nobody (its first admission is 2026); the other commune's cell neither.
        Assert.Equal([(world.OfficeCell.Name, (int?)2026), (world.OtherVillageCell.Name, (int?)2026)],
            province.Cells.Select(c => (c.Name, c.LastAdmissionYear)).OrderBy(c => c.Name, StringComparer.Ordinal));
        Assert.Null(await world.Reports().GetIdleCellsAsync(world.Commune.Id, 2026, 0));
    }

    [Fact]
    public async Task A_frozen_year_is_served_from_its_snapshot_and_no_longer_changes()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await YearlyReportServiceTests.ProvinceAsync(world);
        var secretary = await world.UserAsync("bi.thu.gv@test", (world.TeachersCell, AccessRole.CellSecretary));
        var staff = await world.UserAsync("van.phong@test", (world.Commune, AccessRole.CommitteeStaff));

        Assert.False(await world.Reports(secretary).CanFreezeAsync(world.TeachersCell.Id, 2026));
        Assert.False((await world.Reports(secretary).FreezeAsync(world.TeachersCell.Id, 2026)).Succeeded);
        Assert.False(await world.Reports(staff).CanFreezeAsync(world.Commune.Id, 2027));
        Assert.Equal("year", (await world.Reports(staff).FreezeAsync(world.Commune.Id, 2027)).Errors.Single().Field);
        Assert.True(await world.Reports(staff).CanFreezeAsync(world.Commune.Id, 2026));
        Assert.True((await world.Reports(staff).FreezeAsync(world.Commune.Id, 2026)).Succeeded);
        Assert.False((await world.Reports(staff).FreezeAsync(world.Commune.Id, 2026)).Succeeded);

        // A late entry: another admission dated 2026, recorded after the freeze.
        await world.CandidateAsync(world.OfficeCell, "Đỗ Văn Muộn", [], (StageKind.Source, new DateOnly(2026, 1, 5)), (StageKind.AdmissionDecision, new DateOnly(2026, 12, 20)));

        var frozen = (await world.Reports().GetAsync(world.Commune.Id, 2026))!;
        Assert.Equal(("van.phong@test", 3, 2), (frozen.Frozen?.FrozenBy, frozen.Admitted, frozen.CarriedOver));
        Assert.Equal(75.0, YearlyReportServiceTests.Displayed(frozen.Reached));
        var list = (await world.Reports().GetListAsync(world.Commune.Id, 2026, 2026, ReportFigure.Admitted))!;
        Assert.True(list.Frozen);
        Assert.Equal(["Lê Thị Cường", "Nguyễn Văn An", "Vũ Thị Mai"], list.Rows.Select(r => r.FullName));
        var trend = (await world.Reports().GetTrendAsync(world.Commune.Id, 2026, 2026))!;
        Assert.Equal((3, true), (trend.Years[0].Admitted, trend.Years[0].Frozen));
        // Only the live years are computed: 2025 live (Em and Giang, carried over An and Hải), 2026 from its snapshot.
        var span = (await world.Reports().GetTrendAsync(world.Commune.Id, 2025, 2026))!;
        Assert.Equal(
            [(2025, 17, 17, 2, 2, false), (2026, 17, 18, 3, 2, true)],
            span.Years.Select(y => (y.Year, y.MembersAtStart, y.MembersAtEnd, y.Admitted, y.CarriedOver, y.Frozen)));
        Assert.Equal(5, span.TotalAdmitted);
        // The live figure of another unit (the office cell, not frozen) has the late admission.
        Assert.Equal(3, (await world.Reports().GetAsync(world.OfficeCell.Id, 2026))!.Admitted);
        Assert.Null((await world.Reports().GetAsync(world.OfficeCell.Id, 2026))!.Frozen);
        Assert.Single(await db.AuditEntries.Where(a => a.Action == AuditActions.ReportFreeze).ToListAsync());
    }

    private static int Step(YearlyReport report, StageKind kind) => report.Funnel.Single(s => s.Kind == kind).Candidates;

    /// <summary>Re-parents a unit from a day on as a unit move does: ends its placement, opens a new one, updates its current path.</summary>
    private static async Task MoveAsync(World world, OrgUnit unit, OrgUnit newParent, DateOnly from)
    {
        var db = world.Db;
        var oldPath = await db.OrgUnits.Where(u => u.Id == unit.Id).Select(u => u.Path).SingleAsync();
        var parentPath = await db.OrgUnits.Where(u => u.Id == newParent.Id).Select(u => u.Path).SingleAsync();
        var newPath = new LTree($"{(string)parentPath}.{unit.Id}");
        db.OrgUnitPlacements.AddRange(
            new OrgUnitPlacement { OrgUnitId = unit.Id, ParentId = unit.ParentId, Path = oldPath, ValidFrom = new DateOnly(2000, 1, 1), ValidTo = from.AddDays(-1) },
            new OrgUnitPlacement { OrgUnitId = unit.Id, ParentId = newParent.Id, Path = newPath, ValidFrom = from });
        await db.SaveChangesAsync();
        await db.OrgUnits.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ParentId, newParent.Id).SetProperty(x => x.Path, newPath));
        db.ChangeTracker.Clear();
    }
}
