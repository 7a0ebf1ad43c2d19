using DangVien.Core.Common;

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
        new("so_dang_vien_chinh_thuc", "Số đảng viên chính thức của chi bộ", false, "15", "Bắt buộc khi có bước 6. Ghi như trong hồ sơ cũ, không đối chiếu danh sách đảng viên của ngày đó; lịch sử ghi kèm lý do «Nhập từ hồ sơ cũ»."),
        new("so_co_mat", "Số có mặt", false, "14", ""),
        new("so_tan_thanh", "Số tán thành", false, "13", ""),
        new("ngay_nghi_quyet_dang_uy", "Ngày nghị quyết của đảng ủy cơ sở (8-KNĐ)", false, "", "Bước 7: chỉ khi chi bộ trực thuộc đảng ủy cơ sở (bắt buộc với chi bộ đó trước bước 8)."),
        new("so_nghi_quyet_dang_uy", "Số nghị quyết của đảng ủy cơ sở", false, "", "Bắt buộc khi có bước 7."),
        new("ngay_quyet_dinh_ket_nap", "Ngày quyết định kết nạp (9-KNĐ)", false, "12/08/2024", "Bước 8: trong 60 ngày làm việc kể từ ngày chi bộ biểu quyết (90 nếu đã gia hạn)."),
        new("so_quyet_dinh_ket_nap", "Số quyết định kết nạp", false, "45-QĐ/ĐU", "Bắt buộc khi có bước 8."),
        new("ngay_chi_bo_nhan_quyet_dinh", "Ngày chi bộ nhận quyết định", false, "15/08/2024", "Bắt buộc khi có bước 8; hạn lễ kết nạp tính từ ngày này."),
        new("ngay_dong_y_ket_nap_cham", "Ngày cấp ủy cấp trên đồng ý tổ chức lễ kết nạp chậm", false, "", "Chỉ khi lễ kết nạp quá 30 ngày làm việc kể từ ngày chi bộ nhận quyết định; phải trước ngày lễ."),
        new("so_van_ban_dong_y_ket_nap_cham", "Số văn bản đồng ý", false, "", "Bắt buộc khi có ngày đồng ý."),
        new("cap_uy_dong_y_ket_nap_cham", "Cấp ủy đồng ý", false, "", "Bắt buộc khi có ngày đồng ý."),
        new("ly_do_ket_nap_cham", "Lý do tổ chức lễ kết nạp chậm", false, "", "Bắt buộc khi có ngày đồng ý."),
        new("ngay_ket_nap", "Ngày lễ kết nạp", false, "05/09/2024", "Bước 9: trong 30 ngày làm việc kể từ ngày chi bộ nhận quyết định; từ ngày này là đảng viên dự bị (tạo đảng viên)."),
        new("cccd_giup_do_dang_vien_du_bi", "CCCD đảng viên chính thức giúp đỡ đảng viên dự bị", false, "001085001234", "Bắt buộc khi có bước 9: đảng viên chính thức của chi bộ."),
        new("ngay_cap_chung_nhan_dv_moi", "Ngày cấp giấy chứng nhận lớp bồi dưỡng đảng viên mới", false, "20/12/2024", "Bước 10."),
        new("so_chung_nhan_dv_moi", "Số giấy chứng nhận lớp đảng viên mới", false, "310/GCN", "Bắt buộc khi có bước 10."),
        new("noi_cap_chung_nhan_dv_moi", "Nơi cấp giấy chứng nhận lớp đảng viên mới", false, "Trung tâm Chính trị huyện", "Bắt buộc khi có bước 10."),
        new("ngay_xet_chinh_thuc", "Ngày chi bộ xét công nhận chính thức (13-KNĐ)", false, "10/09/2025", "Bước 11: từ khi đủ 12 tháng dự bị, trong 30 ngày làm việc sau đó (chậm hơn phải ghi lý do)."),
        new("so_dang_vien_chinh_thuc_khi_xet", "Số đảng viên chính thức của chi bộ khi xét", false, "15", "Bắt buộc khi có ngày xét. Ghi như trong hồ sơ cũ, không đối chiếu danh sách đảng viên của ngày đó; lịch sử ghi kèm lý do «Nhập từ hồ sơ cũ»."),
        new("so_co_mat_khi_xet", "Số có mặt khi xét", false, "14", ""),
        new("so_tan_thanh_khi_xet", "Số tán thành khi xét", false, "14", "Đạt khi ít nhất 2/3 số đảng viên chính thức của chi bộ."),
        new("ly_do_xet_cham", "Lý do xét chậm", false, "", "Bắt buộc khi chi bộ xét sau 30 ngày làm việc."),
        new("ngay_quyet_dinh_chinh_thuc", "Ngày quyết định công nhận đảng viên chính thức (15-KNĐ)", false, "25/09/2025", "Bước 11: trong 30 ngày làm việc kể từ ngày chi bộ xét; có hiệu lực từ ngày đủ 12 tháng dự bị."),
        new("so_quyet_dinh_chinh_thuc", "Số quyết định công nhận", false, "12-QĐ/ĐU", "Bắt buộc khi có quyết định công nhận."),
        new("ngay_xoa_ten", "Ngày quyết định xóa tên (không công nhận chính thức)", false, "", "Bước 12, thay cho quyết định công nhận: chỉ sau lễ kết nạp."),
        new("so_quyet_dinh_xoa_ten", "Số quyết định xóa tên", false, "", "Bắt buộc khi có ngày xóa tên."),
        new("ly_do_xoa_ten", "Lý do xóa tên", false, "", "Bắt buộc khi có ngày xóa tên."),
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
        ImportKind.Units => CoreText.Get("Import.Units"),
        ImportKind.Members => CoreText.Get("Import.Members"),
        _ => CoreText.Get("Import.Candidates"),
    };

    /// <summary>The kind's name in URLs and file names (<c>units</c>, <c>members</c>, <c>candidates</c>).</summary>
    public static string Slug(ImportKind kind) => kind.ToString().ToLowerInvariant();

    public static ImportKind? Parse(string? slug) =>
        Enum.TryParse<ImportKind>(slug, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;
}
