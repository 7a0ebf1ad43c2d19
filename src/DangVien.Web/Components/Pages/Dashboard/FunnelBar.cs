namespace DangVien.Web.Components.Pages.Dashboard;

/// <summary>
/// One bar of <see cref="StageFunnel"/>: the stage's name, its people, whether they are members already, the share of the
/// stage before that reached it (from Core's conversion, null for the first) and the list of the people behind it.
/// </summary>
public sealed record FunnelBar(string Label, int Count, bool IsMember, double? FromPrevious, string? Href);
