using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Data;

public sealed class SchemaTests
{
    [Fact]
    public async Task Names_sort_in_Vietnamese_dictionary_order()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var cell = new OrgUnit { Code = "CB1", Name = "Chi bộ 1", Kind = OrgUnitKind.GrassrootsCell, Path = new("1") };
        db.OrgUnits.Add(cell);
        await db.SaveChangesAsync();
        foreach (var name in new[] { "Đỗ Văn E", "Bùi Thị B", "Ân Văn C", "An Văn A", "Đặng Thị D", "Ă Văn F", "Dương Văn G", "Ba Văn H" })
        {
            db.Members.Add(new Member { FullName = name, CellId = cell.Id, AdmittedOn = new DateOnly(2020, 1, 1) });
        }

        await db.SaveChangesAsync();

        var sorted = await db.Members.OrderBy(m => m.FullName).Select(m => m.FullName).ToListAsync();

        Assert.Equal(["An", "Ă", "Ân", "Ba", "Bùi", "Dương", "Đặng", "Đỗ"], sorted.Select(n => n.Split(' ')[0]));
    }

    [Fact]
    public async Task Name_search_ignores_diacritics()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var cell = new OrgUnit { Code = "CB1", Name = "Chi bộ 1", Kind = OrgUnitKind.GrassrootsCell, Path = new("1") };
        db.OrgUnits.Add(cell);
        await db.SaveChangesAsync();
        db.Members.Add(new Member { FullName = "Nguyễn Văn Đức", CellId = cell.Id, AdmittedOn = new DateOnly(2020, 1, 1) });
        db.Members.Add(new Member { FullName = "Trần Thị Hoa", CellId = cell.Id, AdmittedOn = new DateOnly(2020, 1, 1) });
        await db.SaveChangesAsync();

        var found = await db.Members
            .Where(m => DangVienDbContext.Unaccent(m.FullName).Contains(DangVienDbContext.Unaccent("nguyen van duc")))
            .Select(m => m.FullName)
            .ToListAsync();

        Assert.Equal(["Nguyễn Văn Đức"], found);
    }

    [Fact]
    public async Task History_entries_cannot_be_updated_or_deleted()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var cell = new OrgUnit { Code = "CB1", Name = "Chi bộ 1", Kind = OrgUnitKind.GrassrootsCell, Path = new("1") };
        db.OrgUnits.Add(cell);
        await db.SaveChangesAsync();
        var candidate = new Candidate { FullName = "Lê Văn An", CellId = cell.Id, DateOfBirth = new DateOnly(2000, 1, 1) };
        candidate.History.Add(new StageEntry { Kind = StageKind.Source, EffectiveOn = new DateOnly(2024, 1, 1), RecordedBy = "test" });
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();

        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE stage_entries SET document_number = 'x'"));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM stage_entries"));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
    }

    [Fact]
    public async Task Subtree_query_uses_the_materialised_path()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        db.OrgUnits.AddRange(
            new OrgUnit { Code = "P", Name = "Tỉnh", Kind = OrgUnitKind.Province, Path = new("1") },
            new OrgUnit { Code = "X1", Name = "Xã 1", Kind = OrgUnitKind.CommuneCommittee, Path = new("1.2") },
            new OrgUnit { Code = "C1", Name = "Chi bộ 1", Kind = OrgUnitKind.Cell, Path = new("1.2.3") },
            new OrgUnit { Code = "X2", Name = "Xã 2", Kind = OrgUnitKind.CommuneCommittee, Path = new("1.4") });
        await db.SaveChangesAsync();
        var root = new Microsoft.EntityFrameworkCore.LTree("1.2");

        var codes = await db.OrgUnits.Where(u => u.Path.IsDescendantOf(root)).OrderBy(u => u.Code).Select(u => u.Code).ToListAsync();

        Assert.Equal(["C1", "X1"], codes);
    }
}
