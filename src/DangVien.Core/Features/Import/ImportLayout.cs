using DangVien.Core.Common;

namespace DangVien.Core.Features.Import;

/// <summary>What a file holds: one kind of record per file.</summary>
public enum ImportKind
{
    /// <summary>Tổ chức đảng (natural key: the unit code).</summary>
    Units,

    /// <summary>Đảng viên, those who left too (natural key: the citizen ID).</summary>
    Members,

    /// <summary>Quần chúng ưu tú / người vào Đảng with the steps already taken (natural key: the citizen ID).</summary>
    Candidates,

    /// <summary>Exits (dừng xem xét) and removals from the list (xóa tên) of files already there, found by citizen ID.</summary>
    Exits,

    /// <summary>Admission quotas per unit and year, total and by category (natural key: unit and year).</summary>
    Quotas,

    /// <summary>Source categories (natural key: the code).</summary>
    Categories,
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

/// <summary>
/// One column of an import file: its header (ASCII, lower case), whether it is required, an example; what users read
/// about it (<see cref="Label"/>, <see cref="Help"/>) comes from <see cref="CoreText"/> in their language. The header
/// stays the same in every language, so a file filled in by an English reader imports anywhere. An example holding
/// Vietnamese text (a name, a document number) is in <see cref="CoreText"/> too (<c>ImportExample.*</c>).
/// </summary>
public sealed record ImportColumn(ImportKind Kind, string Name, bool Required, string? ExampleValue)
{
    public string Label => CoreText.Get($"ImportColumn.{Kind}.{Name}");

    public string Help => CoreText.Find($"ImportHelp.{Kind}.{Name}") ?? "";

    public string Example => ExampleValue ?? CoreText.Get($"ImportExample.{Kind}.{Name}");
}

/// <summary>
/// The column layout of each import file (documented in docs/IMPORT.md and shipped as templates).
/// Headers are matched case-insensitively; columns may come in any order; unknown columns are an error
/// so that a misspelt header is not silently ignored.
/// </summary>
public static class ImportLayout
{
    public static IReadOnlyList<ImportColumn> Units { get; } =
    [
        new(ImportKind.Units, "ma_don_vi", true, "CB-MOI-01"),
        new(ImportKind.Units, "ten_don_vi", true, null),
        new(ImportKind.Units, "loai", true, "chi_bo"),
        new(ImportKind.Units, "ma_don_vi_cap_tren", true, "XA-001"),
        new(ImportKind.Units, "ngay_thanh_lap", true, "01/07/2025"),
        new(ImportKind.Units, "tham_quyen_ket_nap", false, "khong"),
    ];

    public static IReadOnlyList<ImportColumn> Members { get; } =
    [
        new(ImportKind.Members, "so_cccd", true, "001085001234"),
        new(ImportKind.Members, "ho_ten", true, null),
        new(ImportKind.Members, "ngay_sinh", true, "15/03/1985"),
        new(ImportKind.Members, "gioi_tinh", true, "Nam"),
        new(ImportKind.Members, "ma_chi_bo", true, "CB-MOI-01"),
        new(ImportKind.Members, "tinh_trang", true, "chinh_thuc"),
        new(ImportKind.Members, "ngay_vao_dang", true, "20/05/2010"),
        new(ImportKind.Members, "ngay_chinh_thuc", false, "20/05/2011"),
        new(ImportKind.Members, "ngay_ra_khoi_dang", false, ""),
        new(ImportKind.Members, "ly_do_ra_khoi_dang", false, ""),
        new(ImportKind.Members, "khong_ket_nap_lai", false, ""),
    ];

