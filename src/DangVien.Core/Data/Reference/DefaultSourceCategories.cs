using DangVien.Core.Common;

namespace DangVien.Core.Data.Reference;

/// <summary>
/// The sixteen source categories (đối tượng nguồn) of DOMAIN.md and "Khác" (other), as data with stable codes. Provinces
/// add their own rows; these codes are what the generator and reports refer to.
/// </summary>
public static class DefaultSourceCategories
{
    public const string YouthUnion = "doan-vien";
    public const string HighSchoolPupil = "hoc-sinh-thpt";
    public const string Student = "sinh-vien";
    public const string PrivateEnterpriseWorker = "cong-nhan-dn-ngoai-nha-nuoc";
    public const string PrivateBusinessOwner = "chu-doanh-nghiep-tu-nhan";
    public const string Farmer = "nong-dan";
    public const string VillageHead = "truong-pho-thon-to-dan-pho";
    public const string MassOrganisationHead = "nguoi-dung-dau-doan-the";
    public const string Militia = "dan-quan-tu-ve";
    public const string DemobilisedSoldier = "quan-nhan-xuat-ngu";
    public const string RevolutionaryMeritFamily = "gia-dinh-co-cong";
    public const string TeacherOrHealthWorker = "giao-duc-y-te";
    public const string FreeLabourer = "lao-dong-tu-do";
    public const string EthnicMinority = "dan-toc-thieu-so";
    public const string Woman = "nu";
    public const string ReligiousFollower = "ton-giao";

    /// <summary>Khác: none of the others applies (a civil servant over 30 outside the Youth Union), so nobody is mislabelled.</summary>
    public const string Other = "khac";

    /// <summary>Code and Vietnamese name, in display order.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
    [
        (YouthUnion, "Đoàn viên thanh niên"),
        (HighSchoolPupil, "Học sinh trung học phổ thông"),
        (Student, "Sinh viên"),
        (PrivateEnterpriseWorker, "Công nhân doanh nghiệp ngoài nhà nước"),
        (PrivateBusinessOwner, "Chủ doanh nghiệp tư nhân"),
        (Farmer, "Nông dân, người sản xuất"),
        (VillageHead, "Trưởng, phó thôn, tổ dân phố"),
        (MassOrganisationHead, "Người đứng đầu tổ chức đoàn thể ở cơ sở"),
        (Militia, "Dân quân tự vệ"),
        (DemobilisedSoldier, "Quân nhân hoàn thành nghĩa vụ quân sự"),
        (RevolutionaryMeritFamily, "Con em gia đình có công với cách mạng"),
        (TeacherOrHealthWorker, "Giáo viên, nhân viên y tế"),
        (FreeLabourer, "Lao động tự do"),
        (EthnicMinority, "Người dân tộc thiểu số"),
        (Woman, "Nữ"),
        (ReligiousFollower, "Người theo tôn giáo"),
        (Other, "Khác"),
    ];

    /// <summary>
    /// The name a category is shown under: a built-in category that still has its default name reads in the
    /// interface's language (<see cref="CoreText"/>); a category a province added or renamed keeps its own name.
    /// </summary>
    public static string Shown(string? code, string name) =>
        code is not null && CoreText.IsEnglish && All.Any(c => c.Code == code && c.Name == name)
            ? CoreText.Find("Category." + code) ?? name
            : name;
}
