using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;

namespace DangVien.Core.Tests.Support;

/// <summary>Walks one candidate through the pipeline with the service, reading the current version before each action.</summary>
public sealed class Journey(World world, AdmissionService service, int candidateId)
{
    public int Id { get; } = candidateId;

    public AdmissionService Service { get; } = service;

    public static async Task<Journey> StartAsync(World world, DateOnly sourcedOn, OrgUnit? cell = null, DateOnly? born = null,
        GeneralEducation education = GeneralEducation.UpperSecondary, string name = "Phan Thị Hạnh", string? citizenId = null, AdmissionService? service = null)
    {
        service ??= world.Admission();
        cell ??= world.TeachersCell;
        var mentor = cell.Id == world.TeachersCell.Id ? world.Teachers[0]
            : cell.Id == world.VillageCell.Id ? world.Villagers[0]
            : cell.Id == world.OfficeCell.Id ? world.OfficeMembers[0]
            : world.OtherVillagers[0];
        var result = await service.CreateCandidateAsync(new CreateCandidateRequest
        {
            CellId = cell.Id,
            FullName = name,
            DateOfBirth = born ?? new DateOnly(2000, 4, 12),
            Sex = Sex.Female,
            CitizenId = citizenId,
            GeneralEducation = education,
            Occupation = "Giáo viên",
            CategoryIds = [world.Categories[0].Id, world.Categories[2].Id],
            MentorMemberId = mentor.Id,
            SourcedOn = sourcedOn,
        });
        Assert.True(result.Succeeded, Describe(result));
        return new Journey(world, service, result.Value);
    }

    public async Task<Result> DoAsync(Func<uint, Task<Result>> action) => await action(await world.VersionAsync(Id));

    public async Task OkAsync(Func<uint, Task<Result>> action)
    {
        var result = await DoAsync(action);
        Assert.True(result.Succeeded, Describe(result));
    }

    public static string Describe(Result result) => string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Field}: {e.Message}"));

    public Task CertificateAsync(DateOnly on) => OkAsync(v => Service.RecordAwarenessCourseAsync(
        new() { CandidateId = Id, CertificateNumber = $"GCN-{on.DayNumber}", IssuingCentre = "Trung tâm Chính trị huyện", IssuedOn = on }, v));

    public Task ApplicationAsync(DateOnly on) => OkAsync(v => Service.RecordApplicationAsync(new() { CandidateId = Id, AppliedOn = on }, v));

    public Task VerificationAsync(DateOnly on) => OkAsync(v => Service.RecordHistoryVerificationAsync(
        new() { CandidateId = Id, VerifiedOn = on, Result = "Lịch sử chính trị rõ ràng, đủ điều kiện", CertifiedBy = "Đảng ủy Trường THPT Hòa An" }, v));

    public Task<Result> IntroductionAsync(DateOnly on, params Member[] introducers) => DoAsync(v => Service.RecordIntroductionAsync(new()
    {
        CandidateId = Id,
        IntroducedOn = on,
        Basis = IntroductionBasis.TwoMembers,
        Introducers = [.. introducers.Select(m => new IntroducerInput(m.Id, new DateOnly(2018, 9, 1)))],
    }, v));

    public Task OpinionAsync(DateOnly on) => OkAsync(v => Service.RecordOpinionAsync(
        new() { CandidateId = Id, Form = OpinionForm.Organisation, ReceivedOn = on, Organisation = "Công đoàn trường" }, v));

    public Task<Result> CellVoteAsync(DateOnly on, int official = 10, int present = 9, int inFavour = 8) => DoAsync(v => Service.RecordCellVoteAsync(
        new() { CandidateId = Id, VotedOn = on, ResolutionNumber = "12-NQ/CB", OfficialMembers = official, Present = present, InFavour = inFavour }, v));

    public Task CommitteeResolutionAsync(DateOnly on) => OkAsync(v => Service.RecordCommitteeResolutionAsync(
        new() { CandidateId = Id, ResolvedOn = on, ResolutionNumber = "45-NQ/ĐU" }, v));

    public Task<Result> DecisionAsync(DateOnly on, DateOnly? received = null) => DoAsync(v => Service.RecordAdmissionDecisionAsync(
        new() { CandidateId = Id, DecidedOn = on, DecisionNumber = "101-QĐ/ĐU", ReceivedOn = received ?? on }, v));

    public Task<Result> CeremonyAsync(DateOnly on, Member helper) => DoAsync(v => Service.RecordCeremonyAsync(
        new() { CandidateId = Id, HeldOn = on, HelperMemberId = helper.Id }, v));

    public Task NewMemberCourseAsync(DateOnly on) => OkAsync(v => Service.RecordNewMemberCourseAsync(
        new() { CandidateId = Id, CertificateNumber = "DVM-7", IssuingCentre = "Trung tâm Chính trị huyện", IssuedOn = on }, v));

    public Task<Result> RecognitionVoteAsync(DateOnly on, int official = 10, int present = 10, int inFavour = 9, string? lateReason = null) =>
        DoAsync(v => Service.RecordRecognitionVoteAsync(
            new() { CandidateId = Id, VotedOn = on, OfficialMembers = official, Present = present, InFavour = inFavour, LateReason = lateReason }, v));

    public Task<Result> RecognitionDecisionAsync(DateOnly on) => DoAsync(v => Service.RecordRecognitionDecisionAsync(
        new() { CandidateId = Id, DecidedOn = on, DecisionNumber = "205-QĐ/ĐU" }, v));

    /// <summary>Certificate to opinions (introduced by two teachers unless told): ready for the cell vote on or after <paramref name="opinion"/>.</summary>
    public async Task ReadyForVoteAsync(DateOnly certificate, DateOnly application, DateOnly verification, DateOnly introduction, DateOnly opinion, params Member[] introducers)
    {
        await CertificateAsync(certificate);
        await ApplicationAsync(application);
        await VerificationAsync(verification);
        var introduced = await IntroductionAsync(introduction, introducers.Length > 0 ? introducers : [world.Teachers[1], world.Teachers[2]]);
        Assert.True(introduced.Succeeded, Describe(introduced));
        await OpinionAsync(opinion);
    }
}