    public static IReadOnlyList<ImportColumn> Candidates { get; } =
    [
        new(ImportKind.Candidates, "so_cccd", true, "001099004321"),
        new(ImportKind.Candidates, "ho_ten", true, null),
        new(ImportKind.Candidates, "ngay_sinh", true, "02/09/1999"),
        new(ImportKind.Candidates, "gioi_tinh", true, null),
        new(ImportKind.Candidates, "dan_toc", false, "Kinh"),
        new(ImportKind.Candidates, "ton_giao", false, ""),
        new(ImportKind.Candidates, "trinh_do_pho_thong", false, "THPT"),
        new(ImportKind.Candidates, "nghe_nghiep", false, null),
        new(ImportKind.Candidates, "noi_lam_viec", false, null),
        new(ImportKind.Candidates, "dien_thoai", false, "0912345678"),
        new(ImportKind.Candidates, "ma_chi_bo", true, "CB-MOI-01"),
        new(ImportKind.Candidates, "doi_tuong", true, "doan-vien"),
        new(ImportKind.Candidates, "cccd_dang_vien_giup_do", true, "001085001234"),
        new(ImportKind.Candidates, "ngay_tao_nguon", true, "10/01/2024"),
        new(ImportKind.Candidates, "ngay_cap_chung_nhan", false, "15/03/2024"),
        new(ImportKind.Candidates, "so_chung_nhan", false, "125/GCN"),
        new(ImportKind.Candidates, "noi_cap_chung_nhan", false, null),
        new(ImportKind.Candidates, "ngay_lam_don", false, "01/04/2024"),
        new(ImportKind.Candidates, "ngay_tham_tra", false, "15/05/2024"),
        new(ImportKind.Candidates, "ket_luan_tham_tra", false, null),
        new(ImportKind.Candidates, "ngay_gioi_thieu", false, "01/06/2024"),
        new(ImportKind.Candidates, "cccd_nguoi_gioi_thieu_1", false, "001080002222"),
        new(ImportKind.Candidates, "cccd_nguoi_gioi_thieu_2", false, "001081003333"),
        new(ImportKind.Candidates, "ngay_bat_dau_cung_cong_tac", false, "01/01/2022"),
        new(ImportKind.Candidates, "ngay_nhan_xet", false, "20/06/2024"),
        new(ImportKind.Candidates, "to_chuc_nhan_xet", false, null),
        new(ImportKind.Candidates, "ngay_bieu_quyet", false, "01/07/2024"),
        new(ImportKind.Candidates, "so_dang_vien_chinh_thuc", false, "15"),
        new(ImportKind.Candidates, "so_co_mat", false, "14"),
        new(ImportKind.Candidates, "so_tan_thanh", false, "13"),
        new(ImportKind.Candidates, "ngay_nghi_quyet_dang_uy", false, ""),
        new(ImportKind.Candidates, "so_nghi_quyet_dang_uy", false, ""),
        new(ImportKind.Candidates, "ngay_quyet_dinh_ket_nap", false, "12/08/2024"),
        new(ImportKind.Candidates, "so_quyet_dinh_ket_nap", false, null),
        new(ImportKind.Candidates, "ngay_chi_bo_nhan_quyet_dinh", false, "15/08/2024"),
        new(ImportKind.Candidates, "ngay_dong_y_ket_nap_cham", false, ""),
        new(ImportKind.Candidates, "so_van_ban_dong_y_ket_nap_cham", false, ""),
        new(ImportKind.Candidates, "cap_uy_dong_y_ket_nap_cham", false, ""),
        new(ImportKind.Candidates, "ly_do_ket_nap_cham", false, ""),
        new(ImportKind.Candidates, "ngay_ket_nap", false, "05/09/2024"),
        new(ImportKind.Candidates, "cccd_giup_do_dang_vien_du_bi", false, "001085001234"),
        new(ImportKind.Candidates, "ngay_cap_chung_nhan_dv_moi", false, "20/12/2024"),
        new(ImportKind.Candidates, "so_chung_nhan_dv_moi", false, "310/GCN"),
        new(ImportKind.Candidates, "noi_cap_chung_nhan_dv_moi", false, null),
        new(ImportKind.Candidates, "ngay_xet_chinh_thuc", false, "10/09/2025"),
        new(ImportKind.Candidates, "so_dang_vien_chinh_thuc_khi_xet", false, "15"),
        new(ImportKind.Candidates, "so_co_mat_khi_xet", false, "14"),
        new(ImportKind.Candidates, "so_tan_thanh_khi_xet", false, "14"),
        new(ImportKind.Candidates, "ly_do_xet_cham", false, ""),
        new(ImportKind.Candidates, "ngay_quyet_dinh_chinh_thuc", false, "25/09/2025"),
        new(ImportKind.Candidates, "so_quyet_dinh_chinh_thuc", false, null),
        new(ImportKind.Candidates, "ngay_xoa_ten", false, ""),
        new(ImportKind.Candidates, "so_quyet_dinh_xoa_ten", false, ""),
        new(ImportKind.Candidates, "ly_do_xoa_ten", false, ""),
    ];

    public static IReadOnlyList<ImportColumn> Exits { get; } =
    [
        new(ImportKind.Exits, "so_cccd", true, "001099004321"),
        new(ImportKind.Exits, "hinh_thuc", true, "dung_xem_xet"),
        new(ImportKind.Exits, "ngay", true, "01/10/2025"),
        new(ImportKind.Exits, "ly_do_dung_xem_xet", false, "rut_don"),
        new(ImportKind.Exits, "so_quyet_dinh_xoa_ten", false, ""),
        new(ImportKind.Exits, "noi_dung", true, null),
    ];

    public static IReadOnlyList<ImportColumn> Quotas { get; } =
    [
        new(ImportKind.Quotas, "ma_don_vi", true, "CB-MOI-01"),
        new(ImportKind.Quotas, "nam", true, "2026"),
        new(ImportKind.Quotas, "chi_tieu", true, "3"),
        new(ImportKind.Quotas, "chi_tieu_theo_doi_tuong", false, "doan-vien:2;nu:1"),
    ];

    public static IReadOnlyList<ImportColumn> Categories { get; } =
    [
        new(ImportKind.Categories, "ma_doi_tuong", true, "cong-nhan-kcn"),
        new(ImportKind.Categories, "ten_doi_tuong", true, null),
    ];

    public static IReadOnlyList<ImportColumn> Of(ImportKind kind) => kind switch
    {
        ImportKind.Units => Units,
        ImportKind.Members => Members,
        ImportKind.Exits => Exits,
        ImportKind.Quotas => Quotas,
        ImportKind.Categories => Categories,
        _ => Candidates,
    };

    /// <summary>What users read for each kind.</summary>
    public static string Label(ImportKind kind) => CoreText.Get($"Import.{kind}");

    /// <summary>The kind's name in URLs and file names (<c>units</c>, <c>members</c>, <c>candidates</c>, <c>exits</c>, <c>quotas</c>, <c>categories</c>).</summary>
    public static string Slug(ImportKind kind) => kind.ToString().ToLowerInvariant();

    public static ImportKind? Parse(string? slug) =>
        Enum.TryParse<ImportKind>(slug, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;
}
