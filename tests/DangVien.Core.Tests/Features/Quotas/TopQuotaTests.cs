using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Quotas;

/// <summary>
/// The quota of the top unit (the province), which has no level above it in the tree: an administrator sets it, nobody
/// else (not the provincial board, not the province's committee staff); every other unit's quota is set by its parent.
/// </summary>
public sealed class TopQuotaTests
{
    private static readonly DateOnly Today = new(2026, 10, 15);

    [Fact]
    public async Task An_administrator_sets_the_provinces_quota_and_the_sheet_measures_progress_against_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        await world.AdmittedAsync(world.VillageCell, "Nguyễn Văn Nam", new DateOnly(2026, 4, 2));
        var admin = await world.UserAsync("quan.tri", (world.Province, AccessRole.Administrator));

        var before = (await world.Quotas(admin).GetQuotaSheetAsync(world.Province.Id, 2026))!;
        var saved = await world.Quotas(admin).AssignTopQuotaAsync(world.Province.Id, 2026, new ChildQuotaInput(world.Province.Id, 4, null, []));
        var after = (await world.Quotas(admin).GetQuotaSheetAsync(world.Province.Id, 2026))!;

        Assert.True(before.IsTop);
        Assert.True(before.CanAssignOwn);
        Assert.Null(before.Quota);
        Assert.Null(before.Reached);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
        Assert.Equal(1, saved.Value);
        Assert.Equal(4, after.Quota!.Total);
        Assert.Equal(1, after.Admitted);
        Assert.Equal(0.25, after.Reached);
        var stored = await db.Quotas.AsNoTracking().SingleAsync(q => q.OrgUnitId == world.Province.Id);
        Assert.Equal((2026, 4, (int?)null, "quan.tri"), (stored.Year, stored.Total, stored.AssignedByUnitId, stored.AssignedBy));

        // Changed under the version that was read; a stale version is a conflict and changes nothing.
        var changed = await world.Quotas(admin).AssignTopQuotaAsync(world.Province.Id, 2026, new ChildQuotaInput(world.Province.Id, 6, after.Quota.Version, []));
        var stale = await world.Quotas(admin).AssignTopQuotaAsync(world.Province.Id, 2026, new ChildQuotaInput(world.Province.Id, 8, after.Quota.Version, []));
        Assert.True(changed.Succeeded);
        Assert.Equal([Result.ConflictField], stale.Errors.Select(e => e.Field));
        Assert.Equal(6, await db.Quotas.AsNoTracking().Where(q => q.OrgUnitId == world.Province.Id).Select(q => q.Total).SingleAsync());
        Assert.Equal([6], (await world.Quotas(admin).GetQuotaHistoryAsync(world.Province.Id))!.Years.Select(y => y.Total));
    }

    [Fact]
    public async Task The_provincial_board_and_the_provinces_own_staff_cannot_set_the_provinces_quota()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var board = await world.UserAsync("ban.to.chuc", (world.Province, AccessRole.ProvincialBoard));
        var staff = await world.UserAsync("van.phong.tinh", (world.Province, AccessRole.CommitteeStaff));
        var secretary = await world.UserAsync("bi.thu", (world.VillageCell, AccessRole.CellSecretary));

        foreach (var user in new[] { board, staff })
        {
            var sheet = (await world.Quotas(user).GetQuotaSheetAsync(world.Province.Id, 2026))!;
            var refused = await world.Quotas(user).AssignTopQuotaAsync(world.Province.Id, 2026, new ChildQuotaInput(world.Province.Id, 4, null, []));
            Assert.True(sheet.IsTop);
            Assert.False(sheet.CanAssignOwn);
            Assert.Equal([("", Messages.NotAllowed)], refused.Errors.Select(e => (e.Field, e.Message)));
            // Nor through the sheet of the province's children: the province is not a child of itself.
            var asChild = await world.Quotas(user).AssignAsync(new AssignQuotasRequest(world.Province.Id, 2026, [new ChildQuotaInput(world.Province.Id, 4, null, [])]));
            Assert.False(asChild.Succeeded);
        }

        // A unit the user cannot read is not found.
        var hidden = await world.Quotas(secretary).AssignTopQuotaAsync(world.Province.Id, 2026, new ChildQuotaInput(world.Province.Id, 4, null, []));
        Assert.Equal([("UnitId", "Không tìm thấy đơn vị.")], hidden.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(0, await db.Quotas.CountAsync());
    }

    [Fact]
    public async Task A_unit_with_a_level_above_gets_its_quota_from_it_even_from_an_administrator()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var admin = await world.UserAsync("quan.tri", (world.Province, AccessRole.Administrator));

        var sheet = (await world.Quotas(admin).GetQuotaSheetAsync(world.Commune.Id, 2026))!;
        var refused = await world.Quotas(admin).AssignTopQuotaAsync(world.Commune.Id, 2026, new ChildQuotaInput(world.Commune.Id, 4, null, []));
        var negative = await world.Quotas(admin).AssignTopQuotaAsync(world.Province.Id, 2026, new ChildQuotaInput(world.Province.Id, -1, null, []));

        Assert.False(sheet.IsTop);
        Assert.False(sheet.CanAssignOwn);
        Assert.Equal([("", "Chỉ tiêu của Đảng ủy xã Hòa An do Tỉnh ủy giao, trên trang chỉ tiêu của Tỉnh ủy.")], refused.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal([("Children[0].Total", "Chỉ tiêu không được âm.")], negative.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(0, await db.Quotas.CountAsync());
    }
}
