using DangVien.Core.Data;
using DangVien.Core.Domain;

namespace DangVien.Web.Tests;

/// <summary>A tiny province: one province, one commune committee with admission authority, two cells.</summary>
public sealed class TinyProvince
{
    public required OrgUnit Province { get; init; }

    public required OrgUnit Commune { get; init; }

    public required OrgUnit CellA { get; init; }

    public required OrgUnit CellB { get; init; }

    public static async Task<TinyProvince> CreateAsync(DangVienDbContext db, int year)
    {
        var province = new OrgUnit { Code = "T01", Name = "Đảng bộ tỉnh Thử Nghiệm", Kind = OrgUnitKind.Province };
        db.OrgUnits.Add(province);
        await db.SaveChangesAsync();
        province.Path = new($"{province.Id}");
        var commune = new OrgUnit { Code = "X01", Name = "Đảng bộ xã Tân Lập", Kind = OrgUnitKind.CommuneCommittee, ParentId = province.Id, HasAdmissionAuthority = true };
        db.OrgUnits.Add(commune);
        await db.SaveChangesAsync();
        commune.Path = new($"{province.Id}.{commune.Id}");
        var cellA = new OrgUnit { Code = "C01", Name = "Chi bộ thôn Đồng Tâm", Kind = OrgUnitKind.Cell, ParentId = commune.Id };
        var cellB = new OrgUnit { Code = "C02", Name = "Chi bộ thôn Ấp Bắc", Kind = OrgUnitKind.Cell, ParentId = commune.Id };
        db.OrgUnits.AddRange(cellA, cellB);
        await db.SaveChangesAsync();
        cellA.Path = new($"{commune.Path}.{cellA.Id}");
        cellB.Path = new($"{commune.Path}.{cellB.Id}");

        for (var i = 0; i < 12; i++)
        {
            db.Members.Add(new Member
            {
                FullName = $"Đảng viên A{i}",
                CellId = cellA.Id,
                Status = MemberStatus.Official,
                AdmittedOn = new DateOnly(2010, 1, 1),
                RecognisedOn = new DateOnly(2011, 1, 1),
            });
        }

        for (var i = 0; i < 5; i++)
        {
            db.Members.Add(new Member
            {
                FullName = $"Đảng viên B{i}",
                CellId = cellB.Id,
                Status = MemberStatus.Official,
                AdmittedOn = new DateOnly(2012, 1, 1),
                RecognisedOn = new DateOnly(2013, 1, 1),
            });
        }

        db.Quotas.Add(new Quota { OrgUnitId = commune.Id, Year = year, Total = 3 });
        db.Quotas.Add(new Quota { OrgUnitId = cellA.Id, Year = year, Total = 2, AssignedByUnitId = commune.Id });
        db.Quotas.Add(new Quota { OrgUnitId = cellB.Id, Year = year, Total = 1, AssignedByUnitId = commune.Id });
        await db.SaveChangesAsync();
        return new TinyProvince { Province = province, Commune = commune, CellA = cellA, CellB = cellB };
    }

    /// <summary>Just a province root, for tests that need a unit to hold a role in.</summary>
    public static async Task<int> CreateRootAsync(DangVienApp app)
    {
        await using var db = app.Database.CreateContext();
        var root = new OrgUnit { Code = "T00", Name = "Tỉnh ủy Gốc", Kind = OrgUnitKind.Province };
        db.OrgUnits.Add(root);
        await db.SaveChangesAsync();
        root.Path = new($"{root.Id}");
        await db.SaveChangesAsync();
        return root.Id;
    }

    public static Candidate Candidate(OrgUnit cell, string name, CandidateStage stage, DateOnly since) => new()
    {
        FullName = name,
        CellId = cell.Id,
        DateOfBirth = new DateOnly(2000, 3, 15),
        Stage = stage,
        StageSince = since,
    };
}
