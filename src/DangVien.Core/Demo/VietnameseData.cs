namespace DangVien.Core.Demo;

/// <summary>
/// Hand-made lists for realistic Vietnamese data: names by ethnicity, places, organisations. All
/// text is NFC with the traditional tone-mark placement (Hòa, Thủy) used in official names.
/// </summary>
internal static class VietnameseData
{
    public const string ProvinceName = "Tuyên Quang";
    public const string ProvinceCode = "TQ";

    /// <summary>First three digits of a citizen ID for someone registered in the province.</summary>
    public const string ProvinceCitizenIdCode = "008";

    /// <summary>Kinh family names with rough weights (per mille of the population).</summary>
    public static readonly (string Name, int Weight)[] KinhFamilyNames =
    [
        ("Nguyễn", 310), ("Trần", 110), ("Lê", 90), ("Phạm", 70), ("Hoàng", 50), ("Phan", 45), ("Vũ", 40),
        ("Đặng", 21), ("Bùi", 20), ("Đỗ", 16), ("Hồ", 13), ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Huỳnh", 5),
        ("Võ", 5), ("Đinh", 10), ("Trịnh", 8), ("Đào", 8), ("Mai", 5), ("Lương", 6), ("Hà", 8), ("Tạ", 4),
        ("Cao", 5), ("Chu", 4), ("Lưu", 4), ("Quách", 3), ("Vương", 3), ("Kiều", 2), ("Khổng", 2),
    ];

    public static readonly string[] TayFamilyNames = ["Hoàng", "Nông", "Ma", "Lý", "Hà", "Lương", "Triệu", "Âu", "Lục", "Quan", "Nguyễn", "Chu"];

    public static readonly string[] DaoFamilyNames = ["Triệu", "Bàn", "Lý", "Đặng", "Phùng", "Chảo", "Tẩn", "Dương"];

    public static readonly string[] MongFamilyNames = ["Giàng", "Sùng", "Vàng", "Thào", "Lầu", "Hầu", "Lý", "Mua"];

    public static readonly string[] MaleMiddleNames = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thanh", "Ngọc", "Mạnh", "Tiến", "Duy", "Trọng", "Quốc"];

    public static readonly string[] FemaleMiddleNames = ["Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Phương", "Minh", "Hồng", "Kim", "Thùy", "Bích", "Mai"];

    public static readonly string[] MaleGivenNames =
    [
        "An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Huy", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn",
        "Thắng", "Tuấn", "Việt", "Vinh", "Hiếu", "Trung", "Tùng", "Toàn", "Kiên", "Lâm", "Đạt", "Hoàng", "Minh",
        "Phúc", "Thành", "Tài", "Hưng", "Quý", "Thịnh", "Chiến", "Hòa", "Lộc", "Nghĩa", "Khoa", "Duy", "Tâm",
    ];

    public static readonly string[] FemaleGivenNames =
    [
        "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huyền", "Hương", "Lan", "Linh", "Loan",
        "Mai", "Ngân", "Nga", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Tuyết", "Uyên", "Vân",
        "Yến", "Ngọc", "Thu", "Lệ", "Liên", "Diệp", "Thơm", "Xuân", "Hòa", "Duyên", "Nhàn", "Châm", "Mơ",
    ];

    public static readonly string[] MongMaleGivenNames = ["Páo", "Chứ", "Sính", "Dế", "Pó", "Súa", "Lử", "Chờ", "Tủa", "Sểnh"];

    public static readonly string[] MongFemaleGivenNames = ["Mỷ", "Sày", "Dợ", "Pà", "Chớ", "Mai", "Sua", "Dính", "Xúa", "Mỷ"];

    /// <summary>Ethnicities of the province with rough weights (per cent).</summary>
    public static readonly (string Name, int Weight)[] Ethnicities =
    [
        ("Kinh", 56), ("Tày", 24), ("Dao", 10), ("Mông", 4), ("Nùng", 2), ("Sán Chay", 2), ("Sán Dìu", 1), ("Cao Lan", 1),
    ];

    public static readonly string[] CommuneFirstSyllables =
    [
        "Tân", "Hòa", "Phú", "Minh", "Yên", "Đồng", "Vĩnh", "Thái", "Hưng", "Quang", "Kim", "Trung", "Xuân",
        "Bình", "An", "Hồng", "Thanh", "Phúc", "Thượng", "Lăng", "Tràng", "Mỹ", "Kháng", "Chiêm", "Hùng",
    ];

