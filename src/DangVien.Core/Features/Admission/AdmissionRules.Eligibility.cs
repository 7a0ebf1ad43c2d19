using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

// Eligibility at the cell vote: age, education, certificate, dossier and the readmission waits.
public static partial class AdmissionRules
{
    /// <summary>
    /// The age rule at the date of the cell vote: 18 to 60 counted in whole months; over 60 only with the recorded consent.
    /// </summary>
    public static FieldError? AgeAt(string field, DateOnly dateOfBirth, DateOnly voteDate, bool hasOverSixtyConsent)
    {
        var eighteen = EighteenFrom(dateOfBirth);
        if (voteDate < eighteen)
        {
            return new FieldError(field,
                CoreText.Format("Eligibility.TooYoung", MinimumAgeYears, D(voteDate), D(dateOfBirth), D(eighteen)));
        }

        var pastSixty = PastSixtyFrom(dateOfBirth);
        if (voteDate >= pastSixty && !hasOverSixtyConsent)
        {
            return new FieldError(field,
                CoreText.Format("Eligibility.TooOld", MaximumAgeYears, D(voteDate), D(dateOfBirth), D(pastSixty)));
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
        var primaryArea = history.HasExceptionOn(EligibilityExceptionKind.PrimaryEducationArea, voteDate);
        if (education == GeneralEducation.Primary && (primaryArea || literacy))
        {
            return null;
        }

        if (education == GeneralEducation.Literate && literacy)
        {
            return null;
        }

        return new FieldError(field,
            CoreText.Format("Eligibility.Education", AdmissionLabels.Of(education)));
    }

    /// <summary>The awareness-course certificate must be valid on the day of the cell vote.</summary>
    public static FieldError? CertificateValidAt(string field, CandidateHistory history, DateOnly voteDate, int validityMonths)
    {
        if (history.CertificateOn(voteDate) is not { } certificate)
        {
            return new FieldError(field,
                CoreText.Format("Eligibility.NoCertificate", D(voteDate)));
        }

        var lastValid = CertificateLastValidDay(certificate.EffectiveOn, validityMonths);
        return voteDate > lastValid
            ? new FieldError(field,
                CoreText.Format("Eligibility.CertificateExpired", certificate.DocumentNumber, D(certificate.EffectiveOn), validityMonths, D(lastValid), D(voteDate)))
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
                CoreText.Format("Eligibility.DossierStale", renewalMonths, D(compiled), D(lastFresh), D(voteDate)))
            : null;
    }

    /// <summary>A former member is considered again only 36 months after leaving (60 after a cleared conviction).</summary>
    public static FieldError? ReadmissionWaitAt(string field, FormerMemberFacts former, DateOnly day, string what)
    {
        if (former.LeftOn is not { } left)
        {
            return new FieldError(field, CoreText.Format("Readmission.NoLeftOn", former.FullName));
        }

        var from = ReadmissionFrom(left, former.HadCriminalConviction);
        return day < from
            ? new FieldError(field, former.HadCriminalConviction
                ? CoreText.Format("Readmission.WaitConviction", ReadmissionWaitAfterConvictionMonths, D(left), D(from), what, D(day))
                : CoreText.Format("Readmission.Wait", ReadmissionWaitMonths, D(left), D(from), what, D(day)))
            : null;
    }

    /// <summary>Everything the person must meet on the day the cell votes on their admission.</summary>
    public static IEnumerable<FieldError> EligibilityAtVote(
        string field, CandidateFacts c, CandidateHistory history, DateOnly voteDate, AdmissionParameters parameters)
    {
        var errors = new List<FieldError>();
        errors.AddIfNotNull(AgeAt(field, c.DateOfBirth, voteDate, history.HasExceptionOn(EligibilityExceptionKind.OverSixty, voteDate)));
        errors.AddIfNotNull(EducationOf("", c.Education, history, voteDate));
        errors.AddIfNotNull(CertificateValidAt(field, history, voteDate, parameters.CertificateValidityMonths));
        errors.AddIfNotNull(DossierFreshAt(field, history, voteDate, parameters.DossierRenewalMonths));
        if (c.FormerMember is { } former)
        {
            errors.AddIfNotNull(ReadmissionWaitAt(field, former, voteDate, CoreText.Get("Readmission.WhenVote")));
        }

        return errors;
    }
}
