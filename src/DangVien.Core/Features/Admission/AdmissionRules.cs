using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Calendar;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Every rule of the admission procedure (DOMAIN.md, "The stages, in order"), in one place. Pure:
/// it reads the facts it is given and returns the refusals, each on the request field concerned,
/// with a Vietnamese message that names the rule. <see cref="AdmissionService"/> calls it before
/// every write; the read model and the alerts use its deadlines.
/// </summary>
/// <remarks>
/// <para>Counting months. "N months from a day" ends on the same day-of-month N months later; when
/// that month has no such day (a start on 29, 30 or 31) the period ends on the first day of the next
/// month (<see cref="MonthsAfter"/>). So:</para>
/// <list type="bullet">
/// <item>age: born 2008-05-20 is 18 from 2026-05-20; born 2008-02-29 is 18 from 2026-03-01. Age is
/// counted in whole months: someone is "at most 60" while fewer than 60 years and 1 month have
/// passed, so the first day past 60 years is the 60th birthday plus one month.</item>
/// <item>probation: 12 months from the ceremony day included. A ceremony on 2024-03-15 makes
/// probation run to 2025-03-14 (the day before the same date next year); the member is official from
/// 2025-03-15 (<see cref="OfficialFrom"/>, stored as <see cref="Member.RecognisedOn"/>). A ceremony
/// on 2024-02-29 runs to 2025-02-28; official from 2025-03-01.</item>
/// <item>certificate: valid 60 months from its date, that day included; issued 2021-05-20 it is
/// valid up to 2026-05-19.</item>
/// <item>dossier: fresh for 12 months from the introduction (or its latest renewal), that day included.</item>
/// </list>
/// <para>Working-day deadlines use <see cref="WorkingDayCalendar.AddWorkingDays"/>: "within 60
/// working days of the resolution" means up to and including the 60th working day after it.</para>
/// </remarks>
public static class AdmissionRules
{
    public const int MinimumAgeYears = 18;
    public const int MaximumAgeYears = 60;
    public const int DecisionWorkingDays = 60;
    public const int ExtensionWorkingDays = 30;
    public const int CeremonyWorkingDays = 30;
    public const int ProbationMonths = 12;
    public const int RecognitionVoteWorkingDays = 30;
    public const int RecognitionDecisionWorkingDays = 30;
    public const int MaximumFailedRecognitionVotes = 3;

    /// <summary>A cell that does not exist or lies outside the user's scope: the same words for both.</summary>
    public const string CellNotFound = "Không tìm thấy chi bộ.";
    public const int IntroducerKnownMonths = 12;
    public const int ReadmissionWaitMonths = 36;
    public const int ReadmissionWaitAfterConvictionMonths = 60;

    // ---------------------------------------------------------------- dates

    /// <summary>The same day-of-month <paramref name="months"/> later, or the 1st of the next month when that day does not exist.</summary>
    public static DateOnly MonthsAfter(DateOnly start, int months)
    {
        var target = start.AddMonths(months);
        return target.Day == start.Day ? target : target.AddDays(1);
    }

    /// <summary>Whole months from <paramref name="start"/> to <paramref name="day"/>.</summary>
    public static int WholeMonthsBetween(DateOnly start, DateOnly day)
    {
        var months = ((day.Year - start.Year) * 12) + day.Month - start.Month;
        while (months > 0 && MonthsAfter(start, months) > day)
        {
            months--;
        }

        return months;
    }

    /// <summary>The first day the person is 18 (counted in whole months).</summary>
    public static DateOnly EighteenFrom(DateOnly dateOfBirth) => MonthsAfter(dateOfBirth, MinimumAgeYears * 12);

    /// <summary>The first day the person is past 60 years counted in whole months (60 years and 1 month).</summary>
    public static DateOnly PastSixtyFrom(DateOnly dateOfBirth) => MonthsAfter(dateOfBirth, (MaximumAgeYears * 12) + 1);

    /// <summary>The day the member becomes official: 12 months after the ceremony (the recognition's effective date).</summary>
    public static DateOnly OfficialFrom(DateOnly ceremony) => MonthsAfter(ceremony, ProbationMonths);

    /// <summary>The last day of probation: the day before <see cref="OfficialFrom"/>.</summary>
    public static DateOnly ProbationLastDay(DateOnly ceremony) => OfficialFrom(ceremony).AddDays(-1);

    /// <summary>The last day an awareness-course certificate is valid.</summary>
    public static DateOnly CertificateLastValidDay(DateOnly issuedOn, int validityMonths) => MonthsAfter(issuedOn, validityMonths).AddDays(-1);

    /// <summary>The last day the cell can vote on a dossier compiled on <paramref name="dossierDate"/> without renewing it.</summary>
    public static DateOnly DossierLastFreshDay(DateOnly dossierDate, int renewalMonths) => MonthsAfter(dossierDate, renewalMonths).AddDays(-1);

    /// <summary>The first day a former member can be considered again.</summary>
    public static DateOnly ReadmissionFrom(DateOnly leftOn, bool hadCriminalConviction) =>
        MonthsAfter(leftOn, hadCriminalConviction ? ReadmissionWaitAfterConvictionMonths : ReadmissionWaitMonths);

    /// <summary>Two thirds of the cell's official members in favour (not of those present).</summary>
    public static bool PassesTwoThirds(int officialMembers, int inFavour) => (long)inFavour * 3 >= (long)officialMembers * 2;

    /// <summary>The fewest votes in favour that pass (<see cref="PassesTwoThirds"/>): 30 of 44, 16 of 24, 2 of 3.</summary>
    public static int InFavourNeeded(int officialMembers) => (int)((((long)officialMembers * 2) + 2) / 3);

    // ------------------------------------------------------------ deadlines

    /// <summary>The last day for the admission decision: 60 working days after the cell's resolution, 90 with an extension.</summary>
    public static DateOnly? AdmissionDecisionDeadline(CandidateHistory history, WorkingDayCalendar calendar) =>
        history.PassedCellVote is { } vote
            ? calendar.AddWorkingDays(CandidateHistory.ActDate(vote), DecisionWorkingDays + (history.AdmissionDecisionExtension is null ? 0 : ExtensionWorkingDays))
            : null;

    /// <summary>The last day for the ceremony: 30 working days after the decision reached the cell.</summary>
    public static DateOnly? CeremonyDeadline(CandidateHistory history, WorkingDayCalendar calendar) =>
        history.AdmissionDecision is { } decision
            ? calendar.AddWorkingDays(decision.ReceivedOn ?? CandidateHistory.ActDate(decision), CeremonyWorkingDays)
            : null;

    /// <summary>The last day for the recognition vote: 30 working days after the 12 months end.</summary>
    public static DateOnly? RecognitionVoteDeadline(CandidateHistory history, WorkingDayCalendar calendar) =>
        history.Ceremony is { } ceremony
            ? calendar.AddWorkingDays(ProbationLastDay(ceremony.EffectiveOn), RecognitionVoteWorkingDays)
            : null;

    /// <summary>The last day for the recognition decision: 30 working days after the cell's vote, 60 with an extension.</summary>
    public static DateOnly? RecognitionDecisionDeadline(CandidateHistory history, WorkingDayCalendar calendar) =>
        history.PassedRecognitionVote is { } vote
            ? calendar.AddWorkingDays(CandidateHistory.ActDate(vote), RecognitionDecisionWorkingDays + (history.RecognitionDecisionExtension is null ? 0 : ExtensionWorkingDays))
            : null;

