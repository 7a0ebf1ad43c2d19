using DangVien.Core.Domain;

namespace DangVien.Core.Data.Reference;

/// <summary>The province-wide defaults of the rules DOMAIN.md marks configurable.</summary>
public static class DefaultRuleParameters
{
    public static IReadOnlyList<(string Key, int Value, string Description)> All { get; } =
    [
        (RuleKeys.CertificateValidityMonths, 60, "Số tháng giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng còn giá trị khi chi bộ xét kết nạp"),
        (RuleKeys.DossierRenewalMonths, 12, "Số tháng tối đa từ khi hoàn thành hồ sơ đến khi chi bộ xét; quá hạn phải làm lại giấy giới thiệu và nghị quyết giới thiệu của đoàn thể"),
        (RuleKeys.AdmissionCountingDate, 0, "Ngày tính số kết nạp trong năm: 0 = ngày quyết định kết nạp, 1 = ngày lễ kết nạp"),
    ];
}
