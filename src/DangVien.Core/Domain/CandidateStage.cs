namespace DangVien.Core.Domain;

/// <summary>
/// Where a candidate stands, derived from the history. The numbers order the pipeline; exits sit
/// after it. Stored on <see cref="Candidate.Stage"/> as a projection for lists and dashboards.
/// </summary>
public enum CandidateStage
{
    /// <summary>Tạo nguồn: listed by the cell as an outstanding person.</summary>
    Source = 10,

    /// <summary>Đã học lớp bồi dưỡng nhận thức về Đảng.</summary>
    AwarenessCourse = 20,

    /// <summary>Đã có đơn xin vào Đảng và lý lịch.</summary>
    Application = 30,

    /// <summary>Lý lịch đã được thẩm tra, chứng nhận.</summary>
    HistoryVerified = 35,

    /// <summary>Có người giới thiệu.</summary>
    Introduced = 40,

    /// <summary>Đã có ý kiến nhận xét của đoàn thể, nơi cư trú.</summary>
    Opinions = 50,

    /// <summary>Chi bộ đã biểu quyết đề nghị kết nạp.</summary>
    CellVoted = 60,

    /// <summary>Đảng ủy cơ sở đã có nghị quyết.</summary>
    CommitteeResolved = 70,

    /// <summary>Đã có quyết định kết nạp, chờ lễ kết nạp.</summary>
    AdmissionDecided = 80,

    /// <summary>Đảng viên dự bị (sau lễ kết nạp).</summary>
    Probation = 90,

    /// <summary>Chi bộ đã biểu quyết công nhận chính thức, chờ quyết định.</summary>
    RecognitionVoted = 95,

    /// <summary>Đảng viên chính thức.</summary>
    Official = 100,

    /// <summary>Xóa tên khỏi danh sách đảng viên dự bị.</summary>
    Removed = 110,

    /// <summary>Dừng xem xét (rút, chuyển đi, không đủ điều kiện, chi bộ dừng bồi dưỡng).</summary>
    Exited = 120,
}

public static class CandidateStageExtensions
{
    /// <summary>Stages a candidate can still move on from.</summary>
    public static bool IsInProgress(this CandidateStage stage) => stage < CandidateStage.Official;

    /// <summary>Before the admission decision: the candidate is not yet a member.</summary>
    public static bool IsBeforeAdmission(this CandidateStage stage) => stage < CandidateStage.AdmissionDecided;
}