    // -------------------------------------------------------- stage order

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
        const string NoCellVote = "chi bộ chưa biểu quyết đề nghị kết nạp với ít nhất 2/3 đảng viên chính thức tán thành (bước 6)";
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
                : h.Introduction is { } i ? $"đã có người giới thiệu từ ngày {D(i.EffectiveOn)}; để đổi người giới thiệu hãy dùng \"Thay người giới thiệu\""
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
                !c.Cell.NeedsCommitteeResolution ? $"{c.Cell.Name} không phải chi bộ trực thuộc đảng ủy cơ sở nên không có nghị quyết của đảng ủy cơ sở (bước 7)"
                : h.PassedCellVote is null ? NoCellVote
                : h.CommitteeResolution is { } cr ? $"đã có nghị quyết của đảng ủy cơ sở ngày {D(cr.EffectiveOn)}; {Correct}"
                : null,
            AdmissionAction.RecordReadmissionConsent =>
                !c.IsReadmission ? "hồ sơ này không phải hồ sơ kết nạp lại"
                : h.ReadmissionConsent is { } rc ? $"đã có văn bản đồng ý ngày {D(rc.EffectiveOn)}; {Correct}"
                : h.AdmissionDecision is not null ? "đã có quyết định kết nạp"
                : null,
            AdmissionAction.ExtendDecision => WhyNotExtend(h),
            AdmissionAction.RecordAdmissionDecision =>
                h.PassedCellVote is null ? NoCellVote
                : c.Cell.NeedsCommitteeResolution && h.CommitteeResolution is null ? "chưa có nghị quyết của đảng ủy cơ sở (8-KNĐ, bước 7)"
                : c.IsReadmission && h.ReadmissionConsent is null ? "kết nạp lại phải có văn bản đồng ý của ban thường vụ tỉnh ủy"
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
                : h.NewMemberCourse is { } nc ? $"đã có giấy chứng nhận lớp bồi dưỡng đảng viên mới ngày {D(nc.EffectiveOn)}; {Correct}"
                : null,
            AdmissionAction.RecordRecognitionVote =>
                h.Ceremony is null ? NoCeremony
                : h.NewMemberCourse is null ? "chưa có giấy chứng nhận lớp bồi dưỡng lý luận chính trị cho đảng viên mới (bước 10)"
                : h.PassedRecognitionVote is { } rv ? $"chi bộ đã biểu quyết công nhận chính thức ngày {D(rv.EffectiveOn)}"
                : h.FailedRecognitionVotes >= MaximumFailedRecognitionVotes ? $"chi bộ đã biểu quyết {MaximumFailedRecognitionVotes} lần không đủ 2/3 số đảng viên chính thức tán thành: chỉ còn báo cáo cấp ủy cấp trên xem xét"
                : null,
            AdmissionAction.RecordRecognitionDecision =>
                h.Ceremony is null ? NoCeremony
                : h.PassedRecognitionVote is null && h.Referral is null ? "chi bộ chưa biểu quyết công nhận chính thức với ít nhất 2/3 số đảng viên chính thức tán thành, cũng chưa báo cáo cấp ủy cấp trên"
                : null,
            AdmissionAction.ReferToSuperior =>
                h.Ceremony is null ? NoCeremony
                : h.PassedRecognitionVote is not null ? "chi bộ đã biểu quyết công nhận chính thức"
                : h.Referral is { } rf ? $"đã báo cáo cấp ủy cấp trên ngày {D(rf.EffectiveOn)}"
                : h.FailedRecognitionVotes < MaximumFailedRecognitionVotes ? $"chỉ báo cáo cấp trên khi chi bộ đã biểu quyết {MaximumFailedRecognitionVotes} lần không đủ 2/3 (mới {h.FailedRecognitionVotes} lần)"
                : null,
            AdmissionAction.RemoveFromList => h.Ceremony is null ? "chưa là đảng viên dự bị (chưa tổ chức lễ kết nạp); trước khi kết nạp hãy dùng \"Dừng xem xét\"" : null,
            AdmissionAction.RecordExit => h.Ceremony is { } cer ? $"đã là đảng viên dự bị từ ngày {D(cer.EffectiveOn)}; không công nhận chính thức thì xóa tên" : null,
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
                : h.AdmissionDecisionExtension is { } e ? $"đã gia hạn ngày {D(e.EffectiveOn)}; chỉ được gia hạn một lần, thêm {ExtensionWorkingDays} ngày làm việc"
                : null;
        }

        return h.PassedRecognitionVote is null ? "chi bộ chưa biểu quyết công nhận chính thức"
            : h.RecognitionDecisionExtension is { } r ? $"đã gia hạn ngày {D(r.EffectiveOn)}; chỉ được gia hạn một lần, thêm {ExtensionWorkingDays} ngày làm việc"
            : null;
    }

    // ------------------------------------------------------ rule primitives

    /// <summary>Dates never in the future.</summary>
    public static FieldError? NotInFuture(string field, DateOnly date, string label, DateOnly today) =>
        date > today ? new FieldError(field, $"{Cap(label)} ({D(date)}) không thể sau ngày hôm nay ({D(today)}).") : null;

    /// <summary>The age rule at the date of the cell vote: 18 to 60 counted in whole months; over 60 only with the recorded consent.</summary>
    public static FieldError? AgeAt(string field, DateOnly dateOfBirth, DateOnly voteDate, bool hasOverSixtyConsent)
    {
        var eighteen = EighteenFrom(dateOfBirth);
        if (voteDate < eighteen)
        {
            return new FieldError(field,
                $"Chưa đủ {MinimumAgeYears} tuổi (tính theo tháng) vào ngày chi bộ biểu quyết {D(voteDate)}: sinh ngày {D(dateOfBirth)}, đủ {MinimumAgeYears} tuổi từ {D(eighteen)}.");
        }

        var pastSixty = PastSixtyFrom(dateOfBirth);
        if (voteDate >= pastSixty && !hasOverSixtyConsent)
        {
            return new FieldError(field,
                $"Quá {MaximumAgeYears} tuổi (tính theo tháng) vào ngày chi bộ biểu quyết {D(voteDate)}: sinh ngày {D(dateOfBirth)}, quá {MaximumAgeYears} tuổi từ {D(pastSixty)}. "
                + "Chỉ được xét khi đã ghi nhận văn bản đồng ý của cấp ủy trực thuộc Trung ương (trường hợp trên 60 tuổi).");
        }

        return null;
    }

    /// <summary>Education at least lower-secondary (THCS), unless the matching exception consent is recorded.</summary>
    public static FieldError? EducationOf(string field, GeneralEducation education, CandidateHistory history, DateOnly voteDate)
    {
        if (education >= GeneralEducation.LowerSecondary)
        {
            return null;
        }

        var literacy = history.HasExceptionOn(EligibilityExceptionKind.LiteracyVillageElder, voteDate);
        if (education == GeneralEducation.Primary && (history.HasExceptionOn(EligibilityExceptionKind.PrimaryEducationArea, voteDate) || literacy))
        {
            return null;
        }

        if (education == GeneralEducation.Literate && literacy)
        {
            return null;
        }

        return new FieldError(field,
            $"Trình độ giáo dục phổ thông ({AdmissionLabels.Of(education)}) chưa đạt trung học cơ sở. Chỉ được xét khi đã ghi nhận văn bản đồng ý cho trường hợp đặc biệt: "
            + "tiểu học ở vùng cao, biên giới, hải đảo, vùng đồng bào dân tộc thiểu số, vùng đặc biệt khó khăn; hoặc biết đọc, biết viết đối với già làng, trưởng bản (có văn bản đồng ý của cấp ủy trực thuộc Trung ương).");
    }

    /// <summary>The awareness-course certificate must be valid on the day of the cell vote.</summary>
    public static FieldError? CertificateValidAt(string field, CandidateHistory history, DateOnly voteDate, int validityMonths)
    {
        if (history.CertificateOn(voteDate) is not { } certificate)
        {
            return new FieldError(field, $"Chưa có giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng cấp trước ngày chi bộ biểu quyết {D(voteDate)}.");
        }

        var lastValid = CertificateLastValidDay(certificate.EffectiveOn, validityMonths);
        return voteDate > lastValid
            ? new FieldError(field,
                $"Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng số {certificate.DocumentNumber} cấp ngày {D(certificate.EffectiveOn)} đã hết hạn: "
                + $"giấy có giá trị {validityMonths} tháng, đến hết ngày {D(lastValid)}, còn chi bộ biểu quyết ngày {D(voteDate)}. Người vào Đảng phải học lại lớp bồi dưỡng.")
            : null;
    }

    /// <summary>A dossier older than the renewal months at the vote needs its introduction renewed.</summary>
    public static FieldError? DossierFreshAt(string field, CandidateHistory history, DateOnly voteDate, int renewalMonths)
    {
        if (history.DossierDate is not { } compiled)
        {
            return null;
        }

        var lastFresh = DossierLastFreshDay(compiled, renewalMonths);
        return voteDate > lastFresh
            ? new FieldError(field,
                $"Quá {renewalMonths} tháng kể từ ngày lập hồ sơ (giới thiệu ngày {D(compiled)}, còn giá trị đến hết ngày {D(lastFresh)}) mà chi bộ chưa xét: "
                + $"phải làm lại giấy giới thiệu và nghị quyết giới thiệu của Đoàn / Công đoàn trước khi chi bộ biểu quyết ngày {D(voteDate)}.")
            : null;
    }

    /// <summary>A former member is considered again only 36 months after leaving (60 after a cleared conviction).</summary>
    public static FieldError? ReadmissionWaitAt(string field, FormerMemberFacts former, DateOnly day, string what)
    {
        if (former.LeftOn is not { } left)
        {
            return new FieldError(field, $"Chưa ghi nhận ngày {former.FullName} ra khỏi Đảng.");
        }

        var from = ReadmissionFrom(left, former.HadCriminalConviction);
        return day < from
            ? new FieldError(field,
                $"Chưa đủ {(former.HadCriminalConviction ? ReadmissionWaitAfterConvictionMonths : ReadmissionWaitMonths)} tháng kể từ ngày ra khỏi Đảng ({D(left)})"
                + (former.HadCriminalConviction ? " đối với người đã bị án hình sự" : "")
                + $": chỉ được xét kết nạp lại từ ngày {D(from)}, còn {what} ngày {D(day)}.")
            : null;
    }

    /// <summary>In favour ≤ present ≤ official members.</summary>
    public static IEnumerable<FieldError> VoteCounts(int officialMembers, int present, int inFavour)
    {
        if (present > officialMembers)
        {
            yield return new FieldError("Present", $"Số đảng viên có mặt ({present}) không thể lớn hơn số đảng viên chính thức của chi bộ ({officialMembers}).");
        }

        if (inFavour > present)
        {
            yield return new FieldError("InFavour", $"Số đảng viên tán thành ({inFavour}) không thể lớn hơn số đảng viên có mặt ({present}).");
        }
    }

    /// <summary>The admission decision within 60 working days of the cell's resolution (90 with an extension).</summary>
    public static FieldError? AdmissionDecisionInTime(string field, CandidateHistory history, DateOnly decidedOn, WorkingDayCalendar calendar)
    {
        if (history.PassedCellVote is not { } vote || AdmissionDecisionDeadline(history, calendar) is not { } deadline || decidedOn <= deadline)
        {
            return null;
        }

        var extended = history.AdmissionDecisionExtension is not null;
        return new FieldError(field,
            $"Quá hạn ra quyết định kết nạp: trong {DecisionWorkingDays} ngày làm việc kể từ ngày chi bộ có nghị quyết ({D(CandidateHistory.ActDate(vote))})"
            + (extended ? $", đã gia hạn thêm {ExtensionWorkingDays} ngày làm việc" : "")
            + $", tức chậm nhất ngày {D(deadline)}; quyết định ngày {D(decidedOn)} là ngày làm việc thứ {calendar.WorkingDaysBetween(CandidateHistory.ActDate(vote), decidedOn)}."
            + (extended ? "" : $" Cấp ủy có thẩm quyền có thể gia hạn thêm {ExtensionWorkingDays} ngày làm việc (ghi nhận gia hạn, có lý do, trước khi hết hạn)."));
    }

    /// <summary>The ceremony within 30 working days of the decision reaching the cell, later only with the recorded consent.</summary>
    public static FieldError? CeremonyInTime(string field, CandidateHistory history, DateOnly heldOn, WorkingDayCalendar calendar)
    {
        if (history.AdmissionDecision is not { } decision || CeremonyDeadline(history, calendar) is not { } deadline || heldOn <= deadline)
        {
            return null;
        }

        if (history.LateCeremonyConsent is { } consent)
        {
            return CandidateHistory.ActDate(consent) <= heldOn
                ? null
                : new FieldError(field, $"Lễ kết nạp ngày {D(heldOn)} là chậm, mà cấp ủy cấp trên đồng ý tổ chức chậm ngày {D(CandidateHistory.ActDate(consent))}, sau ngày lễ: phải có sự đồng ý trước.");
        }

        var received = decision.ReceivedOn ?? decision.EffectiveOn;
        return new FieldError(field,
            $"Quá hạn tổ chức lễ kết nạp: trong {CeremonyWorkingDays} ngày làm việc kể từ ngày chi bộ nhận quyết định ({D(received)}), tức chậm nhất ngày {D(deadline)}; "
            + $"lễ kết nạp ngày {D(heldOn)}. Tổ chức chậm hơn phải có sự đồng ý của cấp ủy cấp trên, ghi nhận trước.");
    }

    /// <summary>The recognition vote after the 12 months end and within 30 working days after; later only with a recorded reason.</summary>
    public static FieldError? RecognitionVoteInTime(string field, CandidateHistory history, DateOnly votedOn, bool hasLateReason, WorkingDayCalendar calendar)
    {
        if (history.Ceremony is not { } ceremony)
        {
            return null;
        }

        var officialFrom = OfficialFrom(ceremony.EffectiveOn);
        if (votedOn < officialFrom)
        {
            return new FieldError(field,
                $"Chưa hết {ProbationMonths} tháng dự bị: kết nạp ngày {D(ceremony.EffectiveOn)}, dự bị đến hết ngày {D(ProbationLastDay(ceremony.EffectiveOn))}; "
                + $"chi bộ chỉ xét công nhận chính thức từ ngày {D(officialFrom)}.");
        }

        var deadline = RecognitionVoteDeadline(history, calendar)!.Value;
        return votedOn > deadline && !hasLateReason
            ? new FieldError("LateReason",
                $"Chi bộ xét công nhận chính thức trong {RecognitionVoteWorkingDays} ngày làm việc kể từ khi hết {ProbationMonths} tháng dự bị ({D(ProbationLastDay(ceremony.EffectiveOn))}), "
                + $"tức chậm nhất ngày {D(deadline)}; biểu quyết ngày {D(votedOn)} là chậm: phải ghi lý do.")
            : null;
    }

    /// <summary>The recognition decision within 30 working days of the cell's vote (60 with an extension).</summary>
    public static FieldError? RecognitionDecisionInTime(string field, CandidateHistory history, DateOnly decidedOn, WorkingDayCalendar calendar)
    {
        if (history.PassedRecognitionVote is not { } vote || RecognitionDecisionDeadline(history, calendar) is not { } deadline || decidedOn <= deadline)
        {
            return null;
        }

        var extended = history.RecognitionDecisionExtension is not null;
        return new FieldError(field,
            $"Quá hạn quyết định công nhận đảng viên chính thức: trong {RecognitionDecisionWorkingDays} ngày làm việc kể từ ngày chi bộ biểu quyết ({D(CandidateHistory.ActDate(vote))})"
            + (extended ? $", đã gia hạn thêm {ExtensionWorkingDays} ngày làm việc" : "")
            + $", tức chậm nhất ngày {D(deadline)}; quyết định ngày {D(decidedOn)}."
            + (extended ? "" : $" Cấp ủy có thẩm quyền có thể gia hạn thêm {ExtensionWorkingDays} ngày làm việc (ghi nhận gia hạn, có lý do)."));
    }

    /// <summary>
    /// An introducer: an official member on the day, of the candidate's cell (or of a cell of the same
    /// grassroots committee), never the candidate themself, and known for 12 months unless a replacement.
    /// </summary>
    public static IEnumerable<FieldError> IntroducerRules(string field, MemberFacts? member, CandidateFacts candidate, DateOnly on, DateOnly knownSince, bool isReplacement)
    {
        if (member is null)
        {
            yield return new FieldError(field, "Không tìm thấy đảng viên giới thiệu.");
            yield break;
        }

        if (IsSamePerson(member, candidate))
        {
            yield return new FieldError(field, $"{member.Name} là chính người vào Đảng: không thể tự giới thiệu mình.");
            yield break;
        }

        if (!member.IsOfficialOn(on))
        {
            yield return new FieldError(field,
                $"{member.Name} không phải đảng viên chính thức vào ngày {D(on)} (đảng viên dự bị hoặc không còn sinh hoạt đảng): chỉ đảng viên chính thức mới được giới thiệu người vào Đảng.");
        }

        if (!IsSameUnit(member, candidate.Cell))
        {
            yield return new FieldError(field,
                $"{member.Name} không sinh hoạt ở {candidate.Cell.Name} hoặc đơn vị của chi bộ này: người giới thiệu phải cùng công tác, học tập, sinh sống với người vào Đảng.");
        }

        if (knownSince > on)
        {
            yield return new FieldError(field, $"Thời điểm bắt đầu cùng công tác, học tập, sinh sống ({D(knownSince)}) không thể sau ngày giới thiệu ({D(on)}).");
        }
        else if (!isReplacement && MonthsAfter(knownSince, IntroducerKnownMonths) > on)
        {
            yield return new FieldError(field,
                $"{member.Name} mới cùng công tác, học tập, sinh sống với người vào Đảng từ ngày {D(knownSince)}: người giới thiệu phải ít nhất {IntroducerKnownMonths} tháng "
                + $"(từ ngày {D(MonthsAfter(knownSince, IntroducerKnownMonths))}) tính đến ngày giới thiệu {D(on)}. Chỉ người giới thiệu thay thế mới không cần đủ {IntroducerKnownMonths} tháng.");
        }
    }

    /// <summary>A member who follows or helps the candidate: an official member of the candidate's cell on the day.</summary>
    public static FieldError? HelperRule(string field, MemberFacts? member, CandidateFacts? candidate, int cellId, string cellName, DateOnly on, string role)
    {
        if (member is null)
        {
            return new FieldError(field, $"Không tìm thấy {role}.");
        }

        if (candidate is not null && IsSamePerson(member, candidate))
        {
            return new FieldError(field, $"{member.Name} là chính người vào Đảng: không thể là {role}.");
        }

        if (!member.IsOfficialOn(on))
        {
            return new FieldError(field, $"{Cap(role)} phải là đảng viên chính thức: {member.Name} không phải đảng viên chính thức vào ngày {D(on)}.");
        }

        return member.Member.CellId != cellId
            ? new FieldError(field, $"{Cap(role)} phải là đảng viên của {cellName}: {member.Name} sinh hoạt ở chi bộ khác.")
            : null;
    }

    private static bool IsSamePerson(MemberFacts member, CandidateFacts candidate) =>
        member.Id == candidate.FormerMember?.MemberId
        || member.Member.CandidateId == candidate.Id
        || (!string.IsNullOrEmpty(candidate.CitizenId) && member.Member.CitizenId == candidate.CitizenId);

    private static bool IsSameUnit(MemberFacts member, CellFacts cell) =>
        member.Member.CellId == cell.Id
        || (cell.Kind == OrgUnitKind.Cell && cell.ParentId is not null && member.CellParentId == cell.ParentId);

    /// <summary>
    /// The dates of the history an entry of <paramref name="kind"/> cannot precede, with what they are.
    /// The stages happen in order; an exit or a transfer cannot precede anything already recorded.
    /// </summary>
    public static IEnumerable<(DateOnly Date, string What)> LowerBounds(StageKind kind, CandidateHistory h)
    {
        (DateOnly, string)? Of(StageEntry? entry, string what) => entry is null ? null : (CandidateHistory.ActDate(entry), what);

        var bounds = new List<(DateOnly, string)?> { kind == StageKind.Source ? null : Of(h.Source, "ngày đưa vào danh sách quần chúng ưu tú") };
        switch (kind)
        {
            case StageKind.Application:
                bounds.Add(Of(h.First(StageKind.AwarenessCourse), "ngày cấp giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng"));
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
                bounds.Add(h.Ceremony is null ? Of(h.PassedCellVote, "ngày chi bộ biểu quyết") : Of(h.PassedRecognitionVote, "ngày chi bộ xét công nhận chính thức"));
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
    public static IEnumerable<FieldError> DateRules(string field, string label, DateOnly date, StageKind kind, CandidateHistory history, DateOnly today)
    {
        if (NotInFuture(field, date, label, today) is { } future)
        {
            yield return future;
        }

        foreach (var (bound, what) in LowerBounds(kind, history).Where(b => date < b.Date).OrderByDescending(b => b.Date).Take(1))
        {
            yield return new FieldError(field, $"{Cap(label)} ({D(date)}) không thể trước {what} ({D(bound)}): các bước kết nạp diễn ra theo thứ tự.");
        }
    }

    // -------------------------------------------------------------- actions

    public static IReadOnlyList<FieldError> CheckCreate(
        CreateCandidateRequest request, CellFacts? cell, MemberFacts? mentor, IReadOnlyCollection<int> activeCategoryIds,
        CitizenIdHolder? openFile, CitizenIdHolder? member, RuleContext context)
    {
        var errors = new List<FieldError>();
        errors.AddIfNotNull(NotInFuture(nameof(request.DateOfBirth), request.DateOfBirth, "ngày sinh", context.Today));
        errors.AddIfNotNull(NotInFuture(nameof(request.SourcedOn), request.SourcedOn, "ngày đưa vào danh sách", context.Today));
        if (request.SourcedOn < request.DateOfBirth)
        {
            errors.Add(new FieldError(nameof(request.SourcedOn), "Ngày đưa vào danh sách không thể trước ngày sinh."));
        }

        errors.AddRange(CellRules(nameof(request.CellId), cell, request.SourcedOn));
        if (cell is not null)
        {
            errors.AddIfNotNull(HelperRule(nameof(request.MentorMemberId), mentor, null, cell.Id, cell.Name, request.SourcedOn, "đảng viên theo dõi, giúp đỡ"));
        }

        errors.AddRange(CategoryRules(nameof(request.CategoryIds), request.CategoryIds, activeCategoryIds));
        errors.AddRange(CitizenIdRules(nameof(request.CitizenId), request.CitizenId, openFile, member,
            "đã có trong một hồ sơ đang xem xét", "không lập hai hồ sơ cho một người", " Nếu người đó đã ra khỏi Đảng, hãy lập hồ sơ kết nạp lại."));
        return errors;
    }

    /// <summary>
    /// A correction of the personal data: the birth date neither in the future nor after the day the
    /// cell listed the person; the citizen ID not that of another file under review nor of a member.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckPersonalData(
        UpdatePersonalDataRequest request, DateOnly sourcedOn, CitizenIdHolder? otherOpenFile, CitizenIdHolder? member, RuleContext context)
    {
        var errors = new List<FieldError>();
        errors.AddIfNotNull(NotInFuture(nameof(request.DateOfBirth), request.DateOfBirth, "ngày sinh", context.Today));
        if (request.DateOfBirth > sourcedOn)
        {
            errors.Add(new FieldError(nameof(request.DateOfBirth), $"Ngày sinh không thể sau ngày chi bộ đưa vào danh sách quần chúng ưu tú ({D(sourcedOn)})."));
        }

        errors.AddRange(CitizenIdRules(nameof(request.CitizenId), request.CitizenId, otherOpenFile, member,
            "đã có trong một hồ sơ khác đang xem xét", "không để hai hồ sơ cho một người", ""));
        return errors;
    }

    public static IReadOnlyList<FieldError> CheckStartReadmission(
        StartReadmissionRequest request, FormerMemberFacts? former, bool hasOpenOrAdmittedReadmission, CellFacts? cell, MemberFacts? mentor,
        IReadOnlyCollection<int> activeCategoryIds, RuleContext context)
    {
        var errors = new List<FieldError>();
        const string Field = nameof(request.FormerMemberId);
        if (former is null)
        {
            return [new FieldError(Field, "Không tìm thấy đảng viên cũ.")];
        }

        if (former.Status is MemberStatus.Probationary or MemberStatus.Official && former.LeftOn is null)
        {
            errors.Add(new FieldError(Field, $"{former.FullName} vẫn đang là đảng viên: chỉ kết nạp lại người đã ra khỏi Đảng."));
        }
        else if (former.LeftOn is null)
        {
            errors.Add(new FieldError(Field, $"Chưa ghi nhận ngày {former.FullName} ra khỏi Đảng."));
        }

        if (former.BarredFromReadmission)
        {
            errors.Add(new FieldError(Field,
                $"{former.FullName} đã ra khỏi Đảng vì tham nhũng, tội phạm nghiêm trọng, bỏ sinh hoạt đảng hoặc gây mất đoàn kết nghiêm trọng: không được kết nạp lại."));
        }

        if (former.WasReadmittedBefore)
        {
            errors.Add(new FieldError(Field, $"{former.FullName} đã được kết nạp lại một lần: chỉ được kết nạp lại một lần."));
        }
        else if (hasOpenOrAdmittedReadmission)
        {
            errors.Add(new FieldError(Field, $"{former.FullName} đã có hồ sơ kết nạp lại (đang xem xét hoặc đã kết nạp): chỉ được kết nạp lại một lần."));
        }

        errors.AddIfNotNull(NotInFuture(nameof(request.SourcedOn), request.SourcedOn, "ngày đưa vào danh sách", context.Today));
        if (former.LeftOn is { } left && request.SourcedOn < left)
        {
            errors.Add(new FieldError(nameof(request.SourcedOn), $"Ngày đưa vào danh sách ({D(request.SourcedOn)}) không thể trước ngày ra khỏi Đảng ({D(left)})."));
        }

        errors.AddRange(CellRules(nameof(request.CellId), cell, request.SourcedOn));
        if (cell is not null)
        {
            if (mentor?.Id == former.MemberId)
            {
                errors.Add(new FieldError(nameof(request.MentorMemberId), $"{former.FullName} là chính người vào Đảng: không thể là đảng viên theo dõi, giúp đỡ."));
            }
            else
            {
                errors.AddIfNotNull(HelperRule(nameof(request.MentorMemberId), mentor, null, cell.Id, cell.Name, request.SourcedOn, "đảng viên theo dõi, giúp đỡ"));
            }
        }

        errors.AddRange(CategoryRules(nameof(request.CategoryIds), request.CategoryIds, activeCategoryIds));
        return errors;
    }

    /// <summary>
    /// A citizen ID already held by a file under review or by a member (present or former). One the user may see is named
    /// with its unit; one outside the user's scope only makes the number unusable, naming no one and not saying which.
    /// </summary>
    private static IEnumerable<FieldError> CitizenIdRules(
        string field, string? citizenId, CitizenIdHolder? openFile, CitizenIdHolder? member, string inFile, string oneFile, string memberAdvice)
    {
        if (openFile is { IsVisible: true })
        {
            yield return new FieldError(field, $"Số CCCD {citizenId} {inFile} ({openFile.Describe()}): {oneFile}.");
        }

        if (member is { IsVisible: true })
        {
            yield return new FieldError(field, $"Số CCCD {citizenId} là của {member.Describe()}, người đã là hoặc đã từng là đảng viên.{memberAdvice}");
        }

        if (openFile is not { IsVisible: true } && member is not { IsVisible: true } && (openFile is not null || member is not null))
        {
            yield return new FieldError(field, CitizenIdUnusable(citizenId));
        }
    }

    /// <summary>The answer for a citizen ID held outside the user's scope: the number cannot be used, nothing more.</summary>
    public static string CitizenIdUnusable(string? citizenId) => $"Số CCCD {citizenId} không dùng được: số này đã có trong dữ liệu.";

    private static IEnumerable<FieldError> CellRules(string field, CellFacts? cell, DateOnly on)
    {
        if (cell is null)
        {
            yield return new FieldError(field, CellNotFound);
            yield break;
        }

        if (!cell.Kind.IsCell())
        {
            yield return new FieldError(field, $"{cell.Name} không phải chi bộ: người vào Đảng được chi bộ bồi dưỡng, xem xét.");
        }

        if (cell.ValidTo is { } validTo && validTo < on)
        {
            yield return new FieldError(field, $"{cell.Name} đã giải thể, sáp nhập từ ngày {D(validTo.AddDays(1))}.");
        }
    }

    private static IEnumerable<FieldError> CategoryRules(string field, IReadOnlyList<int> requested, IReadOnlyCollection<int> active)
    {
        if (requested.Any(id => !active.Contains(id)))
        {
            yield return new FieldError(field, "Có đối tượng nguồn không tồn tại hoặc đã ngừng sử dụng.");
        }
    }

    public static IReadOnlyList<FieldError> CheckAwarenessCourse(CandidateFacts c, RecordAwarenessCourseRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordAwarenessCourse, c, errors =>
            errors.AddRange(DateRules(nameof(r.IssuedOn), "ngày cấp giấy chứng nhận", r.IssuedOn, StageKind.AwarenessCourse, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckApplication(CandidateFacts c, RecordApplicationRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordApplication, c, errors =>
            errors.AddRange(DateRules(nameof(r.AppliedOn), "ngày làm đơn xin vào Đảng", r.AppliedOn, StageKind.Application, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckHistoryVerification(CandidateFacts c, RecordHistoryVerificationRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordHistoryVerification, c, errors =>
            errors.AddRange(DateRules(nameof(r.VerifiedOn), "ngày thẩm tra lý lịch", r.VerifiedOn, StageKind.HistoryVerification, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckIntroduction(
        CandidateFacts c, RecordIntroductionRequest r, IReadOnlyDictionary<int, MemberFacts> members, RuleContext context) =>
        Checked(AdmissionAction.RecordIntroduction, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.IntroducedOn), "ngày giới thiệu", r.IntroducedOn, StageKind.Introduction, c.History, context.Today));
            var expected = r.Basis == IntroductionBasis.TwoMembers ? 2 : 1;
            if (r.Introducers.Count != expected)
            {
                errors.Add(new FieldError(nameof(r.Introducers), r.Basis == IntroductionBasis.TwoMembers
                    ? $"Cần đúng hai đảng viên chính thức giới thiệu (đã chọn {r.Introducers.Count})."
                    : $"Khi có nghị quyết giới thiệu của {(r.Basis == IntroductionBasis.YouthUnion ? "Đoàn" : "Công đoàn cơ sở")} (4-KNĐ), cần đúng một đảng viên chính thức giới thiệu (đã chọn {r.Introducers.Count})."));
            }

            if (r.Introducers.Select(i => i.MemberId).Distinct().Count() != r.Introducers.Count)
            {
                errors.Add(new FieldError(nameof(r.Introducers), "Một đảng viên được chọn giới thiệu hai lần: hai người giới thiệu phải là hai đảng viên khác nhau."));
            }

            for (var i = 0; i < r.Introducers.Count; i++)
            {
                var input = r.Introducers[i];
                errors.AddRange(IntroducerRules($"{nameof(r.Introducers)}[{i}].{nameof(IntroducerInput.MemberId)}",
                    members.GetValueOrDefault(input.MemberId), c, r.IntroducedOn, input.KnownSince, isReplacement: false));
            }
        });

    public static IReadOnlyList<FieldError> CheckReplaceIntroducer(
        CandidateFacts c, ReplaceIntroducerRequest r, IReadOnlyDictionary<int, MemberFacts> members, RuleContext context) =>
        Checked(AdmissionAction.ReplaceIntroducer, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.ReplacedOn), "ngày thay người giới thiệu", r.ReplacedOn, StageKind.IntroducerReplacement, c.History, context.Today));
            var current = c.History.CurrentIntroducers;
            if (current.All(i => i.MemberId != r.ReplacedMemberId))
            {
                errors.Add(new FieldError(nameof(r.ReplacedMemberId), "Đảng viên được thay không phải người giới thiệu hiện tại của hồ sơ."));
            }

            if (current.Any(i => i.MemberId == r.NewMemberId))
            {
                errors.Add(new FieldError(nameof(r.NewMemberId), "Đảng viên này đã là người giới thiệu của hồ sơ: hai người giới thiệu phải là hai đảng viên khác nhau."));
            }

            errors.AddRange(IntroducerRules(nameof(r.NewMemberId), members.GetValueOrDefault(r.NewMemberId), c, r.ReplacedOn, r.KnownSince, isReplacement: true));
        });

    public static IReadOnlyList<FieldError> CheckRenewIntroduction(CandidateFacts c, RenewIntroductionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RenewIntroduction, c, errors =>
            errors.AddRange(DateRules(nameof(r.RenewedOn), "ngày làm lại giấy giới thiệu", r.RenewedOn, StageKind.IntroductionRenewal, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckOpinion(CandidateFacts c, RecordOpinionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordOpinion, c, errors =>
            errors.AddRange(DateRules(nameof(r.ReceivedOn), "ngày nhận ý kiến nhận xét", r.ReceivedOn, StageKind.Opinion, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckEligibilityException(CandidateFacts c, RecordEligibilityExceptionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordEligibilityException, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.ConsentedOn), "ngày đồng ý", r.ConsentedOn, StageKind.EligibilityException, c.History, context.Today));
            if (c.History.HasException(r.Kind))
            {
                errors.Add(new FieldError(nameof(r.Kind), $"Đã ghi nhận văn bản đồng ý cho trường hợp \"{AdmissionLabels.Of(r.Kind)}\"; nếu ghi sai, hãy đính chính."));
            }

            var applies = r.Kind switch
            {
                EligibilityExceptionKind.OverSixty => true,
                EligibilityExceptionKind.PrimaryEducationArea => c.Education < GeneralEducation.LowerSecondary,
                _ => c.Education < GeneralEducation.LowerSecondary,
            };
            if (!applies)
            {
                errors.Add(new FieldError(nameof(r.Kind),
                    $"Người vào Đảng có trình độ {AdmissionLabels.Of(c.Education)}, đã đạt trung học cơ sở: không cần văn bản đồng ý về trình độ."));
            }
        });

    public static IReadOnlyList<FieldError> CheckCellVote(
        CandidateFacts c, RecordCellVoteRequest r, IReadOnlyDictionary<int, MemberFacts> introducers, RuleContext context) =>
        Checked(AdmissionAction.RecordCellVote, c, errors =>
        {
            const string Field = nameof(r.VotedOn);
            errors.AddRange(DateRules(Field, "ngày chi bộ biểu quyết", r.VotedOn, StageKind.CellVote, c.History, context.Today));
            errors.AddRange(VoteCounts(r.OfficialMembers, r.Present, r.InFavour));
            errors.AddRange(EligibilityAtVote(Field, c, c.History, r.VotedOn, context.Parameters));
            foreach (var introducer in c.History.CurrentIntroducers)
            {
                if (introducers.GetValueOrDefault(introducer.MemberId) is { } member && !member.IsOfficialOn(r.VotedOn))
                {
                    errors.Add(new FieldError(Field,
                        $"Người giới thiệu {member.Name} không còn là đảng viên chính thức vào ngày biểu quyết {D(r.VotedOn)}: chi bộ phải phân công người giới thiệu thay thế trước."));
                }
            }
        });

    /// <summary>Everything the person must meet on the day the cell votes on their admission.</summary>
    public static IEnumerable<FieldError> EligibilityAtVote(string field, CandidateFacts c, CandidateHistory history, DateOnly voteDate, AdmissionParameters parameters)
    {
        var errors = new List<FieldError>();
        errors.AddIfNotNull(AgeAt(field, c.DateOfBirth, voteDate, history.HasExceptionOn(EligibilityExceptionKind.OverSixty, voteDate)));
        errors.AddIfNotNull(EducationOf("", c.Education, history, voteDate));
        errors.AddIfNotNull(CertificateValidAt(field, history, voteDate, parameters.CertificateValidityMonths));
        errors.AddIfNotNull(DossierFreshAt(field, history, voteDate, parameters.DossierRenewalMonths));
        if (c.FormerMember is { } former)
        {
            errors.AddIfNotNull(ReadmissionWaitAt(field, former, voteDate, "chi bộ biểu quyết"));
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> CheckCommitteeResolution(CandidateFacts c, RecordCommitteeResolutionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordCommitteeResolution, c, errors =>
            errors.AddRange(DateRules(nameof(r.ResolvedOn), "ngày nghị quyết của đảng ủy cơ sở", r.ResolvedOn, StageKind.CommitteeResolution, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckReadmissionConsent(CandidateFacts c, RecordReadmissionConsentRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordReadmissionConsent, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.ConsentedOn), "ngày đồng ý kết nạp lại", r.ConsentedOn, StageKind.ReadmissionConsent, c.History, context.Today));
            errors.AddIfNotNull(ReadmissionWaitAt(nameof(r.ConsentedOn), c.FormerMember!, r.ConsentedOn, "văn bản đồng ý đề"));
        });

    public static IReadOnlyList<FieldError> CheckExtendDecision(CandidateFacts c, ExtendDecisionRequest r, RuleContext context) =>
        Checked(AdmissionAction.ExtendDecision, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.ExtendedOn), "ngày gia hạn", r.ExtendedOn, StageKind.DecisionExtension, c.History, context.Today));
            var deadline = c.History.Ceremony is null
                ? AdmissionDecisionDeadline(c.History, context.Calendar)
                : RecognitionDecisionDeadline(c.History, context.Calendar);
            if (deadline is { } due && r.ExtendedOn > due)
            {
                errors.Add(new FieldError(nameof(r.ExtendedOn),
                    $"Gia hạn phải được quyết định trước khi hết hạn: hạn ra quyết định là ngày {D(due)}, còn ngày gia hạn là {D(r.ExtendedOn)}."));
            }
        });

    public static IReadOnlyList<FieldError> CheckAdmissionDecision(CandidateFacts c, RecordAdmissionDecisionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordAdmissionDecision, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.DecidedOn), "ngày quyết định kết nạp", r.DecidedOn, StageKind.AdmissionDecision, c.History, context.Today));
            errors.AddIfNotNull(NotInFuture(nameof(r.ReceivedOn), r.ReceivedOn, "ngày chi bộ nhận quyết định", context.Today));
            if (r.ReceivedOn < r.DecidedOn)
            {
                errors.Add(new FieldError(nameof(r.ReceivedOn), $"Ngày chi bộ nhận quyết định ({D(r.ReceivedOn)}) không thể trước ngày quyết định ({D(r.DecidedOn)})."));
            }

            if (c.Cell.DecidingUnitId is null)
            {
                errors.Add(new FieldError("", $"Không có cấp ủy nào phía trên {c.Cell.Name} được giao quyền quyết định kết nạp đảng viên: cần cấu hình trong cây tổ chức."));
            }

            errors.AddIfNotNull(AdmissionDecisionInTime(nameof(r.DecidedOn), c.History, r.DecidedOn, context.Calendar));
        });

    public static IReadOnlyList<FieldError> CheckLateCeremonyConsent(CandidateFacts c, RecordLateCeremonyConsentRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordLateCeremonyConsent, c, errors =>
            errors.AddRange(DateRules(nameof(r.ConsentedOn), "ngày cấp ủy cấp trên đồng ý", r.ConsentedOn, StageKind.LateCeremonyConsent, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckCeremony(CandidateFacts c, RecordCeremonyRequest r, MemberFacts? helper, RuleContext context) =>
        Checked(AdmissionAction.RecordCeremony, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.HeldOn), "ngày lễ kết nạp", r.HeldOn, StageKind.Ceremony, c.History, context.Today));
            errors.AddIfNotNull(CeremonyInTime(nameof(r.HeldOn), c.History, r.HeldOn, context.Calendar));
            errors.AddIfNotNull(HelperRule(nameof(r.HelperMemberId), helper, c, c.Cell.Id, c.Cell.Name, r.HeldOn, "đảng viên chính thức giúp đỡ đảng viên dự bị"));
        });

    public static IReadOnlyList<FieldError> CheckNewMemberCourse(CandidateFacts c, RecordNewMemberCourseRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordNewMemberCourse, c, errors =>
            errors.AddRange(DateRules(nameof(r.IssuedOn), "ngày cấp giấy chứng nhận", r.IssuedOn, StageKind.NewMemberCourse, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckRecognitionVote(CandidateFacts c, RecordRecognitionVoteRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordRecognitionVote, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.VotedOn), "ngày chi bộ xét công nhận chính thức", r.VotedOn, StageKind.RecognitionVote, c.History, context.Today));
            errors.AddRange(VoteCounts(r.OfficialMembers, r.Present, r.InFavour));
            errors.AddIfNotNull(RecognitionVoteInTime(nameof(r.VotedOn), c.History, r.VotedOn, !string.IsNullOrWhiteSpace(r.LateReason), context.Calendar));
        });

    public static IReadOnlyList<FieldError> CheckRecognitionDecision(CandidateFacts c, RecordRecognitionDecisionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordRecognitionDecision, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.DecidedOn), "ngày quyết định công nhận", r.DecidedOn, StageKind.RecognitionDecision, c.History, context.Today));
            if (c.History.Referral is null)
            {
                errors.AddIfNotNull(RecognitionDecisionInTime(nameof(r.DecidedOn), c.History, r.DecidedOn, context.Calendar));
            }

            if (c.Cell.DecidingUnitId is null)
            {
                errors.Add(new FieldError("", $"Không có cấp ủy nào phía trên {c.Cell.Name} được giao quyền quyết định kết nạp, công nhận đảng viên: cần cấu hình trong cây tổ chức."));
            }
        });

    public static IReadOnlyList<FieldError> CheckReferral(CandidateFacts c, ReferToSuperiorRequest r, RuleContext context) =>
        Checked(AdmissionAction.ReferToSuperior, c, errors =>
            errors.AddRange(DateRules(nameof(r.ReferredOn), "ngày báo cáo cấp ủy cấp trên", r.ReferredOn, StageKind.ReferredToSuperior, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckRemoval(CandidateFacts c, RemoveFromListRequest r, RuleContext context) =>
        Checked(AdmissionAction.RemoveFromList, c, errors =>
            errors.AddRange(DateRules(nameof(r.RemovedOn), "ngày quyết định xóa tên", r.RemovedOn, StageKind.Removal, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckExit(CandidateFacts c, RecordExitRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordExit, c, errors =>
            errors.AddRange(DateRules(nameof(r.ExitedOn), "ngày dừng xem xét", r.ExitedOn, StageKind.Exit, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckTransfer(CandidateFacts c, TransferCandidateRequest r, CellFacts? target, RuleContext context) =>
        Checked(AdmissionAction.Transfer, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.TransferredOn), "ngày chuyển", r.TransferredOn, StageKind.Transfer, c.History, context.Today));
            errors.AddRange(CellRules(nameof(r.TargetCellId), target, r.TransferredOn));
            if (target?.Id == c.Cell.Id)
            {
                errors.Add(new FieldError(nameof(r.TargetCellId), $"Người vào Đảng đang ở {c.Cell.Name}: chọn chi bộ khác."));
            }
        });

    /// <summary>
    /// A correction: the corrected history must still keep every rule that depends on dates and
    /// counts (order of stages, age and certificate at the vote, deadlines, two thirds).
    /// </summary>
    public static IReadOnlyList<FieldError> CheckCorrection(CandidateFacts c, StageEntry? original, CandidateHistory corrected, CorrectEntryRequest r, RuleContext context)
    {
        if (original is null || original.CandidateId != c.Id)
        {
            return [new FieldError(nameof(r.EntryId), "Không tìm thấy mục cần đính chính trong hồ sơ này.")];
        }

        if (c.History.All.Any(e => e.SupersedesId == original.Id))
        {
            return [new FieldError(nameof(r.EntryId), "Mục này đã được đính chính: hãy đính chính bản mới nhất.")];
        }

        var errors = new List<FieldError>();
        errors.AddIfNotNull(NotInFuture(nameof(r.Date), r.Date, "ngày của văn bản", context.Today));
        if (original.Vote is not null)
        {
            if (r.OfficialMembers is null || r.Present is null || r.InFavour is null)
            {
                errors.Add(new FieldError(nameof(r.InFavour), "Đính chính biểu quyết phải ghi đủ số đảng viên chính thức, có mặt, tán thành."));
            }
            else
            {
                errors.AddRange(VoteCounts(r.OfficialMembers.Value, r.Present.Value, r.InFavour.Value));
            }
        }

        if (original.Kind == StageKind.AdmissionDecision)
        {
            if (r.ReceivedOn is not { } received)
            {
                errors.Add(new FieldError(nameof(r.ReceivedOn), "Chưa nhập ngày chi bộ nhận quyết định."));
            }
            else if (received > context.Today)
            {
                errors.Add(new FieldError(nameof(r.ReceivedOn), $"Ngày chi bộ nhận quyết định ({D(received)}) không thể sau ngày hôm nay ({D(context.Today)})."));
            }
            else if (received < r.Date)
            {
                errors.Add(new FieldError(nameof(r.ReceivedOn), $"Ngày chi bộ nhận quyết định ({D(received)}) không thể trước ngày quyết định ({D(r.Date)})."));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // A broken rule is reported on the field the correction changed.
        var field = r.Date != CandidateHistory.ActDate(original) ? nameof(r.Date)
            : original.Kind == StageKind.AdmissionDecision && r.ReceivedOn != original.ReceivedOn ? nameof(r.ReceivedOn)
            : original.Vote is not null ? nameof(r.InFavour)
            : nameof(r.Date);
        errors.AddRange(CheckTimeline(c, corrected, context).Select(message => new FieldError(field, message)));
        return errors;
    }

    /// <summary>
    /// The rules that tie entries together, checked over a whole history: stages in order, the
    /// person's eligibility on the day of the passing cell vote, the deadlines, and the effective date
    /// of the recognition. Used after a correction.
    /// </summary>
    public static IReadOnlyList<string> CheckTimeline(CandidateFacts c, CandidateHistory h, RuleContext context)
    {
        var messages = new List<string>();
        foreach (var entry in h.Effective)
        {
            var date = CandidateHistory.ActDate(entry);
            var others = new CandidateHistory(h.All.Where(e => e != entry && e.Id != entry.SupersedesId));
            if (entry.Kind is StageKind.Exit or StageKind.Transfer or StageKind.EligibilityException)
            {
                continue;
            }

            if (entry.Kind == StageKind.CellVote && entry != h.PassedCellVote)
            {
                continue;
            }

            foreach (var (bound, what) in LowerBounds(entry.Kind, others).Where(b => date < b.Date).Take(1))
            {
                messages.Add($"{AdmissionLabels.Of(entry.Kind)} ({D(date)}) không thể trước {what} ({D(bound)}).");
            }
        }

        if (h.PassedCellVote is { } vote)
        {
            var before = new CandidateHistory(h.All.Where(e => e != vote && e.Id != vote.SupersedesId));
            messages.AddRange(EligibilityAtVote("", c, before, CandidateHistory.ActDate(vote), context.Parameters).Select(e => e.Message));
        }

        foreach (var entry in h.Effective.Where(e => e.Vote is not null))
        {
            if (entry.Vote!.Present > entry.Vote.OfficialMembers || entry.Vote.InFavour > entry.Vote.Present)
            {
                messages.Add($"{AdmissionLabels.Of(entry.Kind)} ngày {D(entry.EffectiveOn)}: số tán thành ≤ số có mặt ≤ số đảng viên chính thức.");
            }
        }

        if (h.AdmissionDecision is { } decision)
        {
            messages.AddIfNotNull(AdmissionDecisionInTime("", h, CandidateHistory.ActDate(decision), context.Calendar)?.Message);
        }

        if (h.Ceremony is { } ceremony)
        {
            messages.AddIfNotNull(CeremonyInTime("", h, ceremony.EffectiveOn, context.Calendar)?.Message);
            foreach (var recognitionVote in h.OfKind(StageKind.RecognitionVote))
            {
                if (recognitionVote.EffectiveOn < OfficialFrom(ceremony.EffectiveOn))
                {
                    messages.Add($"Chi bộ xét công nhận chính thức ngày {D(recognitionVote.EffectiveOn)}, trước khi hết {ProbationMonths} tháng dự bị (chính thức từ {D(OfficialFrom(ceremony.EffectiveOn))}).");
                }
            }

            if (h.RecognitionDecision is { } recognition && recognition.EffectiveOn != OfficialFrom(ceremony.EffectiveOn))
            {
                messages.Add($"Quyết định công nhận có hiệu lực từ ngày hết {ProbationMonths} tháng dự bị ({D(OfficialFrom(ceremony.EffectiveOn))}), không phải ngày {D(recognition.EffectiveOn)}: hãy đính chính lễ kết nạp trước khi công nhận.");
            }
        }

        if (h.RecognitionDecision is { } recognitionDecision && h.Referral is null)
        {
            messages.AddIfNotNull(RecognitionDecisionInTime("", h, CandidateHistory.ActDate(recognitionDecision), context.Calendar)?.Message);
        }

        return messages;
    }

    // -------------------------------------------------------- next actions

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

    // ------------------------------------------------------------- helpers

    private static IReadOnlyList<FieldError> Checked(AdmissionAction action, CandidateFacts candidate, Action<List<FieldError>> rules)
    {
        if (CheckAllowed(action, candidate) is { } refused)
        {
            return [refused];
        }

        var errors = new List<FieldError>();
        rules(errors);
        return errors;
    }

    private static void AddIfNotNull<T>(this List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }

    private static string D(DateOnly date) => date.Display();

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpper(text[0], VietnamTime.Culture) + text[1..];
}

/// <summary>An action the file allows now, with its rule in plain Vietnamese and its due date when it has one.</summary>
public sealed record NextAction(AdmissionAction Action, string Title, string Rule, DateOnly? DueBy);
