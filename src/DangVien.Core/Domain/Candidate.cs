namespace DangVien.Core.Domain;

public enum Sex
{
    Male = 0,
    Female = 1,
}

/// <summary>General education (trình độ giáo dục phổ thông).</summary>
public enum GeneralEducation
{
    /// <summary>Biết đọc, biết viết (literacy only).</summary>
    Literate = 0,

    /// <summary>Tiểu học.</summary>
    Primary = 1,

    /// <summary>Trung học cơ sở (THCS).</summary>
    LowerSecondary = 2,

    /// <summary>Trung học phổ thông (THPT).</summary>
    UpperSecondary = 3,
}

/// <summary>
/// A person being considered for admission (quần chúng ưu tú / người vào Đảng). Their path is the
/// append-only <see cref="History"/>; <see cref="Stage"/> is a projection of it, recomputed by the
/// service layer in the same transaction as every history entry.
/// </summary>
public sealed class Candidate
{
    public int Id { get; set; }

    public required string FullName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public Sex Sex { get; set; }

    public string Ethnicity { get; set; } = "Kinh";

    public string? Religion { get; set; }

    public string? HomeTown { get; set; }

    public string? Address { get; set; }

    /// <summary>Số CCCD, 12 digits. Personal data: masked unless the user's role needs it.</summary>
    public string? CitizenId { get; set; }

    public GeneralEducation GeneralEducation { get; set; } = GeneralEducation.UpperSecondary;

    /// <summary>Trình độ chuyên môn (e.g. "Đại học", "Cao đẳng").</summary>
    public string? ProfessionalQualification { get; set; }

    /// <summary>Trình độ lý luận chính trị (e.g. "Sơ cấp").</summary>
    public string? PoliticalTheory { get; set; }

    public string? Occupation { get; set; }

    public string? Workplace { get; set; }

    public string? Phone { get; set; }

    /// <summary>Family background (thành phần gia đình, quan hệ). Personal data.</summary>
    public string? FamilyBackground { get; set; }

    /// <summary>The cell that nurtures the candidate now. Transfers are in the history.</summary>
    public int CellId { get; set; }

    public OrgUnit? Cell { get; set; }

    /// <summary>The official member who follows and helps the candidate.</summary>
    public int? MentorMemberId { get; set; }

    public Member? Mentor { get; set; }

    /// <summary>Set when this file is a readmission (kết nạp lại) of a former member.</summary>
    public int? FormerMemberId { get; set; }

    /// <summary>Projection of the history: the furthest stage reached (or the exit).</summary>
    public CandidateStage Stage { get; set; }

    /// <summary>Effective date of the entry that set <see cref="Stage"/>.</summary>
    public DateOnly StageSince { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>PostgreSQL xmin: optimistic concurrency.</summary>
    public uint Version { get; set; }

    public List<CandidateCategory> Categories { get; set; } = [];

    public List<StageEntry> History { get; set; } = [];
}

/// <summary>A source category (đối tượng nguồn) that applies to a candidate. Several may apply.</summary>
public sealed class CandidateCategory
{
    public int CandidateId { get; set; }

    public int SourceCategoryId { get; set; }

    public SourceCategory? SourceCategory { get; set; }
}

/// <summary>
/// Source categories are data that belong to the province: added, renamed and retired on <c>/categories</c>. A retired
/// category stays on the files and in the reports that name it; it is not offered for new candidates.
/// </summary>
public sealed class SourceCategory
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>PostgreSQL xmin: optimistic concurrency.</summary>
    public uint Version { get; set; }
}

/// <summary>
/// A correction of a candidate's source categories and mentor after the file was opened (đính chính đối tượng nguồn,
/// người giúp đỡ): append-only, with the values before and after, the reason, who and when. The candidate's
/// categories and mentor are the values after the latest one.
/// </summary>
public sealed class CandidateDetailsCorrection
{
    public long Id { get; set; }

    public int CandidateId { get; set; }

    public int[] CategoryIdsBefore { get; set; } = [];

    public int[] CategoryIdsAfter { get; set; } = [];

    public int? MentorBefore { get; set; }

    public int? MentorAfter { get; set; }

    public required string Reason { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
