using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Testing;

/// <summary>
/// Walks one candidate through the admission steps with the service, as the system records them: each
/// step reads the file's current version first. The one service-level walk of every test project; tests
/// that prove the forms work post the forms instead. Named steps throw when the service refuses them;
/// the steps tests expect to be refused return the <see cref="Result"/>.
/// </summary>
/// <remarks>
/// <see cref="Members"/> are official members of the candidate's cell: the first is the mentor and the
/// ceremony's helper, the second and third introduce the candidate.
/// </remarks>
public sealed class CandidateWalk
{
    private readonly DangVienDbContext _db;

    private CandidateWalk(AdmissionService service, DangVienDbContext db, int id, IReadOnlyList<Member> members)
    {
        Service = service;
        _db = db;
        Id = id;
        Members = members;
    }

    public int Id { get; }

    public AdmissionService Service { get; }

    public IReadOnlyList<Member> Members { get; }

    /// <summary>A new file in the cell of <paramref name="members"/>, the first of them its mentor.</summary>
    public static CreateCandidateRequest NewCandidate(IReadOnlyList<Member> members, IReadOnlyList<int> categoryIds, DateOnly sourcedOn,
        string name = "Phan Thị Hạnh", DateOnly? born = null) => new()
        {
            CellId = members[0].CellId,
            FullName = name,
            DateOfBirth = born ?? new DateOnly(2000, 4, 12),
            Sex = Sex.Female,
            CategoryIds = categoryIds,
            MentorMemberId = members[0].Id,
            SourcedOn = sourcedOn,
        };

    /// <summary>Creates the file; <paramref name="db"/> is where the walk reads the file's version before each step.</summary>
    public static async Task<CandidateWalk> StartAsync(AdmissionService service, DangVienDbContext db, IReadOnlyList<Member> members, CreateCandidateRequest request)
    {
        var created = await service.CreateCandidateAsync(request);
        Ensure("CreateCandidate", created);
        return new CandidateWalk(service, db, created.Value, members);
    }

    /// <summary>Walks on with a file created otherwise (a readmission, an import).</summary>
    public static CandidateWalk Resume(AdmissionService service, DangVienDbContext db, int candidateId, IReadOnlyList<Member> members) =>
        new(service, db, candidateId, members);

