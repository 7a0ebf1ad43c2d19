namespace DangVien.Core.Features.Import;

/// <summary>What a file holds: one kind of record per file.</summary>
public enum ImportKind
{
    /// <summary>Tổ chức đảng (natural key: the unit code).</summary>
    Units,

    /// <summary>Đảng viên (natural key: the citizen ID).</summary>
    Members,

    /// <summary>Quần chúng ưu tú / người vào Đảng with the steps already taken (natural key: the citizen ID).</summary>
    Candidates,
}

/// <summary>What to do with a file once it is read and checked.</summary>
public enum ImportMode
{
    /// <summary>Check every row and report; write nothing.</summary>
    DryRun,

    /// <summary>Write every row, but only when no row has an error; otherwise write nothing.</summary>
    All,

    /// <summary>Write the rows without error and report the others (the user chose this explicitly).</summary>
    ValidOnly,
}

/// <summary>One column of an import file: its header (ASCII, lower case), what users read, whether it is required, an example.</summary>
public sealed record ImportColumn(string Name, string Label, bool Required, string Example, string Help);

/// <summary>
/// The column layout of each import file (documented in docs/IMPORT.md and shipped as templates).
/// Headers are matched case-insensitively; columns may come in any order; unknown columns are an error
/// so that a misspelt header is not silently ignored.
/// </summary>
public static class ImportLayout
{
    public static IReadOnlyList<ImportColumn> Units { get; } =
    [
        new("ma_don_vi", "Mã đơn vị", true, "CB-MOI-01", "Mã duy nhất của tổ chức đảng (khóa tự nhiên: nhập lại không tạo trùng). Tối đa 32 ký tự: chữ, số, dấu - _ ."),
        new("ten_don_vi", "Tên đơn vị", true, "Chi bộ Thôn Mới", "Tên tổ chức đảng, tối đa 200 ký tự."),
        new("loai", "Loại", true, "chi_bo", "tinh | dang_uy_cap_tren | dang_uy_xa | dang_bo_co_so | chi_bo_co_so | chi_bo"),
        new("ma_don_vi_cap_tren", "Mã đơn vị cấp trên", true, "XA-001", "Mã của đơn vị cấp trên: đã có trong hệ thống hoặc ở một dòng phía trên trong cùng tệp. Phải là đơn vị bạn được quyền ghi."),
        new("ngay_thanh_lap", "Ngày thành lập", true, "01/07/2025", "dd/MM/yyyy"),
        new("tham_quyen_ket_nap", "Có thẩm quyền kết nạp", false, "khong", "co | khong (mặc định: khong)"),
    ];

    public static IReadOnlyList<ImportColumn> Members { get; } =
    [
        new("so_cccd", "Số CCCD", true, "001085001234", "12 chữ số (khóa tự nhiên: nhập lại không tạo trùng)."),
        new("ho_ten", "Họ và tên", true, "Nguyễn Văn An", "Tối đa 120 ký tự."),
        new("ngay_sinh", "Ngày sinh", true, "15/03/1985", "dd/MM/yyyy"),
        new("gioi_tinh", "Giới tính", true, "Nam", "Nam | Nữ"),
        new("ma_chi_bo", "Mã chi bộ", true, "CB-MOI-01", "Mã của chi bộ nơi đảng viên sinh hoạt."),
        new("tinh_trang", "Tình trạng", true, "chinh_thuc", "du_bi | chinh_thuc"),
        new("ngay_vao_dang", "Ngày vào Đảng", true, "20/05/2010", "dd/MM/yyyy"),
        new("ngay_chinh_thuc", "Ngày chính thức", false, "20/05/2011", "dd/MM/yyyy; bắt buộc với đảng viên chính thức."),
    ];

