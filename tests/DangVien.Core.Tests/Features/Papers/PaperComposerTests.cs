using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Papers;

namespace DangVien.Core.Tests.Features.Papers;

/// <summary>
/// The grassroots committee's papers (7, 8 and 14-KNĐ), offered only for a cell under a grassroots committee, composed
/// from a file in memory (the HTTP tests cover the other forms over a cell directly under a commune): who issues and
/// signs, the cell's vote carried into the committee's papers, and the offer rule of <see cref="PaperForms.Of"/>.
/// </summary>
public sealed class PaperComposerTests
{
    private static readonly PaperUnits Units = new(
        new PaperUnit(30, "Chi bộ Phòng Kỹ thuật", OrgUnitKind.Cell, "Đảng bộ Công ty Điện lực"),
        new PaperUnit(20, "Đảng bộ Công ty Điện lực", OrgUnitKind.GrassrootsCommittee, "Đảng bộ phường Hồng Hải"),
        new PaperUnit(10, "Đảng bộ phường Hồng Hải", OrgUnitKind.CommuneCommittee, "Đảng bộ tỉnh Quảng Ninh"));

    [Fact]
    public void The_grassroots_committee_issues_and_signs_its_appraisal_and_resolution_with_the_cell_s_vote()
    {
        var file = File(underCommittee: true);
        var resolution = file.Timeline.Single(e => e.Kind == StageKind.CommitteeResolution);
        Assert.Equal([PaperKind.CommitteeAppraisal, PaperKind.CommitteeResolution], PaperForms.Of(file, resolution));

        var paper = PaperComposer.Compose(PaperKind.CommitteeResolution, file, resolution, Units);
        var lines = paper.Lines().ToList();
        Assert.Equal("ĐẢNG BỘ PHƯỜNG HỒNG HẢI", paper.UpperUnit);
        Assert.Equal("ĐẢNG ỦY CÔNG TY ĐIỆN LỰC", paper.IssuingUnit);
        Assert.Equal("Số: 45-NQ/ĐU", paper.NumberLine);
        Assert.Equal("[địa danh], ngày 15 tháng 05 năm 2025", paper.PlaceDateLine);
        Assert.Equal(("T/M ĐẢNG ỦY", "BÍ THƯ"), (paper.SignatureOnBehalf, paper.SignatureTitle));
        Assert.Contains("Ngày 15/05/2025, Đảng ủy Công ty Điện lực họp xét đề nghị của Chi bộ Phòng Kỹ thuật về việc kết nạp quần chúng Võ Thị Ngọc Ánh vào Đảng Cộng sản Việt Nam.", lines);
        Assert.Contains("Nghị quyết số 12-NQ/CB ngày 05/05/2025 của Chi bộ Phòng Kỹ thuật đề nghị kết nạp:", lines);
        Assert.Contains("Tổng số đảng viên chính thức của chi bộ: 9; số đảng viên có mặt: 9; số đảng viên chính thức tán thành: 6, đạt 66,67% so với tổng số đảng viên chính thức.", lines);
        Assert.Contains("Đề nghị Đảng ủy phường Hồng Hải xem xét, quyết định kết nạp quần chúng Võ Thị Ngọc Ánh vào Đảng Cộng sản Việt Nam.", lines);

        var appraisal = PaperComposer.Compose(PaperKind.CommitteeAppraisal, file, resolution, Units);
        Assert.Equal(("BÁO CÁO THẨM ĐỊNH", "Số: [số]-BC/ĐU"), (appraisal.Title, appraisal.NumberLine));
        Assert.Contains("Thẩm tra lý lịch ngày 07/04/2025: Lịch sử chính trị rõ ràng.", appraisal.Lines());
        Assert.Contains("sinh năm 2001", appraisal.Lines().First(l => l.StartsWith("Họ và tên:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_recognition_decision_offers_the_committee_s_resolution_only_under_a_grassroots_committee()
    {
        var under = File(underCommittee: true);
        var decision = under.Timeline.Single(e => e.Kind == StageKind.RecognitionDecision);
        Assert.Equal([PaperKind.RecognitionCommitteeResolution, PaperKind.RecognitionDecision], PaperForms.Of(under, decision));
        var resolution = PaperComposer.Compose(PaperKind.RecognitionCommitteeResolution, under, decision, Units);
        Assert.Equal("ĐẢNG ỦY CÔNG TY ĐIỆN LỰC", resolution.IssuingUnit);
        Assert.Contains("Đề nghị Đảng ủy phường Hồng Hải xem xét, quyết định công nhận đồng chí Võ Thị Ngọc Ánh là đảng viên chính thức, kể từ ngày 20/06/2026.", resolution.Lines());

        var direct = File(underCommittee: false);
        Assert.Equal([PaperKind.RecognitionDecision], PaperForms.Of(direct, direct.Timeline.Single(e => e.Kind == StageKind.RecognitionDecision)));

        // A failed vote proposes nothing, a corrected entry offers nothing.
        var failed = Entry(9, StageKind.RecognitionVote, new DateOnly(2026, 6, 25)) with { Vote = Vote(9, 5, false) };
        Assert.Empty(PaperForms.Of(under, failed));
        Assert.Empty(PaperForms.Of(under, under.Timeline.Single(e => e.Kind == StageKind.CellVote) with { IsSuperseded = true }));
    }

    private static CandidateFile File(bool underCommittee) => new()
    {
        Id = 7,
        Version = 1,
        FullName = "Võ Thị Ngọc Ánh",
        BirthYear = 2001,
        Sex = Sex.Female,
        Shown = PersonalFields.None,
        GeneralEducation = GeneralEducation.UpperSecondary,
        GeneralEducationLabel = "",
        Categories = [],
        Cell = new UnitItem(30, "Chi bộ Phòng Kỹ thuật"),
        DecidingUnit = new UnitItem(10, "Đảng bộ phường Hồng Hải"),
        Stage = CandidateStage.Official,
        Path = AdmissionRules.PathStages(underCommittee),
        StageLabel = "",
        StageSince = new DateOnly(2026, 6, 20),
        OfficialFrom = new DateOnly(2026, 6, 20),
        Introducers = [],
        Votes = [],
        NextActions = [],
        Timeline =
        [
            Entry(1, StageKind.HistoryVerification, new DateOnly(2025, 4, 7)) with { Note = "Lịch sử chính trị rõ ràng" },
            Entry(2, StageKind.CellVote, new DateOnly(2025, 5, 5)) with { DocumentNumber = "12-NQ/CB", Vote = Vote(9, 6, true) },
            Entry(3, StageKind.CommitteeResolution, new DateOnly(2025, 5, 15)) with { DocumentNumber = "45-NQ/ĐU" },
            Entry(4, StageKind.AdmissionDecision, new DateOnly(2025, 6, 2)) with { DocumentNumber = "101-QĐ/ĐU" },
            Entry(5, StageKind.Ceremony, new DateOnly(2025, 6, 20)),
            Entry(6, StageKind.RecognitionVote, new DateOnly(2026, 6, 25)) with { Vote = Vote(9, 8, true) },
            Entry(7, StageKind.RecognitionDecision, new DateOnly(2026, 6, 20)) with { DocumentDate = new DateOnly(2026, 7, 10), DocumentNumber = "205-QĐ/ĐU" },
        ],
    };

    private static TimelineEntry Entry(long id, StageKind kind, DateOnly on) => new()
    {
        Id = id,
        Kind = kind,
        Title = kind.ToString(),
        EffectiveOn = on,
        Introducers = [],
        RecordedBy = "test",
        RecordedAt = DateTimeOffset.UnixEpoch,
        IsSuperseded = false,
    };

    private static VoteItem Vote(int official, int inFavour, bool passed) => new(0, StageKind.CellVote, default, official, official, inFavour, passed, false);
}
