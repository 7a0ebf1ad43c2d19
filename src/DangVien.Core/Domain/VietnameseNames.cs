namespace DangVien.Core.Domain;

/// <summary>The Vietnamese names of the domain's enumerations, shared by messages and pages.</summary>
public static class VietnameseNames
{
    public static string Of(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Province => "Tỉnh ủy",
        OrgUnitKind.UpperCommittee => "Đảng bộ cấp trên cơ sở",
        OrgUnitKind.CommuneCommittee => "Đảng ủy xã/phường",
        OrgUnitKind.GrassrootsCommittee => "Đảng bộ cơ sở",
        OrgUnitKind.GrassrootsCell => "Chi bộ cơ sở",
        OrgUnitKind.Cell => "Chi bộ trực thuộc",
        _ => kind.ToString(),
    };

    public static string Of(CandidateStage stage) => stage switch
    {
        CandidateStage.Source => "Tạo nguồn",
        CandidateStage.AwarenessCourse => "Đã học lớp nhận thức về Đảng",
        CandidateStage.Application => "Đã nộp đơn và lý lịch",
        CandidateStage.HistoryVerified => "Đã thẩm tra lý lịch",
        CandidateStage.Introduced => "Đã có người giới thiệu",
        CandidateStage.Opinions => "Đã có ý kiến nhận xét",
        CandidateStage.CellVoted => "Chi bộ đã biểu quyết",
        CandidateStage.CommitteeResolved => "Đảng ủy đã có nghị quyết",
        CandidateStage.AdmissionDecided => "Đã có quyết định kết nạp",
        CandidateStage.Probation => "Đảng viên dự bị",
        CandidateStage.RecognitionVoted => "Chi bộ đã xét công nhận",
        CandidateStage.Official => "Đảng viên chính thức",
        CandidateStage.Removed => "Đã xóa tên",
        CandidateStage.Exited => "Dừng xem xét",
        _ => stage.ToString(),
    };

    public static string Of(MemberStatus status) => status switch
    {
        MemberStatus.Probationary => "Dự bị",
        MemberStatus.Official => "Chính thức",
        MemberStatus.Removed => "Đã xóa tên",
        MemberStatus.Left => "Đã ra khỏi Đảng",
        _ => status.ToString(),
    };

    public static string Of(Sex sex) => sex == Sex.Female ? "Nữ" : "Nam";
}