    public static string Describe(Result result) => string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Field}: {e.Message}"));

    public async Task<uint> VersionAsync() =>
        await _db.Candidates.AsNoTracking().Where(c => c.Id == Id).Select(c => c.Version).SingleAsync();

    public async Task<Result> DoAsync(Func<uint, Task<Result>> action) => await action(await VersionAsync());

    public async Task OkAsync(Func<uint, Task<Result>> action) => Ensure("step", await DoAsync(action));

    /// <summary>
    /// Records every step after the ones already taken, up to and including <paramref name="last"/>, on the
    /// dates of <paramref name="dates"/>; the grassroots committee's resolution only where the cell needs one.
    /// Votes count the cell's member list of the day (<see cref="CellVoteAsync"/>).
    /// </summary>
    public async Task ToAsync(StageKind last, WalkDates dates)
    {
        var cellId = Members[0].CellId;
        var needsResolution = (await Service.LoadCellsAsync([cellId]))[cellId].NeedsCommitteeResolution;
        (StageKind Kind, Func<Task> Record)[] steps =
        [
            (StageKind.AwarenessCourse, () => CertificateAsync(dates.Certificate)),
            (StageKind.Application, () => ApplicationAsync(dates.Application)),
            (StageKind.HistoryVerification, () => VerificationAsync(dates.Verification)),
            (StageKind.Introduction, async () => Ensure("Introduction", await IntroductionAsync(dates.Introduction, Members[1], Members[2]))),
            (StageKind.Opinion, () => OpinionAsync(dates.Opinion)),
            (StageKind.CellVote, async () => Ensure("CellVote", await CellVoteAsync(dates.CellVote))),
            (StageKind.CommitteeResolution, () => needsResolution ? CommitteeResolutionAsync(dates.CommitteeResolution) : Task.CompletedTask),
            (StageKind.AdmissionDecision, async () => Ensure("AdmissionDecision", await DecisionAsync(dates.Decision, dates.DecisionReceived))),
            (StageKind.Ceremony, async () => Ensure("Ceremony", await CeremonyAsync(dates.Ceremony, Members[0]))),
            (StageKind.NewMemberCourse, () => NewMemberCourseAsync(dates.NewMemberCourse)),
            (StageKind.RecognitionVote, async () => Ensure("RecognitionVote", await RecognitionVoteAsync(dates.RecognitionVote))),
            (StageKind.RecognitionDecision, async () => Ensure("RecognitionDecision", await RecognitionDecisionAsync(dates.RecognitionDecision))),
        ];
        var taken = await _db.StageEntries.AsNoTracking().Where(e => e.CandidateId == Id).Select(e => e.Kind).ToListAsync();
        foreach (var (kind, record) in steps.Where(s => s.Kind <= last && !taken.Contains(s.Kind)))
        {
            await record();
        }
    }

    public Task CertificateAsync(DateOnly on, string? number = null, string centre = "Trung tâm Chính trị huyện") => OkAsync(v => Service.RecordAsync(
        new RecordAwarenessCourseRequest() { CandidateId = Id, CertificateNumber = number ?? $"GCN-{on.DayNumber}", IssuingCentre = centre, IssuedOn = on }, v));

    public Task ApplicationAsync(DateOnly on) => OkAsync(v => Service.RecordAsync(new RecordApplicationRequest() { CandidateId = Id, AppliedOn = on }, v));

    public Task VerificationAsync(DateOnly on, string result = "Lịch sử chính trị rõ ràng, đủ điều kiện", string? certifiedBy = "Cấp ủy nơi cư trú") =>
        OkAsync(v => Service.RecordAsync(new RecordHistoryVerificationRequest() { CandidateId = Id, VerifiedOn = on, Result = result, CertifiedBy = certifiedBy }, v));

    public Task<Result> IntroductionAsync(DateOnly on, params Member[] introducers) => DoAsync(v => Service.RecordAsync(new RecordIntroductionRequest()
    {
        CandidateId = Id,
        IntroducedOn = on,
        Basis = IntroductionBasis.TwoMembers,
        Introducers = [.. introducers.Select(m => new IntroducerInput(m.Id, new DateOnly(2018, 9, 1)))],
    }, v));

    public Task OpinionAsync(DateOnly on, OpinionForm form = OpinionForm.Organisation, string organisation = "Chi đoàn") => OkAsync(v => Service.RecordAsync(
        new RecordOpinionRequest() { CandidateId = Id, Form = form, ReceivedOn = on, Organisation = organisation }, v));

    /// <summary>
    /// The cell's vote: on the cell's member list of the day unless <paramref name="official"/> says otherwise (then with
    /// <paramref name="reason"/>); by default one member absent and one against in a cell of six or more, everyone present
    /// and in favour in a smaller one.
    /// </summary>
    public async Task<Result> CellVoteAsync(
        DateOnly on, int? official = null, int? present = null, int? inFavour = null, string? resolutionNumber = "12-NQ/CB", string? reason = null)
    {
        var counted = official ?? await ListedOfficialAsync(on);
        var here = present ?? (counted >= 6 ? counted - 1 : counted);
        var yes = inFavour ?? (counted >= 6 ? counted - 2 : counted);
        return await DoAsync(v => Service.RecordAsync(new RecordCellVoteRequest()
        {
            CandidateId = Id, VotedOn = on, ResolutionNumber = resolutionNumber, OfficialMembers = counted, Present = here, InFavour = yes,
            OfficialMembersReason = reason,
        }, v));
    }

    /// <summary>The official members of the file's cell on the day by its member list (<see cref="AdmissionService.GetVoteRosterAsync"/>).</summary>
    public async Task<int> ListedOfficialAsync(DateOnly on) =>
        (await Service.GetVoteRosterAsync(Id, on) ?? throw new InvalidOperationException($"Candidate {Id} is not readable.")).Official;

    public Task CommitteeResolutionAsync(DateOnly on) => OkAsync(v => Service.RecordAsync(
        new RecordCommitteeResolutionRequest() { CandidateId = Id, ResolvedOn = on, ResolutionNumber = "45-NQ/ĐU" }, v));

    public Task<Result> DecisionAsync(DateOnly on, DateOnly? received = null) => DoAsync(v => Service.RecordAsync(
        new RecordAdmissionDecisionRequest() { CandidateId = Id, DecidedOn = on, DecisionNumber = "101-QĐ/ĐU", ReceivedOn = received ?? on }, v));

    public Task<Result> CeremonyAsync(DateOnly on, Member helper) => DoAsync(v => Service.RecordAsync(
        new RecordCeremonyRequest() { CandidateId = Id, HeldOn = on, HelperMemberId = helper.Id }, v));

    public Task NewMemberCourseAsync(DateOnly on) => OkAsync(v => Service.RecordAsync(
        new RecordNewMemberCourseRequest() { CandidateId = Id, CertificateNumber = "DVM-7", IssuingCentre = "Trung tâm Chính trị huyện", IssuedOn = on }, v));

    /// <summary>The recognition vote, on the member list of the day unless <paramref name="official"/> says otherwise; by default all present, one against in a cell of three or more.</summary>
    public async Task<Result> RecognitionVoteAsync(
        DateOnly on, int? official = null, int? present = null, int? inFavour = null, string? lateReason = null, string? reason = null)
    {
        var counted = official ?? await ListedOfficialAsync(on);
        var here = present ?? counted;
        var yes = inFavour ?? (counted >= 3 ? counted - 1 : counted);
        return await DoAsync(v => Service.RecordAsync(new RecordRecognitionVoteRequest()
        {
            CandidateId = Id, VotedOn = on, OfficialMembers = counted, Present = here, InFavour = yes, LateReason = lateReason, OfficialMembersReason = reason,
        }, v));
    }

    public Task<Result> RecognitionDecisionAsync(DateOnly on) => DoAsync(v => Service.RecordAsync(
        new RecordRecognitionDecisionRequest() { CandidateId = Id, DecidedOn = on, DecisionNumber = "205-QĐ/ĐU" }, v));

    /// <summary>Certificate to opinions (introduced by the cell's second and third members unless told): ready for the cell vote.</summary>
    public async Task ReadyForVoteAsync(DateOnly certificate, DateOnly application, DateOnly verification, DateOnly introduction, DateOnly opinion, params Member[] introducers)
    {
        await CertificateAsync(certificate);
        await ApplicationAsync(application);
        await VerificationAsync(verification);
        Ensure("Introduction", await IntroductionAsync(introduction, introducers.Length > 0 ? introducers : [Members[1], Members[2]]));
        await OpinionAsync(opinion);
    }

    private static void Ensure(string step, Result result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{step} refused:{Environment.NewLine}{Describe(result)}");
        }
    }
}

