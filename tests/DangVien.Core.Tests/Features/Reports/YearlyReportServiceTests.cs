using DangVien.Core.Common;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Reports;
using DangVien.Core.Tests.Features.Quotas;
using DangVien.Core.Tests.Support;
using DangVien.Testing;

namespace DangVien.Core.Tests.Features.Reports;

/// <summary>
/// The yearly report over the <see cref="World"/> with known histories (year 2026, decision date counts):
/// <code>
/// Xã Hòa An (quota 4: Youth Union 2, women 1; 17 members on 31/12/2025, 18 on 31/12/2026)
/// ├─ School ─ Teachers' cell: An   (Youth Union) introduced 2026, decided 01/03, ceremony 20/03 — admitted
/// │          Teachers' cell: Bình (Youth Union) source → introduced 2026, exits 01/07 — counted in the funnel
/// │          Teachers' cell: Em   decided 2025, recognised (effective 20/06/2026)
/// │          Teachers' cell: Hải  decision 01/04/2026 corrected to 05/01/2027 — carried over
/// │          Office cell:    Cường (education, women) source → ceremony 2026 — admitted
/// │          Office cell:    Mai  source → decision 01/06/2026, no ceremony — admitted
/// │          Office cell:    Lâm  source 10/01/2027 — not carried over (not started in 2026)
/// └─ Village cell:           Dung (Youth Union) source → introduced 2026, cell vote failed — carried over
///                            Giang decided 2025, removed 01/05/2026
/// Xã Bình Minh ─ Village cell Tây: Khánh decided 2026 (only in the province's report)
/// </code>
/// </summary>
public sealed class YearlyReportServiceTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);

    [Fact]
    public async Task Every_figure_of_the_communes_report_is_counted_from_the_history()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var categories = await ProvinceAsync(world);

        var report = (await world.Reports().GetAsync(world.Commune.Id, 2026))!;

        Assert.Equal((world.Commune.Name, 2026, AdmissionCountingBasis.DecisionDate), (report.UnitName, report.Year, report.Basis));
        Assert.Equal([world.Province.Name], report.Ancestors.Select(a => a.Name));

        // Members: 10 teachers + 3 office + 4 villagers on 31/12/2025; the probationary teacher (01/03/2026) joins by 31/12/2026.
        Assert.Equal((17, 18, 1), (report.MembersAtStart, report.MembersAtEnd, report.MembersChange));
        Assert.Equal((new DateOnly(2025, 12, 31), new DateOnly(2026, 12, 31)), (report.StartCountedOn, report.EndCountedOn));

        // Admitted: An, Cường, Mai (Hải's decision was corrected into 2027). Quota 4 → 75,0 %; 3 of 17 members → 17,6 %.
        Assert.Equal((3, 4), (report.Admitted, report.Quota));
        Assert.Equal(75.0, Displayed(report.Reached));
        Assert.Equal(17.6, Displayed(report.ShareOfMembers));
        Assert.Equal((0.51m, 0.68m, true), (report.GuideLow, report.GuideHigh, report.MeetsGuide));

        // By category: An (Youth Union, target 2), Cường (education and women, target 1 for women); Mai has none.
        Assert.Equal(
            [("Giáo dục, y tế", 1, (int?)null), ("Nữ", 1, 1), ("Đoàn viên TNCS Hồ Chí Minh", 1, 2)],
            report.Categories.Select(c => (c.Name, c.Admitted, c.Target)));
        Assert.Equal(50.0, Displayed(report.Categories.Single(c => c.CategoryId == categories.YouthUnion.Id).Reached));

        // Funnel of 2026: Bình left after his introduction and still counts up to it; Dung's failed vote does not count.
        Assert.Equal(
            [
                (StageKind.Source, 4), (StageKind.AwarenessCourse, 4), (StageKind.Application, 4), (StageKind.HistoryVerification, 4),
                (StageKind.Introduction, 5), (StageKind.Opinion, 3), (StageKind.CellVote, 3), (StageKind.CommitteeResolution, 3),
                (StageKind.AdmissionDecision, 3), (StageKind.Ceremony, 2),
            ],
            report.Funnel.Select(s => (s.Kind, s.Candidates)));
        Assert.Equal(1, report.Exited);

        // Youth Union members introduced in 2026: An, Bình, Dung; admitted: An → 33,3 %.
        Assert.Equal((3, 1), (report.YouthUnionIntroduced.Cohort, report.YouthUnionIntroduced.Admitted));
        Assert.Equal(33.3, Displayed(report.YouthUnionIntroduced.Rate));
        // Awareness course completed in 2026: Bình, Cường, Dung, Mai; admitted: Cường, Mai → 50,0 %.
        Assert.Equal((4, 2), (report.AwarenessCourseCompleted.Cohort, report.AwarenessCourseCompleted.Admitted));
        Assert.Equal(50.0, Displayed(report.AwarenessCourseCompleted.Rate));

        // The School admitted; the village cell did not.
        Assert.Equal(2, report.ChildCount);
        Assert.Equal([world.VillageCell.Name], report.ChildrenWithoutAdmission.Select(c => c.Name));

        // Carried over: Dung (in progress) and Hải (decision now dated 2027); Lâm started only in 2027, Bình exited.
        Assert.Equal(2, report.CarriedOver);
        Assert.Equal((1, 1), (report.Recognised, report.Removed));
    }

    [Fact]
    public async Task The_province_report_adds_the_other_commune_and_lists_no_child_without_admission()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await ProvinceAsync(world);

        var report = (await world.Reports().GetAsync(world.Province.Id, 2026))!;

        Assert.Equal((19, 20, 4, (int?)null), (report.MembersAtStart, report.MembersAtEnd, report.Admitted, report.Quota));
        Assert.Null(report.Reached);
        Assert.Equal(21.1, Displayed(report.ShareOfMembers));
        Assert.Equal(2, report.ChildCount);
        Assert.Empty(report.ChildrenWithoutAdmission);
        Assert.Equal(4, report.Funnel.Single(s => s.Kind == StageKind.AdmissionDecision).Candidates);
    }

    [Fact]
    public async Task With_the_ceremony_date_counting_the_decided_file_without_ceremony_is_carried_over()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await ProvinceAsync(world);
        db.RuleParameters.Add(new RuleParameter { Key = RuleKeys.AdmissionCountingDate, OrgUnitId = world.Commune.Id, Value = 1 });
        await db.SaveChangesAsync();

        var report = (await world.Reports().GetAsync(world.Commune.Id, 2026))!;

        // An and Cường had their ceremony in 2026; Mai (decided, no ceremony) is carried over with Dung and Hải.
        Assert.Equal((AdmissionCountingBasis.CeremonyDate, 2, 3), (report.Basis, report.Admitted, report.CarriedOver));
        Assert.Equal(25.0, Displayed(report.AwarenessCourseCompleted.Rate));
    }

    [Fact]
    public async Task A_user_of_a_sibling_commune_gets_no_report_and_one_of_the_commune_gets_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await ProvinceAsync(world);
        var sibling = await world.UserAsync("bi.thu.tay@test", (world.OtherVillageCell, AccessRole.CellSecretary));
        var staff = await world.UserAsync("can.bo.hoa.an@test", (world.Commune, AccessRole.CommitteeStaff));

        Assert.Null(await world.Reports(sibling).GetAsync(world.Commune.Id, 2026));
        Assert.Null(await world.Reports(sibling).GetAsync(world.Province.Id, 2026));
        Assert.Null(await world.Reports(staff).GetAsync(world.OtherCommune.Id, 2026));
        var own = await world.Reports(staff).GetAsync(world.Commune.Id, 2026);
        Assert.Equal(3, own!.Admitted);
        // Breadcrumbs show only what the user may read.
        Assert.Empty(own.Ancestors);
    }

    [Fact]
    public async Task An_unknown_unit_gets_no_report()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);

        Assert.Null(await world.Reports().GetAsync(999_999, 2026));
    }

    /// <summary>A percentage as the page shows it: one decimal.</summary>
    internal static double? Displayed(double? ratio) => ratio is { } r ? Math.Round(r * 100, 1, MidpointRounding.AwayFromZero) : null;

    internal sealed record ReportCategories(SourceCategory YouthUnion, SourceCategory Education, SourceCategory Women);

    internal static async Task<ReportCategories> ProvinceAsync(World world)
    {
        var youth = new SourceCategory { Code = DefaultSourceCategories.YouthUnion, Name = "Đoàn viên TNCS Hồ Chí Minh", SortOrder = 9 };
        world.Db.SourceCategories.Add(youth);
        await world.Db.SaveChangesAsync();
        var education = world.Categories.Single(c => c.Code == "GIAO_DUC_Y_TE");
        var women = world.Categories.Single(c => c.Code == "NU");
        await world.QuotaAsync(world.Commune, 2026, 4, (youth, 2), (women, 1));

        await world.CandidateAsync(world.TeachersCell, "Nguyễn Văn An", [youth],
            (StageKind.Source, D(2025, 2, 1)), (StageKind.AwarenessCourse, D(2025, 5, 1)), (StageKind.Application, D(2025, 8, 1)),
            (StageKind.HistoryVerification, D(2025, 10, 1)), (StageKind.Introduction, D(2026, 1, 10)), (StageKind.Opinion, D(2026, 1, 20)),
            (StageKind.CellVote, D(2026, 2, 1)), (StageKind.CommitteeResolution, D(2026, 2, 15)), (StageKind.AdmissionDecision, D(2026, 3, 1)),
            (StageKind.Ceremony, D(2026, 3, 20)));
        await world.CandidateAsync(world.TeachersCell, "Trần Văn Bình", [youth],
            (StageKind.Source, D(2026, 1, 5)), (StageKind.AwarenessCourse, D(2026, 3, 1)), (StageKind.Application, D(2026, 4, 1)),
            (StageKind.HistoryVerification, D(2026, 5, 1)), (StageKind.Introduction, D(2026, 6, 1)), (StageKind.Exit, D(2026, 7, 1)));
        await world.CandidateAsync(world.TeachersCell, "Phạm Văn Em", [],
            (StageKind.Source, D(2023, 1, 1)), (StageKind.AdmissionDecision, D(2025, 6, 1)), (StageKind.Ceremony, D(2025, 6, 20)),
            (StageKind.RecognitionDecision, D(2026, 6, 20)));
        var hai = await world.CandidateAsync(world.TeachersCell, "Đặng Văn Hải", [],
            (StageKind.Source, D(2025, 1, 1)), (StageKind.AdmissionDecision, D(2026, 4, 1)));
        await world.CorrectAsync(hai, StageKind.AdmissionDecision, D(2027, 1, 5));
        await world.CandidateAsync(world.OfficeCell, "Lê Thị Cường", [education, women],
            (StageKind.Source, D(2026, 2, 1)), (StageKind.AwarenessCourse, D(2026, 4, 1)), (StageKind.Application, D(2026, 5, 1)),
            (StageKind.HistoryVerification, D(2026, 6, 1)), (StageKind.Introduction, D(2026, 7, 1)), (StageKind.Opinion, D(2026, 7, 10)),
            (StageKind.CellVote, D(2026, 8, 1)), (StageKind.CommitteeResolution, D(2026, 8, 20)), (StageKind.AdmissionDecision, D(2026, 9, 10)),
            (StageKind.Ceremony, D(2026, 10, 1)));
        await world.CandidateAsync(world.OfficeCell, "Vũ Thị Mai", [],
            (StageKind.Source, D(2026, 1, 2)), (StageKind.AwarenessCourse, D(2026, 2, 1)), (StageKind.Application, D(2026, 3, 1)),
            (StageKind.HistoryVerification, D(2026, 3, 15)), (StageKind.Introduction, D(2026, 4, 1)), (StageKind.Opinion, D(2026, 4, 10)),
            (StageKind.CellVote, D(2026, 5, 1)), (StageKind.CommitteeResolution, D(2026, 5, 15)), (StageKind.AdmissionDecision, D(2026, 6, 1)));
        await world.CandidateAsync(world.OfficeCell, "Hồ Văn Lâm", [], (StageKind.Source, D(2027, 1, 10)));
        await world.CandidateAsync(world.VillageCell, "Hà Thị Dung", [youth],
            (StageKind.Source, D(2026, 3, 1), true), (StageKind.AwarenessCourse, D(2026, 5, 1), true), (StageKind.Application, D(2026, 6, 1), true),
            (StageKind.HistoryVerification, D(2026, 7, 1), true), (StageKind.Introduction, D(2026, 9, 1), true), (StageKind.CellVote, D(2026, 10, 1), false));
        await world.CandidateAsync(world.VillageCell, "Lý Văn Giang", [],
            (StageKind.Source, D(2023, 1, 1)), (StageKind.AdmissionDecision, D(2025, 9, 1)), (StageKind.Ceremony, D(2025, 9, 15)),
            (StageKind.Removal, D(2026, 5, 1)));
        await world.CandidateAsync(world.OtherVillageCell, "Nông Văn Khánh", [],
            (StageKind.Source, D(2024, 1, 1)), (StageKind.AdmissionDecision, D(2026, 11, 1)));
        return new ReportCategories(youth, education, women);
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);
}
