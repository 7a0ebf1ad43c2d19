using DangVien.Core.Common;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Categories;
using DangVien.Core.Features.Reports;
using DangVien.Core.Tests.Features.Quotas;
using DangVien.Core.Tests.Features.Reports;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace DangVien.Core.Tests.Features.Categories;

/// <summary>
/// The province's source categories: "Khác" from the start, added, renamed, retired and restored by the province's staff
/// only; and a file's categories and mentor corrected after it was opened, as an append-only correction that the reports
/// follow.
/// </summary>
public sealed class SourceCategoryTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public async Task Other_exists_in_every_database_from_the_migration_and_the_reference_data()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();

        // A new database: the reference data brings "Khác" with the sixteen others, last.
        var ids = await ReferenceData.EnsureLoadedAsync(connection);
        Assert.Equal(17, ids.Count);
        var ordered = await db.SourceCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => c.Code).ToListAsync();
        Assert.Equal(DefaultSourceCategories.Other, ordered[^1]);

        // A database in use before the migration (its own list, no "Khác"): the migration adds it at the end.
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261206022314_MemberPlacements");
        await db.SourceCategories.Where(c => c.Code == DefaultSourceCategories.Other).ExecuteDeleteAsync();
        await db.SourceCategories.Where(c => c.Code == DefaultSourceCategories.Woman).ExecuteUpdateAsync(u => u.SetProperty(c => c.SortOrder, 40));
        await migrator.MigrateAsync();
        var other = await db.SourceCategories.AsNoTracking().SingleAsync(c => c.Code == DefaultSourceCategories.Other);
        Assert.Equal(("Khác", 41, true), (other.Name, other.SortOrder, other.IsActive));
    }

    [Fact]
    public async Task The_province_adds_renames_retires_and_restores_categories_and_codes_stay_unique()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var board = await world.UserAsync("bantochuc", (world.Province, AccessRole.ProvincialBoard));
        var service = Service(world, board);

        Assert.True(await service.CanManageAsync());
        var added = await service.AddAsync(new AddSourceCategoryRequest(" cong-chuc ", "Công chức, viên chức"));
        Assert.True(added.Succeeded);
        var taken = await service.AddAsync(new AddSourceCategoryRequest("CONG-CHUC", "Trùng mã"));
        Assert.Equal([("Code", "Mã \"CONG-CHUC\" đã có trong danh mục (kể cả đối tượng đã ngừng sử dụng).")], taken.Errors.Select(e => (e.Field, e.Message)));
        var bad = await service.AddAsync(new AddSourceCategoryRequest("công chức", ""));
        Assert.Equal(["Code", "Name"], bad.Errors.Select(e => e.Field));
        Assert.StartsWith("Mã đối tượng chỉ gồm chữ cái không dấu", bad.Errors[0].Message);

        var item = (await service.ListAsync()).Single(c => c.Code == "cong-chuc");
        Assert.Equal((world.Categories.Max(c => c.SortOrder) + 1, true, 0), (item.SortOrder, item.IsActive, item.Candidates));
        Assert.True((await service.RenameAsync(new RenameSourceCategoryRequest(item.Id, "Cán bộ, công chức"), item.Version)).Succeeded);
        // A second editor with the version read before the rename gets a conflict, not a silent overwrite.
        Assert.True((await Service(world, board).RenameAsync(new RenameSourceCategoryRequest(item.Id, "Tên cũ"), item.Version)).IsConflict);

        var renamed = (await service.ListAsync()).Single(c => c.Id == item.Id);
        Assert.Equal("Cán bộ, công chức", renamed.Name);
        Assert.True((await service.SetActiveAsync(item.Id, false, renamed.Version)).Succeeded);
        Assert.DoesNotContain(await world.Admission().ListSourceCategoriesAsync(), c => c.Id == item.Id);
        var retired = (await service.ListAsync()).Single(c => c.Id == item.Id);
        Assert.True((await service.SetActiveAsync(item.Id, true, retired.Version)).Succeeded);
        Assert.Contains(await world.Admission().ListSourceCategoriesAsync(), c => c.Id == item.Id);

        Assert.Equal(
            ["category.add", "category.rename", "category.retire", "category.restore"],
            await db.AuditEntries.Where(a => a.Subject == "category:cong-chuc").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task Only_administrators_and_the_provinces_staff_edit_the_list()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var communeStaff = await world.UserAsync("vanphong.hoaan", (world.Commune, AccessRole.CommitteeStaff));
        var provinceStaff = await world.UserAsync("vanphong.tinh", (world.Province, AccessRole.CommitteeStaff));
        var category = world.Categories[0];
        var version = await db.SourceCategories.Where(c => c.Id == category.Id).Select(c => c.Version).SingleAsync();

        var commune = Service(world, communeStaff);
        Assert.False(await commune.CanManageAsync());
        Assert.Equal([SourceCategoryService.NotAllowed], (await commune.AddAsync(new AddSourceCategoryRequest("moi", "Mới"))).Errors.Select(e => e.Message));
        Assert.Equal([SourceCategoryService.NotAllowed], (await commune.RenameAsync(new RenameSourceCategoryRequest(category.Id, "Đổi"), version)).Errors.Select(e => e.Message));
        Assert.Equal([SourceCategoryService.NotAllowed], (await commune.SetActiveAsync(category.Id, false, version)).Errors.Select(e => e.Message));
        Assert.True(await Service(world, provinceStaff).CanManageAsync());
        Assert.True(await Service(world, new SystemUser("quantri")).CanManageAsync());
        Assert.Equal(category.Name, await db.SourceCategories.AsNoTracking().Where(c => c.Id == category.Id).Select(c => c.Name).SingleAsync());
    }

    [Fact]
    public async Task Categories_and_mentor_are_corrected_in_the_history_and_the_reports_follow()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var walk = await world.StartCandidateAsync(new DateOnly(2026, 1, 10));
        var other = new SourceCategory { Code = DefaultSourceCategories.Other, Name = "Khác", SortOrder = 17 };
        db.SourceCategories.Add(other);
        await db.SaveChangesAsync();
        var youth = world.Categories[0];
        var women = world.Categories[2];
        var newMentor = world.Teachers[3];
        var admission = world.Admission();

        var request = new CorrectDetailsRequest(walk.Id, [other.Id], newMentor.Id, "Công chức trên 30 tuổi, không sinh hoạt đoàn: ghi nhầm đoàn viên");
        Assert.True((await admission.CorrectDetailsAsync(request, await walk.VersionAsync())).Succeeded);

        Assert.Equal([other.Id], await db.CandidateCategories.Where(k => k.CandidateId == walk.Id).Select(k => k.SourceCategoryId).ToListAsync());
        Assert.Equal(newMentor.Id, await db.Candidates.Where(c => c.Id == walk.Id).Select(c => c.MentorMemberId).SingleAsync());
        var file = (await world.Admission().GetCandidateFileAsync(walk.Id))!;
        var correction = Assert.Single(file.DetailsCorrections);
        Assert.Equal([youth.Name, women.Name], correction.CategoriesBefore);
        Assert.Equal(["Khác"], correction.CategoriesAfter);
        Assert.Equal((newMentor.FullName, "can.bo@test"), (correction.MentorAfter, correction.RecordedBy));
        Assert.Equal(request.Reason, correction.Reason);
        Assert.Equal(["Khác"], file.Categories.Select(c => c.Name));

        // The trend counts the candidate under "Khác" now.
        var trend = (await world.Reports().GetTrendAsync(world.Commune.Id, 2026, 2026))!;
        Assert.Equal([(string?)null, DefaultSourceCategories.Other], trend.Conversions.Select(c => c.Code));

        // The correction is history: the database refuses to change it.
        var changed = await Assert.ThrowsAsync<PostgresException>(() =>
            db.CandidateDetailsCorrections.Where(c => c.CandidateId == walk.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Reason, "sửa")));
        Assert.Contains("append-only", changed.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_is_refused_with_the_rules_messages()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var walk = await world.StartCandidateAsync(new DateOnly(2026, 1, 10));
        var youth = world.Categories[0];
        var women = world.Categories[2];
        var mentor = await db.Candidates.Where(c => c.Id == walk.Id).Select(c => c.MentorMemberId!.Value).SingleAsync();
        var admission = world.Admission();

        async Task<IReadOnlyList<(string, string)>> Refused(CorrectDetailsRequest request) =>
            [.. (await admission.CorrectDetailsAsync(request, await walk.VersionAsync())).Errors.Select(e => (e.Field, e.Message))];

        Assert.Equal([("", AdmissionRules.NothingCorrected)], await Refused(new(walk.Id, [women.Id, youth.Id], mentor, "Không đổi")));

        // The form's dry run answers what the write would, in one pass, and saves nothing.
        var version = await walk.VersionAsync();
        Assert.Equal([("CategoryIds", "Chưa chọn đối tượng nguồn."), ("Reason", "Chưa nhập lý do đính chính.")],
            (await admission.CheckDetailsAsync(new(walk.Id, [], mentor, " "))).Select(e => (e.Field, e.Message)));
        Assert.Equal([("MentorMemberId", "Không tìm thấy đảng viên theo dõi, giúp đỡ.")],
            (await admission.CheckDetailsAsync(new(walk.Id, [youth.Id], 999_999, "Đổi"))).Select(e => (e.Field, e.Message)));
        Assert.Empty(await admission.CheckDetailsAsync(new(walk.Id, [youth.Id], mentor, "Bỏ nữ")));
        Assert.Equal(version, await walk.VersionAsync());
        Assert.Equal(0, await db.CandidateDetailsCorrections.CountAsync(c => c.CandidateId == walk.Id));
        Assert.Equal([("CategoryIds", "Chưa chọn đối tượng nguồn."), ("Reason", "Chưa nhập lý do đính chính.")], await Refused(new(walk.Id, [], mentor, " ")));
        // A member of another cell, a probationary member, one outside the user's reach read as the rule says.
        Assert.Equal(
            [("MentorMemberId", $"Đảng viên theo dõi, giúp đỡ phải là đảng viên của Chi bộ Giáo viên: {world.Villagers[0].FullName} sinh hoạt ở chi bộ khác.")],
            await Refused(new(walk.Id, [youth.Id], world.Villagers[0].Id, "Đổi người giúp đỡ")));
        Assert.Equal("MentorMemberId", Assert.Single(await Refused(new(walk.Id, [youth.Id], world.ProbationaryTeacher.Id, "Đổi người giúp đỡ"))).Item1);
        Assert.Equal([("MentorMemberId", "Không tìm thấy đảng viên theo dõi, giúp đỡ.")], await Refused(new(walk.Id, [youth.Id], 999_999, "Đổi")));

        // A retired category stays on the file that names it, and cannot be given to it anew.
        await db.SourceCategories.Where(c => c.Id == women.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.IsActive, false));
        Assert.True((await admission.CorrectDetailsAsync(new(walk.Id, [women.Id], mentor, "Bỏ đoàn viên"), await walk.VersionAsync())).Succeeded);
        Assert.True((await admission.CorrectDetailsAsync(new(walk.Id, [youth.Id], mentor, "Ghi lại đoàn viên"), await walk.VersionAsync())).Succeeded);
        Assert.Equal([("CategoryIds", "Có đối tượng nguồn không tồn tại hoặc đã ngừng sử dụng.")], await Refused(new(walk.Id, [youth.Id, women.Id], mentor, "Thêm nữ")));

        // A stale version: a conflict, nothing written.
        var stale = await walk.VersionAsync();
        Assert.True((await admission.CorrectDetailsAsync(new(walk.Id, [youth.Id, world.Categories[1].Id], mentor, "Thêm"), stale)).Succeeded);
        Assert.True((await world.Admission().CorrectDetailsAsync(new(walk.Id, [youth.Id], mentor, "Bớt"), stale)).IsConflict);
        Assert.Equal(3, await db.CandidateDetailsCorrections.CountAsync(c => c.CandidateId == walk.Id));
    }

    private static SourceCategoryService Service(World world, ICurrentUser user) => new(
        world.Db,
        new CurrentAccess(user, world.Db, world.Time),
        CoreValidators.For<AddSourceCategoryRequest>(),
        CoreValidators.For<RenameSourceCategoryRequest>());
}
