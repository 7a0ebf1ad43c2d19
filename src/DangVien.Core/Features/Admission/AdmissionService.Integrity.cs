using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Admission;

/// <summary>A rule that a stored history breaks, as <see cref="AdmissionRules.CheckTimeline"/> words it.</summary>
public sealed record TimelineProblem(int CandidateId, string Message);

public sealed partial class AdmissionService
{
    /// <summary>
    /// Runs <see cref="AdmissionRules.CheckTimeline"/> over every file the user may read, a batch of files at a time: what a
    /// generated or imported history breaks, which no form would have let through.
    /// </summary>
    internal async Task<IReadOnlyList<TimelineProblem>> CheckTimelinesAsync(int batchSize = 500, CancellationToken cancellationToken = default)
    {
        var scope = await access.GetScopeAsync(cancellationToken);
        var problems = new List<TimelineProblem>();
        var after = 0;
        while (true)
        {
            var batch = await scope.Candidates(db.Candidates.AsNoTracking())
                .Where(c => c.Id > after)
                .OrderBy(c => c.Id)
                .Take(batchSize)
                .Include(c => c.History).ThenInclude(e => e.Vote)
                .Include(c => c.History).ThenInclude(e => e.Introducers)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return problems;
            }

            foreach (var candidate in batch)
            {
                var facts = await FactsAsync(candidate, cancellationToken);
                var context = await ContextAsync(candidate.CellId, cancellationToken);
                problems.AddRange(AdmissionRules.CheckTimeline(facts, facts.History, context).Select(m => new TimelineProblem(candidate.Id, m)));
            }

            after = batch[^1].Id;
        }
    }
}
