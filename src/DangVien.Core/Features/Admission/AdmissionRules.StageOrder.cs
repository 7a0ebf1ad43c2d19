using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

// Order of stages: which action the file allows now, and which dates a new entry cannot precede.
public static partial class AdmissionRules
{
    /// <summary>
    /// The stages of a file's path to official membership, in order: every stage a candidate stands at on the way, the
    /// committee's resolution only for a cell under a grassroots committee (the others have no such step).
    /// </summary>
    public static IReadOnlyList<CandidateStage> PathStages(bool needsCommitteeResolution) =>
        [.. Enum.GetValues<CandidateStage>()
            .Where(s => s <= CandidateStage.Official && (needsCommitteeResolution || s != CandidateStage.CommitteeResolved))
            .Order()];

    /// <summary>
    /// Whether the action may be taken now, given where the file stands. Null when allowed; else a
    /// form-level refusal that says which step is missing.
    /// </summary>
    public static FieldError? CheckAllowed(AdmissionAction action, CandidateFacts candidate)
    {
        var missing = WhyNot(action, candidate);
        return missing is null ? null : new FieldError("", $"Chưa thể thực hiện \"{AdmissionLabels.Of(action)}\": {missing}.");
    }

    private static string? WhyNot(AdmissionAction action, CandidateFacts c)
    {
        var h = c.History;
        if (h.Exit is { } exit && action != AdmissionAction.CorrectEntry)
        {
            return $"hồ sơ đã dừng xem xét từ ngày {D(exit.EffectiveOn)}";
        }

        if (h.Removal is { } removal && action != AdmissionAction.CorrectEntry)
        {
            return $"đã xóa tên trong danh sách đảng viên từ ngày {D(removal.EffectiveOn)}";
        }

        if (h.RecognitionDecision is not null && action != AdmissionAction.CorrectEntry)
        {
            return "đã là đảng viên chính thức";
        }

        var voted = h.PassedCellVote is { } v ? $"chi bộ đã biểu quyết đề nghị kết nạp ngày {D(v.EffectiveOn)}" : null;
        const string NoCertificate = "chưa có giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng (bước 2)";
        const string NoApplication = "chưa có đơn xin vào Đảng và lý lịch (bước 3)";
        const string NoVerification = "lý lịch chưa được thẩm tra, chứng nhận (bước 3)";
        const string NoIntroduction = "chưa có người giới thiệu (bước 4)";
        const string NoCellVote = "chi bộ chưa biểu quyết đề nghị kết nạp với ít nhất 2/3 đảng viên chính thức "
            + "tán thành (bước 6)";
        const string NoDecision = "chưa có quyết định kết nạp (bước 8)";
        const string NoCeremony = "chưa tổ chức lễ kết nạp (bước 9)";
        const string Correct = "nếu đã ghi sai, hãy đính chính mục đó";

        return action switch
        {
            AdmissionAction.RecordAwarenessCourse => voted,
            AdmissionAction.RecordApplication =>
                h.LatestCertificate is null ? NoCertificate
                : h.Application is { } a ? $"đã ghi nhận đơn xin vào Đảng ngày {D(a.EffectiveOn)}; {Correct}"
                : null,
            AdmissionAction.RecordHistoryVerification =>
                h.Application is null ? NoApplication
                : h.HistoryVerification is { } hv ? $"đã ghi nhận thẩm tra lý lịch ngày {D(hv.EffectiveOn)}; {Correct}"
                : null,
            AdmissionAction.RecordIntroduction =>
                h.HistoryVerification is null ? NoVerification
                : h.Introduction is { } i ? $"đã có người giới thiệu từ ngày {D(i.EffectiveOn)}; để đổi người giới "
                    + "thiệu hãy dùng \"Thay người giới thiệu\""
                : null,
            AdmissionAction.ReplaceIntroducer or AdmissionAction.RenewIntroduction or AdmissionAction.RecordOpinion =>
                h.Introduction is null ? NoIntroduction : voted,
            AdmissionAction.RecordEligibilityException => voted,
            AdmissionAction.RecordCellVote =>
                h.LatestCertificate is null ? NoCertificate
                : h.Application is null ? NoApplication
                : h.HistoryVerification is null ? NoVerification
                : h.Introduction is null ? NoIntroduction
                : !h.HasOpinion ? "chưa có ý kiến nhận xét của tổ chức đoàn thể, chi ủy nơi cư trú (bước 5)"
                : voted,
            AdmissionAction.RecordCommitteeResolution =>
                !c.Cell.NeedsCommitteeResolution ? $"{c.Cell.Name} không phải chi bộ trực thuộc đảng ủy cơ sở nên không "
                    + "có nghị quyết của đảng ủy cơ sở (bước 7)"
                : h.PassedCellVote is null ? NoCellVote
                : h.CommitteeResolution is { } cr ? $"đã có nghị quyết của đảng ủy cơ sở ngày {D(cr.EffectiveOn)}; "
                    + $"{Correct}"
                : null,
            AdmissionAction.RecordReadmissionConsent =>
                !c.IsReadmission ? "hồ sơ này không phải hồ sơ kết nạp lại"
                : h.ReadmissionConsent is { } rc ? $"đã có văn bản đồng ý ngày {D(rc.EffectiveOn)}; {Correct}"
                : h.AdmissionDecision is not null ? "đã có quyết định kết nạp"
                : null,
            AdmissionAction.ExtendDecision => WhyNotExtend(h),
            AdmissionAction.RecordAdmissionDecision =>
                h.PassedCellVote is null ? NoCellVote
                : c.Cell.NeedsCommitteeResolution && h.CommitteeResolution is null ? "chưa có nghị quyết của đảng ủy cơ sở "
                    + "(8-KNĐ, bước 7)"
                : c.IsReadmission && h.ReadmissionConsent is null ? "kết nạp lại phải có văn bản đồng ý của ban "
                    + "thường vụ tỉnh ủy"
                : h.AdmissionDecision is { } ad ? $"đã có quyết định kết nạp ngày {D(ad.EffectiveOn)}; {Correct}"
                : null,
            AdmissionAction.RecordLateCeremonyConsent =>
                h.AdmissionDecision is null ? NoDecision
                : h.Ceremony is not null ? "đã tổ chức lễ kết nạp"
                : h.LateCeremonyConsent is not null ? "đã có văn bản đồng ý tổ chức lễ kết nạp chậm"
                : null,
            AdmissionAction.RecordCeremony =>
                h.AdmissionDecision is null ? NoDecision
                : h.Ceremony is { } ce ? $"đã tổ chức lễ kết nạp ngày {D(ce.EffectiveOn)}; {Correct}"
                : null,
            AdmissionAction.RecordNewMemberCourse =>
                h.Ceremony is null ? NoCeremony
                : h.NewMemberCourse is { } nc ? "đã có giấy chứng nhận lớp bồi dưỡng đảng viên mới ngày "
                    + $"{D(nc.EffectiveOn)}; {Correct}"
                : null,
            AdmissionAction.RecordRecognitionVote =>
                h.Ceremony is null ? NoCeremony
                : h.NewMemberCourse is null ? "chưa có giấy chứng nhận lớp bồi dưỡng lý luận chính trị cho đảng "
                    + "viên mới (bước 10)"
                : h.PassedRecognitionVote is { } rv ? $"chi bộ đã biểu quyết công nhận chính thức ngày {D(rv.EffectiveOn)}"
                : h.FailedRecognitionVotes >= MaximumFailedRecognitionVotes ? "chi bộ đã biểu quyết "
                    + $"{MaximumFailedRecognitionVotes} lần không đủ 2/3 số đảng viên chính thức tán thành: chỉ còn "
                    + "báo cáo cấp ủy cấp trên xem xét"
                : null,
            AdmissionAction.RecordRecognitionDecision =>
                h.Ceremony is null ? NoCeremony
                : h.PassedRecognitionVote is null && h.Referral is null ? "chi bộ chưa biểu quyết công nhận chính thức với "
                    + "ít nhất 2/3 số đảng viên chính thức tán thành, cũng chưa báo cáo cấp ủy cấp trên"
                : null,
            AdmissionAction.ReferToSuperior =>
                h.Ceremony is null ? NoCeremony
                : h.PassedRecognitionVote is not null ? "chi bộ đã biểu quyết công nhận chính thức"
                : h.Referral is { } rf ? $"đã báo cáo cấp ủy cấp trên ngày {D(rf.EffectiveOn)}"
                : h.FailedRecognitionVotes < MaximumFailedRecognitionVotes ? "chỉ báo cáo cấp trên khi chi bộ đã biểu "
                    + $"quyết {MaximumFailedRecognitionVotes} lần không đủ 2/3 (mới {h.FailedRecognitionVotes} lần)"
                : null,
            AdmissionAction.RemoveFromList => h.Ceremony is null ? "chưa là đảng viên dự bị (chưa tổ chức lễ kết "
                + "nạp); trước khi kết nạp hãy dùng \"Dừng xem xét\"" : null,
            AdmissionAction.RecordExit => h.Ceremony is { } cer ? $"đã là đảng viên dự bị từ ngày {D(cer.EffectiveOn)}; "
                + "không công nhận chính thức thì xóa tên" : null,
            AdmissionAction.Transfer => null,
            AdmissionAction.CorrectEntry => h.IsEmpty ? "hồ sơ chưa có mục nào" : null,
            _ => null,
        };
    }

