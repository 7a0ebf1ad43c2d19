using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

// Introducers and the members who follow or help the candidate.
public static partial class AdmissionRules
{
    /// <summary>
    /// An introducer: an official member on the day, of the candidate's cell (or of a cell of the same
    /// grassroots committee), never the candidate themself, and known for 12 months unless a replacement.
    /// </summary>
    public static IEnumerable<FieldError> IntroducerRules(
        string field, MemberFacts? member, CandidateFacts candidate, DateOnly on, DateOnly knownSince, bool isReplacement)
    {
        if (member is null)
        {
            yield return new FieldError(field, CoreText.Get("Introducer.NotFound"));
            yield break;
        }

        if (IsSamePerson(member, candidate))
        {
            yield return new FieldError(field, CoreText.Format("Introducer.Self", member.Name));
            yield break;
        }

        if (!member.IsOfficialOn(on))
        {
            yield return new FieldError(field,
                CoreText.Format("Introducer.NotOfficial", member.Name, D(on)));
        }

        if (!IsSameUnit(member, candidate.Cell))
        {
            yield return new FieldError(field,
                CoreText.Format("Introducer.OtherUnit", member.Name, candidate.Cell.Name));
        }

        if (knownSince > on)
        {
            yield return new FieldError(field,
                CoreText.Format("Introducer.KnownAfter", D(knownSince), D(on)));
        }
        else if (!isReplacement && MonthsAfter(knownSince, IntroducerKnownMonths) > on)
        {
            yield return new FieldError(field,
                CoreText.Format("Introducer.KnownTooShort", member.Name, D(knownSince), IntroducerKnownMonths, D(MonthsAfter(knownSince, IntroducerKnownMonths)), D(on)));
        }
    }

    /// <summary>A member who follows or helps the candidate: an official member of the candidate's cell on the day.</summary>
    public static FieldError? HelperRule(
        string field, MemberFacts? member, CandidateFacts? candidate, int cellId, string cellName, DateOnly on, string role)
    {
        if (member is null)
        {
            return new FieldError(field, CoreText.Format("Helper.NotFound", role));
        }

        if (candidate is not null && IsSamePerson(member, candidate))
        {
            return new FieldError(field, CoreText.Format("Helper.Self", member.Name, role));
        }

        if (!member.IsOfficialOn(on))
        {
            return new FieldError(field, CoreText.Format("Helper.NotOfficial", Cap(role), member.Name, D(on)));
        }

        return member.Member.CellId != cellId
            ? new FieldError(field, CoreText.Format("Helper.OtherCell", Cap(role), cellName, member.Name))
            : null;
    }

    private static bool IsSamePerson(MemberFacts member, CandidateFacts candidate) =>
        member.Id == candidate.FormerMember?.MemberId
        || member.Member.CandidateId == candidate.Id
        || (!string.IsNullOrEmpty(candidate.CitizenId) && member.Member.CitizenId == candidate.CitizenId);

    private static bool IsSameUnit(MemberFacts member, CellFacts cell) =>
        member.Member.CellId == cell.Id
        || (cell.Kind == OrgUnitKind.Cell && cell.ParentId is not null && member.CellParentId == cell.ParentId);
}
