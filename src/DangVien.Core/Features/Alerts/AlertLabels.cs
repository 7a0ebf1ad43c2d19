using DangVien.Core.Common;

namespace DangVien.Core.Features.Alerts;

/// <summary>What users read for each kind of deadline alert (<see cref="CoreText"/>).</summary>
public static class AlertLabels
{
    public static string Of(AlertKind kind) => CoreText.Find("AlertKind." + kind) ?? kind.ToString();

    public static string Of(AlertUrgency urgency) => CoreText.Get(urgency == AlertUrgency.Overdue ? "AlertUrgency.Overdue" : "AlertUrgency.Soon");
}
