using DangVien.Core.Domain;
using DangVien.Core.Features.Calendar;

namespace DangVien.Core.Features.Admission;

/// <summary>Every action on a candidate file, for the stage order and the "what can be done next" list.</summary>
public enum AdmissionAction
{
    RecordAwarenessCourse,
    RecordApplication,
    RecordHistoryVerification,
    RecordIntroduction,
    ReplaceIntroducer,
    RenewIntroduction,
    RecordOpinion,
    RecordEligibilityException,
    RecordCellVote,
    RecordCommitteeResolution,
    RecordReadmissionConsent,
    ExtendDecision,
    RecordAdmissionDecision,
    RecordLateCeremonyConsent,
    RecordCeremony,
    RecordNewMemberCourse,
    RecordRecognitionVote,
    RecordRecognitionDecision,
    ReferToSuperior,
    RemoveFromList,
    RecordExit,
    Transfer,
    CorrectEntry,
}

/// <summary>The configurable parameters (<see cref="RuleKeys"/>) as they apply to one cell.</summary>
public sealed record AdmissionParameters(int CertificateValidityMonths, int DossierRenewalMonths)
{
    public static AdmissionParameters Default { get; } = new(
        RuleKeys.DefaultOf(RuleKeys.CertificateValidityMonths),
        RuleKeys.DefaultOf(RuleKeys.DossierRenewalMonths));
}

/// <summary>What every rule may read besides the file: today (Vietnam), the working days, the parameters.</summary>
public sealed record RuleContext(DateOnly Today, WorkingDayCalendar Calendar, AdmissionParameters Parameters);

/// <summary>A cell, with what the rules need of its place in the tree.</summary>
public sealed record CellFacts(
    int Id,
    string Name,
    OrgUnitKind Kind,
    int? ParentId,
    OrgUnitKind? ParentKind,
    DateOnly? ValidTo,
    int? DecidingUnitId,
    string? DecidingUnitName)
{
    /// <summary>A cell under a grassroots committee (chi bộ trực thuộc đảng ủy cơ sở) needs that committee's resolution (8-KNĐ).</summary>
    public bool NeedsCommitteeResolution => Kind == OrgUnitKind.Cell && ParentKind == OrgUnitKind.GrassrootsCommittee;
}

/// <summary>The former member of a readmission file.</summary>
public sealed record FormerMemberFacts(
    int MemberId,
    string FullName,
    MemberStatus Status,
    DateOnly? LeftOn,
    bool HadCriminalConviction,
    bool BarredFromReadmission,
    bool WasReadmittedBefore);

/// <summary>
/// Who already holds a citizen ID: a file under review or a member. <see cref="FullName"/> and <see cref="UnitName"/>
/// are given only when the user may read their cell (<see cref="Unseen"/> otherwise).
/// </summary>
public sealed record CitizenIdHolder(string? FullName, string? UnitName)
{
    public static CitizenIdHolder Unseen { get; } = new(null, null);

    public bool IsVisible => FullName is not null;

    public string Describe() => UnitName is null ? $"{FullName}" : $"{FullName}, {UnitName}";
}

/// <summary>A member as the rules see them (introducer, mentor, helper), with the parent of their cell for "the same unit".</summary>
public sealed record MemberFacts(Member Member, int? CellParentId)
{
    public int Id => Member.Id;

    public string Name => Member.FullName;

    public bool IsOfficialOn(DateOnly day) => Member.IsOfficialOn(day);
}

/// <summary>One candidate file as the rules see it.</summary>
public sealed record CandidateFacts(
    int Id,
    string FullName,
    DateOnly DateOfBirth,
    GeneralEducation Education,
    string? CitizenId,
    CellFacts Cell,
    FormerMemberFacts? FormerMember,
    CandidateHistory History)
{
    public CandidateStage Stage => History.Stage.Stage;

    public bool IsReadmission => FormerMember is not null;
}
