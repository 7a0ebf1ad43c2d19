using System.Linq.Expressions;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Quotas;

/// <summary>
/// The counting conventions of the yearly targets, as query pieces that run inside the caller's SQL. Shared by
/// <see cref="QuotaService"/> and <see cref="Reports.YearlyReportService"/> so both count the same way.
/// </summary>
internal static class AdmissionCounting
{
    /// <summary>Which date counts an admission, as the rule parameter reads for the unit.</summary>
    public static async Task<AdmissionCountingBasis> BasisAsync(RuleParameterReader parameters, int unitId, CancellationToken cancellationToken) =>
        QuotaMath.BasisOf(await parameters.GetAsync(RuleKeys.AdmissionCountingDate, unitId, cancellationToken));

    /// <summary>History entries that stand: no correction supersedes them.</summary>
    public static IQueryable<StageEntry> Standing(DangVienDbContext db) =>
        db.StageEntries.AsNoTracking().Where(e => !db.StageEntries.Any(s => s.SupersedesId == e.Id));

    /// <summary>Standing history entries of a kind dated between two days (both included).</summary>
    public static IQueryable<StageEntry> StandingEntries(DangVienDbContext db, StageKind kind, DateOnly first, DateOnly last) =>
        Standing(db).Where(e => e.Kind == kind && e.EffectiveOn >= first && e.EffectiveOn <= last);

    /// <summary>The candidates admitted in a year on the given basis (a subquery, run inside the caller's query).</summary>
    public static IQueryable<int> AdmittedCandidateIds(DangVienDbContext db, AdmissionCountingBasis basis, int year) =>
        StandingEntries(db, QuotaMath.CountedKind(basis), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Select(e => e.CandidateId);

}
