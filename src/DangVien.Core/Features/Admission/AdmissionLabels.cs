using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

/// <summary>What users read for the codes of the admission feature.</summary>
public static class AdmissionLabels
{
    public static string Of(CandidateStage stage) => stage switch
    {
        CandidateStage.Source => "Quần chúng ưu tú (tạo nguồn)",
        CandidateStage.AwarenessCourse => "Đã học lớp bồi dưỡng nhận thức về Đảng",
        CandidateStage.Application => "Đã có đơn xin vào Đảng, lý lịch",
        CandidateStage.HistoryVerified => "Lý lịch đã được thẩm tra",
        CandidateStage.Introduced => "Đã có người giới thiệu",
        CandidateStage.Opinions => "Đã có ý kiến nhận xét",
        CandidateStage.CellVoted => "Chi bộ đã biểu quyết đề nghị kết nạp",
        CandidateStage.CommitteeResolved => "Đảng ủy cơ sở đã có nghị quyết",
        CandidateStage.AdmissionDecided => "Đã có quyết định kết nạp",
        CandidateStage.Probation => "Đảng viên dự bị",
        CandidateStage.RecognitionVoted => "Chi bộ đã xét công nhận chính thức",
        CandidateStage.Official => "Đảng viên chính thức",
        CandidateStage.Removed => "Đã xóa tên",
        CandidateStage.Exited => "Dừng xem xét",
        _ => stage.ToString(),
    };

    public static string Of(StageKind kind) => kind switch
    {
        StageKind.Source => "Đưa vào danh sách quần chúng ưu tú",
        StageKind.AwarenessCourse => "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng",
        StageKind.Application => "Đơn xin vào Đảng (1-KNĐ), lý lịch (2-KNĐ)",
        StageKind.HistoryVerification => "Thẩm tra, chứng nhận lý lịch",
        StageKind.Introduction => "Giới thiệu người vào Đảng",
        StageKind.IntroducerReplacement => "Thay người giới thiệu",
        StageKind.Opinion => "Ý kiến nhận xét",
        StageKind.EligibilityException => "Văn bản đồng ý xét trường hợp đặc biệt",
        StageKind.CellVote => "Chi bộ biểu quyết đề nghị kết nạp (6-KNĐ)",
        StageKind.CommitteeResolution => "Nghị quyết của đảng ủy cơ sở (8-KNĐ)",
        StageKind.AdmissionDecision => "Quyết định kết nạp (9-KNĐ)",
        StageKind.DecisionExtension => "Gia hạn thời gian ra quyết định",
        StageKind.LateCeremonyConsent => "Đồng ý tổ chức lễ kết nạp chậm",
        StageKind.Ceremony => "Lễ kết nạp",
        StageKind.NewMemberCourse => "Giấy chứng nhận lớp bồi dưỡng đảng viên mới",
        StageKind.RecognitionVote => "Chi bộ xét công nhận đảng viên chính thức (13-KNĐ)",
        StageKind.RecognitionDecision => "Quyết định công nhận đảng viên chính thức",
        StageKind.ReferredToSuperior => "Báo cáo cấp ủy cấp trên",
        StageKind.Removal => "Xóa tên trong danh sách đảng viên",
        StageKind.Exit => "Dừng xem xét",
        StageKind.Transfer => "Chuyển chi bộ",
        StageKind.IntroductionRenewal => "Làm lại giấy giới thiệu",
        StageKind.ReadmissionConsent => "Văn bản đồng ý kết nạp lại của ban thường vụ tỉnh ủy",
        _ => kind.ToString(),
    };

