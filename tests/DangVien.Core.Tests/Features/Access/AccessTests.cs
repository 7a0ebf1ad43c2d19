using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Features.Units;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Core.Tests.Features.Access;

/// <summary>
/// The scoping mechanism through the real services and database: a user of a sibling unit, the parent,
/// a child, and the two roles that act on one cell's file.
/// </summary>
public sealed class AccessTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public async Task Committee_staff_read_their_subtree_and_nothing_beside_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var file = await world.StartCandidateAsync(new DateOnly(2026, 1, 5));
        var staff = await UserAsync(db, "vanphong.hoaan", world.Commune, AccessRole.CommitteeStaff);
        var sibling = await UserAsync(db, "vanphong.binhminh", world.OtherCommune, AccessRole.CommitteeStaff);
        var child = await UserAsync(db, "bithu.thondong", world.VillageCell, AccessRole.CellSecretary);
        var parent = await UserAsync(db, "bantochuc", world.Province, AccessRole.ProvincialBoard);

        Assert.NotNull(await Admission(db, world, staff).GetCandidateFileAsync(file.Id));
        Assert.NotNull(await Admission(db, world, parent).GetCandidateFileAsync(file.Id));
        Assert.Null(await Admission(db, world, sibling).GetCandidateFileAsync(file.Id));
        Assert.Null(await Admission(db, world, child).GetCandidateFileAsync(file.Id));
        Assert.Equal(0, (await Admission(db, world, sibling).ListAsync(new CandidateListQuery { UnitId = world.Commune.Id })).TotalCount);
        Assert.Equal(1, (await Admission(db, world, staff).ListAsync(new CandidateListQuery { UnitId = world.Commune.Id })).TotalCount);
        Assert.Null(await new OrgUnitService(db, Access(db, world, sibling), CoreValidators.For<MoveUnitRequest>(), CoreValidators.For<MergeUnitRequest>()).GetUnitAsync(world.TeachersCell.Id, 2026));
        Assert.NotNull(await new OrgUnitService(db, Access(db, world, staff), CoreValidators.For<MoveUnitRequest>(), CoreValidators.For<MergeUnitRequest>()).GetUnitAsync(world.TeachersCell.Id, 2026));
        Assert.Empty(await new AlertService(db, new CalendarService(db), new RuleParameterReader(db), Access(db, world, sibling)).GetAlertsAsync(world.Commune.Id, Today));
    }

    [Fact]
    public async Task A_user_of_a_sibling_unit_cannot_act_on_the_file_and_learns_nothing_about_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var file = await world.StartCandidateAsync(new DateOnly(2026, 1, 5));
        var sibling = await UserAsync(db, "vanphong.binhminh", world.OtherCommune, AccessRole.CommitteeStaff);

        var result = await Admission(db, world, sibling).RecordAsync(
            new RecordApplicationRequest { CandidateId = file.Id, AppliedOn = new DateOnly(2026, 2, 2) }, await world.VersionAsync(file.Id));

        Assert.Equal(Messages.NotFound, Assert.Single(result.Errors).Message);
        Assert.Equal(1, await db.StageEntries.CountAsync(e => e.CandidateId == file.Id));
    }

    [Fact]
    public async Task A_cell_secretary_records_the_cells_opinion_but_not_the_committees_actions()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var file = await world.StartCandidateAsync(new DateOnly(2026, 1, 5));
        var secretary = await UserAsync(db, "bithu.giaovien", world.TeachersCell, AccessRole.CellSecretary);
        var service = Admission(db, world, secretary);

        var application = await service.RecordAsync(
            new RecordApplicationRequest { CandidateId = file.Id, AppliedOn = new DateOnly(2026, 2, 2) }, await world.VersionAsync(file.Id));
        await file.CertificateAsync(new DateOnly(2026, 1, 8));
        await file.ApplicationAsync(new DateOnly(2026, 1, 12));
        await file.VerificationAsync(new DateOnly(2026, 1, 26));
        var introduced = await file.IntroductionAsync(new DateOnly(2026, 1, 27), world.Teachers[1], world.Teachers[2]);
        Assert.True(introduced.Succeeded, CandidateWalk.Describe(introduced));
        var opinion = await service.RecordAsync(
            new RecordOpinionRequest { CandidateId = file.Id, Form = OpinionForm.ResidenceCommittee, ReceivedOn = new DateOnly(2026, 2, 3), Organisation = "Chi ủy nơi cư trú thôn Đông" },
            await world.VersionAsync(file.Id));
        var view = await service.GetCandidateFileAsync(file.Id);

        Assert.Equal(Messages.NotAllowed, Assert.Single(application.Errors).Message);
        Assert.True(opinion.Succeeded, CandidateWalk.Describe(opinion));
        Assert.NotNull(view);
        Assert.False(view.CanWrite);
        Assert.True(view.CanRecordCellActions);
    }

    [Fact]
    public async Task Personal_data_is_hidden_from_the_board_shown_to_staff_and_the_own_cell_s_secretary_and_every_view_is_audited()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var file = await world.StartCandidateAsync(new DateOnly(2026, 1, 5), citizenId: "001204012345");
        await db.Candidates.Where(c => c.Id == file.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.FamilyBackground, "Bố: nông dân; mẹ: giáo viên"));
        var staff = await UserAsync(db, "vanphong.hoaan", world.Commune, AccessRole.CommitteeStaff);
        var board = await UserAsync(db, "bantochuc", world.Province, AccessRole.ProvincialBoard);
        var secretary = await UserAsync(db, "bithu.giaovien", world.TeachersCell, AccessRole.CellSecretary);

        var full = await Admission(db, world, staff).GetCandidateFileAsync(file.Id);
        var forBoard = await Admission(db, world, board).GetCandidateFileAsync(file.Id);
        var forSecretary = await Admission(db, world, secretary).GetCandidateFileAsync(file.Id);
        var audit = await db.AuditEntries.Where(a => a.Subject == $"candidate:{file.Id}").OrderBy(a => a.Id).Select(a => a.UserName).ToListAsync();

        Assert.Equal("001204012345", full!.CitizenId);
        Assert.Equal("Bố: nông dân; mẹ: giáo viên", full.FamilyBackground);
        Assert.Equal((null, null, null), (forBoard!.CitizenId, forBoard.FamilyBackground, forBoard.DateOfBirth));
        Assert.Equal((full.DateOfBirth!.Value.Year, PersonalFields.None), (forBoard.BirthYear, forBoard.Shown));
        Assert.Equal("001204012345", forSecretary!.CitizenId);
        Assert.Equal("Bố: nông dân; mẹ: giáo viên", forSecretary.FamilyBackground);
        Assert.Equal(["vanphong.hoaan", "bantochuc", "bithu.giaovien"], audit);
    }

    [Fact]
    public async Task A_user_holding_roles_in_two_units_sees_both_as_starting_points()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var user = await UserAsync(db, "hai.donvi", world.TeachersCell, AccessRole.CellSecretary);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.UserId!, OrgUnitId = world.OtherVillageCell.Id, Role = AccessRole.CellSecretary });
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.UserId!, OrgUnitId = world.School.Id, Role = AccessRole.CommitteeStaff });
        await db.SaveChangesAsync();

        var roots = await new OrgUnitService(db, Access(db, world, user), CoreValidators.For<MoveUnitRequest>(), CoreValidators.For<MergeUnitRequest>()).GetRootsAsync(2026);

        Assert.Equal([world.School.Id, world.OtherVillageCell.Id], roots.Select(r => r.Id).Order());
    }

    [Theory]
    [InlineData("1.2", "1.2", true)]
    [InlineData("1.2", "1.2.3", true)]
    [InlineData("1.2", "1.20", false)]
    [InlineData("1.2", "1", false)]
    [InlineData("1.2.3", "1.2", false)]
    public void A_grant_covers_its_unit_and_everything_below_it_only(string granted, string asked, bool covered)
    {
        var scope = AccessScope.For("u", [new UnitGrant(1, new LTree(granted), OrgUnitKind.CommuneCommittee, AccessRole.CommitteeStaff)]);

        Assert.Equal(covered, scope.CanRead(new LTree(asked)));
        Assert.Equal(covered, scope.CanWrite(new LTree(asked)));
    }

    [Fact]
    public void Nobody_signed_in_sees_nothing()
    {
        Assert.False(AccessScope.Nothing.CanRead(new LTree("1")));
        Assert.True(AccessScope.Nothing.IsAnonymous);
    }

    private static AdmissionService Admission(DangVienDbContext db, World world, ICurrentUser user) =>
        new(db, new CalendarService(db), new RuleParameterReader(db), Access(db, world, user), CoreValidators.All, world.Time, NullLogger<AdmissionService>.Instance);

    private static CurrentAccess Access(DangVienDbContext db, World world, ICurrentUser user) => new(user, db, world.Time);

    private static async Task<ICurrentUser> UserAsync(DangVienDbContext db, string userName, OrgUnit unit, AccessRole role)
    {
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), FullName = userName };
        db.Users.Add(user);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, OrgUnitId = unit.Id, Role = role });
        await db.SaveChangesAsync();
        return new SignedInUser(userName, user.Id);
    }

    private sealed class SignedInUser(string name, string id) : ICurrentUser
    {
        public string Name { get; } = name;

        public string? UserId { get; } = id;

        public bool IsSystem => false;
    }
}
