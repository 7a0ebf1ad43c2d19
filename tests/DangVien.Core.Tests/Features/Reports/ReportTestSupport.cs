using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Reports;
using DangVien.Core.Tests.Support;

namespace DangVien.Core.Tests.Features.Reports;

/// <summary>The report service over the <see cref="World"/>, and candidates whose history is written straight into the database.</summary>
public static class ReportTestSupport
{
    private static readonly DateTimeOffset RecordedAt = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static YearlyReportService Reports(this World world, ICurrentUser? user = null) => new(
        world.Db,
        new CurrentAccess(user ?? new SystemUser("can.bo@test"), world.Db, world.Time),
        new RuleParameterReader(world.Db),
        world.Time);

    /// <summary>
    /// A candidate of <paramref name="cell"/> in the given categories with the given history (a cell vote passes unless its
    /// third value is false); the stage is the projection of that history.
    /// </summary>
    public static async Task<Candidate> CandidateAsync(
        this World world, OrgUnit cell, string name, SourceCategory[] categories, params (StageKind Kind, DateOnly On, bool Passed)[] history)
    {
        var candidate = new Candidate
        {
            FullName = name,
            CellId = cell.Id,
            DateOfBirth = new DateOnly(2000, 5, 5),
            CreatedAt = RecordedAt,
            Categories = [.. categories.Select(c => new CandidateCategory { SourceCategoryId = c.Id })],
        };
        foreach (var (kind, on, passed) in history)
        {
            candidate.History.Add(new StageEntry
            {
                Kind = kind,
                EffectiveOn = on,
                RecordedBy = "test",
                RecordedAt = RecordedAt,
                UnitId = cell.Id,
                Vote = kind == StageKind.CellVote ? new CellVote { OfficialMembers = 10, Present = 10, InFavour = passed ? 9 : 3, Passed = passed } : null,
            });
        }

        (candidate.Stage, candidate.StageSince) = StageProjection.Derive(candidate.History);
        world.Db.Candidates.Add(candidate);
        await world.Db.SaveChangesAsync();
        world.Db.ChangeTracker.Clear();
        return candidate;
    }

    /// <inheritdoc cref="CandidateAsync(World, OrgUnit, string, SourceCategory[], ValueTuple{StageKind, DateOnly, bool}[])"/>
    public static Task<Candidate> CandidateAsync(this World world, OrgUnit cell, string name, SourceCategory[] categories, params (StageKind Kind, DateOnly On)[] history) =>
        world.CandidateAsync(cell, name, categories, [.. history.Select(h => (h.Kind, h.On, true))]);

    /// <summary>Corrects the candidate's standing entry of <paramref name="kind"/> to a new date (a superseding entry).</summary>
    public static async Task CorrectAsync(this World world, Candidate candidate, StageKind kind, DateOnly on)
    {
        var old = candidate.History.Single(e => e.Kind == kind);
        world.Db.StageEntries.Add(new StageEntry
        {
            CandidateId = candidate.Id,
            Kind = kind,
            EffectiveOn = on,
            SupersedesId = old.Id,
            CorrectionReason = "Ghi nhầm ngày",
            RecordedBy = "test",
            RecordedAt = RecordedAt.AddDays(1),
        });
        await world.Db.SaveChangesAsync();
        world.Db.ChangeTracker.Clear();
    }
}
