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
        errors.AddIfNotNull(NotInFuture(nameof(request.DateOfBirth), request.DateOfBirth, CoreText.Get("Label.DateOfBirth"), context.Today));
        errors.AddIfNotNull(NotInFuture(nameof(request.SourcedOn), request.SourcedOn, CoreText.Get("Label.ListedOn"), context.Today));
        if (request.SourcedOn < request.DateOfBirth)
        {
            errors.Add(new FieldError(nameof(request.SourcedOn), CoreText.Get("Candidate.ListedBeforeBirth")));
        }

        errors.AddRange(CellRules(nameof(request.CellId), cell, request.SourcedOn));
        if (cell is not null)
        {
            errors.AddIfNotNull(HelperRule(
                nameof(request.MentorMemberId), mentor, null, cell.Id, cell.Name, request.SourcedOn,
                CoreText.Get("Label.Mentor")));
        }

        errors.AddRange(CategoryRules(nameof(request.CategoryIds), request.CategoryIds, activeCategoryIds));
        errors.AddRange(CitizenIdRules(nameof(request.CitizenId), request.CitizenId, openFile, member, isCorrection: false));
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
        errors.AddIfNotNull(NotInFuture(nameof(request.DateOfBirth), request.DateOfBirth, CoreText.Get("Label.DateOfBirth"), context.Today));
        if (request.DateOfBirth != currentDateOfBirth && history.PassedCellVote is { } vote)
        {
            errors.AddIfNotNull(AgeAt(nameof(request.DateOfBirth), request.DateOfBirth, vote.EffectiveOn,
                history.HasExceptionOn(EligibilityExceptionKind.OverSixty, vote.EffectiveOn)));
        }

        if (request.DateOfBirth > sourcedOn)
        {
            errors.Add(new FieldError(nameof(request.DateOfBirth),
                CoreText.Format("Candidate.BornAfterListing", D(sourcedOn))));
        }

        errors.AddRange(CitizenIdRules(nameof(request.CitizenId), request.CitizenId, otherOpenFile, member, isCorrection: true));
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
            return [new FieldError(Field, CoreText.Get("Readmission.FormerNotFound"))];
        }

        if (former.Status is MemberStatus.Probationary or MemberStatus.Official && former.LeftOn is null)
        {
            errors.Add(new FieldError(Field, CoreText.Format("Readmission.StillMember", former.FullName)));
        }
        else if (former.LeftOn is null)
        {
            errors.Add(new FieldError(Field, CoreText.Format("Readmission.NoLeftOn", former.FullName)));
        }

        if (former.BarredFromReadmission)
        {
            errors.Add(new FieldError(Field, CoreText.Format("Readmission.Barred", former.FullName)));
        }

        if (former.WasReadmittedBefore)
        {
            errors.Add(new FieldError(Field, CoreText.Format("Readmission.AlreadyReadmitted", former.FullName)));
        }
        else if (hasOpenOrAdmittedReadmission)
        {
            errors.Add(new FieldError(Field, CoreText.Format("Readmission.HasFile", former.FullName)));
        }

        errors.AddIfNotNull(NotInFuture(nameof(request.SourcedOn), request.SourcedOn, CoreText.Get("Label.ListedOn"), context.Today));
        if (former.LeftOn is { } left && request.SourcedOn < left)
        {
            errors.Add(new FieldError(nameof(request.SourcedOn),
                CoreText.Format("Readmission.ListedBeforeLeaving", D(request.SourcedOn), D(left))));
        }

        errors.AddRange(CellRules(nameof(request.CellId), cell, request.SourcedOn));
        if (cell is not null)
        {
            if (mentor?.Id == former.MemberId)
            {
                errors.Add(new FieldError(nameof(request.MentorMemberId),
                    CoreText.Format("Helper.Self", former.FullName, CoreText.Get("Label.Mentor"))));
            }
            else
            {
                errors.AddIfNotNull(HelperRule(
                    nameof(request.MentorMemberId), mentor, null, cell.Id, cell.Name, request.SourcedOn,
                    CoreText.Get("Label.Mentor")));
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
        string field, string? citizenId, CitizenIdHolder? openFile, CitizenIdHolder? member, bool isCorrection)
    {
        if (openFile is { IsVisible: true })
        {
            yield return new FieldError(field,
                CoreText.Format(isCorrection ? "CitizenId.InOtherOpenFile" : "CitizenId.InOpenFile", citizenId, openFile.Describe()));
        }

        if (member is { IsVisible: true })
        {
            yield return new FieldError(field,
                CoreText.Format(isCorrection ? "CitizenId.Member" : "CitizenId.MemberReadmit", citizenId, member.Describe()));
        }

        if (openFile is not { IsVisible: true } && member is not { IsVisible: true } && (openFile is not null || member is not null))
        {
            yield return new FieldError(field, CitizenIdUnusable(citizenId));
        }
    }

    /// <summary>The answer for a citizen ID held outside the user's scope: the number cannot be used, nothing more.</summary>
    public static string CitizenIdUnusable(string? citizenId) => CoreText.Format("CitizenId.Unusable", citizenId);

    private static IEnumerable<FieldError> CellRules(string field, CellFacts? cell, DateOnly on)
    {
        if (cell is null)
        {
            yield return new FieldError(field, CellNotFound);
            yield break;
        }

        if (!cell.Kind.IsCell())
        {
            yield return new FieldError(field, CoreText.Format("Cell.NotACell", cell.Name));
        }

        if (cell.ValidTo is { } validTo && validTo < on)
        {
            yield return new FieldError(field, CoreText.Format("Cell.Dissolved", cell.Name, D(validTo.AddDays(1))));
        }
    }

    private static IEnumerable<FieldError> CategoryRules(string field, IReadOnlyList<int> requested, IReadOnlyCollection<int> active)
    {
        if (requested.Any(id => !active.Contains(id)))
        {
            yield return new FieldError(field, CoreText.Get("Rules.UnknownCategory"));
        }
    }

    public static IReadOnlyList<FieldError> CheckAwarenessCourse(CandidateFacts c, RecordAwarenessCourseRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordAwarenessCourse, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.IssuedOn), CoreText.Get("Label.CertificateIssuedOn"), r.IssuedOn, StageKind.AwarenessCourse, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckApplication(CandidateFacts c, RecordApplicationRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordApplication, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.AppliedOn), CoreText.Get("Label.AppliedOn"), r.AppliedOn, StageKind.Application, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckHistoryVerification(
        CandidateFacts c, RecordHistoryVerificationRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordHistoryVerification, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.VerifiedOn), CoreText.Get("Label.VerifiedOn"),
                r.VerifiedOn, StageKind.HistoryVerification, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckIntroduction(
        CandidateFacts c, RecordIntroductionRequest r, IReadOnlyDictionary<int, MemberFacts> members, RuleContext context) =>
        Checked(AdmissionAction.RecordIntroduction, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.IntroducedOn), CoreText.Get("Label.IntroducedOn"), r.IntroducedOn, StageKind.Introduction, c.History, context.Today));
            var expected = r.Basis == IntroductionBasis.TwoMembers ? 2 : 1;
            if (r.Introducers.Count != expected)
            {
                errors.Add(new FieldError(nameof(r.Introducers), r.Basis == IntroductionBasis.TwoMembers
                    ? CoreText.Format("Introduction.TwoMembers", r.Introducers.Count)
                    : CoreText.Format("Introduction.OneMember",
                        CoreText.Get(r.Basis == IntroductionBasis.YouthUnion ? "Introduction.YouthUnion" : "Introduction.TradeUnion"),
                        r.Introducers.Count)));
            }

            if (r.Introducers.Select(i => i.MemberId).Distinct().Count() != r.Introducers.Count)
            {
                errors.Add(new FieldError(nameof(r.Introducers), CoreText.Get("Introduction.Twice")));
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
                nameof(r.ReplacedOn), CoreText.Get("Label.ReplacedOn"),
                r.ReplacedOn, StageKind.IntroducerReplacement, c.History, context.Today));
            var current = c.History.CurrentIntroducers;
            if (current.All(i => i.MemberId != r.ReplacedMemberId))
            {
                errors.Add(new FieldError(nameof(r.ReplacedMemberId), CoreText.Get("Introduction.NotCurrent")));
            }

            if (current.Any(i => i.MemberId == r.NewMemberId))
            {
                errors.Add(new FieldError(nameof(r.NewMemberId), CoreText.Get("Introduction.AlreadyIntroducer")));
            }

            var introducer = members.GetValueOrDefault(r.NewMemberId);
            errors.AddRange(IntroducerRules(nameof(r.NewMemberId), introducer, c, r.ReplacedOn, r.KnownSince, isReplacement: true));
        });

    public static IReadOnlyList<FieldError> CheckRenewIntroduction(CandidateFacts c, RenewIntroductionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RenewIntroduction, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.RenewedOn), CoreText.Get("Label.RenewedOn"),
                r.RenewedOn, StageKind.IntroductionRenewal, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckOpinion(CandidateFacts c, RecordOpinionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordOpinion, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.ReceivedOn), CoreText.Get("Label.OpinionsReceivedOn"), r.ReceivedOn, StageKind.Opinion, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckEligibilityException(
        CandidateFacts c, RecordEligibilityExceptionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordEligibilityException, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.ConsentedOn), CoreText.Get("Label.ConsentedOn"), r.ConsentedOn, StageKind.EligibilityException, c.History, context.Today));
            if (c.History.HasException(r.Kind))
            {
                errors.Add(new FieldError(nameof(r.Kind), CoreText.Format("Rules.ExceptionRecorded", AdmissionLabels.Of(r.Kind))));
            }

            var applies = r.Kind switch
            {
                EligibilityExceptionKind.OverSixty => true,
                EligibilityExceptionKind.PrimaryEducationArea => c.Education < GeneralEducation.LowerSecondary,
                _ => c.Education < GeneralEducation.LowerSecondary,
            };
            if (!applies)
            {
                errors.Add(new FieldError(nameof(r.Kind), CoreText.Format("Rules.ExceptionNotNeeded", AdmissionLabels.Of(c.Education))));
            }
        });

    public static IReadOnlyList<FieldError> CheckCellVote(
        CandidateFacts c, RecordCellVoteRequest r, IReadOnlyDictionary<int, MemberFacts> introducers, RuleContext context) =>
        Checked(AdmissionAction.RecordCellVote, c, errors =>
        {
            const string Field = nameof(r.VotedOn);
            errors.AddRange(DateRules(Field, CoreText.Get("Label.CellVotedOn"), r.VotedOn, StageKind.CellVote, c.History, context.Today));
            errors.AddRange(VoteCounts(r.OfficialMembers, r.Present, r.InFavour));
            errors.AddRange(EligibilityAtVote(Field, c, c.History, r.VotedOn, context.Parameters));
            foreach (var introducer in c.History.CurrentIntroducers)
            {
                if (introducers.GetValueOrDefault(introducer.MemberId) is { } member && !member.IsOfficialOn(r.VotedOn))
                {
                    errors.Add(new FieldError(Field, CoreText.Format("Introduction.IntroducerNotOfficial", member.Name, D(r.VotedOn))));
                }
            }
        });

    public static IReadOnlyList<FieldError> CheckCommitteeResolution(
        CandidateFacts c, RecordCommitteeResolutionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordCommitteeResolution, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.ResolvedOn), CoreText.Get("Label.CommitteeResolvedOn"),
                r.ResolvedOn, StageKind.CommitteeResolution, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckReadmissionConsent(
        CandidateFacts c, RecordReadmissionConsentRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordReadmissionConsent, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.ConsentedOn), CoreText.Get("Label.ReadmissionConsentedOn"),
                r.ConsentedOn, StageKind.ReadmissionConsent, c.History, context.Today));
            errors.AddIfNotNull(ReadmissionWaitAt(nameof(r.ConsentedOn), c.FormerMember!, r.ConsentedOn, CoreText.Get("Readmission.WhenConsent")));
        });

    public static IReadOnlyList<FieldError> CheckExtendDecision(CandidateFacts c, ExtendDecisionRequest r, RuleContext context) =>
        Checked(AdmissionAction.ExtendDecision, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.ExtendedOn), CoreText.Get("Label.ExtendedOn"), r.ExtendedOn, StageKind.DecisionExtension, c.History, context.Today));
            var deadline = c.History.Ceremony is null
                ? AdmissionDecisionDeadline(c.History, context.Calendar)
                : RecognitionDecisionDeadline(c.History, context.Calendar);
            if (deadline is { } due && r.ExtendedOn > due)
            {
                errors.Add(new FieldError(nameof(r.ExtendedOn), CoreText.Format("Extension.TooLate", D(due), D(r.ExtendedOn))));
            }
        });

    public static IReadOnlyList<FieldError> CheckAdmissionDecision(
        CandidateFacts c, RecordAdmissionDecisionRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordAdmissionDecision, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.DecidedOn), CoreText.Get("Label.AdmissionDecidedOn"),
                r.DecidedOn, StageKind.AdmissionDecision, c.History, context.Today));
            errors.AddIfNotNull(NotInFuture(nameof(r.ReceivedOn), r.ReceivedOn, CoreText.Get("Label.DecisionReceivedOn"), context.Today));
            if (r.ReceivedOn < r.DecidedOn)
            {
                errors.Add(new FieldError(nameof(r.ReceivedOn), CoreText.Format("Decision.ReceivedBeforeDecided", D(r.ReceivedOn), D(r.DecidedOn))));
            }

            if (c.Cell.DecidingUnitId is null)
            {
                errors.Add(new FieldError("", CoreText.Format("Decision.NoDecidingUnit", c.Cell.Name)));
            }

            errors.AddIfNotNull(AdmissionDecisionInTime(nameof(r.DecidedOn), c.History, r.DecidedOn, context.Calendar));
        });

    public static IReadOnlyList<FieldError> CheckLateCeremonyConsent(
        CandidateFacts c, RecordLateCeremonyConsentRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordLateCeremonyConsent, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.ConsentedOn), CoreText.Get("Label.LateCeremonyConsentedOn"),
                r.ConsentedOn, StageKind.LateCeremonyConsent, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckCeremony(
        CandidateFacts c, RecordCeremonyRequest r, MemberFacts? helper, RuleContext context) =>
        Checked(AdmissionAction.RecordCeremony, c, errors =>
        {
            errors.AddRange(DateRules(nameof(r.HeldOn), CoreText.Get("Label.CeremonyOn"), r.HeldOn, StageKind.Ceremony, c.History, context.Today));
            errors.AddIfNotNull(CeremonyInTime(nameof(r.HeldOn), c.History, r.HeldOn, context.Calendar));
            errors.AddIfNotNull(HelperRule(
                nameof(r.HelperMemberId), helper, c, c.Cell.Id, c.Cell.Name, r.HeldOn,
                CoreText.Get("Label.Helper")));
        });

    public static IReadOnlyList<FieldError> CheckNewMemberCourse(CandidateFacts c, RecordNewMemberCourseRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordNewMemberCourse, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.IssuedOn), CoreText.Get("Label.CertificateIssuedOn"), r.IssuedOn, StageKind.NewMemberCourse, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckRecognitionVote(CandidateFacts c, RecordRecognitionVoteRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordRecognitionVote, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.VotedOn), CoreText.Get("Label.RecognitionVotedOn"),
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
                nameof(r.DecidedOn), CoreText.Get("Label.RecognitionDecidedOn"),
                r.DecidedOn, StageKind.RecognitionDecision, c.History, context.Today));
            if (c.History.Referral is null)
            {
                errors.AddIfNotNull(RecognitionDecisionInTime(nameof(r.DecidedOn), c.History, r.DecidedOn, context.Calendar));
            }

            if (c.Cell.DecidingUnitId is null)
            {
                errors.Add(new FieldError("", CoreText.Format("Decision.NoRecognisingUnit", c.Cell.Name)));
            }
        });

    public static IReadOnlyList<FieldError> CheckReferral(CandidateFacts c, ReferToSuperiorRequest r, RuleContext context) =>
        Checked(AdmissionAction.ReferToSuperior, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.ReferredOn), CoreText.Get("Label.ReferredOn"),
                r.ReferredOn, StageKind.ReferredToSuperior, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckRemoval(CandidateFacts c, RemoveFromListRequest r, RuleContext context) =>
        Checked(AdmissionAction.RemoveFromList, c, errors =>
            errors.AddRange(DateRules(
                nameof(r.RemovedOn), CoreText.Get("Label.RemovedOn"), r.RemovedOn, StageKind.Removal, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckExit(CandidateFacts c, RecordExitRequest r, RuleContext context) =>
        Checked(AdmissionAction.RecordExit, c, errors =>
            errors.AddRange(DateRules(nameof(r.ExitedOn), CoreText.Get("Label.ExitedOn"), r.ExitedOn, StageKind.Exit, c.History, context.Today)));

    public static IReadOnlyList<FieldError> CheckTransfer(
        CandidateFacts c, TransferCandidateRequest r, CellFacts? target, RuleContext context) =>
        Checked(AdmissionAction.Transfer, c, errors =>
        {
            errors.AddRange(DateRules(
                nameof(r.TransferredOn), CoreText.Get("Label.TransferredOn"), r.TransferredOn, StageKind.Transfer, c.History, context.Today));
            errors.AddRange(CellRules(nameof(r.TargetCellId), target, r.TransferredOn));
            if (target?.Id == c.Cell.Id)
            {
                errors.Add(new FieldError(nameof(r.TargetCellId), CoreText.Format("Transfer.SameCell", c.Cell.Name)));
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
