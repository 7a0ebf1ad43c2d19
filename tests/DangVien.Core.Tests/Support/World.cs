using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Features.Members;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Core.Tests.Support;

/// <summary>
/// A small province for pipeline tests:
/// <code>
/// Tỉnh ủy (admission authority)
/// └─ Đảng ủy xã Hòa An (admission authority)
///    ├─ Đảng bộ Trường THPT Hòa An (grassroots committee)
///    │  ├─ Chi bộ Giáo viên (cell: 10 official members, 1 probationary)
///    │  └─ Chi bộ Văn phòng (cell: 3 official members)
///    └─ Chi bộ thôn Đông (grassroots cell: 4 official members)
/// Đảng ủy xã Bình Minh (admission authority)
/// └─ Chi bộ thôn Tây (grassroots cell: 2 official members)
/// </code>
/// plus a former member who left on 2021-06-01, source categories, and Tết 2026 (16–20/02/2026) as holidays.
/// </summary>
public sealed class World
{
    public static readonly DateOnly[] Tet2026 = [.. Enumerable.Range(0, 5).Select(d => new DateOnly(2026, 2, 16).AddDays(d))];

    private World(DangVienDbContext db, FixedTime time)
    {
        Db = db;
        Time = time;
    }

    public DangVienDbContext Db { get; }

    public FixedTime Time { get; }

    public OrgUnit Province { get; private set; } = null!;

    public OrgUnit Commune { get; private set; } = null!;

    public OrgUnit School { get; private set; } = null!;

    public OrgUnit TeachersCell { get; private set; } = null!;

    public OrgUnit OfficeCell { get; private set; } = null!;

    public OrgUnit VillageCell { get; private set; } = null!;

    public OrgUnit OtherCommune { get; private set; } = null!;

    public OrgUnit OtherVillageCell { get; private set; } = null!;

    /// <summary>Official members of the teachers' cell (recognised in 2015).</summary>
    public List<Member> Teachers { get; } = [];

    public Member ProbationaryTeacher { get; private set; } = null!;

    public List<Member> OfficeMembers { get; } = [];

    public List<Member> Villagers { get; } = [];

    public List<Member> OtherVillagers { get; } = [];

    /// <summary>Left the Party on 2021-06-01 (not barred).</summary>
    public Member FormerMember { get; private set; } = null!;

    public List<SourceCategory> Categories { get; } = [];

    public static async Task<World> CreateAsync(DangVienDbContext db, DateOnly today)
    {
        var world = new World(db, new FixedTime(today));
        await world.SeedAsync();
        return world;
    }

    public AdmissionService Admission(string user = "can.bo@test") => Admission(Db, user);

    public AdmissionService Admission(DangVienDbContext db, string user = "can.bo@test") =>
        new(db, new CalendarService(db), new RuleParameterReader(db), new CurrentAccess(new SystemUser(user), db, Time), CoreValidators.All, Time, NullLogger<AdmissionService>.Instance);

    public MemberService Members() => new(Db, Time, NullLogger<MemberService>.Instance, new CurrentAccess(new SystemUser(), Db, Time), CoreValidators.For<AddMemberRequest>());

    public AlertService Alerts() => new(Db, new CalendarService(Db), new RuleParameterReader(Db), new CurrentAccess(new SystemUser(), Db, Time));

    /// <summary>The official members of one of the world's cells.</summary>
    public List<Member> MembersOf(OrgUnit cell) =>
        cell.Id == TeachersCell.Id ? Teachers
        : cell.Id == VillageCell.Id ? Villagers
        : cell.Id == OfficeCell.Id ? OfficeMembers
        : cell.Id == OtherVillageCell.Id ? OtherVillagers
        : throw new ArgumentException($"{cell.Name} has no members in the world", nameof(cell));

    /// <summary>A new file sourced on <paramref name="sourcedOn"/> (in the teachers' cell unless told), to walk through the steps.</summary>
    public CreateCandidateRequest NewCandidate(DateOnly sourcedOn, OrgUnit? cell = null, DateOnly? born = null,
        GeneralEducation education = GeneralEducation.UpperSecondary, string name = "Phan Thị Hạnh", string? citizenId = null) =>
        CandidateWalk.NewCandidate(MembersOf(cell ?? TeachersCell), [Categories[0].Id, Categories[2].Id], sourcedOn, name, born) with
        {
            CitizenId = citizenId,
            GeneralEducation = education,
            Occupation = "Giáo viên",
        };

    /// <summary>Creates the file of <see cref="NewCandidate"/> with the service (the world's, unless given) and starts its walk.</summary>
    public Task<CandidateWalk> StartCandidateAsync(DateOnly sourcedOn, OrgUnit? cell = null, DateOnly? born = null,
        GeneralEducation education = GeneralEducation.UpperSecondary, string name = "Phan Thị Hạnh", string? citizenId = null, AdmissionService? service = null) =>
        CandidateWalk.StartAsync(service ?? Admission(), Db, MembersOf(cell ?? TeachersCell), NewCandidate(sourcedOn, cell, born, education, name, citizenId));

