using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Tests.Features.Quotas;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The duplicate warning of a new file: same citizen ID or same name and birth date, in a file or as a member, scoped.</summary>
public sealed class DuplicateCheckTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    [Fact]
    public async Task A_file_or_member_with_the_same_name_and_birth_date_is_a_warning_named_only_inside_the_users_scope()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var hanh = await world.StartCandidateAsync(new(2026, 1, 5), name: "Phan Thị Hạnh", citizenId: "001200012345");
        var service = world.Admission();

        var byName = Assert.Single(await service.FindDuplicatesAsync("  phan thị   HẠNH ", new(2000, 4, 12), null));
        Assert.Equal((false, DuplicateBasis.NameAndBirthDate, hanh.Id), (byName.IsMember, byName.Basis, byName.Id));
        Assert.Contains("Phan Thị Hạnh", byName.Message);
        Assert.Contains(world.TeachersCell.Name, byName.Message);
        Assert.Empty(await service.FindDuplicatesAsync("Phan Thị Hạnh", new(2000, 4, 13), null));

        // The citizen ID of an open file is a hard rule of CheckCreate: refused, not warned.
        Assert.Empty(await service.FindDuplicatesAsync("Người Khác", new(1990, 1, 1), "001200012345"));

        var teacher = world.Teachers[0];
        var member = Assert.Single(await service.FindDuplicatesAsync(teacher.FullName, teacher.DateOfBirth, null));
        Assert.True(member.IsMember);
        Assert.Equal(teacher.Id, member.Id);

        var outsider = await UserAsync(db, world, "ngoai@test", world.OtherCommune);
        var hidden = Assert.Single(await outsider.FindDuplicatesAsync("Phan Thị Hạnh", new(2000, 4, 12), null));
        Assert.Null(hidden.Id);
        Assert.Null(hidden.FullName);
        Assert.Equal("Đã có một hồ sơ cùng họ tên và ngày sinh 12/04/2000 ở đơn vị khác (ngoài phạm vi bạn được xem).", hidden.Message);
        Assert.DoesNotContain(world.TeachersCell.Name, hidden.Message);
    }

    [Fact]
    public async Task Creating_with_the_check_on_is_refused_with_the_warning_and_confirming_creates_the_file()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var first = await world.StartCandidateAsync(new(2026, 1, 5), name: "Phan Thị Hạnh", citizenId: "001200012345");
        await first.OkAsync(v => first.Service.RecordAsync(new RecordExitRequest() { CandidateId = first.Id, ExitedOn = new(2026, 3, 2), Reason = ExitReason.Withdrew, Explanation = "Xin rút" }, v));
        var service = world.Admission();
        var request = new CreateCandidateRequest
        {
            CellId = world.VillageCell.Id,
            FullName = "Phan Văn Hùng",
            DateOfBirth = new(1998, 2, 3),
            Sex = Sex.Male,
            CitizenId = "001200012345",
            CategoryIds = [world.Categories[0].Id],
            MentorMemberId = world.Villagers[0].Id,
            SourcedOn = new(2026, 11, 2),
            CheckDuplicates = true,
        };

        // A closed file with the same citizen ID: a warning the user may confirm past.
        var warned = await service.CreateCandidateAsync(request);
        var warning = Assert.Single(warned.Errors);
        Assert.Equal(CreateCandidateRequest.DuplicateField, warning.Field);
        Assert.Contains("cùng số CCCD 001200012345", warning.Message);

        var invalid = await service.CreateCandidateAsync(request with { Ethnicity = "" });
        Assert.DoesNotContain(invalid.Errors, e => e.Field == CreateCandidateRequest.DuplicateField);

        var confirmed = await service.CreateCandidateAsync(request with { CheckDuplicates = false });
        Assert.True(confirmed.Succeeded, CandidateWalk.Describe(confirmed));
    }

    private static async Task<AdmissionService> UserAsync(DangVien.Core.Data.DangVienDbContext db, World world, string userName, OrgUnit unit)
    {
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), FullName = userName };
        db.Users.Add(user);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, OrgUnitId = unit.Id, Role = AccessRole.CommitteeStaff });
        await db.SaveChangesAsync();
        return new AdmissionService(db, new CalendarService(db), new RuleParameterReader(db),
            new CurrentAccess(new SignedInUser(user.Id, userName), db, world.Time), CoreValidators.All, world.Time, NullLogger<AdmissionService>.Instance);
    }
}
