using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The check a step form runs as its fields change: the same answer as the record, nothing saved.</summary>
public sealed class StepCheckTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    [Fact]
    public async Task A_probationary_introducer_is_refused_by_the_rule_before_anything_is_saved()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.CertificateAsync(new DateOnly(2025, 2, 10));
        await j.ApplicationAsync(new DateOnly(2025, 3, 3));
        await j.VerificationAsync(new DateOnly(2025, 4, 7));
        var version = await world.VersionAsync(j.Id);
        var request = new RecordIntroductionRequest
        {
            CandidateId = j.Id,
            IntroducedOn = new DateOnly(2025, 4, 14),
            Basis = IntroductionBasis.TwoMembers,
            Introducers = [new(world.Teachers[1].Id, new DateOnly(2018, 9, 1)), new(world.ProbationaryTeacher.Id, new DateOnly(2018, 9, 1))],
        };

        var errors = await j.Service.CheckAsync(request);
        var recorded = await j.Service.RecordAsync(request, version);

        var error = Assert.Single(errors);
        Assert.Contains("Trịnh Văn Mới", error.Message);
        Assert.Equal(errors, recorded.Errors);
        Assert.Equal(version, await world.VersionAsync(j.Id));
        Assert.False(await db.StageEntries.AnyAsync(e => e.CandidateId == j.Id && e.Kind == StageKind.Introduction));
    }

    [Fact]
    public async Task Missing_fields_and_the_rules_of_the_fields_given_come_in_one_pass()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));

        // The certificate's date is before the listing, and its number and centre are missing.
        var errors = await j.Service.CheckAsync(new RecordAwarenessCourseRequest { CandidateId = j.Id, IssuedOn = new DateOnly(2024, 12, 1) });

        Assert.Equal(
            [nameof(RecordAwarenessCourseRequest.CertificateNumber), nameof(RecordAwarenessCourseRequest.IssuedOn), nameof(RecordAwarenessCourseRequest.IssuingCentre)],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Empty(await j.Service.CheckAsync(new RecordAwarenessCourseRequest
        {
            CandidateId = j.Id, IssuedOn = new DateOnly(2025, 2, 10), CertificateNumber = "GCN-1", IssuingCentre = "Trung tâm Chính trị huyện",
        }));
    }

    [Fact]
    public async Task A_file_outside_the_users_scope_checks_as_one_that_does_not_exist()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        var user = new AppUser { UserName = "bithu.thontay", NormalizedUserName = "BITHU.THONTAY", FullName = "Bí thư thôn Tây" };
        db.Users.Add(user);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, OrgUnitId = world.OtherVillageCell.Id, Role = AccessRole.CellSecretary });
        await db.SaveChangesAsync();
        var service = new AdmissionService(db, new CalendarService(db), new RuleParameterReader(db),
            new CurrentAccess(new Quotas.SignedInUser(user.Id, user.UserName), db, world.Time), CoreValidators.All, world.Time, NullLogger<AdmissionService>.Instance);

        var outside = await service.CheckAsync(new RecordOpinionRequest
        {
            CandidateId = j.Id, Form = OpinionForm.Organisation, ReceivedOn = new DateOnly(2025, 3, 3), Organisation = "Chi đoàn",
        });
        var missing = await service.CheckAsync(new RecordOpinionRequest
        {
            CandidateId = 999_999, Form = OpinionForm.Organisation, ReceivedOn = new DateOnly(2025, 3, 3), Organisation = "Chi đoàn",
        });

        Assert.Equal([new FieldError("", Messages.NotFound)], outside);
        Assert.Equal(missing, outside);
    }
}
