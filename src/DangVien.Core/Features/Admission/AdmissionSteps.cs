using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Members;

namespace DangVien.Core.Features.Admission;

/// <summary>Who may record a step: committee staff, or also the cell's secretary for the cell's own votes and opinions.</summary>
public enum StepRecorder
{
    Committee,
    Cell,
}

/// <summary>
/// What a step's rule check reads: the file, the request, the members it names (resolved inside the user's scope)
/// or, for a step that reads them, the file's current introducers; the target cell of a step that names one, and
/// the context (today, working days, parameters).
/// </summary>
public sealed record StepCheck<TRequest>(
    CandidateFacts File, TRequest Request, IReadOnlyDictionary<int, MemberFacts> Members, CellFacts? TargetCell, RuleContext Context);

/// <summary>
/// A step that passed its checks, as it is written: the file, the request, its new history entry, and the member row
/// the ceremony created (null before the ceremony). A step's <see cref="AdmissionStep{TRequest}.Effect"/> changes
/// these beside the entry; the ceremony sets <see cref="Member"/>.
/// </summary>
public sealed class StepWrite<TRequest>(Candidate candidate, TRequest request, StageEntry entry, Member? member)
{
    public Candidate Candidate { get; } = candidate;

    public TRequest Request { get; } = request;

    public StageEntry Entry { get; } = entry;

    public Member? Member { get; set; } = member;

    /// <summary>The member row a step after the ceremony changes; a file past its ceremony always has one.</summary>
    public Member AdmittedMember =>
        Member ?? throw new InvalidOperationException($"Candidate {Candidate.Id} had a ceremony but has no member row.");
}

/// <summary>One row of <see cref="AdmissionSteps"/>, whatever its request type.</summary>
public interface IAdmissionStep
{
    AdmissionAction Action { get; }

    Type RequestType { get; }

    StageKind Kind { get; }

    StepRecorder Recorder { get; }
}

/// <summary>
/// One step of the procedure: its request (validated by the request's <c>…Validator</c> from DI), the history entry it
/// appends (<see cref="Kind"/>, dated by <see cref="DateOf"/>, filled by <see cref="Write"/>), its rule check in
/// <see cref="AdmissionRules"/>, who may record it, and what else it changes (<see cref="Effect"/>).
/// </summary>
public sealed record AdmissionStep<TRequest> : IAdmissionStep
    where TRequest : ICandidateRequest
{
    public required AdmissionAction Action { get; init; }

    public Type RequestType => typeof(TRequest);

    public required StageKind Kind { get; init; }

    public StepRecorder Recorder { get; init; } = StepRecorder.Committee;

    /// <summary>The entry's effective date.</summary>
    public required Func<TRequest, DateOnly> DateOf { get; init; }

    /// <summary>Members the request names (introducers, helper): resolved inside the user's scope before the check.</summary>
    public Func<TRequest, IEnumerable<int>> NamedMembers { get; init; } = _ => [];

    /// <summary>Whether the check reads the file's current introducers (wherever they are now) as its members.</summary>
    public bool ReadsIntroducers { get; init; }

    /// <summary>The cell the request names (a transfer's target): the user must be allowed to write there.</summary>
    public Func<TRequest, int>? TargetCell { get; init; }

    public required Func<StepCheck<TRequest>, IReadOnlyList<FieldError>> Check { get; init; }

    /// <summary>Fills the history entry from the request and the file.</summary>
    public required Action<StageEntry, TRequest, CandidateFacts> Write { get; init; }

    /// <summary>What the step changes beside its entry: the member row, the file's cell. Null for most steps.</summary>
    public Action<StepWrite<TRequest>>? Effect { get; init; }
}

