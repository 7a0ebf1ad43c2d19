namespace DangVien.Core.Domain;

/// <summary>A unit's admission target for a year (chỉ tiêu kết nạp), total and per source category.</summary>
public sealed class Quota
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    public int Year { get; set; }

    public int Total { get; set; }

    /// <summary>The unit that assigned it (the parent), or null when the unit set its own.</summary>
    public int? AssignedByUnitId { get; set; }

    public string? AssignedBy { get; set; }

    public DateTimeOffset AssignedAt { get; set; }

    public uint Version { get; set; }

    public List<QuotaCategoryTarget> CategoryTargets { get; set; } = [];
}

public sealed class QuotaCategoryTarget
{
    public int QuotaId { get; set; }

    public int SourceCategoryId { get; set; }

    public SourceCategory? SourceCategory { get; set; }

    public int Target { get; set; }
}
