using System.Globalization;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Reports;

/// <summary>
/// A figure of the yearly report that opens to the list of candidates behind it: a flag of <see cref="ReportFacts"/>, a
/// funnel stage, or the admitted of a source category; or to the list of members behind it (members at the start and at
/// the end of the year). Its <see cref="Key"/> goes in links (<c>?figure=admitted</c>,
/// <c>stage-5</c>, <c>category-3</c>).
/// </summary>
public sealed record ReportFigure(string Key)
{
    private static readonly Dictionary<string, string> Simple = new(StringComparer.Ordinal)
    {
        ["admitted"] = "Đã kết nạp",
        ["youth-introduced"] = "Đoàn viên được giới thiệu trong năm",
        ["youth-admitted"] = "Đoàn viên được giới thiệu và được kết nạp trong năm",
        ["coursed"] = "Học xong lớp bồi dưỡng nhận thức về Đảng trong năm",
        ["coursed-admitted"] = "Học xong lớp bồi dưỡng nhận thức về Đảng và được kết nạp trong năm",
        ["recognised"] = "Đảng viên dự bị được công nhận chính thức",
        ["removed"] = "Đảng viên dự bị bị xóa tên",
        ["exited"] = "Dừng xem xét",
        ["carried"] = "Hồ sơ chuyển sang năm sau",
    };

    public static ReportFigure Admitted { get; } = new("admitted");

    /// <summary>The members at the start of the year (31/12 of the year before): a list of members, not candidates.</summary>
    public static ReportFigure MembersAtStart { get; } = new("members-start");

    /// <summary>The members at the end of the year (31/12 of the year).</summary>
    public static ReportFigure MembersAtEnd { get; } = new("members-end");

    /// <summary>Whether the figure counts members (<see cref="MembersAtStart"/>, <see cref="MembersAtEnd"/>) rather than candidates.</summary>
    public bool IsMembers => Key is "members-start" or "members-end";

    /// <summary>For a members figure: counted at the end of the (last) year rather than at the start of the (first) one.</summary>
    internal bool AtEnd => Key == "members-end";

    public static ReportFigure Stage(StageKind kind) => new("stage-" + ((int)kind).ToString(CultureInfo.InvariantCulture));

    public static ReportFigure Category(int categoryId) => new("category-" + categoryId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The figure named by a key from a link; null for an unknown key.</summary>
    public static ReportFigure? Parse(string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (Simple.ContainsKey(key) || key is "members-start" or "members-end")
        {
            return new ReportFigure(key);
        }

        if (key.StartsWith("stage-", StringComparison.Ordinal) && int.TryParse(key.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            && ReportFacts.FunnelFlags.Any(f => (int)f.Kind == kind))
        {
            return new ReportFigure(key);
        }

        return key.StartsWith("category-", StringComparison.Ordinal) && int.TryParse(key.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? new ReportFigure(key)
            : null;
    }

    /// <summary>The source category of a category figure.</summary>
    public int? CategoryId => Key.StartsWith("category-", StringComparison.Ordinal) ? int.Parse(Key.AsSpan(9), CultureInfo.InvariantCulture) : null;

    /// <summary>The column of <see cref="ReportFacts"/> behind the figure (for a category: the admitted).</summary>
    internal string Flag => CategoryId is not null
        ? "admitted"
        : Key.StartsWith("stage-", StringComparison.Ordinal)
            ? ReportFacts.FunnelFlags.Single(f => (int)f.Kind == int.Parse(Key.AsSpan(6), CultureInfo.InvariantCulture)).Flag
            : Key.Replace('-', '_');

    /// <summary>The figure's name as the report shows it (a category's name is added by the caller).</summary>
    public string Label =>
        Simple.TryGetValue(Key, out var label) ? label
        : Key == "members-start" ? "Đảng viên đầu năm"
        : Key == "members-end" ? "Đảng viên cuối năm"
        : Key.StartsWith("stage-", StringComparison.Ordinal) ? ReportLabels.Step((StageKind)int.Parse(Key.AsSpan(6), CultureInfo.InvariantCulture))
        : "Đã kết nạp theo đối tượng nguồn";

    /// <summary>The keys of every flag figure stored with a frozen year (categories are added per category).</summary>
    internal static IEnumerable<ReportFigure> FlagFigures =>
        Simple.Keys.Select(k => new ReportFigure(k)).Concat(ReportFacts.FunnelFlags.Select(f => Stage(f.Kind)));
}

/// <summary>What the report calls each stage of its funnel (shared by the page and the exports).</summary>
public static class ReportLabels
{
    public static string Step(StageKind kind) => kind switch
    {
        StageKind.Source => "Được đưa vào danh sách quần chúng ưu tú",
        StageKind.AwarenessCourse => "Học xong lớp bồi dưỡng nhận thức về Đảng",
        StageKind.Application => "Làm đơn xin vào Đảng, lý lịch",
        StageKind.HistoryVerification => "Được thẩm tra, chứng nhận lý lịch",
        StageKind.Introduction => "Được giới thiệu",
        StageKind.Opinion => "Có ý kiến nhận xét của đoàn thể, nơi cư trú",
        StageKind.CellVote => "Được chi bộ biểu quyết đề nghị kết nạp",
        StageKind.CommitteeResolution => "Có nghị quyết của đảng ủy cơ sở",
        StageKind.AdmissionDecision => "Có quyết định kết nạp",
        StageKind.Ceremony => "Được tổ chức lễ kết nạp",
        _ => kind.ToString(),
    };
}
