using System.Globalization;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Reports;
using static DangVien.Web.Components.Shared.Format;

namespace DangVien.Web.Endpoints.Exports;

/// <summary>The reports as <see cref="ExportDocument"/>s: the same figures, labels and formatting as the pages.</summary>
public static class ReportDocuments
{
    public static ExportDocument Yearly(YearlyReport report)
    {
        var y = report.Year.ToString(CultureInfo.InvariantCulture);
        var notes = new List<string>
        {
            $"{report.UnitName} ({VietnameseNames.Of(report.Kind)}) và các tổ chức đảng trực thuộc, năm {y}.",
            "Số đã kết nạp tính theo " + (report.Basis == Core.Features.Quotas.AdmissionCountingBasis.CeremonyDate ? "ngày tổ chức lễ kết nạp." : "ngày ký quyết định kết nạp."),
            report.Frozen is { } frozen
                ? $"Số liệu đã chốt ngày {D(DateOnly.FromDateTime(frozen.FrozenAt.ToOffset(TimeSpan.FromHours(7)).DateTime))} bởi {frozen.FrozenBy}."
                : "Số liệu trực tiếp (chưa chốt).",
        };
        string[] header = ["Chỉ số", "Giá trị"];
        var quota = new ExportTable("1. Kết nạp đảng viên so với chỉ tiêu", header,
        [
            ["Chỉ tiêu năm " + y, ExportCell.Of(report.Quota)],
            ["Đã kết nạp", report.Admitted],
            ["Tỷ lệ đạt chỉ tiêu", ExportCell.Percent(report.Reached)],
        ]);
        var members = new ExportTable("2. Đảng viên và tỷ lệ kết nạp", header,
        [
            ["Đảng viên đến " + D(report.StartCountedOn), report.MembersAtStart],
            ["Đảng viên đến " + D(report.EndCountedOn), report.MembersAtEnd],
            ["Kết nạp so với đảng viên đầu năm", ExportCell.Percent(report.ShareOfMembers)],
            ["Mục tiêu 3–4 % (Nghị quyết 21-NQ/TW)", $"{N(report.GuideLow, 1)} – {N(report.GuideHigh, 1)} người; " + (report.MeetsGuide ? "đã đạt" : "chưa đạt")],
        ]);
        var categories = new ExportTable("3. Đảng viên kết nạp theo đối tượng nguồn", ["Đối tượng nguồn", "Đã kết nạp", "Chỉ tiêu", "Tỷ lệ đạt"],
            [.. report.Categories.Select(c => (IReadOnlyList<ExportCell>)[c.Name, c.Admitted, ExportCell.Of(c.Target), ExportCell.Percent(c.Reached)])]);
        var funnel = new ExportTable("4. Các bước của quy trình trong năm", ["Bước", "Số người"],
            [.. report.Funnel.Select(s => (IReadOnlyList<ExportCell>)[ReportLabels.Step(s.Kind), s.Candidates]), ["Dừng xem xét", report.Exited]]);
        var conversions = new ExportTable("Tỷ lệ chuyển đổi", ["Nhóm", "Số người", "Được kết nạp", "Tỷ lệ"],
        [
            ["Đoàn viên được giới thiệu trong năm", report.YouthUnionIntroduced.Cohort, report.YouthUnionIntroduced.Admitted, ExportCell.Percent(report.YouthUnionIntroduced.Rate)],
            ["Học xong lớp bồi dưỡng nhận thức về Đảng trong năm", report.AwarenessCourseCompleted.Cohort, report.AwarenessCourseCompleted.Admitted, ExportCell.Percent(report.AwarenessCourseCompleted.Rate)],
        ]);
        var board = Board(report);
        var children = new ExportTable($"Đơn vị trực thuộc chưa kết nạp được đảng viên ({N(report.ChildrenWithoutAdmission.Count)}/{N(report.ChildCount)})", ["Đơn vị"],
            [.. report.ChildrenWithoutAdmission.Select(c => (IReadOnlyList<ExportCell>)[c.Name])]);
        var carried = new ExportTable("6. Hồ sơ chuyển tiếp và đảng viên dự bị", header,
        [
            ["Hồ sơ chuyển sang năm " + (report.Year + 1).ToString(CultureInfo.InvariantCulture), report.CarriedOver],
            ["Đảng viên dự bị được công nhận chính thức", report.Recognised],
            ["Đảng viên dự bị bị xóa tên", report.Removed],
        ]);
        return new ExportDocument($"Báo cáo năm {y} — {report.UnitName}", notes, [quota, members, categories, funnel, conversions, board, children, carried]);
    }

