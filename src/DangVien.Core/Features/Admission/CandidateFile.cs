using DangVien.Core.Domain;
using DangVien.Core.Features.Access;

namespace DangVien.Core.Features.Admission;

/// <summary>Everything the candidate page shows: personal data, the timeline, and what can be done next.</summary>
public sealed record CandidateFile
{
    public required int Id { get; init; }

    /// <summary>The dossier forms (1-KNĐ … 15-KNĐ): present, missing or not needed yet (<see cref="DossierChecklist"/>).</summary>
    public IReadOnlyList<DossierItem> Checklist { get; init; } = [];

    /// <summary>Send it back with every action (optimistic concurrency).</summary>
    public required uint Version { get; init; }

    public required string FullName { get; init; }

    /// <summary>Null unless <see cref="PersonalFields.BirthDate"/> is shown; <see cref="BirthYear"/> always is.</summary>
    public DateOnly? DateOfBirth { get; init; }

    public required int BirthYear { get; init; }

    public required Sex Sex { get; init; }

    /// <summary>The groups of personal data the user sees of this person (<see cref="PersonalDataPolicy"/>); the fields of the others are null.</summary>
    public required PersonalFields Shown { get; init; }

    public string? Ethnicity { get; init; }

    public string? Religion { get; init; }

    public string? HomeTown { get; init; }

    public string? Address { get; init; }

    public string? CitizenId { get; init; }

    public required GeneralEducation GeneralEducation { get; init; }

    public required string GeneralEducationLabel { get; init; }

    public string? ProfessionalQualification { get; init; }

    public string? PoliticalTheory { get; init; }

    public string? Occupation { get; init; }

    public string? Workplace { get; init; }

    public string? Phone { get; init; }

    public string? FamilyBackground { get; init; }

    /// <summary>Whether every group of personal data is shown (needed to edit it).</summary>
    public bool ShowsPersonalData => Shown == PersonalFields.All;

    /// <summary>Whether the group is shown; a hidden group's fields are null.</summary>
    public bool Shows(PersonalFields group) => Shown.Shows(group);

    /// <summary>Whether the user may record the committee's actions on this file (committee staff of its subtree).</summary>
    public bool CanWrite { get; init; }

    /// <summary>Whether the user may record the cell's own actions: votes and opinions (also the cell secretary).</summary>
    public bool CanRecordCellActions { get; init; }

    public required IReadOnlyList<CategoryItem> Categories { get; init; }

    public required UnitItem Cell { get; init; }

    /// <summary>The unit that decides admissions for the cell (nearest ancestor holding admission authority).</summary>
    public UnitItem? DecidingUnit { get; init; }

    public MemberItem? Mentor { get; init; }

    /// <summary>Set for a readmission (kết nạp lại).</summary>
    public MemberItem? FormerMember { get; init; }

    /// <summary>The member row created at the ceremony.</summary>
    public int? MemberId { get; init; }

    public required CandidateStage Stage { get; init; }

    /// <summary>The stages of this file's path, in order (<see cref="AdmissionRules.PathStages"/>).</summary>
    public IReadOnlyList<CandidateStage> Path { get; init; } = [];

    public required string StageLabel { get; init; }

    public required DateOnly StageSince { get; init; }

    /// <summary>From the ceremony on: the day the 12 months end and the member is (or will be) official.</summary>
    public DateOnly? OfficialFrom { get; init; }

    /// <summary>Every entry in the order things happened; corrected ones are kept and marked.</summary>
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    /// <summary>The introducers who stand now.</summary>
    public required IReadOnlyList<IntroducerItem> Introducers { get; init; }

    /// <summary>The cell's votes (admission and recognition), failed ones included.</summary>
    public required IReadOnlyList<VoteItem> Votes { get; init; }

    public required IReadOnlyList<NextAction> NextActions { get; init; }

    /// <summary>The corrections of the source categories and mentor (đính chính), oldest first.</summary>
    public IReadOnlyList<DetailsCorrectionItem> DetailsCorrections { get; init; } = [];

    /// <summary>Whether the user may record the action on this file: the cell's own actions need <see cref="CanRecordCellActions"/>, the others <see cref="CanWrite"/>.</summary>
    public bool MayRecord(AdmissionAction action) => AdmissionSteps.IsCellStep(action) ? CanRecordCellActions : CanWrite;
}

public sealed record CategoryItem(int Id, string Code, string Name);

