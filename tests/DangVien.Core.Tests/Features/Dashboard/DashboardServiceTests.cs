using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Features.Dashboard;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Units;
using DangVien.Core.Tests.Features.Quotas;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Core.Tests.Features.Dashboard;

/// <summary>
/// The dashboard over the <see cref="World"/> on 15/10/2026: the School (Teachers' cell: 10 official members,
/// Office cell: 3) with this year's quotas, admissions, candidates at known stages and deadlines.
/// </summary>
public sealed class DashboardServiceTests
{
    private const int Year = 2026;
    private static readonly DateOnly Today = new(2026, 10, 15);

    [Fact]
    public async Task A_committees_dashboard_shows_its_quota_the_admitted_the_percentage_and_the_3_to_4_percent_guide()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await SchoolYearAsync(db);

        var dashboard = (await Service(world).GetAsync(new DashboardQuery(world.School.Id, Year)))!;

        Assert.Equal(("Đảng bộ Trường THPT Hòa An", OrgUnitKind.GrassrootsCommittee, Today), (dashboard.UnitName, dashboard.Kind, dashboard.AsOf));
        // Bình (decided 02/03/2026) and Cường (decided 21/09/2026); An was decided in 2025.
        Assert.Equal((5, 2, 0.4), (dashboard.Quota, dashboard.Admitted, dashboard.Reached));
        // 10 teachers and 3 office members on 31/12/2025 (the probationary teacher came in March 2026).
        Assert.Equal(new DateOnly(2025, 12, 31), dashboard.MembersCountedOn);
        Assert.Equal((13, 0.39m, 0.52m), (dashboard.MembersAtStart, dashboard.GuideLow, dashboard.GuideHigh));
        Assert.Equal(AdmissionCountingBasis.DecisionDate, dashboard.Basis);
        Assert.Equal(["Tỉnh ủy", "Đảng ủy xã Hòa An"], dashboard.Ancestors.Select(a => a.Name));
    }

    [Fact]
    public async Task The_funnel_counts_the_subtrees_candidates_at_each_stage_in_progress_and_the_probationary_members()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await SchoolYearAsync(db);

        var dashboard = (await Service(world).GetAsync(new DashboardQuery(world.School.Id, Year)))!;

        Assert.Equal(DashboardService.FunnelStages, dashboard.Funnel.Select(s => s.Stage));
        Assert.Equal(CandidateStage.Source, dashboard.Funnel[0].Stage);
        Assert.Equal(CandidateStage.RecognitionVoted, dashboard.Funnel[^1].Stage);
        var counts = dashboard.Funnel.Where(s => s.Count > 0).ToDictionary(s => s.Stage, s => s.Count);
        // The village cell's candidate is outside the School; the official member and the one who left are not in the funnel.
        Assert.Equal(
            new Dictionary<CandidateStage, int>
            {
                [CandidateStage.Source] = 2,
                [CandidateStage.AwarenessCourse] = 2,
                [CandidateStage.Introduced] = 1,
                [CandidateStage.CellVoted] = 1,
                [CandidateStage.CommitteeResolved] = 1,
                [CandidateStage.AdmissionDecided] = 1,
                [CandidateStage.Probation] = 2,
            },
            counts);
        Assert.Equal((8, 2), (dashboard.InProgress, dashboard.Probationary));
        Assert.Equal([7, 1], dashboard.Children.Select(c => c.InProgress));
    }

    [Fact]
    public async Task Deadlines_are_those_overdue_and_those_due_within_30_days_overdue_first()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await SchoolYearAsync(db);

        var school = (await Service(world).GetAsync(new DashboardQuery(world.School.Id, Year)))!;
        var commune = (await Service(world).GetAsync(new DashboardQuery(world.Commune.Id, Year)))!;

        // Phong's decision was due in July; Mai's certificate runs out on 01/11/2026. Ngân's runs out in
        // December (more than 30 days away) and the village's Quế is outside the School.
        Assert.Equal(
            [("Vương Văn Phong", AlertKind.AdmissionDecisionDue, AlertUrgency.Overdue), ("Đinh Thị Mai", AlertKind.CertificateExpiring, AlertUrgency.DueSoon)],
            school.Alerts.Shown.Select(a => (a.CandidateName, a.Kind, a.Urgency)));
        Assert.Equal(AdmissionRules.CertificateLastValidDay(new DateOnly(2021, 11, 2), 60), school.Alerts.Shown[1].DueOn);
        Assert.True(school.Alerts.Shown[1].DueOn <= Today.AddDays(30));
        Assert.Equal((1, 1, 2, false), (school.Alerts.Overdue, school.Alerts.DueSoon, school.Alerts.Total, school.Alerts.IsTruncated));
        Assert.Equal(
            ["Vương Văn Phong", "Đinh Thị Mai", "Kha Thị Quế"],
            commune.Alerts.Shown.Select(a => a.CandidateName));
    }

    [Fact]
    public async Task A_committees_children_carry_their_figures_and_those_without_an_admission_this_year_are_flagged()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await SchoolYearAsync(db);

        var school = (await Service(world).GetAsync(new DashboardQuery(world.School.Id, Year)))!;
        var teachers = (await Service(world).GetAsync(new DashboardQuery(world.TeachersCell.Id, Year)))!;

        Assert.True(school.HasChildren);
        Assert.Equal(
            [
                ("Chi bộ Giáo viên", 10, (int?)4, 2, (double?)0.5, false),
                ("Chi bộ Văn phòng", 3, 2, 0, 0.0, true),
            ],
            school.Children.Select(c => (c.Name, c.MembersAtStart, c.Quota, c.Admitted, c.Reached, c.NoAdmission)));
        Assert.Equal((0.3m, 0.4m), (school.Children[0].GuideLow, school.Children[0].GuideHigh));
        Assert.Equal(1, school.ChildrenWithoutAdmission);
        // A cell has no table of children.
        Assert.False(teachers.HasChildren);
        Assert.Equal((4, 2, 7), (teachers.Quota, teachers.Admitted, teachers.InProgress));
    }

    [Fact]
    public async Task Children_sort_by_name_quota_admitted_or_percentage_in_either_direction()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await SchoolYearAsync(db);

        async Task<List<string>> Order(DashboardSort sort, bool descending) =>
            [.. (await Service(world).GetAsync(new DashboardQuery(world.School.Id, Year, sort, descending)))!.Children.Select(c => c.Name)];

        Assert.Equal(["Chi bộ Giáo viên", "Chi bộ Văn phòng"], await Order(DashboardSort.Name, false));
        Assert.Equal(["Chi bộ Văn phòng", "Chi bộ Giáo viên"], await Order(DashboardSort.Name, true));
        Assert.Equal(["Chi bộ Văn phòng", "Chi bộ Giáo viên"], await Order(DashboardSort.Quota, false));
        Assert.Equal(["Chi bộ Giáo viên", "Chi bộ Văn phòng"], await Order(DashboardSort.Admitted, true));
        Assert.Equal(["Chi bộ Văn phòng", "Chi bộ Giáo viên"], await Order(DashboardSort.Reached, false));
        var dashboard = (await Service(world).GetAsync(new DashboardQuery(world.School.Id, Year, DashboardSort.Reached, true)))!;
        Assert.Equal((DashboardSort.Reached, true), (dashboard.Sort, dashboard.Descending));
    }

    [Fact]
    public void Sorting_keeps_units_without_a_quota_last_in_both_directions_and_breaks_ties_by_name()
    {
        // In name order, as the database returns them.
        DashboardChild[] children =
        [
            new(1, "Chi bộ 1", OrgUnitKind.Cell, 10, 4, 1, 0),
            new(2, "Chi bộ 2", OrgUnitKind.Cell, 10, null, 3, 0),
            new(3, "Chi bộ 3", OrgUnitKind.Cell, 10, 2, 1, 0),
            new(4, "Chi bộ 4", OrgUnitKind.Cell, 10, 4, 0, 0),
            new(5, "Chi bộ 5", OrgUnitKind.Cell, 10, 0, 0, 0),
        ];

        int[] Ids(DashboardSort sort, bool descending) => [.. DashboardService.Sorted(children, sort, descending).Select(c => c.UnitId)];

        Assert.Equal([5, 3, 1, 4, 2], Ids(DashboardSort.Quota, false));
        Assert.Equal([1, 4, 3, 5, 2], Ids(DashboardSort.Quota, true));
        Assert.Equal([2, 1, 3, 4, 5], Ids(DashboardSort.Admitted, true));
        // 50 % (3), 25 % (1), 0 % (4); no percentage without a quota (2) or with a quota of 0 (5).
        Assert.Equal([3, 1, 4, 2, 5], Ids(DashboardSort.Reached, true));
        Assert.Equal([4, 1, 3, 2, 5], Ids(DashboardSort.Reached, false));
        Assert.Equal([5, 4, 3, 2, 1], Ids(DashboardSort.Name, true));
    }

    [Fact]
    public async Task A_cell_secretary_lands_on_the_cells_dashboard_and_another_units_dashboard_is_null()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await SchoolYearAsync(db);
        var secretary = await world.UserAsync("bithu", (world.TeachersCell, AccessRole.CellSecretary));

        var own = await Service(world, secretary).GetAsync(new DashboardQuery(null, Year));

        Assert.NotNull(own);
        Assert.Equal((world.TeachersCell.Id, 4, 2), (own.UnitId, own.Quota, own.Admitted));
        Assert.Equal(["Chi bộ Giáo viên"], own.StartingPoints.Select(s => s.Name));
        Assert.Empty(own.Ancestors);
        Assert.Null(await Service(world, secretary).GetAsync(new DashboardQuery(world.OfficeCell.Id, Year)));
        Assert.Null(await Service(world, secretary).GetAsync(new DashboardQuery(world.School.Id, Year)));
        Assert.Null(await Service(world, secretary).GetAsync(new DashboardQuery(987654, Year)));
    }

    [Fact]
    public async Task Without_a_unit_the_dashboard_is_the_users_first_starting_point_in_Vietnamese_order_and_nothing_without_a_role()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var twoCells = await world.UserAsync("haichibo", (world.OtherVillageCell, AccessRole.CellSecretary), (world.VillageCell, AccessRole.CellSecretary));
        var staff = await world.UserAsync("vanphong", (world.Commune, AccessRole.CommitteeStaff), (world.TeachersCell, AccessRole.CellSecretary));
        var nobody = await world.UserAsync("khach");

        var first = (await Service(world, twoCells).GetAsync(new DashboardQuery(null, Year)))!;
        var commune = (await Service(world, staff).GetAsync(new DashboardQuery(null, Year)))!;

        // "Đông" sorts before "Tây".
        Assert.Equal(world.VillageCell.Id, first.UnitId);
        Assert.Equal(["Chi bộ thôn Đông", "Chi bộ thôn Tây"], first.StartingPoints.Select(s => s.Name));
        // The teachers' cell is inside the commune: one starting point.
        Assert.Equal((world.Commune.Id, 1), (commune.UnitId, commune.StartingPoints.Count));
        Assert.Equal(["Chi bộ thôn Đông", "Đảng bộ Trường THPT Hòa An"], commune.Children.Select(c => c.Name));
        Assert.Null(await Service(world, nobody).GetAsync(new DashboardQuery(null, Year)));
    }

    [Fact]
    public async Task A_cached_dashboard_is_served_until_a_write_under_its_unit_commits()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await SchoolYearAsync(db);
        using var cache = new DashboardCache();
        var query = new DashboardQuery(world.School.Id, Year);

        var first = await Service(world, cache: cache).GetAsync(query);
        Assert.Same(first, await Service(world, cache: cache).GetAsync(query));

        // A write in another commune's cell leaves the School's stamp as it was.
        await db.Database.ExecuteSqlAsync($"UPDATE candidates SET full_name = full_name WHERE cell_id = {world.VillageCell.Id}");
        Assert.Same(first, await Service(world, cache: cache).GetAsync(query));

        // A new source candidate in the office cell: the next request computes again and counts it.
        db.Candidates.Add(Candidate(world.OfficeCell, "Mạc Thị Quyên", CandidateStage.Source, Today));
        await db.SaveChangesAsync();
        var second = (await Service(world, cache: cache).GetAsync(query))!;
        Assert.NotSame(first, second);
        Assert.Equal(first!.Funnel[0].Count + 1, second.Funnel[0].Count);
        Assert.Same(second, await Service(world, cache: cache).GetAsync(query));
    }

    [Fact]
    public async Task Members_quotas_history_the_tree_and_a_new_day_each_make_the_cached_dashboard_recomputed()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await SchoolYearAsync(db);
        using var cache = new DashboardCache();
        var query = new DashboardQuery(world.TeachersCell.Id, Year);
        var served = (await Service(world, cache: cache).GetAsync(query))!;

        async Task ChangedBy(FormattableString sql)
        {
            await db.Database.ExecuteSqlAsync(sql);
            var next = (await Service(world, cache: cache).GetAsync(query))!;
            Assert.NotSame(served, next);
            served = next;
        }

        await ChangedBy($"UPDATE members SET full_name = full_name WHERE id = {world.Teachers[0].Id}");
        await ChangedBy($"UPDATE quotas SET total = 6 WHERE org_unit_id = {world.TeachersCell.Id} AND year = {Year}");
        await ChangedBy($"UPDATE org_units SET name = name || ' mới' WHERE id = {world.Province.Id}");
        await ChangedBy($"INSERT INTO public_holidays (date, name) VALUES ('2026-12-31', 'Nghỉ bù')");
        // A history entry alone (a note on Phong's file, no stage change): the history's own trigger.
        var phong = await db.Candidates.SingleAsync(c => c.FullName == "Vương Văn Phong");
        await ChangedBy($"""
            INSERT INTO stage_entries (candidate_id, kind, effective_on, note, recorded_by, recorded_at)
            SELECT candidate_id, kind, effective_on, 'ghi chú', recorded_by, now() FROM stage_entries
            WHERE id = (SELECT max(id) FROM stage_entries WHERE candidate_id = {phong.Id})
            """);

        world.Time.MoveTo(Today.AddDays(1));
        var tomorrow = (await Service(world, cache: cache).GetAsync(query))!;
        Assert.NotSame(served, tomorrow);
        Assert.Equal(Today.AddDays(1), tomorrow.AsOf);
    }

    [Fact]
    public async Task Users_with_other_grants_never_share_a_cached_dashboard()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await SchoolYearAsync(db);
        using var cache = new DashboardCache();
        var secretary = await world.UserAsync("bithu", (world.TeachersCell, AccessRole.CellSecretary));
        var other = await world.UserAsync("bithu2", (world.VillageCell, AccessRole.CellSecretary));

        var own = (await Service(world, secretary, cache).GetAsync(new DashboardQuery(null, Year)))!;
        var others = (await Service(world, other, cache).GetAsync(new DashboardQuery(null, Year)))!;

        Assert.Equal((world.TeachersCell.Id, world.VillageCell.Id), (own.UnitId, others.UnitId));
        Assert.Null(await Service(world, other, cache).GetAsync(new DashboardQuery(world.TeachersCell.Id, Year)));
    }

    private static DashboardService Service(World world, ICurrentUser? user = null, DashboardCache? cache = null)
    {
        var db = world.Db;
        var access = new CurrentAccess(user ?? new SystemUser("can.bo@test"), db, world.Time);
        var quotas = new QuotaService(db, access, new RuleParameterReader(db), new AssignQuotasRequestValidator(), world.Time, NullLogger<QuotaService>.Instance);
        var alerts = new AlertService(db, new CalendarService(db), new RuleParameterReader(db), access);
        return new DashboardService(db, access, new OrgUnitService(db, access, CoreValidators.For<MoveUnitRequest>(), CoreValidators.For<MergeUnitRequest>()), quotas, alerts, world.Time, cache);
    }

    /// <summary>
    /// The School's year so far: quotas (School 5, Teachers 4, Office 2), two admissions in 2026 and one in 2025
    /// (all in the teachers' cell), candidates at known stages, and four files with deadlines.
    /// </summary>
    private static async Task<World> SchoolYearAsync(DangVienDbContext db)
    {
        var world = await World.CreateAsync(db, Today);
        await world.QuotaAsync(world.School, Year, 5);
        await world.QuotaAsync(world.TeachersCell, Year, 4);
        await world.QuotaAsync(world.OfficeCell, Year, 2);
        await world.AdmittedAsync(world.TeachersCell, "Trần Văn An", new DateOnly(2025, 11, 3), ceremony: new DateOnly(2025, 12, 1));
        await world.AdmittedAsync(world.TeachersCell, "Lê Thị Bình", new DateOnly(2026, 3, 2), ceremony: new DateOnly(2026, 4, 10));
        await world.AdmittedAsync(world.TeachersCell, "Phạm Văn Cường", new DateOnly(2026, 9, 21));

        // Stages set directly (no history, so no deadline): two sources and an introduced candidate among the
        // teachers, a cell vote in the office, one source in the village; an official member and an exit are
        // not in the funnel.
        var since = new DateOnly(2026, 2, 2);
        db.Candidates.AddRange(
            Candidate(world.TeachersCell, "Nguyễn Thị Hạnh", CandidateStage.Source, since),
            Candidate(world.TeachersCell, "Hoàng Văn Khánh", CandidateStage.Source, since),
            Candidate(world.TeachersCell, "Vũ Thị Loan", CandidateStage.Introduced, since),
            Candidate(world.TeachersCell, "Đào Văn Minh", CandidateStage.Official, since),
            Candidate(world.TeachersCell, "Trương Thị Nga", CandidateStage.Exited, since),
            Candidate(world.OfficeCell, "Lý Văn Ổn", CandidateStage.CellVoted, since),
            Candidate(world.VillageCell, "Hà Văn Phú", CandidateStage.Source, since));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // Phong: the cell voted on 04/05/2026 and the committee resolved; the decision (60 working days) is overdue.
        var phong = await world.StartCandidateAsync(new(2025, 6, 2), name: "Vương Văn Phong");
        await phong.ReadyForVoteAsync(new(2025, 7, 1), new(2025, 8, 4), new(2025, 9, 1), new(2025, 10, 6), new(2025, 10, 13));
        Assert.True((await phong.CellVoteAsync(new(2026, 5, 4))).Succeeded);
        await phong.CommitteeResolutionAsync(new(2026, 5, 11));

        // Certificates of 60 months: Mai's runs out on 01/11/2026 (within 30 days), Ngân's in December.
        var mai = await world.StartCandidateAsync(new(2021, 10, 1), name: "Đinh Thị Mai");
        await mai.CertificateAsync(new(2021, 11, 2));
        var ngan = await world.StartCandidateAsync(new(2021, 10, 1), name: "Chu Thị Ngân");
        await ngan.CertificateAsync(new(2021, 12, 20));
        var que = await world.StartCandidateAsync(new(2021, 10, 1), cell: world.VillageCell, name: "Kha Thị Quế");
        await que.CertificateAsync(new(2021, 11, 3));
        return world;
    }

    private static Candidate Candidate(OrgUnit cell, string name, CandidateStage stage, DateOnly since) => new()
    {
        FullName = name,
        CellId = cell.Id,
        DateOfBirth = new DateOnly(2001, 5, 5),
        Stage = stage,
        StageSince = since,
        CreatedAt = new DateTimeOffset(2026, 2, 2, 2, 0, 0, TimeSpan.Zero),
    };
}
