namespace DangVien.Core.Domain;

/// <summary>
/// A frozen yearly report (báo cáo đã chốt): the figures of a unit's closed year as they were submitted, with the
/// candidates behind each figure, so they never change afterwards. Written once; the report is then served from it.
/// </summary>
public sealed class ReportSnapshot
{
    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public int Year { get; set; }

    /// <summary>The report as JSON (jsonb).</summary>
    public required string Report { get; set; }

    /// <summary>The candidate ids behind each figure, keyed by the figure's key (jsonb).</summary>
    public required string Lists { get; set; }

    public required string FrozenBy { get; set; }

    public DateTimeOffset FrozenAt { get; set; }
}
