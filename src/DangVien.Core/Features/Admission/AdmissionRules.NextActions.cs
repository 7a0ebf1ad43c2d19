using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DangVien.Core.Features.Admission;

// Next actions: what the file allows now, each with its rule in plain Vietnamese and its due date.
public static partial class AdmissionRules
{
    /// <summary>
    /// The rule shown with each next action, as pieces joined as they are. <c>{name}</c> is a value of the file
    /// (<see cref="NextActionValues"/>; <c>{due}</c> is the action's due date): a piece naming a value the file
    /// does not have is left out. <c>{?name}</c> keeps a piece only when the value is there, <c>{!name}</c> only
    /// when it is not; both print nothing. Fixed numbers come from the constants; the parameters are values.
    /// </summary>
    private static readonly Dictionary<AdmissionAction, string[]> NextActionRules = new()
    {
        [AdmissionAction.RecordAwarenessCourse] =
        [
            "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng có giá trị {certificateValidityMonths} tháng và "
            + "phải còn hạn vào ngày chi bộ biểu quyết.",
            " Giấy hiện có cấp ngày {certificateIssuedOn}, còn hạn đến hết ngày {due}.",
        ],
        [AdmissionAction.RecordApplication] = ["Người vào Đảng tự viết đơn xin vào Đảng (1-KNĐ) và khai lý lịch "
            + "(2-KNĐ)."],
        [AdmissionAction.RecordHistoryVerification] =
        [
            "Chi ủy thẩm tra lý lịch của người vào Đảng, cha mẹ, vợ hoặc chồng, con đã trưởng thành (bên "
            + "nào là đảng viên thì không phải thẩm tra); đảng ủy cơ sở chứng nhận lý lịch.",
        ],
        [AdmissionAction.RecordIntroduction] =
        [
            "Hai đảng viên chính thức đã cùng công tác, học tập, sinh sống với người vào Đảng ít nhất "
            + $"{IntroducerKnownMonths} tháng giới thiệu (3-KNĐ); hoặc nghị quyết giới thiệu của Đoàn / Công đoàn "
            + "cơ sở (4-KNĐ) và một đảng viên chính thức. Đảng viên dự bị không được giới thiệu.",
        ],
        [AdmissionAction.ReplaceIntroducer] =
        [
            "Người giới thiệu chuyển đi hoặc bị kỷ luật thì chi bộ phân công đảng viên chính thức khác "
            + $"giới thiệu thay; người thay không cần đủ {IntroducerKnownMonths} tháng.",
        ],
        [AdmissionAction.RenewIntroduction] =
        [
            "Quá {dossierRenewalMonths} tháng kể từ ngày lập hồ sơ mà chi bộ chưa xét thì phải làm lại giấy "
            + "giới thiệu và nghị quyết giới thiệu của Đoàn / Công đoàn.",
            " Hồ sơ hiện còn giá trị đến hết ngày {due}.",
        ],
        [AdmissionAction.RecordOpinion] =
        [
            "Ý kiến nhận xét của tổ chức đoàn thể nơi làm việc (5C-KNĐ), của chi ủy nơi cư trú (5B-KNĐ) và "
            + "bản tổng hợp (5-KNĐ), ghi ngày nhận.",
        ],
        [AdmissionAction.RecordEligibilityException] =
        [
            "Người trên 60 tuổi, người có trình độ tiểu học ở vùng cao, biên giới, hải đảo, vùng đồng "
            + "bào dân tộc thiểu số, vùng đặc biệt khó khăn, người chỉ biết đọc, biết viết (già làng, "
            + "trưởng bản) chỉ được xét khi có văn bản đồng ý, ghi nhận trước khi chi bộ biểu quyết.",
        ],
        [AdmissionAction.RecordCellVote] =
        [
            "Nghị quyết chi bộ (6-KNĐ) thông qua khi có ít nhất hai phần ba số đảng viên chính thức của chi bộ "
            + "tán thành (tính trên tổng số đảng viên chính thức, không phải số có mặt). Vào ngày biểu quyết, "
            + "người vào Đảng phải đủ 18 tuổi đến 60 tuổi tính theo tháng (đủ 18 tuổi từ {eighteenFrom}, quá "
            + "60 tuổi từ {pastSixtyFrom})",
            "; giấy chứng nhận lớp bồi dưỡng còn hạn đến hết ngày {certificateLastValidDay}",
            "; hồ sơ còn giá trị đến hết ngày {due}",
            ".",
        ],
        [AdmissionAction.RecordCommitteeResolution] =
        [
            "Đảng ủy cơ sở xem xét, ra nghị quyết (8-KNĐ) đề nghị cấp ủy có thẩm quyền quyết định kết "
            + "nạp.",
        ],
        [AdmissionAction.RecordReadmissionConsent] =
        [
            "Kết nạp lại phải có văn bản đồng ý của ban thường vụ tỉnh ủy, và chỉ được xét khi đã ra "
            + "khỏi Đảng ít nhất 36 tháng (60 tháng đối với người đã bị án hình sự).",
            " Được xét từ ngày {readmissionFrom}.",
        ],
        [AdmissionAction.ExtendDecision] =
        [
            $"Cấp ủy có thẩm quyền có thể gia hạn thêm {ExtensionWorkingDays} ngày làm việc, một lần, có lý do, "
            + "trước khi hết hạn",
            " (hạn hiện tại: {due}).",
            ".{!due}",
        ],
        [AdmissionAction.RecordAdmissionDecision] =
        [
            "{decidingUnit}",
            "Cấp ủy có thẩm quyền{!decidingUnit}",
            $" ra quyết định kết nạp (9-KNĐ) trong {DecisionWorkingDays} ngày làm việc kể từ ngày chi bộ có nghị "
            + "quyết",
            $", đã gia hạn thêm {ExtensionWorkingDays} ngày làm việc{{?admissionDecisionExtendedOn}}",
            ", tức chậm nhất ngày {due}.",
            ".{!due}",
        ],
        [AdmissionAction.RecordLateCeremonyConsent] =
        [
            $"Lễ kết nạp tổ chức sau {CeremonyWorkingDays} ngày làm việc kể từ ngày chi bộ nhận quyết định "
            + "phải có sự đồng ý của cấp ủy cấp trên.",
        ],
        [AdmissionAction.RecordCeremony] =
        [
            $"Tổ chức lễ kết nạp trong {CeremonyWorkingDays} ngày làm việc kể từ ngày chi bộ nhận quyết định",
            ", tức chậm nhất ngày {due}",
            ", đã có sự đồng ý tổ chức chậm của cấp ủy cấp trên{!due}",
            "; ngày lễ kết nạp là ngày vào Đảng. Phân công đảng viên chính thức giúp đỡ đảng viên dự bị.",
        ],
        [AdmissionAction.RecordNewMemberCourse] =
        [
            "Đảng viên dự bị phải học lớp bồi dưỡng lý luận chính trị cho đảng viên mới và có giấy "
            + "chứng nhận trước khi chi bộ xét công nhận chính thức.",
        ],
        [AdmissionAction.RecordRecognitionVote] =
        [
            $"Dự bị {ProbationMonths} tháng kể từ ngày kết nạp {{ceremonyOn}}, đến hết ngày {{probationLastDay}}. Chi "
            + "bộ xét công nhận chính thức từ ngày {officialFrom} đến chậm nhất ngày {due} "
            + $"({RecognitionVoteWorkingDays} ngày làm việc); cần ít nhất hai phần ba số đảng viên chính thức của "
            + "chi bộ tán thành.",
            $" Đã biểu quyết không đạt {{failedRecognitionVotes}} lần; sau {MaximumFailedRecognitionVotes} lần thì báo "
            + "cáo cấp ủy cấp trên.",
        ],
        [AdmissionAction.RecordRecognitionDecision] =
        [
            $"Cấp ủy có thẩm quyền quyết định trong {RecognitionDecisionWorkingDays} ngày làm việc kể từ ngày chi "
            + "bộ biểu quyết{!referredOn}",
            ", tức chậm nhất ngày {due}",
            "Cấp ủy cấp trên xem xét, quyết định{?referredOn}",
            $"; quyết định công nhận có hiệu lực từ ngày hết {ProbationMonths} tháng dự bị ({{officialFrom}}), dù "
            + "họp muộn.",
        ],
        [AdmissionAction.ReferToSuperior] =
        [
            $"Chi bộ đã biểu quyết {MaximumFailedRecognitionVotes} lần không đủ hai phần ba số đảng viên chính "
            + "thức tán thành: báo cáo cấp ủy cấp trên xem xét, quyết định.",
        ],
        [AdmissionAction.RemoveFromList] =
        [
            "Đảng viên dự bị không đủ tư cách đảng viên thì bị xóa tên trong danh sách đảng viên, có quyết "
            + "định của cấp ủy có thẩm quyền và ghi rõ lý do.",
        ],
        [AdmissionAction.RecordExit] =
        [
            "Trước lễ kết nạp, hồ sơ có thể dừng: người vào Đảng xin rút, chuyển đi, không đủ điều "
            + "kiện, hoặc chi bộ dừng bồi dưỡng. Ghi rõ lý do; hồ sơ được giữ lại, không xóa.",
        ],
        [AdmissionAction.Transfer] =
        [
            "Chuyển người vào Đảng sang chi bộ khác (chuyển công tác, tốt nghiệp): hồ sơ và lịch sử được "
            + "giữ nguyên.",
        ],
        [AdmissionAction.CorrectEntry] =
        [
            "Đính chính một mục đã ghi: ghi một mục mới thay thế, mục cũ vẫn được giữ và hiển thị là "
            + "đã đính chính.",
        ],
    };