    public static ExportDocument Trend(ReportTrend trend)
    {
        var span = $"{trend.From.ToString(CultureInfo.InvariantCulture)}–{trend.To.ToString(CultureInfo.InvariantCulture)}";
        var years = new ExportTable("Từng năm", ["Năm", "Đảng viên đầu năm", "Đảng viên cuối năm", "Chỉ tiêu", "Đã kết nạp", "Tỷ lệ đạt", "Kết nạp/đảng viên đầu năm", "Chuyển năm sau", "Công nhận chính thức", "Xóa tên"],
            [.. trend.Years.Select(t => (IReadOnlyList<ExportCell>)
            [
                t.Year.ToString(CultureInfo.InvariantCulture) + (t.Frozen ? " (đã chốt)" : ""), t.MembersAtStart, t.MembersAtEnd, ExportCell.Of(t.Quota), t.Admitted,
                ExportCell.Percent(t.Reached), ExportCell.Percent(t.ShareOfMembers), t.CarriedOver, t.Recognised, t.Removed,
            ])]);
        var totals = new ExportTable("Tổng và bình quân", ["Chỉ số", "Giá trị"],
        [
            ["Số năm", trend.YearCount],
            ["Số năm có số liệu", trend.DataYearCount],
            ["Tổng số đã kết nạp", trend.TotalAdmitted],
            ["Bình quân mỗi năm", ExportCell.Decimal(trend.AdmittedPerYear)],
            ["Tỷ lệ kết nạp bình quân mỗi năm", ExportCell.Percent(trend.AverageShare)],
            ["Đảng viên đầu kỳ", trend.MembersAtStart],
            ["Đảng viên cuối kỳ", trend.MembersAtEnd],
            ["Tăng so với đầu kỳ", ExportCell.Percent(trend.MembersGrowth)],
        ]);
        var categories = new ExportTable("Đã kết nạp theo đối tượng nguồn", ["Đối tượng nguồn", "Mã", "Đã kết nạp"],
            [.. trend.Categories.Select(c => (IReadOnlyList<ExportCell>)[c.Name, c.Code ?? "", c.Admitted])]);
        var conversions = new ExportTable($"Tỷ lệ chuyển đổi {span}",
            ["Đối tượng nguồn", "Mã", "Đưa vào nguồn", "Học lớp nhận thức", "Đã kết nạp", "Kết nạp/nguồn", "Kết nạp/học lớp"],
            [.. trend.Conversions.Select(c => (IReadOnlyList<ExportCell>)
            [
                c.Code is null ? "Tất cả quần chúng ưu tú" : c.Name, c.Code ?? "", c.PutForward, c.Coursed, c.Admitted, ExportCell.Percent(c.OfPutForward), ExportCell.Percent(c.OfCoursed),
            ])]);
        var notes = new List<string>
        {
            "Tỷ lệ chuyển đổi: số được kết nạp trong kỳ so với số được đưa vào nguồn trong kỳ và so với số được cử đi học lớp bồi dưỡng nhận thức về Đảng trong kỳ; mỗi người tính một lần.",
        };
        if (trend.EmptyYears.Count > 0)
        {
            notes.Add("Năm chưa có số liệu, không tính vào bình quân: " + string.Join(", ", trend.EmptyYears.Select(y => y.ToString(CultureInfo.InvariantCulture))) + ".");
        }

        return new ExportDocument($"Báo cáo nhiều năm {span} — {trend.UnitName}", notes, [years, totals, categories, conversions]);
    }

