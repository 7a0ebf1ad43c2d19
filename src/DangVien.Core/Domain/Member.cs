namespace DangVien.Core.Domain;

public enum MemberStatus
{
    /// <summary>Đảng viên dự bị: cannot introduce or mentor.</summary>
    Probationary = 0,

    /// <summary>Đảng viên chính thức.</summary>
    Official = 1,

    /// <summary>Xóa tên: not recognised after probation.</summary>
    Removed = 2,

    /// <summary>Left the Party (expelled, resigned, deceased, moved out of the province).</summary>
    Left = 3,
}

/// <summary>A party member (đảng viên) of a cell.</summary>
public sealed class Member
{
    public int Id { get; set; }

    public required string FullName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public Sex Sex { get; set; }

    /// <summary>Số CCCD, 12 digits. Personal data.</summary>
    public string? CitizenId { get; set; }

    public int CellId { get; set; }

    public OrgUnit? Cell { get; set; }

    public MemberStatus Status { get; set; }

    /// <summary>The date of joining: the admission ceremony.</summary>
    public DateOnly AdmittedOn { get; set; }

    /// <summary>The day the 12 months of probation ended, when recognised.</summary>
    public DateOnly? RecognisedOn { get; set; }

    /// <summary>Removed or left on this day.</summary>
    public DateOnly? LeftOn { get; set; }

    public string? LeftReason { get; set; }

    /// <summary>Left for corruption, serious crime, abandoning party activity or causing disunity: never readmitted.</summary>
    public bool BarredFromReadmission { get; set; }

    /// <summary>
    /// Had a criminal conviction, since cleared (đã bị án hình sự, đã được xóa án tích): readmission
    /// then waits 60 months after leaving instead of 36.
    /// </summary>
    public bool HadCriminalConviction { get; set; }

    /// <summary>The candidate file this member came from, when admitted through DangVien.</summary>
    public int? CandidateId { get; set; }

    /// <summary>The cells the member stood in over time (<see cref="MemberPlacement"/>); empty for one never moved since the history began.</summary>
    public List<MemberPlacement> Placements { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>Whether the member was an official member on the given day (<see cref="MemberStanding"/>).</summary>
    public bool IsOfficialOn(DateOnly day) => MemberStanding.IsOfficialOn(this, day);

    /// <summary>Whether the member belonged to the Party (probationary or official) on the given day (<see cref="MemberStanding"/>).</summary>
    public bool IsMemberOn(DateOnly day) => MemberStanding.IsMemberOn(this, day);
}

/// <summary>
/// A span of days during which a member belonged to a cell: from <see cref="ValidFrom"/> to <see cref="ValidTo"/>, both
/// inclusive (null: still there). Written on every move (a probationary member's transfer, a cell merged into another), so
/// that reports of past years count the member in the cell they stood in then (<see cref="MemberStanding.CellOn"/>).
/// </summary>
public sealed class MemberPlacement
{
    public long Id { get; set; }

    public int MemberId { get; set; }

    public int CellId { get; set; }

    public DateOnly ValidFrom { get; set; }

    /// <summary>The last day in the cell; null while the member is still there.</summary>
    public DateOnly? ValidTo { get; set; }
}