    /// <summary>The actions allowed now, each with its rule in plain Vietnamese and, where there is one, its due date.</summary>
    public static IReadOnlyList<NextAction> NextActions(CandidateFacts c, RuleContext context)
    {
        var values = NextActionValues(c, context.Parameters);
        var actions = new List<NextAction>();
        foreach (var action in Enum.GetValues<AdmissionAction>())
        {
            if (CheckAllowed(action, c) is not null || !NextActionRules.TryGetValue(action, out var pieces))
            {
                continue;
            }

            var due = NextActionDue(action, c.History, context);
            values["due"] = due is { } day ? D(day) : null;
            actions.Add(new NextAction(action, AdmissionLabels.Of(action), FillRule(pieces, values), due));
        }

        return actions;
    }

    /// <summary>The date an action is due by, when it has one.</summary>
    private static DateOnly? NextActionDue(AdmissionAction action, CandidateHistory h, RuleContext context)
    {
        var (p, calendar) = (context.Parameters, context.Calendar);
        return action switch
        {
            AdmissionAction.RecordAwarenessCourse =>
                h.LatestCertificate is { } certificate
                    ? CertificateLastValidDay(certificate.EffectiveOn, p.CertificateValidityMonths)
                    : null,
            AdmissionAction.RenewIntroduction or AdmissionAction.RecordCellVote =>
                h.DossierDate is { } dossier ? DossierLastFreshDay(dossier, p.DossierRenewalMonths) : null,
            AdmissionAction.RecordCommitteeResolution or AdmissionAction.RecordAdmissionDecision => AdmissionDecisionDeadline(h, calendar),
            AdmissionAction.ExtendDecision =>
                h.Ceremony is null ? AdmissionDecisionDeadline(h, calendar) : RecognitionDecisionDeadline(h, calendar),
            AdmissionAction.RecordLateCeremonyConsent => CeremonyDeadline(h, calendar),
            AdmissionAction.RecordCeremony => h.LateCeremonyConsent is null ? CeremonyDeadline(h, calendar) : null,
            AdmissionAction.RecordNewMemberCourse => h.Ceremony is { } ceremony ? ProbationLastDay(ceremony.EffectiveOn) : null,
            AdmissionAction.RecordRecognitionVote => RecognitionVoteDeadline(h, calendar),
            AdmissionAction.RecordRecognitionDecision => h.Referral is null ? RecognitionDecisionDeadline(h, calendar) : null,
            _ => null,
        };
    }