    public static ExportDocument List(ReportList list)
    {
        var span = list.From == list.To ? "năm " + list.From.ToString(CultureInfo.InvariantCulture)
            : $"{list.From.ToString(CultureInfo.InvariantCulture)}–{list.To.ToString(CultureInfo.InvariantCulture)}";
        var notes = list.OutsideScope > 0 ? [$"Còn {N(list.OutsideScope)} người ngoài phạm vi tài khoản của bạn không được liệt kê."] : new List<string>();
        var rows = list.Rows.Select((r, i) => (IReadOnlyList<ExportCell>)
        [
            i + 1, r.FullName, BornCell(r.DateOfBirth, r.BirthYear), r.Sex == Sex.Female ? "Nữ" : "Nam", CitizenId(r.Shown, r.CitizenId), r.CellName, r.StageLabel, ExportCell.Date(r.StageSince),
        ]).ToList();
        return new ExportDocument($"{list.Label} — {list.UnitName}, {span}", notes,
            [new ExportTable($"{N(list.Rows.Count)} người", ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Chi bộ", "Giai đoạn", "Từ ngày"], rows)]);
    }

    /// <summary>The members behind a members figure, with the page's columns.</summary>
    public static ExportDocument MemberList(ReportMemberList list)
    {
        var span = list.From == list.To ? "năm " + list.From.ToString(CultureInfo.InvariantCulture)
            : $"{list.From.ToString(CultureInfo.InvariantCulture)}–{list.To.ToString(CultureInfo.InvariantCulture)}";
        var notes = list.OutsideScope > 0 ? [$"Còn {N(list.OutsideScope)} đảng viên ngoài phạm vi tài khoản của bạn không được liệt kê."] : new List<string>();
        var rows = list.Rows.Select((r, i) => (IReadOnlyList<ExportCell>)
        [
            i + 1, r.FullName, BornCell(r.DateOfBirth, r.BirthYear), r.Sex == Sex.Female ? "Nữ" : "Nam", CitizenId(r.Shown, r.CitizenId), r.CellName,
            ExportCell.Date(r.AdmittedOn), ExportCell.Date(r.RecognisedOn), r.OfficialOn(list.CountedOn) ? "Chính thức" : "Dự bị", ExportCell.Date(r.LeftOn),
        ]).ToList();
        return new ExportDocument($"{list.Label} — {list.UnitName}, {span}", notes,
            [new ExportTable($"{N(list.Rows.Count)} đảng viên", ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Chi bộ", "Ngày kết nạp", "Ngày công nhận chính thức", "Chính thức / dự bị ngày " + D(list.CountedOn), "Không còn là đảng viên từ"], rows)]);
    }

    public static ExportDocument IdleCells(IdleCellsReport idle) => new(
        $"Chi bộ không kết nạp được đảng viên {N(idle.Years)} năm liền ({idle.FirstYear.ToString(CultureInfo.InvariantCulture)}–{idle.Year.ToString(CultureInfo.InvariantCulture)}) — {idle.UnitName}",
        [$"{N(idle.Cells.Count)} trong số {N(idle.CellCount)} chi bộ."],
        [new ExportTable("Chi bộ", ["Chi bộ", "Lần cuối kết nạp (năm)"],
            [.. idle.Cells.Select(c => (IReadOnlyList<ExportCell>)[c.Name, c.LastAdmissionYear is { } last ? new ExportCell(last.ToString(CultureInfo.InvariantCulture), ExportKind.Integer, last) : "chưa có"])])]);

    /// <summary>The candidate list (the /candidates export) as a document.</summary>
    public static ExportDocument Candidates(IReadOnlyList<CandidateExportRow> rows, string title) => new(title, [],
        [new ExportTable($"{N(rows.Count)} hồ sơ", ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Chi bộ", "Đối tượng", "Giai đoạn", "Từ ngày"],
            [.. rows.Select((r, i) => (IReadOnlyList<ExportCell>)
            [
                i + 1, r.FullName, BornCell(r.DateOfBirth, r.BirthYear), r.Sex == Sex.Female ? "Nữ" : "Nam", CitizenId(r.Shown, r.CitizenId), r.CellName, r.Categories, r.StageLabel, ExportCell.Date(r.StageSince),
            ])])]);

    /// <summary>
    /// The board's main table (5.): one row per direct child unit with its members at the start of the year, quota,
    /// admitted, the percentages of quota and members, the 3–4 % guide in persons and admitted per source category
    /// (the categories of section 3), then the total row.
    /// </summary>
    public static ExportTable Board(YearlyReport report)
    {
        var categories = report.Categories;
        string[] header =
        [
            "Đơn vị", "Đảng viên đầu năm", "Chỉ tiêu", "Đã kết nạp", "Tỷ lệ đạt chỉ tiêu", "Kết nạp/đảng viên đầu năm", "Mục tiêu 3–4 % (người)",
            .. categories.Select(c => c.Name),
        ];
        IReadOnlyList<ExportCell> Row(string name, ChildUnitLine line) =>
        [
            name, line.MembersAtStart, ExportCell.Of(line.Quota), line.Admitted, ExportCell.Percent(line.Reached), ExportCell.Percent(line.ShareOfMembers),
            $"{N(line.GuideLow, 1)}–{N(line.GuideHigh, 1)}" + (line.MembersAtStart > 0 ? (line.MeetsGuide ? ", đạt" : ", chưa đạt") : ""),
            .. categories.Select(c => (ExportCell)line.AdmittedIn(c.CategoryId)),
        ];
        var rows = report.Children.Select(c => Row(c.Name, c)).ToList();
        if (rows.Count > 0)
        {
            rows.Add(Row("Tổng cộng", report.ChildrenTotal));
        }

        return new ExportTable("5. Kết nạp đảng viên theo đơn vị trực thuộc", header, rows, TotalRow: rows.Count > 0);
    }

    /// <summary>The date of birth as a date when the reader sees it, else the year alone.</summary>
    private static ExportCell BornCell(DateOnly? dateOfBirth, int birthYear) =>
        dateOfBirth is { } date ? ExportCell.Date(date) : new ExportCell(Born(null, birthYear), ExportKind.Integer, birthYear);

    /// <summary>A citizen ID cell: the number, empty when none is recorded, <see cref="HiddenText"/> when the reader may not see it.</summary>
    public static string CitizenId(PersonalFields shown, string? citizenId) =>
        shown.Shows(PersonalFields.CitizenId) ? citizenId ?? "" : HiddenText;
}
