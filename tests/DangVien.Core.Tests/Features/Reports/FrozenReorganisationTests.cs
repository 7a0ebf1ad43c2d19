using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Units;
using DangVien.Core.Tests.Features.Quotas;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Reports;

/// <summary>
/// A frozen year stays true through a reorganisation and a recognition: a move or merge whose effective date falls in
/// a year frozen for the units concerned, and a recognition decision taking effect in a frozen year however late it is
/// signed, are refused naming the year (31/12 refused, 01/01 of the next year accepted).
/// </summary>
public sealed class FrozenReorganisationTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    private static readonly DateOnly LastDay = new(2025, 12, 31);

    private static readonly DateOnly NextYear = new(2026, 1, 1);

    private const string Refused = "Năm 2025 đã chốt số liệu; không thể ghi hay sửa dữ liệu có ngày trong năm này. Quản trị hệ thống có thể mở chốt nếu cần sửa.";

    [Fact]
    public async Task A_move_dated_in_a_year_frozen_for_the_unit_is_refused_and_the_next_day_is_accepted()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var staff = await world.UserAsync("van.phong@test", (world.Commune, AccessRole.CommitteeStaff));
        Assert.True((await world.Reports(staff).FreezeAsync(world.Commune.Id, 2025)).Succeeded);

        var refused = await MoveAsync(world, world.TeachersCell, world.Commune, LastDay);
        Assert.Equal([new FieldError(nameof(MoveUnitRequest.EffectiveOn), Refused)], refused.Errors);
        Assert.Equal(world.School.Id, await db.OrgUnits.AsNoTracking().Where(u => u.Id == world.TeachersCell.Id).Select(u => u.ParentId).SingleAsync());

        var accepted = await MoveAsync(world, world.TeachersCell, world.Commune, NextYear);
        Assert.True(accepted.Succeeded, CandidateWalk.Describe(accepted));
        Assert.Equal(world.Commune.Id, await db.OrgUnits.AsNoTracking().Where(u => u.Id == world.TeachersCell.Id).Select(u => u.ParentId).SingleAsync());
    }

    [Fact]
    public async Task A_merge_into_a_unit_whose_year_is_frozen_is_refused_and_the_next_day_is_accepted()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var staff = await world.UserAsync("van.phong.khac@test", (world.OtherCommune, AccessRole.CommitteeStaff));
        Assert.True((await world.Reports(staff).FreezeAsync(world.OtherCommune.Id, 2025)).Succeeded);

        // Only the target's commune is frozen: the merged cell's own commune is not.
        var refused = await MergeAsync(world, world.VillageCell, world.OtherVillageCell, LastDay);
        Assert.Equal([new FieldError(nameof(MergeUnitRequest.EffectiveOn), Refused)], refused.Errors);
        Assert.Null(await db.OrgUnits.AsNoTracking().Where(u => u.Id == world.VillageCell.Id).Select(u => u.ValidTo).SingleAsync());

        var accepted = await MergeAsync(world, world.VillageCell, world.OtherVillageCell, NextYear);
        Assert.True(accepted.Succeeded, CandidateWalk.Describe(accepted));
        Assert.Equal(LastDay, await db.OrgUnits.AsNoTracking().Where(u => u.Id == world.VillageCell.Id).Select(u => u.ValidTo).SingleAsync());
    }

    [Fact]
    public async Task A_recognition_decision_signed_after_a_frozen_year_but_taking_effect_in_it_is_refused_naming_the_year()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var staff = await world.UserAsync("van.phong@test", (world.Commune, AccessRole.CommitteeStaff));

        // Admitted on 31/12/2024: official from 31/12/2025, inside the frozen year. Admitted on 01/01/2025: from 01/01/2026.
        var late = await world.StartCandidateAsync(Shifted(new DateOnly(2024, 12, 31)).Sourced, name: "Phan Thị Hạnh");
        await late.ToAsync(StageKind.RecognitionVote, Shifted(new DateOnly(2024, 12, 31)));
        var early = await world.StartCandidateAsync(Shifted(new DateOnly(2025, 1, 1)).Sourced, name: "Lê Văn Bình", citizenId: "001095001234");
        await early.ToAsync(StageKind.RecognitionVote, Shifted(new DateOnly(2025, 1, 1)));
        Assert.True((await world.Reports(staff).FreezeAsync(world.Commune.Id, 2025)).Succeeded);

        var signedOn = new DateOnly(2026, 2, 2);
        var refused = await late.RecognitionDecisionAsync(signedOn);
        Assert.Equal([new FieldError(nameof(RecordRecognitionDecisionRequest.DecidedOn), Refused)], refused.Errors);
        Assert.Contains(new FieldError(nameof(RecordRecognitionDecisionRequest.DecidedOn), Refused), await late.Service.CheckAsync(
            new RecordRecognitionDecisionRequest { CandidateId = late.Id, DecidedOn = signedOn, DecisionNumber = "15-QĐ/ĐU" }));
        var accepted = await early.RecognitionDecisionAsync(signedOn);
        Assert.True(accepted.Succeeded, CandidateWalk.Describe(accepted));
        Assert.Equal(NextYear, await db.StageEntries.AsNoTracking()
            .Where(e => e.CandidateId == early.Id && e.Kind == StageKind.RecognitionDecision).Select(e => e.EffectiveOn).SingleAsync());
    }

    /// <summary>The dates of <see cref="WalkDates.Spring2025"/> moved so that the ceremony falls on <paramref name="ceremony"/>.</summary>
    private static WalkDates Shifted(DateOnly ceremony)
    {
        var d = WalkDates.Spring2025;
        var days = ceremony.DayNumber - d.Ceremony.DayNumber;
        DateOnly S(DateOnly day) => day.AddDays(days);
        return new WalkDates(S(d.Sourced), S(d.Certificate), S(d.Application), S(d.Verification), S(d.Introduction), S(d.Opinion), S(d.CellVote),
            S(d.CommitteeResolution), S(d.Decision), S(d.DecisionReceived), S(d.Ceremony), S(d.NewMemberCourse), S(d.RecognitionVote), S(d.RecognitionDecision));
    }

    private static OrgUnitService Units(World world) =>
        new(world.Db, new CurrentAccess(new SystemUser("can.bo@test"), world.Db, world.Time), CoreValidators.For<MoveUnitRequest>(), CoreValidators.For<MergeUnitRequest>(), world.Time);

    private static async Task<Result> MoveAsync(World world, OrgUnit unit, OrgUnit parent, DateOnly on) =>
        await Units(world).MoveAsync(new MoveUnitRequest { UnitId = unit.Id, NewParentId = parent.Id, EffectiveOn = on }, await VersionAsync(world, unit));

    private static async Task<Result> MergeAsync(World world, OrgUnit unit, OrgUnit target, DateOnly on) =>
        await Units(world).MergeAsync(new MergeUnitRequest { UnitId = unit.Id, TargetId = target.Id, EffectiveOn = on }, await VersionAsync(world, unit));

    private static async Task<uint> VersionAsync(World world, OrgUnit unit) =>
        await world.Db.OrgUnits.AsNoTracking().Where(u => u.Id == unit.Id).Select(u => u.Version).SingleAsync();
}
