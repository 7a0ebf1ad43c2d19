using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

// The checks run before each step is recorded, one per action.
public static partial class AdmissionRules
{
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
            errors.AddIfNotNull(HelperRule(
                nameof(request.MentorMemberId), mentor, null, cell.Id, cell.Name, request.SourcedOn,
                "đảng viên theo dõi, giúp đỡ"));
        }

        errors.AddRange(CategoryRules(nameof(request.CategoryIds), request.CategoryIds, activeCategoryIds));
        errors.AddRange(CitizenIdRules(nameof(request.CitizenId), request.CitizenId, openFile, member,
            "đã có trong một hồ sơ đang xem xét", "không lập hai hồ sơ cho một người",
            " Nếu người đó đã ra khỏi Đảng, hãy lập hồ sơ kết nạp lại."));
        return errors;
    }

    /// <summary>
    /// A correction of the personal data: the birth date neither in the future nor after the day the
    /// cell listed the person; the citizen ID not that of another file under review nor of a member.
    /// </summary>
    /// <summary>
    /// A correction of personal data. A birth date that changes is checked again against the recorded history: it
    /// cannot be after the listing, and the age rule must still hold on the day the cell voted for admission.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckPersonalData(
        UpdatePersonalDataRequest request, DateOnly currentDateOfBirth, CandidateHistory history, CitizenIdHolder? otherOpenFile, CitizenIdHolder? member,
        RuleContext context)
    {
        var errors = new List<FieldError>();
        var sourcedOn = history.Source?.EffectiveOn ?? DateOnly.MaxValue;
        errors.AddIfNotNull(NotInFuture(nameof(request.DateOfBirth), request.DateOfBirth, "ngày sinh", context.Today));
        if (request.DateOfBirth != currentDateOfBirth && history.PassedCellVote is { } vote)
        {
            errors.AddIfNotNull(AgeAt(nameof(request.DateOfBirth), request.DateOfBirth, vote.EffectiveOn,
                history.HasExceptionOn(EligibilityExceptionKind.OverSixty, vote.EffectiveOn)));
        }

        if (request.DateOfBirth > sourcedOn)
        {
            errors.Add(new FieldError(nameof(request.DateOfBirth),
                $"Ngày sinh không thể sau ngày chi bộ đưa vào danh sách quần chúng ưu tú ({D(sourcedOn)})."));
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
            errors.Add(new FieldError(Field,
                $"{former.FullName} vẫn đang là đảng viên: chỉ kết nạp lại người đã ra khỏi Đảng."));
        }
        else if (former.LeftOn is null)
        {
            errors.Add(new FieldError(Field, $"Chưa ghi nhận ngày {former.FullName} ra khỏi Đảng."));
        }

        if (former.BarredFromReadmission)
        {
            errors.Add(new FieldError(Field,
                $"{former.FullName} đã ra khỏi Đảng vì tham nhũng, tội phạm nghiêm trọng, bỏ sinh hoạt đảng hoặc "
                + "gây mất đoàn kết nghiêm trọng: không được kết nạp lại."));
        }

        if (former.WasReadmittedBefore)
        {
            errors.Add(new FieldError(Field,
                $"{former.FullName} đã được kết nạp lại một lần: chỉ được kết nạp lại một lần."));
        }
        else if (hasOpenOrAdmittedReadmission)
        {
            errors.Add(new FieldError(Field,
                $"{former.FullName} đã có hồ sơ kết nạp lại (đang xem xét hoặc đã kết nạp): chỉ được kết "
                + "nạp lại một lần."));
        }

        errors.AddIfNotNull(NotInFuture(nameof(request.SourcedOn), request.SourcedOn, "ngày đưa vào danh sách", context.Today));
        if (former.LeftOn is { } left && request.SourcedOn < left)
        {
            errors.Add(new FieldError(nameof(request.SourcedOn),
                $"Ngày đưa vào danh sách ({D(request.SourcedOn)}) không thể trước ngày ra khỏi Đảng ({D(left)})."));
        }

        errors.AddRange(CellRules(nameof(request.CellId), cell, request.SourcedOn));
        if (cell is not null)
        {
            if (mentor?.Id == former.MemberId)
            {
                errors.Add(new FieldError(nameof(request.MentorMemberId),
                    $"{former.FullName} là chính người vào Đảng: không thể là đảng viên theo dõi, giúp đỡ."));
            }
            else
            {
                errors.AddIfNotNull(HelperRule(
                    nameof(request.MentorMemberId), mentor, null, cell.Id, cell.Name, request.SourcedOn,
                    "đảng viên theo dõi, giúp đỡ"));
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
        string field, string? citizenId, CitizenIdHolder? openFile, CitizenIdHolder? member,
        string inFile, string oneFile, string memberAdvice)
    {
        if (openFile is { IsVisible: true })
        {
            yield return new FieldError(field, $"Số CCCD {citizenId} {inFile} ({openFile.Describe()}): {oneFile}.");
        }

        if (member is { IsVisible: true })
        {
            yield return new FieldError(field,
                $"Số CCCD {citizenId} là của {member.Describe()}, người đã là hoặc đã từng là đảng "
                + $"viên.{memberAdvice}");
        }

        if (openFile is not { IsVisible: true } && member is not { IsVisible: true } && (openFile is not null || member is not null))
        {
            yield return new FieldError(field, CitizenIdUnusable(citizenId));
        }
    }

    /// <summary>The answer for a citizen ID held outside the user's scope: the number cannot be used, nothing more.</summary>
    public static string CitizenIdUnusable(string? citizenId) => $"Số CCCD {citizenId} không dùng được: số này đã có trong "
        + "dữ liệu.";

    private static IEnumerable<FieldError> CellRules(string field, CellFacts? cell, DateOnly on)
    {
        if (cell is null)
        {
            yield return new FieldError(field, CellNotFound);
            yield break;
        }

        if (!cell.Kind.IsCell())
        {
            yield return new FieldError(field,
                $"{cell.Name} không phải chi bộ: người vào Đảng được chi bộ bồi dưỡng, xem xét.");
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
            errors.AddRange(DateRules(
                nameof(r.IssuedOn), "ngày cấp giấy chứng nhận", r.IssuedOn, StageKind.AwarenessCourse, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckApplication(CandidateFacts c, RecordApplicationRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordApplication, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.AppliedOn), "ngày làm đơn xin vào Đảng", r.AppliedOn, StageKind.Application, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckHistoryVerification(
        CandidateFacts c, RecordHistoryVerificationRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordHistoryVerification, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.VerifiedOn), "ngày thẩm tra lý lịch",
                r.VerifiedOn, StageKind.HistoryVerification, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckIntroduction(
        CandidateFacts c, RecordIntroductionRequest r, IReadOnlyDictionary<int, MemberFacts> members, RuleContext context) =>
        Checked(AdmissionAction.RecordIntroduction, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.IntroducedOn), "ngày giới thiệu", r.IntroducedOn, StageKind.Introduction, c.History, context.Today));
            var expected = r.Basis == IntroductionBasis.TwoMembers ? 2 : 1;
            if (r.Introducers.Count != expected)
            {
                errors.Add(new FieldError(nameof(r.Introducers), r.Basis == IntroductionBasis.TwoMembers
                    ? $"Cần đúng hai đảng viên chính thức giới thiệu (đã chọn {r.Introducers.Count})."
                    : "Khi có nghị quyết giới thiệu của "
                        + $"{(r.Basis == IntroductionBasis.YouthUnion ? "Đoàn" : "Công đoàn cơ sở")} (4-KNĐ), cần đúng một "
                        + $"đảng viên chính thức giới thiệu (đã chọn {r.Introducers.Count})."));
            }

            if (r.Introducers.Select(i => i.MemberId).Distinct().Count() != r.Introducers.Count)
            {
                errors.Add(new FieldError(nameof(r.Introducers),
                    "Một đảng viên được chọn giới thiệu hai lần: hai người giới thiệu phải là hai đảng "
                    + "viên khác nhau."));
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
            errors.AddRange(DateRules(
                nameof(r.ReplacedOn), "ngày thay người giới thiệu",
                r.ReplacedOn, StageKind.IntroducerReplacement, c.History, context.Today));
            var current = c.History.CurrentIntroducers;
            if (current.All(i => i.MemberId != r.ReplacedMemberId))
            {
                errors.Add(new FieldError(nameof(r.ReplacedMemberId),
                    "Đảng viên được thay không phải người giới thiệu hiện tại của hồ sơ."));
            }

            if (current.Any(i => i.MemberId == r.NewMemberId))
            {
                errors.Add(new FieldError(nameof(r.NewMemberId),
                    "Đảng viên này đã là người giới thiệu của hồ sơ: hai người giới thiệu phải là hai "
                    + "đảng viên khác nhau."));
            }

            var introducer = members.GetValueOrDefault(r.NewMemberId);
            errors.AddRange(IntroducerRules(nameof(r.NewMemberId), introducer, c, r.ReplacedOn, r.KnownSince, isReplacement: true));
        });

    public static IReadOnlyList<FieldError> CheckRenewIntroduction(CandidateFacts c, RenewIntroductionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RenewIntroduction, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.RenewedOn), "ngày làm lại giấy giới thiệu",
                r.RenewedOn, StageKind.IntroductionRenewal, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckOpinion(CandidateFacts c, RecordOpinionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordOpinion, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.ReceivedOn), "ngày nhận ý kiến nhận xét", r.ReceivedOn, StageKind.Opinion, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckEligibilityException(
        CandidateFacts c, RecordEligibilityExceptionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordEligibilityException, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.ConsentedOn), "ngày đồng ý", r.ConsentedOn, StageKind.EligibilityException, c.History, context.Today));
            if (c.History.HasException(r.Kind))
            {
                errors.Add(new FieldError(nameof(r.Kind),
                    $"Đã ghi nhận văn bản đồng ý cho trường hợp \"{AdmissionLabels.Of(r.Kind)}\"; nếu ghi sai, hãy "
                    + "đính chính."));
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
                    $"Người vào Đảng có trình độ {AdmissionLabels.Of(c.Education)}, đã đạt trung học cơ sở: không "
                    + "cần văn bản đồng ý về trình độ."));
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
                        $"Người giới thiệu {member.Name} không còn là đảng viên chính thức vào ngày biểu quyết "
                        + $"{D(r.VotedOn)}: chi bộ phải phân công người giới thiệu thay thế trước."));
                }
            }
        });

    public static IReadOnlyList<FieldError> CheckCommitteeResolution(
        CandidateFacts c, RecordCommitteeResolutionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordCommitteeResolution, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.ResolvedOn), "ngày nghị quyết của đảng ủy cơ sở",
                r.ResolvedOn, StageKind.CommitteeResolution, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckReadmissionConsent(
        CandidateFacts c, RecordReadmissionConsentRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordReadmissionConsent, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.ConsentedOn), "ngày đồng ý kết nạp lại",
                r.ConsentedOn, StageKind.ReadmissionConsent, c.History, context.Today));
            errors.AddIfNotNull(ReadmissionWaitAt(nameof(r.ConsentedOn), c.FormerMember!, r.ConsentedOn, "văn bản đồng ý đề"));
        });

    public static IReadOnlyList<FieldError> CheckExtendDecision(CandidateFacts c, ExtendDecisionRequest r, RuleContext context) =>
        Checked(AdmissionAction.ExtendDecision, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.ExtendedOn), "ngày gia hạn", r.ExtendedOn, StageKind.DecisionExtension, c.History, context.Today));
            var deadline = c.History.Ceremony is null
                ? AdmissionDecisionDeadline(c.History, context.Calendar)
                : RecognitionDecisionDeadline(c.History, context.Calendar);
            if (deadline is { } due && r.ExtendedOn > due)
            {
                errors.Add(new FieldError(nameof(r.ExtendedOn),
                    $"Gia hạn phải được quyết định trước khi hết hạn: hạn ra quyết định là ngày {D(due)}, "
                    + $"còn ngày gia hạn là {D(r.ExtendedOn)}."));
            }
        });

    public static IReadOnlyList<FieldError> CheckAdmissionDecision(
        CandidateFacts c, RecordAdmissionDecisionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordAdmissionDecision, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.DecidedOn), "ngày quyết định kết nạp",
                r.DecidedOn, StageKind.AdmissionDecision, c.History, context.Today));
            errors.AddIfNotNull(NotInFuture(nameof(r.ReceivedOn), r.ReceivedOn, "ngày chi bộ nhận quyết định", context.Today));
            if (r.ReceivedOn < r.DecidedOn)
            {
                errors.Add(new FieldError(nameof(r.ReceivedOn),
                    $"Ngày chi bộ nhận quyết định ({D(r.ReceivedOn)}) không thể trước ngày quyết định "
                    + $"({D(r.DecidedOn)})."));
            }

            if (c.Cell.DecidingUnitId is null)
            {
                errors.Add(new FieldError("",
                    $"Không có cấp ủy nào phía trên {c.Cell.Name} được giao quyền quyết định kết nạp đảng "
                    + "viên: cần cấu hình trong cây tổ chức."));
            }

            errors.AddIfNotNull(AdmissionDecisionInTime(nameof(r.DecidedOn), c.History, r.DecidedOn, context.Calendar));
        });

    public static IReadOnlyList<FieldError> CheckLateCeremonyConsent(
        CandidateFacts c, RecordLateCeremonyConsentRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordLateCeremonyConsent, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.ConsentedOn), "ngày cấp ủy cấp trên đồng ý",
                r.ConsentedOn, StageKind.LateCeremonyConsent, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckCeremony(
        CandidateFacts c, RecordCeremonyRequest r, MemberFacts? helper, RuleContext context) =>
        Checked(AdmissionAction.RecordCeremony, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.HeldOn), "ngày lễ kết nạp", r.HeldOn, StageKind.Ceremony, c.History, context.Today));
            errors.AddIfNotNull(CeremonyInTime(nameof(r.HeldOn), c.History, r.HeldOn, context.Calendar));
            errors.AddIfNotNull(HelperRule(
                nameof(r.HelperMemberId), helper, c, c.Cell.Id, c.Cell.Name, r.HeldOn,
                "đảng viên chính thức giúp đỡ đảng viên dự bị"));
        });

    public static IReadOnlyList<FieldError> CheckNewMemberCourse(CandidateFacts c, RecordNewMemberCourseRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordNewMemberCourse, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.IssuedOn), "ngày cấp giấy chứng nhận", r.IssuedOn, StageKind.NewMemberCourse, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckRecognitionVote(CandidateFacts c, RecordRecognitionVoteRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordRecognitionVote, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.VotedOn), "ngày chi bộ xét công nhận chính thức",
                r.VotedOn, StageKind.RecognitionVote, c.History, context.Today));
            errors.AddRange(VoteCounts(r.OfficialMembers, r.Present, r.InFavour));
            var hasLateReason = !string.IsNullOrWhiteSpace(r.LateReason);
            errors.AddIfNotNull(RecognitionVoteInTime(nameof(r.VotedOn), c.History, r.VotedOn, hasLateReason, context.Calendar));
        });

    public static IReadOnlyList<FieldError> CheckRecognitionDecision(
        CandidateFacts c, RecordRecognitionDecisionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordRecognitionDecision, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.DecidedOn), "ngày quyết định công nhận",
                r.DecidedOn, StageKind.RecognitionDecision, c.History, context.Today));
            if (c.History.Referral is null)
            {
                errors.AddIfNotNull(RecognitionDecisionInTime(nameof(r.DecidedOn), c.History, r.DecidedOn, context.Calendar));
            }

            if (c.Cell.DecidingUnitId is null)
            {
                errors.Add(new FieldError("",
                    $"Không có cấp ủy nào phía trên {c.Cell.Name} được giao quyền quyết định kết nạp, công nhận "
                    + "đảng viên: cần cấu hình trong cây tổ chức."));
            }
        });

    public static IReadOnlyList<FieldError> CheckReferral(CandidateFacts c, ReferToSuperiorRequest r, RuleContext context) =>
        Checked(AdmissionAction.ReferToSuperior, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.ReferredOn), "ngày báo cáo cấp ủy cấp trên",
                r.ReferredOn, StageKind.ReferredToSuperior, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckRemoval(CandidateFacts c, RemoveFromListRequest r, RuleContext context) =>
        Checked(AdmissionAction.RemoveFromList, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.RemovedOn), "ngày quyết định xóa tên", r.RemovedOn, StageKind.Removal, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckExit(CandidateFacts c, RecordExitRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordExit, c, errors =>
            errors.AddRange(DateRules(nameof(r.ExitedOn), "ngày dừng xem xét", r.ExitedOn, StageKind.Exit, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckTransfer(
        CandidateFacts c, TransferCandidateRequest r, CellFacts? target, RuleContext context) =>
        Checked(AdmissionAction.Transfer, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.TransferredOn), "ngày chuyển", r.TransferredOn, StageKind.Transfer, c.History, context.Today));
            errors.AddRange(CellRules(nameof(r.TargetCellId), target, r.TransferredOn));
            if (target?.Id == c.Cell.Id)
            {
                errors.Add(new FieldError(nameof(r.TargetCellId),
                    $"Người vào Đảng đang ở {c.Cell.Name}: chọn chi bộ khác."));
            }
        });

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
}
