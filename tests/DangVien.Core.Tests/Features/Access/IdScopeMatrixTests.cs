using System.Text;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Features.Import;
using DangVien.Core.Features.Members;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Units;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Core.Tests.Features.Access;

/// <summary>
/// Every action that takes an id (a member, a former member, a cell, a unit, a citizen ID or a unit code in an import)
/// × an id outside the user's scope (in another commune or province, in another cell of the same commune, the unit
/// above the user's own) × each role. The answer must be word for word the answer for an id that does not exist, name
/// nobody and nothing outside the scope, and write nothing.
/// </summary>
public sealed class IdScopeMatrixTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    /// <summary>An id, a citizen ID and a unit code that exist nowhere.</summary>
    private const int MissingId = 987_654;
    private const string MissingCitizenId = "099099099099";
    private const string MissingCode = "KHONG-CO";

    public enum Role
    {
        /// <summary>Committee staff of Đảng ủy xã Hòa An.</summary>
        CommuneStaff,

        /// <summary>Committee staff of Đảng bộ Trường THPT Hòa An (sees its two cells, not the village cell beside it).</summary>
        SchoolStaff,

        /// <summary>Secretary of Chi bộ Giáo viên.</summary>
        CellSecretary,

        /// <summary>The provincial board of Tỉnh ủy (reads the whole province, not the other province).</summary>
        ProvincialBoard,

        Administrator,
    }

    public enum Place
    {
        /// <summary>Another commune (for the provincial board: another province).</summary>
        AnotherCommune,

        /// <summary>Another cell of the same commune, which the role cannot see.</summary>
        AnotherCell,

        /// <summary>The unit above the one the role is held in.</summary>
        ParentUnit,

        /// <summary>Nowhere outside: only the id that does not exist (the administrator).</summary>
        None,
    }

    public static TheoryData<Role, Place> Matrix => new()
    {
        { Role.CommuneStaff, Place.AnotherCommune },
        { Role.CommuneStaff, Place.ParentUnit },
        { Role.SchoolStaff, Place.AnotherCommune },
        { Role.SchoolStaff, Place.AnotherCell },
        { Role.SchoolStaff, Place.ParentUnit },
        { Role.CellSecretary, Place.AnotherCommune },
        { Role.CellSecretary, Place.AnotherCell },
        { Role.CellSecretary, Place.ParentUnit },
        { Role.ProvincialBoard, Place.AnotherCommune },
        { Role.Administrator, Place.None },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task An_id_outside_the_users_scope_is_answered_as_one_that_does_not_exist(Role role, Place place)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var setting = await Setting.CreateAsync(db);
        var user = await setting.UserAsync(role);
        var outside = setting.Outside(role, place);
        var hiddenNames = await HiddenNamesAsync(db, setting.World, user);
        var checkedActions = 0;
        var problems = new List<string>();

        foreach (var action in setting.Actions(user))
        {
            var foreign = action.Kind switch
            {
                IdKind.Member => outside?.Member?.Id,
                IdKind.FormerMember => outside?.Former?.Id,
                IdKind.Cell => outside?.Cell.Id,
                _ => outside?.Unit.Id,
            };
            var before = await FingerprintAsync(db);
            var missing = await action.Run(MissingId);
            if (await FingerprintAsync(db) != before)
            {
                problems.Add($"{action.Name} × an id that does not exist: something was written");
            }

            if (missing.Count == 0 || missing.Any(e => !IsRefusalOfTheId(e.Message)))
            {
                problems.Add($"{action.Name} × an id that does not exist: {Describe(missing, action.Normalise)}");
            }

            if (foreign is not { } id)
            {
                continue;
            }

            var answer = await action.Run(id);
            if (await FingerprintAsync(db) != before)
            {
                problems.Add($"{action.Name} × {place}: something was written");
            }

            if (Describe(answer, action.Normalise) != Describe(missing, action.Normalise))
            {
                problems.Add($"{action.Name} × {place}: \"{Describe(answer, action.Normalise)}\" instead of \"{Describe(missing, action.Normalise)}\"");
            }

            problems.AddRange(answer.SelectMany(e => hiddenNames.Where(name => e.Message.Contains(name, StringComparison.Ordinal)))
                .Select(name => $"{action.Name} × {place}: names {name}"));
            checkedActions++;
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(place == Place.None || checkedActions >= 6, $"only {checkedActions} actions had an id outside the scope");
    }

    /// <summary>The answers an id that does not exist may get: not found, or not allowed before the id is looked at.</summary>
    private static bool IsRefusalOfTheId(string message) =>
        message.StartsWith("Không tìm thấy", StringComparison.Ordinal) || message.Contains("không có quyền", StringComparison.Ordinal);

    [Fact]
    public async Task A_mentor_from_another_commune_reads_as_not_found_where_a_mentor_from_another_cell_in_scope_is_named()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var setting = await Setting.CreateAsync(db);
        var staff = await setting.UserAsync(Role.CommuneStaff);
        var service = setting.Admission(staff);

        var fromOtherCommune = await service.CreateCandidateAsync(setting.NewFile(setting.World.TeachersCell.Id, setting.World.OtherVillagers[0].Id));
        var fromFormer = await service.CreateCandidateAsync(setting.NewFile(setting.World.TeachersCell.Id, setting.OtherFormer.Id));
        var fromOtherCellInScope = await service.CreateCandidateAsync(setting.NewFile(setting.World.TeachersCell.Id, setting.World.Villagers[0].Id));

        Assert.Equal(("MentorMemberId", "Không tìm thấy đảng viên theo dõi, giúp đỡ."), Single(fromOtherCommune));
        Assert.Equal(("MentorMemberId", "Không tìm thấy đảng viên theo dõi, giúp đỡ."), Single(fromFormer));
        Assert.Equal(
            ("MentorMemberId", "Đảng viên theo dõi, giúp đỡ phải là đảng viên của Chi bộ Giáo viên: Hà Văn Quang sinh hoạt ở chi bộ khác."),
            Single(fromOtherCellInScope));
    }

    [Fact]
    public async Task A_transfer_to_a_cell_the_user_cannot_see_moves_nothing()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var setting = await Setting.CreateAsync(db);
        var staff = await setting.UserAsync(Role.SchoolStaff);
        var service = setting.Admission(staff);

        var result = await service.RecordAsync(
            new TransferCandidateRequest { CandidateId = setting.Verified, TransferredOn = new(2025, 4, 10), TargetCellId = setting.World.VillageCell.Id, Reason = "Chuyển công tác" },
            await setting.World.VersionAsync(setting.Verified));

        Assert.Equal(("TargetCellId", AdmissionRules.CellNotFound), Single(result));
        Assert.Equal(setting.World.TeachersCell.Id, await db.Candidates.Where(c => c.Id == setting.Verified).Select(c => c.CellId).SingleAsync());
        Assert.False(await db.StageEntries.AnyAsync(e => e.Kind == StageKind.Transfer));
    }

    [Fact]
    public async Task A_citizen_id_held_inside_the_scope_names_its_holder_and_outside_it_only_says_the_number_cannot_be_used()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var setting = await Setting.CreateAsync(db);
        var staff = await setting.UserAsync(Role.CommuneStaff);
        var service = setting.Admission(staff);
        var world = setting.World;

        var inside = await service.CreateCandidateAsync(setting.NewFile(world.TeachersCell.Id, world.Teachers[0].Id) with { CitizenId = Setting.VillagerCitizenId });
        var outside = await service.CreateCandidateAsync(setting.NewFile(world.TeachersCell.Id, world.Teachers[0].Id) with { CitizenId = Setting.OtherVillagerCitizenId });
        var formerOutside = await service.CreateCandidateAsync(setting.NewFile(world.TeachersCell.Id, world.Teachers[0].Id) with { CitizenId = Setting.OtherFormerCitizenId });
        var openFileOutside = await service.CreateCandidateAsync(setting.NewFile(world.TeachersCell.Id, world.Teachers[0].Id) with { CitizenId = Setting.OtherFileCitizenId });
        var unused = await service.CreateCandidateAsync(setting.NewFile(world.TeachersCell.Id, world.Teachers[0].Id) with { CitizenId = MissingCitizenId });

        Assert.Equal(
            ("CitizenId", $"Số CCCD {Setting.VillagerCitizenId} là của Hà Văn Quang, Chi bộ thôn Đông, người đã là hoặc đã từng là đảng viên. Nếu người đó đã ra khỏi Đảng, hãy lập hồ sơ kết nạp lại."),
            Single(inside));
        Assert.Equal(("CitizenId", AdmissionRules.CitizenIdUnusable(Setting.OtherVillagerCitizenId)), Single(outside));
        Assert.Equal(("CitizenId", AdmissionRules.CitizenIdUnusable(Setting.OtherFormerCitizenId)), Single(formerOutside));
        Assert.Equal(("CitizenId", AdmissionRules.CitizenIdUnusable(Setting.OtherFileCitizenId)), Single(openFileOutside));
        Assert.True(unused.Succeeded, CandidateWalk.Describe(unused));

        var memberInside = await setting.Members(staff).AddMemberAsync(Setting.NewMember(world.TeachersCell.Id, Setting.VillagerCitizenId));
        var memberOutside = await setting.Members(staff).AddMemberAsync(Setting.NewMember(world.TeachersCell.Id, Setting.OtherVillagerCitizenId));
        Assert.Equal(("CitizenId", $"Đã có đảng viên đang sinh hoạt với số CCCD {Setting.VillagerCitizenId}: Hà Văn Quang, Chi bộ thôn Đông."), Single(memberInside));
        Assert.Equal(("CitizenId", AdmissionRules.CitizenIdUnusable(Setting.OtherVillagerCitizenId)), Single(memberOutside));

        var corrected = await service.UpdatePersonalDataAsync(
            new UpdatePersonalDataRequest { CandidateId = setting.Verified, FullName = "Phan Thị Một", DateOfBirth = new DateOnly(2000, 4, 12), Sex = Sex.Female, CitizenId = Setting.OtherFileCitizenId },
            await world.VersionAsync(setting.Verified));
        Assert.Equal(("CitizenId", AdmissionRules.CitizenIdUnusable(Setting.OtherFileCitizenId)), Single(corrected));
    }

    [Fact]
    public async Task An_import_row_whose_citizen_id_is_held_outside_the_scope_is_refused_not_counted_as_imported_before()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var setting = await Setting.CreateAsync(db);
        var staff = await setting.UserAsync(Role.CommuneStaff);

        var fileOutside = await setting.ImportAsync(staff, ImportKind.Candidates, setting.FileRow(Setting.OtherFileCitizenId));
        var memberOutside = await setting.ImportAsync(staff, ImportKind.Members, Setting.MemberRow(Setting.OtherVillagerCitizenId));
        var memberInside = await setting.ImportAsync(staff, ImportKind.Members, Setting.MemberRow(Setting.VillagerCitizenId));

        Assert.Equal([new FieldError("so_cccd", AdmissionRules.CitizenIdUnusable(Setting.OtherFileCitizenId))], fileOutside);
        Assert.Equal([new FieldError("so_cccd", AdmissionRules.CitizenIdUnusable(Setting.OtherVillagerCitizenId))], memberOutside);
        Assert.Empty(memberInside);
    }

    private static (string Field, string Message) Single(Result result)
    {
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        return (error.Field, error.Message);
    }

    private static string Describe(IReadOnlyList<FieldError> errors, Func<string, string> normalise) =>
        string.Join(Environment.NewLine, errors.Select(e => $"{e.Field}: {normalise(e.Message)}"));

    /// <summary>Names of every unit and member the user may not read.</summary>
    private static async Task<string[]> HiddenNamesAsync(DangVienDbContext db, World world, ICurrentUser user)
    {
        var scope = await new CurrentAccess(user, db, world.Time).GetScopeAsync();
        var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Name, u.Path }).ToListAsync();
        var members = await db.Members.AsNoTracking().Select(m => new { m.FullName, m.Cell!.Path }).ToListAsync();
        return [.. units.Where(u => !scope.CanRead(u.Path)).Select(u => u.Name).Concat(members.Where(m => !scope.CanRead(m.Path)).Select(m => m.FullName))];
    }

    /// <summary>What any of the actions could write: files, entries, members and their cells, units and their places, quotas, audit.</summary>
    private static async Task<string> FingerprintAsync(DangVienDbContext db)
    {
        db.ChangeTracker.Clear();
        var candidates = await db.Candidates.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id + "@" + c.CellId + ":" + c.Stage).ToListAsync();
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Id + "@" + m.CellId).ToListAsync();
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id + "<" + u.ParentId + ":" + u.ValidTo).ToListAsync();
        return string.Join("|",
            string.Join(",", candidates), string.Join(",", members), string.Join(",", units),
            await db.StageEntries.CountAsync(), await db.Quotas.CountAsync(), await db.OrgUnitPlacements.CountAsync());
    }

    private enum IdKind
    {
        Member,
        FormerMember,
        Cell,
        Unit,
    }

    /// <summary>One id-taking action: runs it as the user with the id (or the citizen ID or code of the row that id names).</summary>
    private sealed record IdAction(string Name, IdKind Kind, Func<int, Task<IReadOnlyList<FieldError>>> Run, Func<string, string> Normalise);

    /// <summary>Where a role's outside ids lie.</summary>
    private sealed record Outside(Member? Member, Member? Former, OrgUnit Cell, OrgUnit Unit);

    /// <summary>
    /// The <see cref="World"/> with another province (a commune, a cell, a member, a former member), a former member and an
    /// open file in Bình Minh, citizen IDs on the members an import names, and three files of the teachers' cell: one verified,
    /// one introduced (by teachers 1 and 2), one with its admission decision.
    /// </summary>
    private sealed class Setting
    {
        public const string VillagerCitizenId = "001080000201";
        public const string OtherVillagerCitizenId = "001080000301";
        public const string OtherFormerCitizenId = "001080000302";
        public const string OtherFileCitizenId = "001080000303";
        public const string FarMemberCitizenId = "001080000401";

        private Setting(World world) => World = world;

        public World World { get; }

        public OrgUnit FarProvince { get; private set; } = null!;

        public OrgUnit FarCell { get; private set; } = null!;

        public Member FarMember { get; private set; } = null!;

        public Member FarFormer { get; private set; } = null!;

        public Member OtherFormer { get; private set; } = null!;

        public int Verified { get; private set; }

        public int Introduced { get; private set; }

        public int Decided { get; private set; }

        private DangVienDbContext Db => World.Db;

        public static async Task<Setting> CreateAsync(DangVienDbContext db)
        {
            var setting = new Setting(await World.CreateAsync(db, Today));
            await setting.SeedAsync();
            return setting;
        }

        public Outside? Outside(Role role, Place place)
        {
            var w = World;
            return (role, place) switch
            {
                (Role.ProvincialBoard, Place.AnotherCommune) => new(FarMember, FarFormer, FarCell, FarProvince),
                (_, Place.AnotherCommune) => new(w.OtherVillagers[0], OtherFormer, w.OtherVillageCell, w.OtherCommune),
                (_, Place.AnotherCell) => new(w.Villagers[0], w.FormerMember, w.VillageCell, w.VillageCell),
                (Role.CommuneStaff, Place.ParentUnit) => new(null, null, w.Province, w.Province),
                (Role.SchoolStaff, Place.ParentUnit) => new(null, null, w.Commune, w.Commune),
                (Role.CellSecretary, Place.ParentUnit) => new(null, null, w.School, w.School),
                _ => null,
            };
        }

        public async Task<ICurrentUser> UserAsync(Role role)
        {
            var unit = role switch
            {
                Role.CommuneStaff => World.Commune,
                Role.SchoolStaff => World.School,
                Role.CellSecretary => World.TeachersCell,
                _ => World.Province,
            };
            var accessRole = role switch
            {
                Role.CommuneStaff or Role.SchoolStaff => AccessRole.CommitteeStaff,
                Role.CellSecretary => AccessRole.CellSecretary,
                Role.ProvincialBoard => AccessRole.ProvincialBoard,
                _ => AccessRole.Administrator,
            };
            var name = $"user.{role}".ToLowerInvariant();
            var user = new AppUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), FullName = name };
            Db.Users.Add(user);
            Db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, OrgUnitId = unit.Id, Role = accessRole });
            await Db.SaveChangesAsync();
            Db.ChangeTracker.Clear();
            return new SignedInUser(name, user.Id, unit);
        }

        public AdmissionService Admission(ICurrentUser user) =>
            new(Db, new CalendarService(Db), new RuleParameterReader(Db), Access(user), CoreValidators.All, World.Time, NullLogger<AdmissionService>.Instance);

        public CreateCandidateRequest NewFile(int cellId, int mentorId) => new()
        {
            CellId = cellId,
            FullName = "Lò Thị Mới",
            DateOfBirth = new DateOnly(2001, 5, 5),
            Sex = Sex.Female,
            CategoryIds = [World.Categories[0].Id],
            MentorMemberId = mentorId,
            SourcedOn = new DateOnly(2026, 12, 1),
        };

        /// <summary>Every id-taking action, as the user, with the rest of the request valid.</summary>
        public IEnumerable<IdAction> Actions(ICurrentUser user)
        {
            var w = World;
            var own = ((SignedInUser)user).Unit;
            static Func<string, string> Keep() => s => s;
            yield return new("create: mentor", IdKind.Member, async id => (await Admission(user).CreateCandidateAsync(NewFile(w.TeachersCell.Id, id))).Errors, Keep());
            yield return new("create: cell", IdKind.Cell, async id => (await Admission(user).CreateCandidateAsync(NewFile(id, w.Teachers[0].Id))).Errors, Keep());
            yield return new("readmission: former member", IdKind.FormerMember, async id => (await Admission(user).StartReadmissionAsync(Readmission(id, w.VillageCell.Id, w.Villagers[0].Id))).Errors, Keep());
            yield return new("readmission: cell", IdKind.Cell, async id => (await Admission(user).StartReadmissionAsync(Readmission(w.FormerMember.Id, id, w.Villagers[0].Id))).Errors, Keep());
            yield return new("readmission: mentor", IdKind.Member, async id => (await Admission(user).StartReadmissionAsync(Readmission(w.FormerMember.Id, w.VillageCell.Id, id))).Errors, Keep());
            yield return new("introduction: introducer", IdKind.Member, async id => (await Admission(user).RecordAsync(new RecordIntroductionRequest
            {
                CandidateId = Verified,
                IntroducedOn = new DateOnly(2025, 4, 14),
                Basis = IntroductionBasis.TwoMembers,
                Introducers = [new IntroducerInput(id, new DateOnly(2018, 9, 1)), new IntroducerInput(w.Teachers[2].Id, new DateOnly(2018, 9, 1))],
            }, await w.VersionAsync(Verified))).Errors, Keep());
            yield return new("replace introducer: new introducer", IdKind.Member, async id => (await Admission(user).RecordAsync(new ReplaceIntroducerRequest
            {
                CandidateId = Introduced,
                ReplacedOn = new DateOnly(2025, 4, 25),
                ReplacedMemberId = w.Teachers[1].Id,
                NewMemberId = id,
                KnownSince = new DateOnly(2025, 1, 2),
                Reason = "Chuyển công tác",
            }, await w.VersionAsync(Introduced))).Errors, Keep());
            yield return new("ceremony: helper", IdKind.Member, async id => (await Admission(user).RecordAsync(
                new RecordCeremonyRequest { CandidateId = Decided, HeldOn = new DateOnly(2025, 6, 20), HelperMemberId = id }, await w.VersionAsync(Decided))).Errors, Keep());
            yield return new("transfer: target cell", IdKind.Cell, async id => (await Admission(user).RecordAsync(
                new TransferCandidateRequest { CandidateId = Verified, TransferredOn = new DateOnly(2025, 4, 10), TargetCellId = id, Reason = "Chuyển công tác" },
                await w.VersionAsync(Verified))).Errors, Keep());
            yield return new("move: new parent", IdKind.Unit, async id => (await Units(user).MoveAsync(
                new MoveUnitRequest { UnitId = w.OfficeCell.Id, NewParentId = id, EffectiveOn = new DateOnly(2026, 7, 1) }, await VersionAsync(w.OfficeCell.Id))).Errors, Keep());
            yield return new("move: unit", IdKind.Unit, async id => (await Units(user).MoveAsync(
                new MoveUnitRequest { UnitId = id, NewParentId = w.School.Id, EffectiveOn = new DateOnly(2026, 7, 1) }, await VersionAsync(id))).Errors, Keep());
            yield return new("merge: target", IdKind.Unit, async id => (await Units(user).MergeAsync(
                new MergeUnitRequest { UnitId = w.OfficeCell.Id, TargetId = id, EffectiveOn = new DateOnly(2026, 7, 1) }, await VersionAsync(w.OfficeCell.Id))).Errors, Keep());
            yield return new("merge: unit", IdKind.Unit, async id => (await Units(user).MergeAsync(
                new MergeUnitRequest { UnitId = id, TargetId = w.OfficeCell.Id, EffectiveOn = new DateOnly(2026, 7, 1) }, await VersionAsync(id))).Errors, Keep());
            yield return new("quota: child unit", IdKind.Unit, async id => (await Quotas(user).AssignAsync(
                new AssignQuotasRequest(own.Id, 2026, [new ChildQuotaInput(id, 5, null, [])]))).Errors, Keep());
            yield return new("quota: assigning unit", IdKind.Unit, async id => (await Quotas(user).AssignAsync(
                new AssignQuotasRequest(id, 2026, [new ChildQuotaInput(w.TeachersCell.Id, 5, null, [])]))).Errors, Keep());
            yield return new("add member: cell", IdKind.Cell, async id => (await Members(user).AddMemberAsync(NewMember(id, null))).Errors, Keep());
            yield return new("import files: mentor's citizen ID", IdKind.Member, async id =>
            {
                var row = FileRow("001201009999");
                row["cccd_dang_vien_giup_do"] = await CitizenIdAsync(id);
                return await ImportAsync(user, ImportKind.Candidates, row);
            }, CitizenIdsHidden());
            yield return new("import files: cell code", IdKind.Cell, async id =>
            {
                var row = FileRow("001201009999");
                row["ma_chi_bo"] = await CodeAsync(id);
                return await ImportAsync(user, ImportKind.Candidates, row);
            }, CodesHidden());
            yield return new("import members: cell code", IdKind.Cell, async id =>
            {
                var row = MemberRow("001085009999");
                row["ma_chi_bo"] = await CodeAsync(id);
                return await ImportAsync(user, ImportKind.Members, row);
            }, CodesHidden());
        }

        /// <summary>A candidate row of the teachers' cell (step 1 only), mentored by teacher 0.</summary>
        public Dictionary<string, string> FileRow(string citizenId) => new()
        {
            ["so_cccd"] = citizenId, ["ho_ten"] = "Lò Thị Mới", ["ngay_sinh"] = "05/05/2001", ["gioi_tinh"] = "Nữ", ["ma_chi_bo"] = "CB-GV",
            ["doi_tuong"] = "DOAN_VIEN", ["cccd_dang_vien_giup_do"] = "001080000100", ["ngay_tao_nguon"] = "01/12/2026",
        };

        /// <summary>An official member row of the teachers' cell.</summary>
        public static Dictionary<string, string> MemberRow(string citizenId) => new()
        {
            ["so_cccd"] = citizenId, ["ho_ten"] = "Lò Văn Mới", ["ngay_sinh"] = "15/03/1985", ["gioi_tinh"] = "Nam", ["ma_chi_bo"] = "CB-GV",
            ["tinh_trang"] = "chinh_thuc", ["ngay_vao_dang"] = "20/05/2010", ["ngay_chinh_thuc"] = "20/05/2011",
        };

        private static Func<string, string> CitizenIdsHidden() => s => System.Text.RegularExpressions.Regex.Replace(s, "[0-9]{12}", "#");

        private static Func<string, string> CodesHidden() => s => System.Text.RegularExpressions.Regex.Replace(s, "mã \"[^\"]*\"", "mã #");

        private async Task<string> CitizenIdAsync(int memberId) =>
            await Db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.CitizenId).SingleOrDefaultAsync() ?? MissingCitizenId;

        private async Task<string> CodeAsync(int unitId) =>
            await Db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Code).SingleOrDefaultAsync() ?? MissingCode;

        private async Task<uint> VersionAsync(int unitId) =>
            await Db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Version).SingleOrDefaultAsync();

        private StartReadmissionRequest Readmission(int formerId, int cellId, int mentorId) => new()
        {
            FormerMemberId = formerId,
            CellId = cellId,
            MentorMemberId = mentorId,
            SourcedOn = new DateOnly(2026, 12, 1),
            CategoryIds = [World.Categories[0].Id],
        };

        public async Task<IReadOnlyList<FieldError>> ImportAsync(ICurrentUser user, ImportKind kind, Dictionary<string, string> row)
        {
            var header = ImportLayout.Of(kind).Select(c => c.Name).ToList();
            var text = string.Join(";", header) + "\r\n" + string.Join(";", header.Select(h => row.GetValueOrDefault(h, ""))) + "\r\n";
            var import = ImportServices.Create(Db, Access(user), World.Time);
            var result = await import.ImportAsync(kind, new MemoryStream(Encoding.UTF8.GetBytes(text)), "tep.csv", ImportMode.All);
            return [.. result.Errors.Select(e => new FieldError(e.Column, e.Message))];
        }

        private CurrentAccess Access(ICurrentUser user) => new(user, Db, World.Time);

        public MemberService Members(ICurrentUser user) => new(Db, World.Time, NullLogger<MemberService>.Instance, Access(user), CoreValidators.For<AddMemberRequest>());

        public static AddMemberRequest NewMember(int cellId, string? citizenId) => new()
        {
            CellId = cellId,
            FullName = "Lò Văn Mới",
            DateOfBirth = new DateOnly(1985, 3, 15),
            Sex = Sex.Male,
            CitizenId = citizenId,
            Status = MemberStatus.Official,
            AdmittedOn = new DateOnly(2010, 5, 20),
            RecognisedOn = new DateOnly(2011, 5, 20),
        };

        private OrgUnitService Units(ICurrentUser user) => new(Db, Access(user), CoreValidators.For<MoveUnitRequest>(), CoreValidators.For<MergeUnitRequest>(), World.Time);

        private QuotaService Quotas(ICurrentUser user) =>
            new(Db, Access(user), new RuleParameterReader(Db), new AssignQuotasRequestValidator(), World.Time, NullLogger<QuotaService>.Instance);

        private async Task SeedAsync()
        {
            FarProvince = await UnitAsync("T2", "Tỉnh ủy Lâm Giang", OrgUnitKind.Province, null);
            var farCommune = await UnitAsync("X-LG", "Đảng ủy xã Lâm Thượng", OrgUnitKind.CommuneCommittee, FarProvince);
            FarCell = await UnitAsync("CB-LT", "Chi bộ bản Lâm Thượng", OrgUnitKind.GrassrootsCell, farCommune);
            FarMember = Official("Tòng Văn Xa", FarCell.Id, FarMemberCitizenId);
            FarFormer = Former("Sầm Thị Cũ", FarCell.Id, "001080000402");
            OtherFormer = Former("Bế Văn Cũ", World.OtherVillageCell.Id, OtherFormerCitizenId);
            Db.Members.AddRange(FarMember, FarFormer, OtherFormer);
            await Db.SaveChangesAsync();
            await SetCitizenIdAsync(World.Villagers[0], VillagerCitizenId);
            await SetCitizenIdAsync(World.OtherVillagers[0], OtherVillagerCitizenId);
            await SetCitizenIdAsync(World.Teachers[0], "001080000100");
            Db.ChangeTracker.Clear();

            var system = World.Admission();
            var open = await system.CreateCandidateAsync(NewFile(World.OtherVillageCell.Id, World.OtherVillagers[1].Id) with { FullName = "Nông Thị Đợi", CitizenId = OtherFileCitizenId });
            Assert.True(open.Succeeded, CandidateWalk.Describe(open));

            var verified = await World.StartCandidateAsync(new DateOnly(2025, 1, 6), name: "Phan Thị Một");
            await verified.CertificateAsync(new(2025, 2, 10));
            await verified.ApplicationAsync(new(2025, 3, 3));
            await verified.VerificationAsync(new(2025, 4, 7));
            Verified = verified.Id;

            var introduced = await World.StartCandidateAsync(new DateOnly(2025, 1, 6), name: "Phan Thị Hai");
            await introduced.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
            Introduced = introduced.Id;

            var decided = await World.StartCandidateAsync(new DateOnly(2025, 1, 6), name: "Phan Thị Ba");
            await decided.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
            Assert.True((await decided.CellVoteAsync(new(2025, 5, 5))).Succeeded);
            await decided.CommitteeResolutionAsync(new(2025, 5, 15));
            var decision = await decided.DecisionAsync(new(2025, 6, 2), received: new(2025, 6, 5));
            Assert.True(decision.Succeeded, CandidateWalk.Describe(decision));
            Decided = decided.Id;
            Db.ChangeTracker.Clear();
        }

        private async Task SetCitizenIdAsync(Member member, string citizenId) =>
            await Db.Members.Where(m => m.Id == member.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.CitizenId, citizenId));

        private static Member Official(string name, int cellId, string citizenId) => new()
        {
            FullName = name,
            DateOfBirth = new DateOnly(1970, 2, 2),
            CitizenId = citizenId,
            CellId = cellId,
            Status = MemberStatus.Official,
            AdmittedOn = new DateOnly(2000, 1, 1),
            RecognisedOn = new DateOnly(2001, 1, 1),
        };

        private static Member Former(string name, int cellId, string citizenId) => new()
        {
            FullName = name,
            DateOfBirth = new DateOnly(1979, 3, 3),
            CitizenId = citizenId,
            CellId = cellId,
            Status = MemberStatus.Left,
            AdmittedOn = new DateOnly(2004, 1, 1),
            RecognisedOn = new DateOnly(2005, 1, 1),
            LeftOn = new DateOnly(2020, 6, 1),
            LeftReason = "Xin ra khỏi Đảng",
        };

        private async Task<OrgUnit> UnitAsync(string code, string name, OrgUnitKind kind, OrgUnit? parent)
        {
            var unit = new OrgUnit { Code = code, Name = name, Kind = kind, ParentId = parent?.Id, ValidFrom = new DateOnly(2000, 1, 1), HasAdmissionAuthority = parent is null };
            Db.OrgUnits.Add(unit);
            await Db.SaveChangesAsync();
            unit.Path = new(parent is null ? $"{unit.Id}" : $"{(string)parent.Path}.{unit.Id}");
            await Db.SaveChangesAsync();
            return unit;
        }
    }

    private sealed class SignedInUser(string name, string id, OrgUnit unit) : ICurrentUser
    {
        public string Name { get; } = name;

        public string? UserId { get; } = id;

        public bool IsSystem => false;

        public OrgUnit Unit { get; } = unit;
    }
}