/// <summary>
/// The steps of the procedure, listed once. <see cref="AdmissionService.RecordAsync{TRequest}"/> records any of them,
/// the candidate import replays them over each row's history, and the forms are built per step from them. Adding a
/// step means one entry here, its request (with its validator) and its form.
/// </summary>
public static class AdmissionSteps
{
    private static readonly IAdmissionStep[] Steps =
    [
        new AdmissionStep<RecordAwarenessCourseRequest>
        {
            Action = AdmissionAction.RecordAwarenessCourse,
            Kind = StageKind.AwarenessCourse,
            DateOf = r => r.IssuedOn,
            Check = s => AdmissionRules.CheckAwarenessCourse(s.File, s.Request, s.Context),
            Write = (e, r, _) =>
            {
                e.DocumentNumber = r.CertificateNumber.Trim();
                e.Issuer = r.IssuingCentre.Trim();
            },
        },
        new AdmissionStep<RecordApplicationRequest>
        {
            Action = AdmissionAction.RecordApplication,
            Kind = StageKind.Application,
            DateOf = r => r.AppliedOn,
            Check = s => AdmissionRules.CheckApplication(s.File, s.Request, s.Context),
            Write = (e, r, _) =>
            {
                e.FormCode = "1-KNĐ, 2-KNĐ";
                e.Note = r.Note;
            },
        },
        new AdmissionStep<RecordHistoryVerificationRequest>
        {
            Action = AdmissionAction.RecordHistoryVerification,
            Kind = StageKind.HistoryVerification,
            DateOf = r => r.VerifiedOn,
            Check = s => AdmissionRules.CheckHistoryVerification(s.File, s.Request, s.Context),
            Write = (e, r, _) =>
            {
                e.FormCode = "2-KNĐ";
                e.DocumentNumber = r.DocumentNumber;
                e.Issuer = r.CertifiedBy;
                e.Note = r.Result.Trim();
            },
        },
        new AdmissionStep<RecordIntroductionRequest>
        {
            Action = AdmissionAction.RecordIntroduction,
            Kind = StageKind.Introduction,
            DateOf = r => r.IntroducedOn,
            NamedMembers = r => r.Introducers.Select(i => i.MemberId),
            Check = s => AdmissionRules.CheckIntroduction(s.File, s.Request, s.Members, s.Context),
            Write = (e, r, _) =>
            {
                e.IntroductionBasis = r.Basis;
                e.FormCode = r.Basis == IntroductionBasis.TwoMembers ? "3-KNĐ" : "4-KNĐ, 3-KNĐ";
                e.DocumentNumber = r.ResolutionNumber;
                e.Issuer = r.ResolutionIssuer;
                e.Introducers = [.. r.Introducers.Select(i => new Introducer { MemberId = i.MemberId, KnownSince = i.KnownSince })];
            },
        },
        new AdmissionStep<ReplaceIntroducerRequest>
        {
            Action = AdmissionAction.ReplaceIntroducer,
            Kind = StageKind.IntroducerReplacement,
            DateOf = r => r.ReplacedOn,
            NamedMembers = r => [r.NewMemberId],
            Check = s => AdmissionRules.CheckReplaceIntroducer(s.File, s.Request, s.Members, s.Context),
            Write = (e, r, _) =>
            {
                e.FormCode = "3-KNĐ";
                e.Note = r.Reason.Trim();
                e.Introducers =
                [
                    new Introducer { MemberId = r.NewMemberId, KnownSince = r.KnownSince, IsReplacement = true, ReplacesMemberId = r.ReplacedMemberId },
                ];
            },
        },
        new AdmissionStep<RenewIntroductionRequest>
        {
            Action = AdmissionAction.RenewIntroduction,
            Kind = StageKind.IntroductionRenewal,
            DateOf = r => r.RenewedOn,
            Check = s => AdmissionRules.CheckRenewIntroduction(s.File, s.Request, s.Context),
            Write = (e, r, _) =>
            {
                e.DocumentNumber = r.DocumentNumber;
                e.Note = r.Note;
            },
        },
        new AdmissionStep<RecordOpinionRequest>
        {
            Action = AdmissionAction.RecordOpinion,
            Kind = StageKind.Opinion,
            Recorder = StepRecorder.Cell,
            DateOf = r => r.ReceivedOn,
            Check = s => AdmissionRules.CheckOpinion(s.File, s.Request, s.Context),
            Write = (e, r, _) =>
            {
                e.FormCode = AdmissionLabels.FormCodeOf(r.Form);
                e.Issuer = r.Organisation.Trim();
                e.DocumentNumber = r.DocumentNumber;
                e.Note = r.Note;
            },
        },
        new AdmissionStep<RecordEligibilityExceptionRequest>
        {
            Action = AdmissionAction.RecordEligibilityException,
            Kind = StageKind.EligibilityException,
            DateOf = r => r.ConsentedOn,
            Check = s => AdmissionRules.CheckEligibilityException(s.File, s.Request, s.Context),
            Write = (e, r, _) =>
            {
                e.ExceptionKind = r.Kind;
                e.DocumentNumber = r.DocumentNumber.Trim();
                e.Issuer = r.ConsentingBody.Trim();
                e.Note = r.Note;
            },
        },
        new AdmissionStep<RecordCellVoteRequest>
        {
            Action = AdmissionAction.RecordCellVote,
            Kind = StageKind.CellVote,
            Recorder = StepRecorder.Cell,
            DateOf = r => r.VotedOn,
            ReadsIntroducers = true,
            Check = s => AdmissionRules.CheckCellVote(s.File, s.Request, s.Members, s.Context),
            Write = (e, r, file) =>
            {
                e.FormCode = "6-KNĐ";
                e.DocumentNumber = r.ResolutionNumber;
                e.UnitId = file.Cell.Id;
                e.Vote = Vote(r, r.Present, r.InFavour);
            },
        },
        new AdmissionStep<RecordCommitteeResolutionRequest>
        {
            Action = AdmissionAction.RecordCommitteeResolution,
            Kind = StageKind.CommitteeResolution,
            DateOf = r => r.ResolvedOn,
            Check = s => AdmissionRules.CheckCommitteeResolution(s.File, s.Request, s.Context),
            Write = (e, r, file) =>
            {
                e.FormCode = "8-KNĐ";
                e.DocumentNumber = r.ResolutionNumber.Trim();
                e.UnitId = file.Cell.ParentId;
            },
        },
        new AdmissionStep<RecordReadmissionConsentRequest>
        {
            Action = AdmissionAction.RecordReadmissionConsent,
            Kind = StageKind.ReadmissionConsent,
            DateOf = r => r.ConsentedOn,
            Check = s => AdmissionRules.CheckReadmissionConsent(s.File, s.Request, s.Context),
            Write = (e, r, _) =>
            {
                e.DocumentNumber = r.DocumentNumber.Trim();
                e.Issuer = r.ConsentingBody.Trim();
            },
        },
        new AdmissionStep<ExtendDecisionRequest>
        {
            Action = AdmissionAction.ExtendDecision,
            Kind = StageKind.DecisionExtension,
            DateOf = r => r.ExtendedOn,
            Check = s => AdmissionRules.CheckExtendDecision(s.File, s.Request, s.Context),
            Write = (e, r, file) =>
            {
                e.ExtensionWorkingDays = AdmissionRules.ExtensionWorkingDays;
                e.DocumentNumber = r.DocumentNumber;
                e.UnitId = file.Cell.DecidingUnitId;
                e.Note = r.Reason.Trim();
            },
        },
        new AdmissionStep<RecordAdmissionDecisionRequest>
        {
            Action = AdmissionAction.RecordAdmissionDecision,
            Kind = StageKind.AdmissionDecision,
            DateOf = r => r.DecidedOn,
            Check = s => AdmissionRules.CheckAdmissionDecision(s.File, s.Request, s.Context),
            Write = (e, r, file) =>
            {
                e.FormCode = "9-KNĐ";
                e.DocumentNumber = r.DecisionNumber.Trim();
                e.UnitId = file.Cell.DecidingUnitId;
                e.Issuer = file.Cell.DecidingUnitName;
                e.ReceivedOn = r.ReceivedOn;
            },
        },
        new AdmissionStep<RecordLateCeremonyConsentRequest>
        {
            Action = AdmissionAction.RecordLateCeremonyConsent,
            Kind = StageKind.LateCeremonyConsent,
            DateOf = r => r.ConsentedOn,
            Check = s => AdmissionRules.CheckLateCeremonyConsent(s.File, s.Request, s.Context),
            Write = (e, r, _) =>
            {
                e.DocumentNumber = r.DocumentNumber.Trim();
                e.Issuer = r.ConsentingBody.Trim();
                e.Note = r.Reason.Trim();
            },
        },
        new AdmissionStep<RecordCeremonyRequest>
        {
            Action = AdmissionAction.RecordCeremony,
            Kind = StageKind.Ceremony,
            DateOf = r => r.HeldOn,
            NamedMembers = r => [r.HelperMemberId],
            Check = s => AdmissionRules.CheckCeremony(s.File, s.Request, s.Members.GetValueOrDefault(s.Request.HelperMemberId), s.Context),
            Write = (e, r, file) =>
            {
                e.UnitId = file.Cell.Id;
                e.MemberId = r.HelperMemberId;
            },

            // The probationary member: admitted on the ceremony day, in the candidate's cell, linked to the file.
            Effect = w => w.Member = new Member
            {
                FullName = w.Candidate.FullName,
                DateOfBirth = w.Candidate.DateOfBirth,
                Sex = w.Candidate.Sex,
                CitizenId = w.Candidate.CitizenId,
                CellId = w.Candidate.CellId,
                Status = MemberStatus.Probationary,
                AdmittedOn = w.Request.HeldOn,
                CandidateId = w.Candidate.Id,
            },
        },
        new AdmissionStep<RecordNewMemberCourseRequest>
        {
            Action = AdmissionAction.RecordNewMemberCourse,
            Kind = StageKind.NewMemberCourse,
            DateOf = r => r.IssuedOn,
            Check = s => AdmissionRules.CheckNewMemberCourse(s.File, s.Request, s.Context),
            Write = (e, r, _) =>
            {
                e.DocumentNumber = r.CertificateNumber.Trim();
                e.Issuer = r.IssuingCentre.Trim();
            },
        },
        new AdmissionStep<RecordRecognitionVoteRequest>
        {
            Action = AdmissionAction.RecordRecognitionVote,
            Kind = StageKind.RecognitionVote,
            Recorder = StepRecorder.Cell,
            DateOf = r => r.VotedOn,
            Check = s => AdmissionRules.CheckRecognitionVote(s.File, s.Request, s.Context),
            Write = (e, r, file) =>
            {
                e.FormCode = "13-KNĐ";
                e.DocumentNumber = r.ResolutionNumber;
                e.UnitId = file.Cell.Id;
                e.Note = string.IsNullOrWhiteSpace(r.LateReason) ? null : r.LateReason.Trim();
                e.Vote = Vote(r, r.Present, r.InFavour);
            },
        },
        new AdmissionStep<RecordRecognitionDecisionRequest>
        {
            Action = AdmissionAction.RecordRecognitionDecision,
            Kind = StageKind.RecognitionDecision,

            // Effective on the day the 12 months end (AdmissionRules.OfficialFrom of the ceremony), whatever the day it is signed.
            DateOf = r => r.DecidedOn,
            Check = s => AdmissionRules.CheckRecognitionDecision(s.File, s.Request, s.Context),
            Write = (e, r, file) =>
            {
                e.EffectiveOn = AdmissionRules.OfficialFrom(file.History.Ceremony!.EffectiveOn);
                e.FormCode = "15-KNĐ";
                e.DocumentDate = r.DecidedOn;
                e.DocumentNumber = r.DecisionNumber.Trim();
                e.UnitId = file.Cell.DecidingUnitId;
                e.Issuer = file.Cell.DecidingUnitName;
            },
            Effect = w =>
            {
                w.AdmittedMember.Status = MemberStatus.Official;
                w.AdmittedMember.RecognisedOn = w.Entry.EffectiveOn;
            },
        },
        new AdmissionStep<ReferToSuperiorRequest>
        {
            Action = AdmissionAction.ReferToSuperior,
            Kind = StageKind.ReferredToSuperior,
            DateOf = r => r.ReferredOn,
            Check = s => AdmissionRules.CheckReferral(s.File, s.Request, s.Context),
            Write = (e, r, _) =>
            {
                e.DocumentNumber = r.DocumentNumber;
                e.Issuer = r.ReferredTo;
                e.Note = r.Note;
            },
        },
        new AdmissionStep<RemoveFromListRequest>
        {
            Action = AdmissionAction.RemoveFromList,
            Kind = StageKind.Removal,
            DateOf = r => r.RemovedOn,
            Check = s => AdmissionRules.CheckRemoval(s.File, s.Request, s.Context),
            Write = (e, r, file) =>
            {
                e.DocumentNumber = r.DecisionNumber.Trim();
                e.UnitId = file.Cell.DecidingUnitId;
                e.Issuer = file.Cell.DecidingUnitName;
                e.Note = r.Reason.Trim();
            },
            Effect = w =>
            {
                w.AdmittedMember.Status = MemberStatus.Removed;
                w.AdmittedMember.LeftOn = w.Request.RemovedOn;
                w.AdmittedMember.LeftReason = w.Request.Reason.Trim();
            },
        },
        new AdmissionStep<RecordExitRequest>
        {
            Action = AdmissionAction.RecordExit,
            Kind = StageKind.Exit,
            DateOf = r => r.ExitedOn,
            Check = s => AdmissionRules.CheckExit(s.File, s.Request, s.Context),
            Write = (e, r, file) =>
            {
                e.ExitReason = r.Reason;
                e.UnitId = file.Cell.Id;
                e.Note = r.Explanation.Trim();
            },
        },
        new AdmissionStep<TransferCandidateRequest>
        {
            Action = AdmissionAction.Transfer,
            Kind = StageKind.Transfer,
            DateOf = r => r.TransferredOn,
            TargetCell = r => r.TargetCellId,
            Check = s => AdmissionRules.CheckTransfer(s.File, s.Request, s.TargetCell, s.Context),
            Write = (e, r, _) =>
            {
                e.UnitId = r.TargetCellId;
                e.DocumentNumber = r.DocumentNumber;
                e.Note = r.Reason.Trim();
            },

            // The history stays; the file (and, during probation, the member) moves.
            Effect = w =>
            {
                w.Candidate.CellId = w.Request.TargetCellId;
                if (w.Member is { } member)
                {
                    MemberPlacements.Move(member, w.Request.TargetCellId, w.Request.TransferredOn);
                }
            },
        },
    ];