    public async Task<uint> VersionAsync(int candidateId) =>
        await Db.Candidates.AsNoTracking().Where(c => c.Id == candidateId).Select(c => c.Version).SingleAsync();

    private async Task SeedAsync()
    {
        Province = await UnitAsync("T", "Tỉnh ủy", OrgUnitKind.Province, null, authority: true);
        Commune = await UnitAsync("X-HA", "Đảng ủy xã Hòa An", OrgUnitKind.CommuneCommittee, Province, authority: true);
        School = await UnitAsync("DB-THPT", "Đảng bộ Trường THPT Hòa An", OrgUnitKind.GrassrootsCommittee, Commune, authority: false);
        TeachersCell = await UnitAsync("CB-GV", "Chi bộ Giáo viên", OrgUnitKind.Cell, School, authority: false);
        OfficeCell = await UnitAsync("CB-VP", "Chi bộ Văn phòng", OrgUnitKind.Cell, School, authority: false);
        VillageCell = await UnitAsync("CB-TD", "Chi bộ thôn Đông", OrgUnitKind.GrassrootsCell, Commune, authority: false);
        OtherCommune = await UnitAsync("X-BM", "Đảng ủy xã Bình Minh", OrgUnitKind.CommuneCommittee, Province, authority: true);
        OtherVillageCell = await UnitAsync("CB-TT", "Chi bộ thôn Tây", OrgUnitKind.GrassrootsCell, OtherCommune, authority: false);

        string[] teacherNames = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang", "Đặng Văn Hải", "Bùi Thị Hoa", "Đỗ Văn Khoa", "Ngô Thị Lan"];
        Teachers.AddRange(teacherNames.Select((name, i) => Official(name, TeachersCell, 2014, i)));
        ProbationaryTeacher = new Member
        {
            FullName = "Trịnh Văn Mới",
            DateOfBirth = new DateOnly(1998, 3, 3),
            CellId = TeachersCell.Id,
            Status = MemberStatus.Probationary,
            AdmittedOn = new DateOnly(2026, 3, 1),
        };
        OfficeMembers.AddRange(new[] { "Lý Văn Nam", "Mai Thị Oanh", "Tạ Văn Phúc" }.Select((name, i) => Official(name, OfficeCell, 2012, i)));
        Villagers.AddRange(new[] { "Hà Văn Quang", "Kiều Thị Rạng", "La Văn Sơn", "Lương Thị Tâm" }.Select((name, i) => Official(name, VillageCell, 2010, i)));
        OtherVillagers.AddRange(new[] { "Mạc Văn Uy", "Nông Thị Vân" }.Select((name, i) => Official(name, OtherVillageCell, 2011, i)));
        FormerMember = new Member
        {
            FullName = "Quách Văn Xưa",
            DateOfBirth = new DateOnly(1980, 7, 7),
            CitizenId = "001080000777",
            CellId = VillageCell.Id,
            Status = MemberStatus.Left,
            AdmittedOn = new DateOnly(2005, 1, 1),
            RecognisedOn = new DateOnly(2006, 1, 1),
            LeftOn = new DateOnly(2021, 6, 1),
            LeftReason = "Xin ra khỏi Đảng",
        };
        Db.Members.AddRange(Teachers.Concat(OfficeMembers).Concat(Villagers).Concat(OtherVillagers).Append(ProbationaryTeacher).Append(FormerMember));

        Categories.AddRange(
        [
            new SourceCategory { Code = "DOAN_VIEN", Name = "Đoàn viên", SortOrder = 1 },
            new SourceCategory { Code = "GIAO_DUC_Y_TE", Name = "Giáo dục, y tế", SortOrder = 2 },
            new SourceCategory { Code = "NU", Name = "Nữ", SortOrder = 3 },
        ]);
        Db.SourceCategories.AddRange(Categories);
        Db.PublicHolidays.AddRange(Tet2026.Select(d => new PublicHoliday { Date = d, Name = "Tết Nguyên đán" }));
        await Db.SaveChangesAsync();
        Db.ChangeTracker.Clear();
    }

    private static Member Official(string name, OrgUnit cell, int year, int i) => new()
    {
        FullName = name,
        DateOfBirth = new DateOnly(1975 + i, 1 + i, 10),
        CellId = cell.Id,
        Status = MemberStatus.Official,
        AdmittedOn = new DateOnly(year, 1 + i, 5),
        RecognisedOn = new DateOnly(year + 1, 1 + i, 5),
    };

    private async Task<OrgUnit> UnitAsync(string code, string name, OrgUnitKind kind, OrgUnit? parent, bool authority)
    {
        var unit = new OrgUnit
        {
            Code = code,
            Name = name,
            Kind = kind,
            ParentId = parent?.Id,
            ValidFrom = new DateOnly(2000, 1, 1),
            HasAdmissionAuthority = authority,
        };
        Db.OrgUnits.Add(unit);
        await Db.SaveChangesAsync();
        unit.Path = new(parent is null ? $"{unit.Id}" : $"{(string)parent.Path}.{unit.Id}");
        await Db.SaveChangesAsync();
        return unit;
    }
}
