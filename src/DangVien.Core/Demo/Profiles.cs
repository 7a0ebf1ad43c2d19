using DangVien.Core.Data.Reference;

using static DangVien.Core.Data.Reference.DefaultSourceCategories;

namespace DangVien.Core.Demo;

/// <summary>Who the candidates of each kind of cell are, with weights.</summary>
internal static class Profiles
{
    private static readonly (Profile Profile, int Weight)[] VillageProfiles =
    [
        (new("Nông dân", 22, 45, 40, [Farmer]), 30),
        (new("Lao động tự do", 20, 40, 40, [FreeLabourer]), 16),
        (new("Dân quân thường trực", 19, 30, 10, [Militia], WorkplaceKind.CommuneMilitary), 10),
        (new("Quân nhân xuất ngũ", 21, 25, 0, [DemobilisedSoldier]), 10),
        (new("Trưởng thôn", 28, 50, 20, [VillageHead]), 5),
        (new("Phó trưởng thôn", 26, 45, 30, [VillageHead]), 4),
        (new("Bí thư Chi đoàn thôn", 20, 29, 40, [MassOrganisationHead]), 5),
        (new("Chi hội trưởng Hội Phụ nữ thôn", 25, 45, 100, [MassOrganisationHead]), 3),
        (new("Chủ doanh nghiệp tư nhân", 28, 48, 30, [PrivateBusinessOwner], WorkplaceKind.OwnBusiness), 6),
        (new("Công nhân", 20, 35, 50, [PrivateEnterpriseWorker], WorkplaceKind.OtherCompany), 11),
    ];

    private static readonly (Profile Profile, int Weight)[] ResidentialGroupProfiles =
    [
        (new("Kinh doanh tự do", 22, 45, 50, [FreeLabourer]), 25),
        (new("Lao động tự do", 20, 40, 40, [FreeLabourer]), 15),
        (new("Tổ trưởng tổ dân phố", 30, 50, 30, [VillageHead]), 6),
        (new("Quân nhân xuất ngũ", 21, 25, 0, [DemobilisedSoldier]), 10),
        (new("Dân quân tự vệ", 19, 30, 15, [Militia], WorkplaceKind.CommuneMilitary), 8),
        (new("Chủ doanh nghiệp tư nhân", 28, 48, 35, [PrivateBusinessOwner], WorkplaceKind.OwnBusiness), 10),
        (new("Công nhân", 20, 35, 50, [PrivateEnterpriseWorker], WorkplaceKind.OtherCompany), 20),
        (new("Bí thư Chi đoàn tổ dân phố", 20, 29, 45, [MassOrganisationHead]), 6),
    ];

    private static readonly (Profile Profile, int Weight)[] HighSchoolProfiles =
    [
        (new("Học sinh", 17, 17, 58, [HighSchoolPupil, YouthUnion], WorkplaceKind.CellOrganisation, InSchool: true), 75),
        (new("Giáo viên", 23, 38, 70, [TeacherOrHealthWorker], WorkplaceKind.CellOrganisation, Professional: true), 25),
    ];

    private static readonly (Profile Profile, int Weight)[] SchoolProfiles =
    [
        (new("Giáo viên", 22, 40, 75, [TeacherOrHealthWorker], WorkplaceKind.CellOrganisation, Professional: true), 88),
        (new("Nhân viên", 22, 40, 70, [], WorkplaceKind.CellOrganisation, Professional: true), 12),
    ];

    private static readonly (Profile Profile, int Weight)[] HealthProfiles =
    [
        (new("Y sĩ", 22, 38, 55, [TeacherOrHealthWorker], WorkplaceKind.CellOrganisation, Professional: true), 35),
        (new("Điều dưỡng", 22, 35, 80, [TeacherOrHealthWorker], WorkplaceKind.CellOrganisation, Professional: true), 30),
        (new("Nữ hộ sinh", 22, 35, 100, [TeacherOrHealthWorker], WorkplaceKind.CellOrganisation, Professional: true), 15),
        (new("Dược sĩ", 23, 38, 65, [TeacherOrHealthWorker], WorkplaceKind.CellOrganisation, Professional: true), 20),
    ];

    private static readonly (Profile Profile, int Weight)[] HospitalProfiles =
    [
        (new("Bác sĩ", 25, 40, 50, [TeacherOrHealthWorker], WorkplaceKind.CellOrganisation, Professional: true), 40),
        (new("Điều dưỡng", 22, 35, 80, [TeacherOrHealthWorker], WorkplaceKind.CellOrganisation, Professional: true), 40),
        (new("Kỹ thuật viên xét nghiệm", 22, 35, 60, [TeacherOrHealthWorker], WorkplaceKind.CellOrganisation, Professional: true), 20),
    ];