    private static readonly Dictionary<Type, IAdmissionStep> ByRequest = Steps.ToDictionary(s => s.RequestType);

    private static readonly Dictionary<AdmissionAction, IAdmissionStep> ByAction = Steps.ToDictionary(s => s.Action);

    /// <summary>Every step, in the order of the procedure.</summary>
    public static IReadOnlyList<IAdmissionStep> All => Steps;

    /// <summary>The step recorded by a request of this type.</summary>
    public static AdmissionStep<TRequest> For<TRequest>()
        where TRequest : ICandidateRequest =>
        ByRequest.TryGetValue(typeof(TRequest), out var step)
            ? (AdmissionStep<TRequest>)step
            : throw new InvalidOperationException($"{typeof(TRequest).Name} is not the request of an admission step.");

    /// <summary>The step of an action; null for the actions on a file that are not steps (a correction).</summary>
    public static IAdmissionStep? Of(AdmissionAction action) => ByAction.GetValueOrDefault(action);

    /// <summary>Whether the cell's secretary may record the action too (the cell's own votes and opinions).</summary>
    public static bool IsCellStep(AdmissionAction action) => Of(action)?.Recorder == StepRecorder.Cell;

    /// <summary>The first entry of every file (tạo nguồn): the cell that puts the person forward and the mentor.</summary>
    public static void WriteSource(StageEntry e, int cellId, int mentorId, string? documentNumber, string? note)
    {
        e.UnitId = cellId;
        e.MemberId = mentorId;
        e.DocumentNumber = documentNumber;
        e.Note = note;
    }

    /// <summary>A cell's vote as its form gives it, with the reason for a number of official members other than the list.</summary>
    public static CellVote Vote(IVoteRequest r, int present, int inFavour)
    {
        var vote = Vote(r.OfficialMembers, present, inFavour);
        vote.OfficialMembersReason = string.IsNullOrWhiteSpace(r.OfficialMembersReason) ? null : r.OfficialMembersReason.Trim();
        return vote;
    }

    /// <summary>A vote as recorded: passed when the votes in favour reach two thirds of the official members.</summary>
    public static CellVote Vote(int officialMembers, int present, int inFavour) => new()
    {
        OfficialMembers = officialMembers,
        Present = present,
        InFavour = inFavour,
        Passed = AdmissionRules.PassesTwoThirds(officialMembers, inFavour),
    };
}
