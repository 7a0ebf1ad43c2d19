namespace DangVien.Core.Domain;

/// <summary>What a history entry records.</summary>
public enum StageKind
{
    Source = 1,
    AwarenessCourse = 2,
    Application = 3,
    HistoryVerification = 4,
    Introduction = 5,
    IntroducerReplacement = 6,
    Opinion = 7,
    EligibilityException = 8,
    CellVote = 9,
    CommitteeResolution = 10,
    AdmissionDecision = 11,
    DecisionExtension = 12,
    LateCeremonyConsent = 13,
    Ceremony = 14,
    NewMemberCourse = 15,
    RecognitionVote = 16,
    RecognitionDecision = 17,
    ReferredToSuperior = 18,
    Removal = 19,
    Exit = 20,
    Transfer = 21,
    IntroductionRenewal = 22,
    ReadmissionConsent = 23,
}

/// <summary>How the candidate is introduced (giới thiệu).</summary>
public enum IntroductionBasis
{
    /// <summary>Two official members (3-KNĐ).</summary>
    TwoMembers = 0,

    /// <summary>A Youth Union resolution (4-KNĐ) plus one official member.</summary>
    YouthUnion = 1,

    /// <summary>A grassroots Trade Union resolution plus one official member.</summary>
    TradeUnion = 2,
}

/// <summary>Why a candidate left the pipeline before admission.</summary>
public enum ExitReason
{
    Withdrew = 0,
    MovedAway = 1,
    Ineligible = 2,
    NurturingStopped = 3,
}

/// <summary>Exceptions to the age or education rule that need a recorded consent.</summary>
public enum EligibilityExceptionKind
{
    /// <summary>Over 60: consent of a committee directly under the Centre.</summary>
    OverSixty = 0,

    /// <summary>Primary school in mountain, border, island, ethnic-minority or especially disadvantaged areas.</summary>
    PrimaryEducationArea = 1,

    /// <summary>Literacy only, for village elders and heads, with written consent.</summary>
    LiteracyVillageElder = 2,
}

/// <summary>Who voted on what: the cell's admission vote (6-KNĐ) or its recognition vote (13-KNĐ).</summary>
public sealed class CellVote
{
    public long StageEntryId { get; set; }

    /// <summary>Official members of the cell on the day of the vote (the base of the two thirds).</summary>
    public int OfficialMembers { get; set; }

    public int Present { get; set; }

    public int InFavour { get; set; }

    public bool Passed { get; set; }

    /// <summary>Official members of the cell on the day by the member list (null when not computed: imported histories).</summary>
    public int? ListedOfficialMembers { get; set; }

    /// <summary>Why <see cref="OfficialMembers"/> differs from the member list of the day; required then, and shown beside the vote.</summary>
    public string? OfficialMembersReason { get; set; }
}

/// <summary>An official member who introduces the candidate (3-KNĐ).</summary>
public sealed class Introducer
{
    public long Id { get; set; }

    public long StageEntryId { get; set; }

    public int MemberId { get; set; }

    public Member? Member { get; set; }

    /// <summary>Since when the introducer has worked, studied or lived with the candidate in the same unit.</summary>
    public DateOnly KnownSince { get; set; }

    /// <summary>A replacement introducer (transfer, discipline) need not meet the 12 months.</summary>
    public bool IsReplacement { get; set; }

    public int? ReplacesMemberId { get; set; }
}

/// <summary>
/// One append-only entry of a candidate's history. Never updated or deleted: a correction is a new
/// entry whose <see cref="SupersedesId"/> names the entry it replaces, and the old one stays visible.
/// </summary>
public sealed class StageEntry
{
    public long Id { get; set; }

    public int CandidateId { get; set; }

    public StageKind Kind { get; set; }

    /// <summary>The date the stage took effect (the document's date).</summary>
    public DateOnly EffectiveOn { get; set; }

    /// <summary>The dossier form, e.g. "6-KNĐ".</summary>
    public string? FormCode { get; set; }

    /// <summary>The document's number, e.g. "15-NQ/CB".</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>Who issued it: the training centre, the deciding committee, the organisation giving an opinion.</summary>
    public string? Issuer { get; set; }

    /// <summary>The unit involved: the cell of the candidate at the time, the deciding unit, or the target cell of a transfer.</summary>
    public int? UnitId { get; set; }

    /// <summary>The member involved: the mentor assigned at the source or the ceremony.</summary>
    public int? MemberId { get; set; }

    /// <summary>
    /// The document's own date when the stage takes effect on another day: a recognition decision
    /// is signed on this day but takes effect (<see cref="EffectiveOn"/>) when the 12 months end.
    /// </summary>
    public DateOnly? DocumentDate { get; set; }

    /// <summary>For a decision: the day it reached the cell (starts the ceremony deadline).</summary>
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>Working days of an extension.</summary>
    public int? ExtensionWorkingDays { get; set; }

    public IntroductionBasis? IntroductionBasis { get; set; }

    public ExitReason? ExitReason { get; set; }

    public EligibilityExceptionKind? ExceptionKind { get; set; }

    /// <summary>The reason of an exit, an extension, a removal, a correction.</summary>
    public string? Note { get; set; }

    /// <summary>Why this entry corrects <see cref="SupersedesId"/> (đính chính).</summary>
    public string? CorrectionReason { get; set; }

    /// <summary>The entry this one corrects.</summary>
    public long? SupersedesId { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public CellVote? Vote { get; set; }

    public List<Introducer> Introducers { get; set; } = [];
}