    public static readonly string[] CommuneSecondSyllables =
    [
        "Lập", "Tâm", "Bình", "Sơn", "Lợi", "Thành", "Tiến", "Phong", "Khai", "Long", "Hà", "Xuân", "Yên", "Hòa",
        "Thịnh", "Phát", "Lâm", "An", "Trung", "Quang", "Đà", "Tường", "Thuận", "Nhật", "Hóa", "Vinh", "Đức",
    ];

    /// <summary>The districts the communes belonged to before 1 July 2025 (for the training centres' names).</summary>
    public static readonly string[] FormerDistricts = ["Yên Sơn", "Sơn Dương", "Hàm Yên", "Chiêm Hóa", "Na Hang", "Lâm Bình"];

    public static readonly string[] VillagePrefixes =
    [
        "Đồng", "Tân", "Làng", "Khuôn", "Nà", "Bản", "Thác", "Soi", "Cầu", "Lũng", "Nặm", "Phai", "Pác", "Cốc", "Gốc",
        "Khau", "Ao", "Bến", "Đèo", "Xóm",
    ];

    public static readonly string[] VillageSuffixes =
    [
        "Tâm", "Thành", "Chùa", "Hà", "Mò", "Vèn", "Cọ", "Trám", "Mới", "Trên", "Dưới", "Giữa", "Hội", "Bầu", "Quân",
        "Đình", "Mít", "Lung", "Cuông", "Thượng", "Hạ", "Cái", "Chanh", "Tre", "Kẹm", "Pài", "Luông", "Hon",
    ];

    /// <summary>High schools are often named after historical figures.</summary>
    public static readonly string[] HighSchoolNames =
    [
        "Lê Quý Đôn", "Nguyễn Du", "Trần Phú", "Chu Văn An", "Phan Bội Châu", "Nguyễn Trãi", "Lê Lợi", "Hàm Nghi",
        "Kim Đồng", "Nguyễn Văn Cừ", "Tân Trào", "Ỷ La", "Xuân Huy", "Đông Thọ", "Kim Bình", "Minh Quang", "Thái Hòa",
        "Sơn Nam", "Kháng Nhật", "Tháng Mười", "Trần Hưng Đạo", "Lý Thường Kiệt", "Hoàng Hoa Thám", "Võ Thị Sáu",
        "Nguyễn Bỉnh Khiêm", "Phù Lưu", "Hòa Phú", "Thượng Lâm", "ATK Tân Trào", "Chuyên Tuyên Quang",
    ];

    public static readonly string[] CompanyTrades =
    [
        "Xi măng", "May mặc", "Chè", "Chế biến Gỗ", "Khoáng sản", "Giấy", "Thủy điện", "Vật liệu Xây dựng",
        "Chế biến Nông sản", "Gạch ngói", "Đường", "Cơ khí", "Lâm nghiệp", "Dược phẩm", "Thức ăn Chăn nuôi",
    ];

    public static readonly string[] CompanyCells =
    [
        "Chi bộ Phòng Kỹ thuật", "Chi bộ Phòng Kế toán - Tài chính", "Chi bộ Phân xưởng Cơ điện", "Chi bộ Tổ Vận tải",
        "Chi bộ Văn phòng Công ty", "Chi bộ Phòng Kinh doanh", "Chi bộ Phân xưởng Đóng gói", "Chi bộ Phòng Tổ chức - Hành chính",
    ];

    public static readonly string[] HospitalCells =
    [
        "Chi bộ Khoa Nội", "Chi bộ Khoa Ngoại", "Chi bộ Khoa Sản", "Chi bộ Khoa Nhi", "Chi bộ Khoa Khám bệnh",
        "Chi bộ Khoa Hồi sức cấp cứu", "Chi bộ Phòng Hành chính - Tổ chức", "Chi bộ Khoa Dược", "Chi bộ Khoa Xét nghiệm",
    ];

    public static readonly string[] CollegeCells =
    [
        "Chi bộ Học sinh - Sinh viên", "Chi bộ Khoa Cơ khí", "Chi bộ Khoa Điện - Điện tử", "Chi bộ Khoa Kinh tế",
        "Chi bộ Khoa Nông lâm", "Chi bộ Phòng Đào tạo", "Chi bộ Khoa Công nghệ thông tin", "Chi bộ Phòng Hành chính - Quản trị",
    ];

