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

    public static CellVote Vote(int officialMembers, int present, int inFavour) => new()
    {
        OfficialMembers = officialMembers,
        Present = present,
        InFavour = inFavour,
        Passed = AdmissionRules.PassesTwoThirds(officialMembers, inFavour),
    };
}