    private static string? WhyNotExtend(CandidateHistory h)
    {
        if (h.Ceremony is null)
        {
            return h.PassedCellVote is null ? "chi bộ chưa biểu quyết đề nghị kết nạp"
                : h.AdmissionDecision is not null ? "đã có quyết định kết nạp"
                : h.AdmissionDecisionExtension is { } e ? $"đã gia hạn ngày {D(e.EffectiveOn)}; chỉ được gia hạn một lần, "
                    + $"thêm {ExtensionWorkingDays} ngày làm việc"
                : null;
        }

        return h.PassedRecognitionVote is null ? "chi bộ chưa biểu quyết công nhận chính thức"
            : h.RecognitionDecisionExtension is { } r ? $"đã gia hạn ngày {D(r.EffectiveOn)}; chỉ được gia hạn một lần, "
                + $"thêm {ExtensionWorkingDays} ngày làm việc"
            : null;
    }

    /// <summary>
    /// The dates of the history an entry of <paramref name="kind"/> cannot precede, with what they are.
    /// The stages happen in order; an exit or a transfer cannot precede anything already recorded.
    /// </summary>
    public static IEnumerable<(DateOnly Date, string What)> LowerBounds(StageKind kind, CandidateHistory h)
    {
        (DateOnly, string)? Of(StageEntry? entry, string what) => entry is null ? null : (CandidateHistory.ActDate(entry), what);

        var bounds = new List<(DateOnly, string)?> { kind == StageKind.Source ? null : Of(h.Source, "ngày đưa vào danh sách quần "
            + "chúng ưu tú") };
        switch (kind)
        {
            case StageKind.Application:
                bounds.Add(Of(h.First(StageKind.AwarenessCourse), "ngày cấp giấy chứng nhận lớp bồi dưỡng nhận thức "
                    + "về Đảng"));
                break;
            case StageKind.HistoryVerification:
                bounds.Add(Of(h.Application, "ngày làm đơn xin vào Đảng"));
                break;
            case StageKind.Introduction:
                bounds.Add(Of(h.HistoryVerification, "ngày thẩm tra lý lịch"));
                break;
            case StageKind.IntroducerReplacement or StageKind.IntroductionRenewal or StageKind.Opinion:
                bounds.Add(Of(h.Introduction, "ngày giới thiệu"));
                break;
            case StageKind.CellVote:
                bounds.Add(Of(h.Introduction, "ngày giới thiệu"));
                bounds.Add(Of(h.Last(StageKind.IntroductionRenewal), "ngày làm lại giấy giới thiệu"));
                bounds.Add(Of(h.Last(StageKind.IntroducerReplacement), "ngày thay người giới thiệu"));
                bounds.Add(Of(h.Last(StageKind.Opinion), "ngày nhận ý kiến nhận xét"));
                break;
            case StageKind.CommitteeResolution:
                bounds.Add(Of(h.PassedCellVote, "ngày chi bộ biểu quyết"));
                break;
            case StageKind.AdmissionDecision:
                bounds.Add(Of(h.PassedCellVote, "ngày chi bộ biểu quyết"));
                bounds.Add(Of(h.CommitteeResolution, "ngày nghị quyết của đảng ủy cơ sở"));
                bounds.Add(Of(h.ReadmissionConsent, "ngày ban thường vụ tỉnh ủy đồng ý kết nạp lại"));
                break;
            case StageKind.DecisionExtension:
                bounds.Add(h.Ceremony is null ? Of(h.PassedCellVote, "ngày chi bộ biểu quyết") : Of(h.PassedRecognitionVote, "ngày "
                    + "chi bộ xét công nhận chính thức"));
                break;
            case StageKind.LateCeremonyConsent:
                bounds.Add(Of(h.AdmissionDecision, "ngày quyết định kết nạp"));
                break;
            case StageKind.Ceremony:
                bounds.Add(Of(h.AdmissionDecision, "ngày quyết định kết nạp"));
                if (h.AdmissionDecision?.ReceivedOn is { } received)
                {
                    bounds.Add((received, "ngày chi bộ nhận quyết định kết nạp"));
                }

                break;
            case StageKind.NewMemberCourse or StageKind.Removal:
                bounds.Add(Of(h.Ceremony, "ngày lễ kết nạp"));
                break;
            case StageKind.RecognitionVote:
                bounds.Add(Of(h.NewMemberCourse, "ngày cấp giấy chứng nhận lớp bồi dưỡng đảng viên mới"));
                bounds.Add(Of(h.LastRecognitionVote, "ngày chi bộ xét lần trước"));
                break;
            case StageKind.RecognitionDecision:
                bounds.Add(Of(h.PassedRecognitionVote, "ngày chi bộ xét công nhận chính thức"));
                bounds.Add(Of(h.Referral, "ngày báo cáo cấp ủy cấp trên"));
                break;
            case StageKind.ReferredToSuperior:
                bounds.Add(Of(h.LastRecognitionVote, "ngày chi bộ xét công nhận chính thức lần cuối"));
                break;
            case StageKind.Exit or StageKind.Transfer:
                if (h.LatestDate is { } latest)
                {
                    bounds.Add((latest, "ngày của mục gần nhất trong hồ sơ"));
                }

                break;
        }

        return bounds.Where(b => b is not null).Select(b => b!.Value);
    }

    /// <summary>The date of a new entry: not in the future, and not before what it follows.</summary>
    public static IEnumerable<FieldError> DateRules(
        string field, string label, DateOnly date, StageKind kind, CandidateHistory history, DateOnly today)
    {
        if (NotInFuture(field, date, label, today) is { } future)
        {
            yield return future;
        }

        foreach (var (bound, what) in LowerBounds(kind, history).Where(b => date < b.Date).OrderByDescending(b => b.Date).Take(1))
        {
            yield return new FieldError(field,
                $"{Cap(label)} ({D(date)}) không thể trước {what} ({D(bound)}): các bước kết nạp diễn ra theo thứ tự.");
        }
    }
}
