using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Core.Tests.Features.Quotas;

/// <summary>A signed-in user as the web layer supplies one: an id whose role assignments decide the scope.</summary>
public sealed class SignedInUser(string userId, string name) : ICurrentUser
{
    public string Name { get; } = name;

    public string? UserId { get; } = userId;

    public bool IsSystem => false;
}

/// <summary>Quota services over the <see cref="World"/>, users with roles, and admissions written straight into the history.</summary>
public static class QuotaTestSupport
{
    public static QuotaService Quotas(this World world, ICurrentUser? user = null) => new(
        world.Db,
        new CurrentAccess(user ?? new SystemUser("can.bo@test"), world.Db, world.Time),
        new RuleParameterReader(world.Db),
        new AssignQuotasRequestValidator(),
        world.Time,
        NullLogger<QuotaService>.Instance);

    /// <summary>A user holding the given roles (and only those).</summary>
    public static async Task<ICurrentUser> UserAsync(this World world, string userName, params (OrgUnit Unit, AccessRole Role)[] roles)
    {
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), FullName = userName };
        world.Db.Users.Add(user);
        foreach (var (unit, role) in roles)
        {
            world.Db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, OrgUnitId = unit.Id, Role = role });
        }

        await world.Db.SaveChangesAsync();
        world.Db.ChangeTracker.Clear();
        return new SignedInUser(user.Id, userName);
    }

    /// <summary>
    /// A candidate of <paramref name="cell"/> with an admission decision and, optionally, a ceremony; when
    /// <paramref name="correctedDecision"/> is given, the decision is then corrected (superseded) to that date.
    /// </summary>
    public static async Task AdmittedAsync(this World world, OrgUnit cell, string name, DateOnly decision, DateOnly? ceremony = null, DateOnly? correctedDecision = null)
    {
        var recordedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var candidate = new Candidate
        {
            FullName = name,
            CellId = cell.Id,
            DateOfBirth = new DateOnly(2000, 5, 5),
            Stage = ceremony is null ? CandidateStage.AdmissionDecided : CandidateStage.Probation,
            StageSince = ceremony ?? correctedDecision ?? decision,
            CreatedAt = recordedAt,
        };
        var decisionEntry = Entry(StageKind.AdmissionDecision, decision);
        candidate.History.Add(Entry(StageKind.Source, decision.AddYears(-2)));
        candidate.History.Add(decisionEntry);
        if (ceremony is { } held)
        {
            candidate.History.Add(Entry(StageKind.Ceremony, held));
        }

        world.Db.Candidates.Add(candidate);
        await world.Db.SaveChangesAsync();
        if (correctedDecision is { } corrected)
        {
            var correction = Entry(StageKind.AdmissionDecision, corrected);
            correction.CandidateId = candidate.Id;
            correction.SupersedesId = decisionEntry.Id;
            correction.CorrectionReason = "Ghi nhầm ngày quyết định";
            world.Db.StageEntries.Add(correction);
            await world.Db.SaveChangesAsync();
        }

        world.Db.ChangeTracker.Clear();

        StageEntry Entry(StageKind kind, DateOnly on) => new()
        {
            Kind = kind,
            EffectiveOn = on,
            RecordedBy = "test",
            RecordedAt = recordedAt,
        };
    }

    public static async Task<Quota> QuotaAsync(this World world, OrgUnit unit, int year, int total, params (SourceCategory Category, int Target)[] targets)
    {
        var quota = new Quota
        {
            OrgUnitId = unit.Id,
            Year = year,
            Total = total,
            AssignedByUnitId = unit.ParentId,
            AssignedBy = "seed",
            AssignedAt = new DateTimeOffset(year - 1, 12, 20, 1, 0, 0, TimeSpan.Zero),
            CategoryTargets = [.. targets.Select(t => new QuotaCategoryTarget { SourceCategoryId = t.Category.Id, Target = t.Target })],
        };
        world.Db.Quotas.Add(quota);
        await world.Db.SaveChangesAsync();
        world.Db.ChangeTracker.Clear();
        return quota;
    }

    public static Member Member(OrgUnit cell, string name, DateOnly admittedOn, DateOnly? leftOn = null, MemberStatus? status = null) => new()
    {
        FullName = name,
        DateOfBirth = new DateOnly(1990, 1, 1),
        CellId = cell.Id,
        AdmittedOn = admittedOn,
        LeftOn = leftOn,
        Status = status ?? (leftOn is null ? MemberStatus.Official : MemberStatus.Left),
        RecognisedOn = admittedOn.AddYears(1),
    };

    public static string Describe(Result result) => string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Field}: {e.Message}"));
}
