using DangVien.Core.Domain;

namespace DangVien.Core.Demo;

/// <summary>
/// A generated province held in memory, every id assigned, ready to be copied into the database in
/// this order (foreign keys): units, placements, members, candidates, history, quotas.
/// </summary>
internal sealed class ProvinceData
{
    public List<OrgUnit> Units { get; } = [];

    public List<OrgUnitPlacement> Placements { get; } = [];

    /// <summary>Members by id. Those admitted through a candidate file carry its <see cref="Member.CandidateId"/>.</summary>
    public List<Member> Members { get; } = [];

    /// <summary>Candidates by id, each with its categories and its history (entries with votes and introducers).</summary>
    public List<Candidate> Candidates { get; } = [];

    /// <summary>All history entries by id (the same objects as in the candidates' histories).</summary>
    public List<StageEntry> Entries { get; } = [];

    public List<Quota> Quotas { get; } = [];
}