    private static readonly (Profile Profile, int Weight)[] MilitaryProfiles =
    [
        (new("Dân quân thường trực", 19, 28, 5, [Militia], WorkplaceKind.CellOrganisation), 80),
        (new("Chiến sĩ dân quân tự vệ", 19, 30, 10, [Militia], WorkplaceKind.CellOrganisation), 20),
    ];

    private static readonly (Profile Profile, int Weight)[] PoliceProfiles =
    [
        (new("Chiến sĩ công an", 21, 32, 15, [], WorkplaceKind.CellOrganisation, Professional: true), 100),
    ];

    private static readonly (Profile Profile, int Weight)[] CompanyProfiles =
    [
        (new("Công nhân", 20, 38, 50, [PrivateEnterpriseWorker], WorkplaceKind.CellOrganisation), 70),
        (new("Kỹ sư", 23, 38, 25, [PrivateEnterpriseWorker], WorkplaceKind.CellOrganisation, Professional: true), 15),
        (new("Nhân viên văn phòng", 22, 38, 65, [PrivateEnterpriseWorker], WorkplaceKind.CellOrganisation, Professional: true), 15),
    ];

    private static readonly (Profile Profile, int Weight)[] CollegeStaffProfiles =
    [
        (new("Giảng viên", 24, 40, 55, [TeacherOrHealthWorker], WorkplaceKind.CellOrganisation, Professional: true), 75),
        (new("Sinh viên", 18, 21, 50, [Student, YouthUnion], WorkplaceKind.CellOrganisation, InSchool: true), 25),
    ];

    private static readonly (Profile Profile, int Weight)[] CollegeStudentProfiles =
    [
        (new("Sinh viên", 18, 21, 50, [Student, YouthUnion], WorkplaceKind.CellOrganisation, InSchool: true), 100),
    ];

    private static readonly (Profile Profile, int Weight)[] AgencyProfiles =
    [
        (new("Công chức", 24, 40, 45, [], WorkplaceKind.CellOrganisation, Professional: true), 40),
        (new("Viên chức", 24, 40, 55, [], WorkplaceKind.CellOrganisation, Professional: true), 20),
        (new("Bí thư Đoàn xã", 22, 30, 40, [MassOrganisationHead], WorkplaceKind.CellOrganisation, Professional: true), 15),
        (new("Chủ tịch Hội Liên hiệp Phụ nữ xã", 28, 45, 100, [MassOrganisationHead], WorkplaceKind.CellOrganisation), 10),
        (new("Phó Chủ tịch Hội Nông dân xã", 28, 48, 30, [MassOrganisationHead], WorkplaceKind.CellOrganisation), 15),
    ];

    public static (Profile Profile, int Weight)[] For(UnitInfo cell) => cell.Type switch
    {
        CellType.Village => VillageProfiles,
        CellType.ResidentialGroup => ResidentialGroupProfiles,
        CellType.HighSchool => HighSchoolProfiles,
        CellType.School => SchoolProfiles,
        CellType.HealthStation => HealthProfiles,
        CellType.HospitalCell => HospitalProfiles,
        CellType.Military => MilitaryProfiles,
        CellType.Police => PoliceProfiles,
        CellType.CompanyCell => CompanyProfiles,
        CellType.CollegeCell => cell.StudentCell ? CollegeStudentProfiles : CollegeStaffProfiles,
        CellType.AgencyCell => AgencyProfiles,
        _ => VillageProfiles,
    };

    /// <summary>How many members a cell of this kind has, relative to a village cell (min, max).</summary>
    public static (double Min, double Max) MemberWeight(CellType type) => type switch
    {
        CellType.Village => (1.0, 2.2),
        CellType.ResidentialGroup => (1.2, 2.5),
        CellType.HighSchool => (0.8, 1.4),
        CellType.School => (0.4, 0.8),
        CellType.HealthStation => (0.3, 0.6),
        CellType.Military => (0.3, 0.6),
        CellType.Police => (0.4, 0.8),
        CellType.CompanyCell => (0.3, 1.0),
        CellType.HospitalCell => (0.4, 0.9),
        CellType.CollegeCell => (0.4, 1.0),
        CellType.AgencyCell => (0.5, 1.0),
        _ => (1.0, 1.0),
    };

    /// <summary>How actively a cell of this kind nurtures candidates, relative to its size.</summary>
    public static double NurturingFactor(UnitInfo cell) => cell.Type switch
    {
        CellType.HighSchool => 1.8,
        CellType.CollegeCell => cell.StudentCell ? 2.5 : 1.0,
        CellType.Police or CellType.Military => 1.3,
        CellType.AgencyCell => 0.8,
        _ => 1.0,
    };
}
