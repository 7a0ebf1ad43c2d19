using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The list's filters (category, year, overdue), its sort orders and the export built on the same query.</summary>
public sealed class CandidateListTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    [Fact]
    public async Task The_list_filters_by_category_year_and_overdue_and_sorts_by_name_stage_or_stage_date()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var hanh = await world.StartCandidateAsync(new(2025, 1, 6), name: "Phan Thị Hạnh");
        await hanh.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
        Assert.True((await hanh.CellVoteAsync(new(2025, 5, 5))).Succeeded);
        var bao = await world.StartCandidateAsync(new(2026, 11, 2), cell: world.VillageCell, name: "Đỗ Văn Bảo");
        await world.StartCandidateAsync(new(2026, 11, 2), cell: world.OtherVillageCell, name: "Chu Thị Én");
        await db.CandidateCategories.Where(c => c.CandidateId == bao.Id && c.SourceCategoryId == world.Categories[2].Id).ExecuteDeleteAsync();
        var service = world.Admission();
        async Task<string[]> Names(CandidateListQuery query) => [.. (await service.ListAsync(query)).Items.Select(i => i.FullName)];
        var commune = new CandidateListQuery { UnitId = world.Commune.Id };

        Assert.Equal(["Đỗ Văn Bảo", "Phan Thị Hạnh"], await Names(commune));
        Assert.Equal(["Phan Thị Hạnh"], await Names(commune with { CategoryId = world.Categories[2].Id }));
        Assert.Equal(["Đỗ Văn Bảo", "Phan Thị Hạnh"], await Names(commune with { CategoryId = world.Categories[0].Id }));
        Assert.Empty(await Names(commune with { CategoryId = world.Categories[1].Id }));
        Assert.Equal(["Phan Thị Hạnh"], await Names(commune with { Year = 2025 }));
        Assert.Equal(["Đỗ Văn Bảo"], await Names(commune with { Year = 2026 }));
        Assert.Empty(await Names(commune with { Year = 2024 }));

        // Voted on 05/05/2025 with no decision since: overdue on 31/12/2026, as the alerts say.
        var overdueByAlerts = (await world.Alerts().GetAlertsAsync(world.Commune.Id, Today))
            .Where(a => a.Urgency == Core.Features.Alerts.AlertUrgency.Overdue).Select(a => a.CandidateName).Distinct().Order().ToArray();
        Assert.Equal(["Phan Thị Hạnh"], overdueByAlerts);
        Assert.Equal(overdueByAlerts, await Names(commune with { OverdueOnly = true }));

        Assert.Equal(["Phan Thị Hạnh", "Đỗ Văn Bảo"], await Names(commune with { Descending = true }));
        Assert.Equal(["Phan Thị Hạnh", "Đỗ Văn Bảo"], await Names(commune with { Sort = CandidateSort.Stage, Descending = true }));
        Assert.Equal(["Đỗ Văn Bảo", "Phan Thị Hạnh"], await Names(commune with { Sort = CandidateSort.Stage }));
        Assert.Equal(["Phan Thị Hạnh", "Đỗ Văn Bảo"], await Names(commune with { Sort = CandidateSort.StageSince }));
        Assert.Equal(["Đỗ Văn Bảo"], await Names(commune with { Search = "do van", Year = 2026, CategoryId = world.Categories[0].Id }));
    }

    [Fact]
    public async Task The_export_returns_every_row_of_the_filtered_list_and_writes_the_filter_and_count_to_the_audit_log()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        for (var i = 0; i < 5; i++)
        {
            await world.StartCandidateAsync(new(2026, 11, 2), name: $"Ngô Thị {(char)('A' + i)}", citizenId: $"00120001234{i}");
        }

        await world.StartCandidateAsync(new(2026, 11, 2), cell: world.OtherVillageCell, name: "Chu Thị Én");
        var query = new CandidateListQuery { UnitId = world.School.Id, Search = "ngo", PageSize = 2, Sort = CandidateSort.Name, Descending = true };
        var list = await world.Admission().ListAsync(query);
        var rows = await world.Admission("xuat@test").ExportListAsync(query);

        Assert.NotNull(rows);
        Assert.Equal(list.TotalCount, rows.Count);
        Assert.Equal(list.Items.Select(i => i.FullName), rows.Take(2).Select(r => r.FullName));
        Assert.Equal("001200012344", rows[0].CitizenId);
        Assert.Equal($"{world.Categories[0].Name}, {world.Categories[2].Name}", rows[0].Categories);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.CandidatesExport);
        Assert.Equal("xuat@test", audit.UserName);
        Assert.Equal($"unit={world.School.Id}&q=ngo&sort=Name desc; 5 dòng", audit.Detail);
    }
}