    public static IReadOnlyList<ImportColumn> Candidates { get; } =
    [
        new("so_cccd", "Số CCCD", true, "001099004321", "12 chữ số (khóa tự nhiên: nhập lại không tạo trùng hồ sơ)."),
        new("ho_ten", "Họ và tên", true, "Trần Thị Bình", "Tối đa 120 ký tự."),
        new("ngay_sinh", "Ngày sinh", true, "02/09/1999", "dd/MM/yyyy"),
        new("gioi_tinh", "Giới tính", true, "Nữ", "Nam | Nữ"),
        new("dan_toc", "Dân tộc", false, "Kinh", "Mặc định: Kinh."),
        new("ton_giao", "Tôn giáo", false, "", ""),
        new("trinh_do_pho_thong", "Trình độ giáo dục phổ thông", false, "THPT", "THPT | THCS | Tiểu học | Biết đọc, biết viết (mặc định: THPT)"),
        new("nghe_nghiep", "Nghề nghiệp", false, "Giáo viên", ""),
        new("noi_lam_viec", "Nơi làm việc", false, "Trường THCS Thôn Mới", ""),
        new("dien_thoai", "Điện thoại", false, "0912345678", ""),
        new("ma_chi_bo", "Mã chi bộ", true, "CB-MOI-01", "Chi bộ bồi dưỡng người vào Đảng: bạn phải được quyền ghi ở chi bộ này."),
        new("doi_tuong", "Đối tượng nguồn", true, "doan-vien", "Mã đối tượng nguồn, nhiều mã cách nhau bằng dấu ; (xem danh mục trong docs/IMPORT.md)."),
        new("cccd_dang_vien_giup_do", "CCCD đảng viên theo dõi, giúp đỡ", true, "001085001234", "Số CCCD của một đảng viên chính thức của chi bộ."),
        new("ngay_tao_nguon", "Ngày đưa vào danh sách quần chúng ưu tú", true, "10/01/2024", "Bước 1, dd/MM/yyyy."),
        new("ngay_cap_chung_nhan", "Ngày cấp giấy chứng nhận lớp nhận thức về Đảng", false, "15/03/2024", "Bước 2 (để trống nếu chưa có)."),
        new("so_chung_nhan", "Số giấy chứng nhận", false, "125/GCN", "Bắt buộc khi có bước 2."),
        new("noi_cap_chung_nhan", "Nơi cấp giấy chứng nhận", false, "Trung tâm Chính trị huyện", "Bắt buộc khi có bước 2."),
        new("ngay_lam_don", "Ngày làm đơn xin vào Đảng", false, "01/04/2024", "Bước 3."),
        new("ngay_tham_tra", "Ngày thẩm tra lý lịch", false, "15/05/2024", "Bước 3."),
        new("ket_luan_tham_tra", "Kết luận thẩm tra lý lịch", false, "Lý lịch rõ ràng", "Bắt buộc khi có ngày thẩm tra."),
        new("ngay_gioi_thieu", "Ngày giới thiệu", false, "01/06/2024", "Bước 4: hai đảng viên chính thức giới thiệu."),
        new("cccd_nguoi_gioi_thieu_1", "CCCD người giới thiệu 1", false, "001080002222", ""),
        new("cccd_nguoi_gioi_thieu_2", "CCCD người giới thiệu 2", false, "001081003333", ""),
        new("ngay_bat_dau_cung_cong_tac", "Cùng công tác, học tập, sinh sống từ ngày", false, "01/01/2022", "Áp dụng cho cả hai người giới thiệu."),
        new("ngay_nhan_xet", "Ngày nhận ý kiến nhận xét (5-KNĐ)", false, "20/06/2024", "Bước 5."),
        new("to_chuc_nhan_xet", "Tổ chức cho ý kiến nhận xét", false, "Chi đoàn và chi ủy nơi cư trú", "Bắt buộc khi có bước 5."),
        new("ngay_bieu_quyet", "Ngày chi bộ biểu quyết (6-KNĐ)", false, "01/07/2024", "Bước 6."),
        new("so_dang_vien_chinh_thuc", "Số đảng viên chính thức của chi bộ", false, "15", "Bắt buộc khi có bước 6."),
        new("so_co_mat", "Số có mặt", false, "14", ""),
        new("so_tan_thanh", "Số tán thành", false, "13", ""),
    ];

    public static IReadOnlyList<ImportColumn> Of(ImportKind kind) => kind switch
    {
        ImportKind.Units => Units,
        ImportKind.Members => Members,
        _ => Candidates,
    };

    /// <summary>What users read for each kind.</summary>
    public static string Label(ImportKind kind) => kind switch
    {
        ImportKind.Units => "Tổ chức đảng",
        ImportKind.Members => "Đảng viên",
        _ => "Quần chúng ưu tú và các bước đã thực hiện",
    };

    /// <summary>The kind's name in URLs and file names (<c>units</c>, <c>members</c>, <c>candidates</c>).</summary>
    public static string Slug(ImportKind kind) => kind.ToString().ToLowerInvariant();

    public static ImportKind? Parse(string? slug) =>
        Enum.TryParse<ImportKind>(slug, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;
}