    /// <summary>The values the texts of <see cref="NextActionRules"/> name, null where the file has none.</summary>
    private static Dictionary<string, string?> NextActionValues(CandidateFacts c, AdmissionParameters p)
    {
        var h = c.History;
        var ceremonyOn = h.Ceremony?.EffectiveOn;
        return new()
        {
            ["certificateValidityMonths"] = Number(p.CertificateValidityMonths),
            ["dossierRenewalMonths"] = Number(p.DossierRenewalMonths),
            ["certificateIssuedOn"] = Day(h.LatestCertificate?.EffectiveOn),
            ["certificateLastValidDay"] =
                Day(h.LatestCertificate is { } certificate
                    ? CertificateLastValidDay(certificate.EffectiveOn, p.CertificateValidityMonths)
                    : null),
            ["eighteenFrom"] = D(EighteenFrom(c.DateOfBirth)),
            ["pastSixtyFrom"] = D(PastSixtyFrom(c.DateOfBirth)),
            ["readmissionFrom"] =
                Day(c.FormerMember is { LeftOn: { } left } former ? ReadmissionFrom(left, former.HadCriminalConviction) : null),
            ["decidingUnit"] = c.Cell.DecidingUnitName,
            ["admissionDecisionExtendedOn"] = Day(h.AdmissionDecisionExtension?.EffectiveOn),
            ["ceremonyOn"] = Day(ceremonyOn),
            ["probationLastDay"] = Day(ceremonyOn is { } held ? ProbationLastDay(held) : null),
            ["officialFrom"] = Day(ceremonyOn is { } start ? OfficialFrom(start) : null),
            ["failedRecognitionVotes"] = h.FailedRecognitionVotes > 0 ? Number(h.FailedRecognitionVotes) : null,
            ["referredOn"] = Day(h.Referral?.EffectiveOn),
        };

        static string? Day(DateOnly? date) => date is { } day ? D(day) : null;
        static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Joins the pieces of a rule, filling in the values and leaving out the pieces that do not apply.</summary>
    private static string FillRule(string[] pieces, IReadOnlyDictionary<string, string?> values)
    {
        string? ValueOf(Match placeholder) =>
            values.TryGetValue(placeholder.Groups["name"].Value, out var value)
                ? value
                : throw new InvalidOperationException($"The next-action texts name an unknown value: {placeholder.Value}.");

        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            var applies = Placeholder().Matches(piece).All(m => ValueOf(m) is null == (m.Groups["mark"].Value == "!"));
            if (applies)
            {
                text.Append(Placeholder().Replace(piece, m => m.Groups["mark"].Length > 0 ? "" : ValueOf(m)!));
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\{(?<mark>[?!]?)(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>An action the file allows now, with its rule in plain Vietnamese and its due date when it has one.</summary>
public sealed record NextAction(AdmissionAction Action, string Title, string Rule, DateOnly? DueBy);
