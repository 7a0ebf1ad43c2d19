using DangVien.Core.Domain;

namespace DangVien.Core.Features.Units;

/// <summary>A unit with the figures shown in the tree: members and candidates of its subtree, this year's quota.</summary>
public sealed record UnitOverview(
    int Id,
    string Code,
    string Name,
    OrgUnitKind Kind,
    int Members,
    int CandidatesInProgress,
    int? Quota,
    int? ChildrenQuotaSum,
    int ChildCount);

public sealed record UnitCrumb(int Id, string Name);

/// <summary>A candidate on a unit's page: the date of birth null unless the user sees it (<see cref="Access.PersonalDataPolicy"/>).</summary>
public sealed record CandidateSummary(int Id, string FullName, DateOnly? DateOfBirth, int BirthYear, string CellName, CandidateStage Stage, DateOnly StageSince);

public sealed record StageGroup(CandidateStage Stage, int Count, IReadOnlyList<CandidateSummary> Candidates);

public sealed record UnitDetails(
    UnitOverview Unit,
    IReadOnlyList<UnitCrumb> Ancestors,
    IReadOnlyList<UnitOverview> Children,
    IReadOnlyList<StageGroup> Stages,
    int Year);