    public static readonly string[] AgencyCells =
    [
        "Chi bộ Văn phòng Đảng ủy", "Chi bộ Ủy ban nhân dân", "Chi bộ Mặt trận Tổ quốc và các đoàn thể",
        "Chi bộ Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Chi bộ Phòng Kinh tế", "Chi bộ Phòng Văn hóa - Xã hội",
        "Chi bộ Trung tâm Phục vụ hành chính công",
    ];

    public static readonly string[] PoliceCells =
    [
        "Chi bộ Đội An ninh", "Chi bộ Đội Cảnh sát trật tự", "Chi bộ Tổ Tổng hợp - Hành chính", "Chi bộ Đội Cảnh sát giao thông",
        "Chi bộ Tổ Cảnh sát khu vực",
    ];

    public static readonly string[] MobilePrefixes =
    [
        "086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039", "088", "091", "094",
        "083", "084", "085", "081", "082", "070", "076", "077", "078", "079", "089", "090", "093",
    ];

    /// <summary>Home towns outside the province with their citizen-ID province codes.</summary>
    public static readonly (string HomeTown, string Code)[] OutsideHomeTowns =
    [
        ("xã Giao Thủy, tỉnh Ninh Bình", "036"), ("xã Vũ Thư, tỉnh Hưng Yên", "034"), ("phường Hà Đông, thành phố Hà Nội", "001"),
        ("xã Lâm Thao, tỉnh Phú Thọ", "025"), ("xã Đại Từ, tỉnh Thái Nguyên", "019"), ("xã Bắc Mê, tỉnh Tuyên Quang", "002"),
        ("xã Kim Thành, thành phố Hải Phòng", "030"), ("xã Yên Thế, tỉnh Bắc Ninh", "024"),
    ];

    public static readonly string[] Religions = ["Phật giáo", "Phật giáo", "Phật giáo", "Công giáo", "Công giáo", "Tin Lành"];

    public static readonly string[] WithdrewReasons =
    [
        "Xin rút khỏi danh sách vì hoàn cảnh gia đình khó khăn",
        "Có đơn xin dừng xem xét để tập trung học tập",
        "Xin dừng xem xét vì chưa sắp xếp được thời gian tham gia sinh hoạt",
    ];

    public static readonly string[] MovedAwayReasons =
    [
        "Chuyển đi làm việc tại tỉnh khác",
        "Đi học đại học tại Hà Nội",
        "Đi làm việc ở nước ngoài theo hợp đồng",
        "Lên đường nhập ngũ",
        "Chuyển nơi cư trú ra ngoài địa bàn",
    ];

    public static readonly string[] IneligibleReasons =
    [
        "Kết quả thẩm tra lý lịch chưa đủ điều kiện",
        "Có ý kiến phản ánh của nơi cư trú chưa được làm rõ",
        "Vi phạm chính sách dân số và kế hoạch hóa gia đình",
    ];

    public static readonly string[] NurturingStoppedReasons =
    [
        "Chưa thực sự gương mẫu, chi bộ dừng bồi dưỡng",
        "Không tham gia đầy đủ hoạt động của đoàn thể, chi bộ dừng bồi dưỡng",
    ];

    public const string FailedVoteExitReason = "Chi bộ biểu quyết không đạt hai phần ba số đảng viên chính thức, dừng xem xét";

    public static readonly string[] RemovalReasons =
    [
        "Không đủ tư cách đảng viên chính thức",
        "Vi phạm tư cách đảng viên trong thời gian dự bị",
        "Không tham gia sinh hoạt chi bộ thường xuyên trong thời gian dự bị",
    ];

    /// <summary>Why a member on the roll left, and whether that bars readmission.</summary>
    public static readonly (string Reason, bool Barred, int Weight)[] LeavingReasons =
    [
        ("Chuyển sinh hoạt đảng chính thức ra ngoài tỉnh", false, 45),
        ("Xin ra khỏi Đảng", false, 8),
        ("Bị khai trừ khỏi Đảng do vi phạm kỷ luật", true, 4),
        ("Xóa tên do bỏ sinh hoạt đảng", true, 5),
    ];

    public const string DeceasedReason = "Từ trần";

    public const string ExceptionPrimaryEducation =
        "Xã thuộc vùng đặc biệt khó khăn, người dân tộc thiểu số: được áp dụng trình độ tiểu học";

    public const string ApplicationCorrectionNote = "Đính chính ngày ghi trên đơn xin vào Đảng";

    public static readonly string[] Qualifications = ["Đại học", "Đại học", "Cao đẳng", "Trung cấp", "Thạc sĩ"];
}
