using DangVien.Core.Features.Reports;
using DangVien.Core.Tests.Features.Quotas;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using static DangVien.Core.Tests.Features.Reports.YearlyReportServiceTests;

namespace DangVien.Core.Tests.Features.Reports;

/// <summary>
/// The board's main table of the yearly report (<see cref="YearlyReport.Children"/>) over the known histories of
/// <see cref="YearlyReportServiceTests"/> (2026, decision date counts), with quotas for the commune's two children:
/// <code>
/// Xã Hòa An (quota 4)       members 31/12/2025   quota   admitted (by category)
/// ├─ Đảng bộ Trường THPT    13 (10 teachers, 3 office)   2   3: An (Youth Union), Cường (education, women), Mai (none)
/// └─ Chi bộ thôn Đông        4                           1   0 (Dung's vote failed; Giang was removed)
/// </code>
/// </summary>
public sealed class BoardTableTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);

    [Fact]
    public async Task Each_child_unit_has_its_members_quota_admitted_percentages_guide_and_categories_and_the_total_row_adds_them()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var categories = await ProvinceAsync(world);
        await world.QuotaAsync(world.School, 2026, 2);
        await world.QuotaAsync(world.VillageCell, 2026, 1);

        var report = (await world.Reports().GetAsync(world.Commune.Id, 2026))!;

        // Ordered by name: "Chi bộ thôn Đông" before "Đảng bộ Trường THPT Hòa An".
        Assert.Equal(
            [(world.VillageCell.Id, "Chi bộ thôn Đông", 4, (int?)1, 0), (world.School.Id, "Đảng bộ Trường THPT Hòa An", 13, (int?)2, 3)],
            report.Children.Select(c => (c.UnitId, c.Name, c.MembersAtStart, c.Quota, c.Admitted)));
        var village = report.Children[0];
        var school = report.Children[1];

        // School: 3 of quota 2 → 150,0 %; 3 of 13 members → 23,1 %; guide 0,39–0,52 persons, met.
        Assert.Equal((150.0, 23.1), (Displayed(school.Reached), Displayed(school.ShareOfMembers)));
        Assert.Equal((0.39m, 0.52m, true), (school.GuideLow, school.GuideHigh, school.MeetsGuide));
        Assert.Equal((1, 1, 1), (school.AdmittedIn(categories.YouthUnion.Id), school.AdmittedIn(categories.Education.Id), school.AdmittedIn(categories.Women.Id)));
        // Village: 0 of quota 1 → 0,0 %; 0 of 4 → 0,0 %; guide 0,12–0,16, not met; no category.
        Assert.Equal((0.0, 0.0), (Displayed(village.Reached), Displayed(village.ShareOfMembers)));
        Assert.Equal((0.12m, 0.16m, false), (village.GuideLow, village.GuideHigh, village.MeetsGuide));
        Assert.Empty(village.Categories);

        // The total row: the sums (the children's quotas add up to 3; the commune's own quota is 4), equal to the report's figures.
        var total = report.ChildrenTotal;
        Assert.Equal((17, (int?)3, 3), (total.MembersAtStart, total.Quota, total.Admitted));
        Assert.Equal((report.MembersAtStart, report.Admitted), (total.MembersAtStart, total.Admitted));
        Assert.Equal((100.0, 17.6), (Displayed(total.Reached), Displayed(total.ShareOfMembers)));
        Assert.Equal((0.51m, 0.68m, true), (total.GuideLow, total.GuideHigh, total.MeetsGuide));
        Assert.Equal(report.Categories.Select(c => (c.CategoryId, c.Admitted)).Order(), total.Categories.Select(c => (c.CategoryId, c.Admitted)).Order());
    }

    [Fact]
    public async Task The_province_table_has_a_row_per_commune_a_missing_quota_stays_empty_and_a_frozen_year_keeps_the_table()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await ProvinceAsync(world);

        var live = (await world.Reports().GetAsync(world.Province.Id, 2026))!;

        // Bình Minh: 2 members, no quota, Khánh admitted; Hòa An: 17 members, quota 4, 3 admitted. The total's quota is the
        // sum of the quotas set (4); Bình Minh has no percentage of quota.
        Assert.Equal(
            [(world.OtherCommune.Name, 2, (int?)null, 1), (world.Commune.Name, 17, (int?)4, 3)],
            live.Children.Select(c => (c.Name, c.MembersAtStart, c.Quota, c.Admitted)));
        Assert.Equal((19, (int?)4, 4), (live.ChildrenTotal.MembersAtStart, live.ChildrenTotal.Quota, live.ChildrenTotal.Admitted));
        Assert.Null(live.Children[0].Reached);
        Assert.Equal((100.0, 75.0), (Displayed(live.ChildrenTotal.Reached), Displayed(live.Children[1].Reached)));
        Assert.Equal(50.0, Displayed(live.Children[0].ShareOfMembers));

        Assert.True((await world.Reports().FreezeAsync(world.Province.Id, 2026)).Succeeded);
        var frozen = (await world.Reports().GetAsync(world.Province.Id, 2026))!;
        Assert.NotNull(frozen.Frozen);
        Assert.Equal(live.Children, frozen.Children, (a, b) => a.UnitId == b.UnitId && a.MembersAtStart == b.MembersAtStart && a.Admitted == b.Admitted && a.Categories.SequenceEqual(b.Categories));
    }
}