/// <summary>One correction of a file's source categories and mentor: the values before and after, why, who and when.</summary>
public sealed record DetailsCorrectionItem(
    long Id, IReadOnlyList<string> CategoriesBefore, IReadOnlyList<string> CategoriesAfter, string? MentorBefore, string? MentorAfter,
    string Reason, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record UnitItem(int Id, string Name);

public sealed record MemberItem(int Id, string FullName);

public sealed record TimelineEntry
{
    public required long Id { get; init; }

    public required StageKind Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>The day the stage took effect.</summary>
    public required DateOnly EffectiveOn { get; init; }

    /// <summary>The document's date when it differs (a recognition decision).</summary>
    public DateOnly? DocumentDate { get; init; }

    public string? FormCode { get; init; }

    public string? DocumentNumber { get; init; }

    public string? Issuer { get; init; }

    public UnitItem? Unit { get; init; }

    public MemberItem? Member { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    public string? Note { get; init; }

    /// <summary>A one-line summary in Vietnamese of what the entry records (vote counts, reason, basis…).</summary>
    public string? Detail { get; init; }

    public VoteItem? Vote { get; init; }

    public required IReadOnlyList<IntroducerItem> Introducers { get; init; }

    public required string RecordedBy { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Corrected by a later entry: shown struck through, never hidden.</summary>
    public required bool IsSuperseded { get; init; }

    public long? SupersededById { get; init; }

    public long? SupersedesId { get; init; }

    public string? CorrectionReason { get; init; }
}

public sealed record IntroducerItem(int MemberId, string FullName, DateOnly KnownSince, bool IsReplacement, int? ReplacesMemberId);

/// <summary>A vote on the file; <see cref="ListedOfficialMembers"/> is the cell's list of the day (null for an imported one) and <see cref="OfficialMembersReason"/> why the vote counted otherwise.</summary>
public sealed record VoteItem(
    long EntryId, StageKind Kind, DateOnly VotedOn, int OfficialMembers, int Present, int InFavour, bool Passed, bool IsSuperseded,
    int? ListedOfficialMembers = null, string? OfficialMembersReason = null);

/// <summary>A candidate list filtered to a unit's subtree.</summary>
public sealed record CandidateListQuery
{
    public int UnitId { get; init; }

    public CandidateStage? Stage { get; init; }

    /// <summary>Part of the name (accents ignored) or the full citizen ID.</summary>
    public string? Search { get; init; }

    /// <summary>Only files given this source category.</summary>
    public int? CategoryId { get; init; }

    /// <summary>Only files with at least one history entry (corrections included) taking effect in this year.</summary>
    public int? Year { get; init; }

    /// <summary>Only files with a deadline overdue today (as <see cref="Alerts.AlertService"/> computes it).</summary>
    public bool OverdueOnly { get; init; }

    /// <summary>Files still in progress, closed ones, or both (the default here; the list page asks for live ones).</summary>
    public CandidateState State { get; init; } = CandidateState.All;

    public CandidateSort Sort { get; init; } = CandidateSort.Name;

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

/// <summary>Which files a candidate list holds by where they ended: still in progress, closed, or both.</summary>
public enum CandidateState
{
    All = 0,

    /// <summary>Still in progress: not yet an official member, removed or exited (<see cref="CandidateStageExtensions.IsInProgress"/>).</summary>
    Live = 1,

    /// <summary>Closed: official member, removed from probation, or exited.</summary>
    Closed = 2,
}

/// <summary>The orders a candidate list can be read in.</summary>
public enum CandidateSort
{
    /// <summary>Full name in Vietnamese collation (ICU vi).</summary>
    Name = 0,

    /// <summary>Stage in pipeline order.</summary>
    Stage = 1,

    /// <summary>The day the current stage began.</summary>
    StageSince = 2,
}

/// <summary>One row of the exported list: the date of birth and citizen ID null unless <see cref="Shown"/> holds them.</summary>
public sealed record CandidateExportRow(
    int Id,
    string FullName,
    DateOnly? DateOfBirth,
    int BirthYear,
    Sex Sex,
    PersonalFields Shown,
    string? CitizenId,
    string CellName,
    string Categories,
    string StageLabel,
    DateOnly StageSince);

/// <summary>A row of the candidate list: the date of birth null unless the user sees it (the year always).</summary>
public sealed record CandidateListItem(
    int Id,
    string FullName,
    DateOnly? DateOfBirth,
    int BirthYear,
    Sex Sex,
    int CellId,
    string CellName,
    CandidateStage Stage,
    string StageLabel,
    DateOnly StageSince,
    bool LastVoteFailed = false);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}