    public static string Of(AdmissionAction action) => action switch
    {
        AdmissionAction.RecordAwarenessCourse => "Ghi nhận giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng",
        AdmissionAction.RecordApplication => "Ghi nhận đơn xin vào Đảng và lý lịch",
        AdmissionAction.RecordHistoryVerification => "Ghi nhận thẩm tra lý lịch",
        AdmissionAction.RecordIntroduction => "Ghi nhận người giới thiệu",
        AdmissionAction.ReplaceIntroducer => "Thay người giới thiệu",
        AdmissionAction.RenewIntroduction => "Làm lại giấy giới thiệu",
        AdmissionAction.RecordOpinion => "Ghi nhận ý kiến nhận xét",
        AdmissionAction.RecordEligibilityException => "Ghi nhận văn bản đồng ý xét trường hợp đặc biệt",
        AdmissionAction.RecordCellVote => "Ghi nhận chi bộ biểu quyết đề nghị kết nạp",
        AdmissionAction.RecordCommitteeResolution => "Ghi nhận nghị quyết của đảng ủy cơ sở",
        AdmissionAction.RecordReadmissionConsent => "Ghi nhận văn bản đồng ý kết nạp lại",
        AdmissionAction.ExtendDecision => "Gia hạn thời gian ra quyết định",
        AdmissionAction.RecordAdmissionDecision => "Ghi nhận quyết định kết nạp",
        AdmissionAction.RecordLateCeremonyConsent => "Ghi nhận đồng ý tổ chức lễ kết nạp chậm",
        AdmissionAction.RecordCeremony => "Ghi nhận lễ kết nạp",
        AdmissionAction.RecordNewMemberCourse => "Ghi nhận giấy chứng nhận lớp bồi dưỡng đảng viên mới",
        AdmissionAction.RecordRecognitionVote => "Ghi nhận chi bộ xét công nhận chính thức",
        AdmissionAction.RecordRecognitionDecision => "Ghi nhận quyết định công nhận đảng viên chính thức",
        AdmissionAction.ReferToSuperior => "Báo cáo cấp ủy cấp trên",
        AdmissionAction.RemoveFromList => "Xóa tên",
        AdmissionAction.RecordExit => "Dừng xem xét",
        AdmissionAction.Transfer => "Chuyển chi bộ",
        AdmissionAction.CorrectEntry => "Đính chính",
        _ => action.ToString(),
    };

    public static string Of(ExitReason reason) => reason switch
    {
        ExitReason.Withdrew => "Người vào Đảng xin rút",
        ExitReason.MovedAway => "Chuyển đi nơi khác",
        ExitReason.Ineligible => "Không đủ điều kiện",
        ExitReason.NurturingStopped => "Chi bộ dừng bồi dưỡng",
        _ => reason.ToString(),
    };

    public static string Of(EligibilityExceptionKind kind) => kind switch
    {
        EligibilityExceptionKind.OverSixty => "Trên 60 tuổi",
        EligibilityExceptionKind.PrimaryEducationArea => "Trình độ tiểu học ở vùng cao, biên giới, hải đảo, vùng đồng bào dân tộc thiểu số, vùng đặc biệt khó khăn",
        EligibilityExceptionKind.LiteracyVillageElder => "Biết đọc, biết viết (già làng, trưởng bản)",
        _ => kind.ToString(),
    };

    public static string Of(IntroductionBasis basis) => basis switch
    {
        IntroductionBasis.TwoMembers => "Hai đảng viên chính thức giới thiệu (3-KNĐ)",
        IntroductionBasis.YouthUnion => "Nghị quyết giới thiệu của Đoàn (4-KNĐ) và một đảng viên chính thức",
        IntroductionBasis.TradeUnion => "Nghị quyết giới thiệu của Công đoàn cơ sở (4-KNĐ) và một đảng viên chính thức",
        _ => basis.ToString(),
    };

    public static string Of(GeneralEducation education) => education switch
    {
        GeneralEducation.Literate => "Biết đọc, biết viết",
        GeneralEducation.Primary => "Tiểu học",
        GeneralEducation.LowerSecondary => "Trung học cơ sở",
        GeneralEducation.UpperSecondary => "Trung học phổ thông",
        _ => education.ToString(),
    };

    public static string FormCodeOf(OpinionForm form) => form switch
    {
        OpinionForm.Summary => "5-KNĐ",
        OpinionForm.ResidenceCommittee => "5B-KNĐ",
        OpinionForm.Organisation => "5C-KNĐ",
        _ => form.ToString(),
    };
}