/// <summary>The dates of a walk, each step within the time the rules allow after the one before.</summary>
public sealed record WalkDates(
    DateOnly Sourced, DateOnly Certificate, DateOnly Application, DateOnly Verification, DateOnly Introduction, DateOnly Opinion,
    DateOnly CellVote, DateOnly CommitteeResolution, DateOnly Decision, DateOnly DecisionReceived, DateOnly Ceremony,
    DateOnly NewMemberCourse, DateOnly RecognitionVote, DateOnly RecognitionDecision)
{
    /// <summary>Sourced on 06/01/2025, admitted on 20/06/2025, official from 20/06/2026 (decided 10/07/2026).</summary>
    public static readonly WalkDates Spring2025 = new(
        Sourced: new(2025, 1, 6), Certificate: new(2025, 2, 10), Application: new(2025, 3, 3), Verification: new(2025, 4, 7),
        Introduction: new(2025, 4, 14), Opinion: new(2025, 4, 21), CellVote: new(2025, 5, 5), CommitteeResolution: new(2025, 5, 15),
        Decision: new(2025, 6, 2), DecisionReceived: new(2025, 6, 5), Ceremony: new(2025, 6, 20), NewMemberCourse: new(2025, 10, 10),
        RecognitionVote: new(2026, 6, 25), RecognitionDecision: new(2026, 7, 10));
}
