namespace DangVien.Core.Features.Admission;

// Next actions: what the file allows now, each with its rule in plain Vietnamese and its due date.
public static partial class AdmissionRules
{
    /// <summary>The actions allowed now, each with its rule in plain Vietnamese and, where there is one, its due date.</summary>
    public static IReadOnlyList<NextAction> NextActions(CandidateFacts c, RuleContext context)
    {
        var h = c.History;
        var p = context.Parameters;
        var calendar = context.Calendar;
        var actions = new List<NextAction>();
        foreach (var action in Enum.GetValues<AdmissionAction>())
        {
            if (CheckAllowed(action, c) is not null)
            {
                continue;
            }

            DateOnly? due = null;
            string rule;
            switch (action)
            {
                case AdmissionAction.RecordAwarenessCourse:
                    rule = $"Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng có giá trị {p.CertificateValidityMonths} tháng và phải còn hạn vào ngày chi bộ biểu quyết.";
                    if (h.LatestCertificate is { } certificate)
                    {
                        due = CertificateLastValidDay(certificate.EffectiveOn, p.CertificateValidityMonths);
                        rule += $" Giấy hiện có cấp ngày {D(certificate.EffectiveOn)}, còn hạn đến hết ngày {D(due.Value)}.";
                    }

                    break;
                case AdmissionAction.RecordApplication:
                    rule = "Người vào Đảng tự viết đơn xin vào Đảng (1-KNĐ) và khai lý lịch (2-KNĐ).";
                    break;
                case AdmissionAction.RecordHistoryVerification:
                    rule = "Chi ủy thẩm tra lý lịch của người vào Đảng, cha mẹ, vợ hoặc chồng, con đã trưởng thành (bên nào là đảng viên thì không phải thẩm tra); đảng ủy cơ sở chứng nhận lý lịch.";
                    break;
                case AdmissionAction.RecordIntroduction:
                    rule = $"Hai đảng viên chính thức đã cùng công tác, học tập, sinh sống với người vào Đảng ít nhất {IntroducerKnownMonths} tháng giới thiệu (3-KNĐ); "
                        + "hoặc nghị quyết giới thiệu của Đoàn / Công đoàn cơ sở (4-KNĐ) và một đảng viên chính thức. Đảng viên dự bị không được giới thiệu.";
                    break;
                case AdmissionAction.ReplaceIntroducer:
                    rule = $"Người giới thiệu chuyển đi hoặc bị kỷ luật thì chi bộ phân công đảng viên chính thức khác giới thiệu thay; người thay không cần đủ {IntroducerKnownMonths} tháng.";
                    break;
                case AdmissionAction.RenewIntroduction:
                    rule = $"Quá {p.DossierRenewalMonths} tháng kể từ ngày lập hồ sơ mà chi bộ chưa xét thì phải làm lại giấy giới thiệu và nghị quyết giới thiệu của Đoàn / Công đoàn.";
                    if (h.DossierDate is { } dossier)
                    {
                        due = DossierLastFreshDay(dossier, p.DossierRenewalMonths);
                        rule += $" Hồ sơ hiện còn giá trị đến hết ngày {D(due.Value)}.";
                    }

                    break;
                case AdmissionAction.RecordOpinion:
                    rule = "Ý kiến nhận xét của tổ chức đoàn thể nơi làm việc (5C-KNĐ), của chi ủy nơi cư trú (5B-KNĐ) và bản tổng hợp (5-KNĐ), ghi ngày nhận.";
                    break;
                case AdmissionAction.RecordEligibilityException:
                    rule = "Người trên 60 tuổi, người có trình độ tiểu học ở vùng cao, biên giới, hải đảo, vùng đồng bào dân tộc thiểu số, vùng đặc biệt khó khăn, "
                        + "người chỉ biết đọc, biết viết (già làng, trưởng bản) chỉ được xét khi có văn bản đồng ý, ghi nhận trước khi chi bộ biểu quyết.";
                    break;
                case AdmissionAction.RecordCellVote:
                    rule = "Nghị quyết chi bộ (6-KNĐ) thông qua khi có ít nhất hai phần ba số đảng viên chính thức của chi bộ tán thành (tính trên tổng số đảng viên chính thức, không phải số có mặt). "
                        + $"Vào ngày biểu quyết, người vào Đảng phải đủ 18 tuổi đến 60 tuổi tính theo tháng (đủ 18 tuổi từ {D(EighteenFrom(c.DateOfBirth))}, quá 60 tuổi từ {D(PastSixtyFrom(c.DateOfBirth))})";
                    if (h.LatestCertificate is { } valid)
                    {
                        rule += $"; giấy chứng nhận lớp bồi dưỡng còn hạn đến hết ngày {D(CertificateLastValidDay(valid.EffectiveOn, p.CertificateValidityMonths))}";
                    }

                    if (h.DossierDate is { } compiled)
                    {
                        due = DossierLastFreshDay(compiled, p.DossierRenewalMonths);
                        rule += $"; hồ sơ còn giá trị đến hết ngày {D(due.Value)}";
                    }

                    rule += ".";
                    break;
                case AdmissionAction.RecordCommitteeResolution:
                    rule = "Đảng ủy cơ sở xem xét, ra nghị quyết (8-KNĐ) đề nghị cấp ủy có thẩm quyền quyết định kết nạp.";
                    due = AdmissionDecisionDeadline(h, calendar);
                    break;
                case AdmissionAction.RecordReadmissionConsent:
                    rule = "Kết nạp lại phải có văn bản đồng ý của ban thường vụ tỉnh ủy, và chỉ được xét khi đã ra khỏi Đảng ít nhất 36 tháng (60 tháng đối với người đã bị án hình sự).";
                    if (c.FormerMember?.LeftOn is { } left)
                    {
                        rule += $" Được xét từ ngày {D(ReadmissionFrom(left, c.FormerMember.HadCriminalConviction))}.";
                    }

                    break;
                case AdmissionAction.ExtendDecision:
                    due = h.Ceremony is null ? AdmissionDecisionDeadline(h, calendar) : RecognitionDecisionDeadline(h, calendar);
                    rule = $"Cấp ủy có thẩm quyền có thể gia hạn thêm {ExtensionWorkingDays} ngày làm việc, một lần, có lý do, trước khi hết hạn"
                        + (due is { } current ? $" (hạn hiện tại: {D(current)})." : ".");
                    break;
                case AdmissionAction.RecordAdmissionDecision:
                    due = AdmissionDecisionDeadline(h, calendar);
                    rule = $"{c.Cell.DecidingUnitName ?? "Cấp ủy có thẩm quyền"} ra quyết định kết nạp (9-KNĐ) trong {DecisionWorkingDays} ngày làm việc kể từ ngày chi bộ có nghị quyết"
                        + (h.AdmissionDecisionExtension is null ? "" : $", đã gia hạn thêm {ExtensionWorkingDays} ngày làm việc")
                        + (due is { } decisionDue ? $", tức chậm nhất ngày {D(decisionDue)}." : ".");
                    break;
                case AdmissionAction.RecordLateCeremonyConsent:
                    due = CeremonyDeadline(h, calendar);
                    rule = $"Lễ kết nạp tổ chức sau {CeremonyWorkingDays} ngày làm việc kể từ ngày chi bộ nhận quyết định phải có sự đồng ý của cấp ủy cấp trên.";
                    break;
                case AdmissionAction.RecordCeremony:
                    due = h.LateCeremonyConsent is null ? CeremonyDeadline(h, calendar) : null;
                    rule = $"Tổ chức lễ kết nạp trong {CeremonyWorkingDays} ngày làm việc kể từ ngày chi bộ nhận quyết định"
                        + (due is { } ceremonyDue ? $", tức chậm nhất ngày {D(ceremonyDue)}" : ", đã có sự đồng ý tổ chức chậm của cấp ủy cấp trên")
                        + "; ngày lễ kết nạp là ngày vào Đảng. Phân công đảng viên chính thức giúp đỡ đảng viên dự bị.";
                    break;
                case AdmissionAction.RecordNewMemberCourse:
                    rule = "Đảng viên dự bị phải học lớp bồi dưỡng lý luận chính trị cho đảng viên mới và có giấy chứng nhận trước khi chi bộ xét công nhận chính thức.";
                    if (h.Ceremony is { } ceremonyEntry)
                    {
                        due = ProbationLastDay(ceremonyEntry.EffectiveOn);
                    }

                    break;
                case AdmissionAction.RecordRecognitionVote:
                    var held = h.Ceremony!.EffectiveOn;
                    due = RecognitionVoteDeadline(h, calendar);
                    rule = $"Dự bị {ProbationMonths} tháng kể từ ngày kết nạp {D(held)}, đến hết ngày {D(ProbationLastDay(held))}. "
                        + $"Chi bộ xét công nhận chính thức từ ngày {D(OfficialFrom(held))} đến chậm nhất ngày {D(due!.Value)} ({RecognitionVoteWorkingDays} ngày làm việc); "
                        + "cần ít nhất hai phần ba số đảng viên chính thức của chi bộ tán thành."
                        + (h.FailedRecognitionVotes > 0 ? $" Đã biểu quyết không đạt {h.FailedRecognitionVotes} lần; sau {MaximumFailedRecognitionVotes} lần thì báo cáo cấp ủy cấp trên." : "");
                    break;
                case AdmissionAction.RecordRecognitionDecision:
                    due = h.Referral is null ? RecognitionDecisionDeadline(h, calendar) : null;
                    rule = (h.Referral is null
                            ? $"Cấp ủy có thẩm quyền quyết định trong {RecognitionDecisionWorkingDays} ngày làm việc kể từ ngày chi bộ biểu quyết" + (due is { } recognitionDue ? $", tức chậm nhất ngày {D(recognitionDue)}" : "")
                            : "Cấp ủy cấp trên xem xét, quyết định")
                        + $"; quyết định công nhận có hiệu lực từ ngày hết {ProbationMonths} tháng dự bị ({D(OfficialFrom(h.Ceremony!.EffectiveOn))}), dù họp muộn.";
                    break;
                case AdmissionAction.ReferToSuperior:
                    rule = $"Chi bộ đã biểu quyết {MaximumFailedRecognitionVotes} lần không đủ hai phần ba số đảng viên chính thức tán thành: báo cáo cấp ủy cấp trên xem xét, quyết định.";
                    break;
                case AdmissionAction.RemoveFromList:
                    rule = "Đảng viên dự bị không đủ tư cách đảng viên thì bị xóa tên trong danh sách đảng viên, có quyết định của cấp ủy có thẩm quyền và ghi rõ lý do.";
                    break;
                case AdmissionAction.RecordExit:
                    rule = "Trước lễ kết nạp, hồ sơ có thể dừng: người vào Đảng xin rút, chuyển đi, không đủ điều kiện, hoặc chi bộ dừng bồi dưỡng. Ghi rõ lý do; hồ sơ được giữ lại, không xóa.";
                    break;
                case AdmissionAction.Transfer:
                    rule = "Chuyển người vào Đảng sang chi bộ khác (chuyển công tác, tốt nghiệp): hồ sơ và lịch sử được giữ nguyên.";
                    break;
                case AdmissionAction.CorrectEntry:
                    rule = "Đính chính một mục đã ghi: ghi một mục mới thay thế, mục cũ vẫn được giữ và hiển thị là đã đính chính.";
                    break;
                default:
                    continue;
            }

            actions.Add(new NextAction(action, AdmissionLabels.Of(action), rule, due));
        }

        return actions;
    }
}

/// <summary>An action the file allows now, with its rule in plain Vietnamese and its due date when it has one.</summary>
public sealed record NextAction(AdmissionAction Action, string Title, string Rule, DateOnly? DueBy);
