using DangVien.Core.Domain;

namespace DangVien.Core.Demo;

/// <summary>What kind of organisation a cell is: decides who its candidates are.</summary>
internal enum CellType
{
    Village,
    ResidentialGroup,
    HighSchool,
    School,
    HealthStation,
    Military,
    Police,
    CompanyCell,
    HospitalCell,
    CollegeCell,
    AgencyCell,
}

/// <summary>Where a candidate's workplace comes from.</summary>
internal enum WorkplaceKind
{
    None,
    CellOrganisation,
    OtherCompany,
    OwnBusiness,
    CommuneMilitary,
}

/// <summary>A kind of candidate: occupation, age at the source stage, categories.</summary>
internal sealed record Profile(
    string Occupation,
    int MinAge,
    int MaxAge,
    int FemalePercent,
    string[] Categories,
    WorkplaceKind Workplace = WorkplaceKind.None,
    bool Professional = false,
    bool InSchool = false);

internal sealed class CommuneInfo
{
    public required string Name { get; init; }

    /// <summary>"xã Tân Lập" or "phường Minh Xuân".</summary>
    public required string Label { get; init; }

    public bool IsWard { get; init; }

    public required string FormerDistrict { get; init; }

    public List<string> Villages { get; } = [];

    public UnitInfo? Unit { get; set; }
}

/// <summary>A generated unit with what the generator needs to know about it.</summary>
internal sealed class UnitInfo
{
    public required OrgUnit Unit { get; init; }

    public UnitInfo? Parent { get; init; }

    /// <summary>The body that signs for the unit ("Đảng ủy xã Tân Lập", "Tỉnh ủy Tuyên Quang").</summary>
    public required string CommitteeName { get; init; }

    public CommuneInfo? Commune { get; init; }

    public CellType Type { get; init; }

    /// <summary>The organisation the cell belongs to (the candidates' workplace), if any.</summary>
    public string? Organisation { get; init; }

    /// <summary>The village or residential group of a village cell.</summary>
    public string? Village { get; init; }

    /// <summary>A college cell of pupils and students rather than staff.</summary>
    public bool StudentCell { get; init; }

    public double MemberWeight { get; set; }

    public List<RosterEntry> Roster { get; } = [];

    public List<CandidatePlan> Plans { get; } = [];
}

/// <summary>A member of a cell and the day from which they may introduce, mentor and help.</summary>
internal sealed class RosterEntry(Member member, DateOnly? introduceFrom)
{
    public Member Member { get; } = member;

    /// <summary>The day the recognition decision was known (official, and known to be).</summary>
    public DateOnly? IntroduceFrom { get; } = introduceFrom;

    public bool CanIntroduceOn(DateOnly day) => IntroduceFrom is { } from && from <= day && Member.IsOfficialOn(day);
}

/// <summary>One step of a candidate's planned path, before it becomes a history entry.</summary>
internal sealed class PlannedStep
{
    public StageKind Kind { get; init; }

    /// <summary>The effective date.</summary>
    public DateOnly On { get; set; }

    /// <summary>The day the step is known (the decision's date for a recognition effective earlier).</summary>
    public DateOnly Known { get; set; }

    public bool Passed { get; init; }

    public ExitReason? ExitReason { get; init; }

    public string? Note { get; init; }

    public DateOnly? ReceivedOn { get; set; }

    public string? FormCode { get; init; }
}

/// <summary>A candidate being generated: the person, the cell and the planned path.</summary>
internal sealed class CandidatePlan
{
    public required UnitInfo Cell { get; init; }

    public required Profile Profile { get; init; }

    public int Order { get; init; }

    public Sex Sex { get; set; }

    public required string Ethnicity { get; set; }

    public bool NeedsEducationException { get; set; }

    public bool CorrectsApplication { get; set; }

    public List<PlannedStep> Steps { get; } = [];

    public Candidate? Candidate { get; set; }

    public Member? AdmittedMember { get; set; }

    public DateOnly Source => Steps[0].On;

    public PlannedStep? Find(StageKind kind) => Steps.Find(s => s.Kind == kind);
}
