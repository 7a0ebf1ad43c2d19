using DangVien.Core.Common;

namespace DangVien.Core.Features.Admission;

// The correction of a file's source categories and mentor.
public static partial class AdmissionRules
{
    /// <summary>Message when a correction of the categories and mentor changes nothing.</summary>
    public static string NothingCorrected => CoreText.Get("Correction.NothingCorrected");

    /// <summary>
    /// A correction of the categories and mentor: each category in use (a retired one only when the file already names
    /// it, so an old file keeps it), a new mentor an official member of the candidate's cell today (the mentor already
    /// recorded is kept as is), and something changed.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckDetailsCorrection(
        CorrectDetailsRequest request, CandidateFacts file, IReadOnlyCollection<int> currentCategoryIds, int? currentMentorId,
        MemberFacts? newMentor, CellFacts cell, IReadOnlyCollection<int> activeCategoryIds, RuleContext context)
    {
        var errors = new List<FieldError>();
        var allowed = activeCategoryIds.Concat(currentCategoryIds).ToHashSet();
        errors.AddRange(CategoryRules(nameof(request.CategoryIds), request.CategoryIds, allowed));
        var mentorChanged = request.MentorMemberId != currentMentorId;
        if (mentorChanged)
        {
            errors.AddIfNotNull(HelperRule(nameof(request.MentorMemberId), newMentor, file, cell.Id, cell.Name, context.Today, CoreText.Get("Label.Mentor")));
        }

        if (errors.Count == 0 && !mentorChanged && request.CategoryIds.ToHashSet().SetEquals(currentCategoryIds))
        {
            errors.Add(new FieldError("", NothingCorrected));
        }

        return errors;
    }
}
