using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// What each recorded step writes into its history entry. Shared by <see cref="AdmissionService"/>
/// (one step on one file) and the import (<c>Features/Import</c>, many files replayed at once), so
/// an imported history reads exactly like one entered through the forms.
/// </summary>
public static class AdmissionEntries
{
    public static void Source(StageEntry e, int cellId, int mentorId, string? documentNumber, string? note)
    {
        e.UnitId = cellId;
        e.MemberId = mentorId;
        e.DocumentNumber = documentNumber;
        e.Note = note;
    }

    public static void AwarenessCourse(StageEntry e, RecordAwarenessCourseRequest request)
    {
        e.DocumentNumber = request.CertificateNumber.Trim();
        e.Issuer = request.IssuingCentre.Trim();
    }

    public static void Application(StageEntry e, RecordApplicationRequest request)
    {
        e.FormCode = "1-KNĐ, 2-KNĐ";
        e.Note = request.Note;
    }

    public static void HistoryVerification(StageEntry e, RecordHistoryVerificationRequest request)
    {
        e.FormCode = "2-KNĐ";
        e.DocumentNumber = request.DocumentNumber;
        e.Issuer = request.CertifiedBy;
        e.Note = request.Result.Trim();
    }

    public static void Introduction(StageEntry e, RecordIntroductionRequest request)
    {
        e.IntroductionBasis = request.Basis;
        e.FormCode = request.Basis == IntroductionBasis.TwoMembers ? "3-KNĐ" : "4-KNĐ, 3-KNĐ";
        e.DocumentNumber = request.ResolutionNumber;
        e.Issuer = request.ResolutionIssuer;
        e.Introducers = [.. request.Introducers.Select(i => new Introducer { MemberId = i.MemberId, KnownSince = i.KnownSince })];
    }

    public static void Opinion(StageEntry e, RecordOpinionRequest request)
    {
        e.FormCode = AdmissionLabels.FormCodeOf(request.Form);
        e.Issuer = request.Organisation.Trim();
        e.DocumentNumber = request.DocumentNumber;
        e.Note = request.Note;
    }

    public static void CellVote(StageEntry e, RecordCellVoteRequest request, int cellId)
    {
        e.FormCode = "6-KNĐ";
        e.DocumentNumber = request.ResolutionNumber;
        e.UnitId = cellId;
        e.Vote = Vote(request.OfficialMembers, request.Present, request.InFavour);
    }

    public static void CommitteeResolution(StageEntry e, RecordCommitteeResolutionRequest request, CellFacts cell)
    {
        e.FormCode = "8-KNĐ";
        e.DocumentNumber = request.ResolutionNumber.Trim();
        e.UnitId = cell.ParentId;
    }

    public static void AdmissionDecision(StageEntry e, RecordAdmissionDecisionRequest request, CellFacts cell)
    {
        e.FormCode = "9-KNĐ";
        e.DocumentNumber = request.DecisionNumber.Trim();
        e.UnitId = cell.DecidingUnitId;
        e.Issuer = cell.DecidingUnitName;
        e.ReceivedOn = request.ReceivedOn;
    }

    public static void LateCeremonyConsent(StageEntry e, RecordLateCeremonyConsentRequest request)
    {
        e.DocumentNumber = request.DocumentNumber.Trim();
        e.Issuer = request.ConsentingBody.Trim();
        e.Note = request.Reason.Trim();
    }

    public static void Ceremony(StageEntry e, RecordCeremonyRequest request, int cellId)
    {
        e.UnitId = cellId;
        e.MemberId = request.HelperMemberId;
    }

    /// <summary>The probationary member the ceremony creates: admitted on the ceremony day, in the candidate's cell, linked to the file.</summary>
    public static Member AdmittedMember(Candidate candidate, RecordCeremonyRequest request) => new()
    {
        FullName = candidate.FullName,
        DateOfBirth = candidate.DateOfBirth,
        Sex = candidate.Sex,
        CitizenId = candidate.CitizenId,
        CellId = candidate.CellId,
        Status = MemberStatus.Probationary,
        AdmittedOn = request.HeldOn,
        CandidateId = candidate.Id,
    };

    public static void NewMemberCourse(StageEntry e, RecordNewMemberCourseRequest request)
    {
        e.DocumentNumber = request.CertificateNumber.Trim();
        e.Issuer = request.IssuingCentre.Trim();
    }

    public static void RecognitionVote(StageEntry e, RecordRecognitionVoteRequest request, int cellId)
    {
        e.FormCode = "13-KNĐ";
        e.DocumentNumber = request.ResolutionNumber;
        e.UnitId = cellId;
        e.Note = string.IsNullOrWhiteSpace(request.LateReason) ? null : request.LateReason.Trim();
        e.Vote = Vote(request.OfficialMembers, request.Present, request.InFavour);
    }

    /// <summary>
    /// The recognition decision's entry: effective on the day the 12 months end
    /// (<see cref="AdmissionRules.OfficialFrom"/> of the ceremony), whatever the day it is signed.
    /// </summary>
    public static void RecognitionDecision(StageEntry e, RecordRecognitionDecisionRequest request, CandidateHistory history, CellFacts cell)
    {
        e.EffectiveOn = AdmissionRules.OfficialFrom(history.Ceremony!.EffectiveOn);
        e.FormCode = "15-KNĐ";
        e.DocumentDate = request.DecidedOn;
        e.DocumentNumber = request.DecisionNumber.Trim();
        e.UnitId = cell.DecidingUnitId;
        e.Issuer = cell.DecidingUnitName;
    }

    /// <summary>The member row once recognised: official from the day the 12 months end.</summary>
    public static void Recognised(Member member, DateOnly officialFrom)
    {
        member.Status = MemberStatus.Official;
        member.RecognisedOn = officialFrom;
    }

    public static void Removal(StageEntry e, RemoveFromListRequest request, CellFacts cell)
    {
        e.DocumentNumber = request.DecisionNumber.Trim();
        e.UnitId = cell.DecidingUnitId;
        e.Issuer = cell.DecidingUnitName;
        e.Note = request.Reason.Trim();
    }

    /// <summary>The member row once removed from the list (xóa tên).</summary>
    public static void Removed(Member member, RemoveFromListRequest request)
    {
        member.Status = MemberStatus.Removed;
        member.LeftOn = request.RemovedOn;
        member.LeftReason = request.Reason.Trim();
    }

    public static CellVote Vote(int officialMembers, int present, int inFavour) => new()
    {
        OfficialMembers = officialMembers,
        Present = present,
        InFavour = inFavour,
        Passed = AdmissionRules.PassesTwoThirds(officialMembers, inFavour),
    };
}
