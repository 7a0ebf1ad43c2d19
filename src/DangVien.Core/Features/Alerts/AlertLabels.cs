namespace DangVien.Core.Features.Alerts;

/// <summary>What users read for each kind of deadline alert.</summary>
public static class AlertLabels
{
    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.CertificateExpiring => "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng sắp hết hạn",
        AlertKind.DossierStale => "Hồ sơ sắp quá hạn, phải làm lại giấy giới thiệu",
        AlertKind.AdmissionDecisionDue => "Hạn ra quyết định kết nạp",
        AlertKind.CeremonyDue => "Hạn tổ chức lễ kết nạp",
        AlertKind.ProbationEnding => "Sắp hết thời gian dự bị",
        AlertKind.RecognitionVoteDue => "Hạn chi bộ xét công nhận đảng viên chính thức",
        AlertKind.RecognitionDecisionDue => "Hạn quyết định công nhận đảng viên chính thức",
        _ => kind.ToString(),
    };

    public static string Of(AlertUrgency urgency) => urgency == AlertUrgency.Overdue ? "Quá hạn" : "Sắp đến hạn";
}
