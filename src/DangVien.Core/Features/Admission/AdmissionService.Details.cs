using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Admission;

public sealed partial class AdmissionService
{
    /// <summary>
    /// Đính chính đối tượng nguồn, người giúp đỡ: sets the candidate's categories and mentor and appends a
    /// <see cref="CandidateDetailsCorrection"/> with the values before and after, the reason, who and when (committee staff
    /// of the file's unit; <see cref="AdmissionRules.CheckDetailsCorrection"/>). Reports and quotas count by the categories
    /// as they now stand.
    /// </summary>
    public Task<Result> CorrectDetailsAsync(CorrectDetailsRequest request, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        List<CandidateCategory> before = [];
        return ActAsync(request, expectedVersion, cancellationToken,
            async (file, context) =>
            {
                before = await db.CandidateCategories.AsTracking().Where(k => k.CandidateId == file.Candidate.Id).ToListAsync(cancellationToken);
                return await DetailsErrorsAsync(request, file, [.. before.Select(k => k.SourceCategoryId)], context, cancellationToken);
            },
            async file =>
            {
                var candidate = file.Candidate;
                var after = request.CategoryIds.Distinct().Order().ToArray();
                db.CandidateDetailsCorrections.Add(new CandidateDetailsCorrection
                {
                    CandidateId = candidate.Id,
                    CategoryIdsBefore = [.. before.Select(k => k.SourceCategoryId).Order()],
                    CategoryIdsAfter = after,
                    MentorBefore = candidate.MentorMemberId,
                    MentorAfter = request.MentorMemberId,
                    Reason = request.Reason!.Trim(),
                    RecordedBy = access.User.Name,
                    RecordedAt = time.GetUtcNow(),
                });
                db.CandidateCategories.RemoveRange(before.Where(k => !after.Contains(k.SourceCategoryId)));
                db.CandidateCategories.AddRange(after.Where(id => before.All(k => k.SourceCategoryId != id))
                    .Select(id => new CandidateCategory { CandidateId = candidate.Id, SourceCategoryId = id }));
                var mentorBefore = candidate.MentorMemberId;
                candidate.MentorMemberId = request.MentorMemberId;
                await access.AuditAsync(AuditActions.CandidateDetailsCorrect, AuditActions.CandidateSubject(candidate.Id),
                    $"đối tượng {string.Join(",", before.Select(k => k.SourceCategoryId.ToString(CultureInfo.InvariantCulture)))} → "
                    + $"{string.Join(",", after.Select(id => id.ToString(CultureInfo.InvariantCulture)))}; người giúp đỡ "
                    + $"{mentorBefore?.ToString(CultureInfo.InvariantCulture) ?? "—"} → {request.MentorMemberId.ToString(CultureInfo.InvariantCulture)}", save: false, cancellationToken);
            },
            StepRecorder.Committee);
    }

    /// <summary>
    /// What <see cref="CorrectDetailsAsync"/> would answer, nothing saved (the version is the write's concern): a file the
    /// user may not change answers as it would there.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> CheckDetailsAsync(CorrectDetailsRequest request, CancellationToken cancellationToken = default)
    {
        var invalid = validators.For<CorrectDetailsRequest>().Errors(request);
        var (file, refusal) = await LoadWritableAsync(request.CandidateId, StepRecorder.Committee, nameof(CorrectDetailsRequest), cancellationToken);
        if (file is null)
        {
            return refusal!.Errors;
        }

        var context = await ContextAsync(file.Candidate.CellId, cancellationToken);
        var current = await db.CandidateCategories.AsNoTracking().Where(k => k.CandidateId == file.Candidate.Id)
            .Select(k => k.SourceCategoryId).ToListAsync(cancellationToken);
        return await DryRunAsync(invalid, () => DetailsErrorsAsync(request, file, current, context, cancellationToken));
    }

    /// <summary>The rules of a correction of the categories and mentor on the loaded file, its current categories given.</summary>
    private async Task<IReadOnlyList<FieldError>> DetailsErrorsAsync(
        CorrectDetailsRequest request, LoadedFile file, IReadOnlyCollection<int> currentCategoryIds, RuleContext context, CancellationToken cancellationToken)
    {
        var mentor = request.MentorMemberId == file.Candidate.MentorMemberId
            ? null
            : (await LoadMembersAsync([request.MentorMemberId], cancellationToken)).GetValueOrDefault(request.MentorMemberId);
        var cell = await LoadCellAsync(file.Candidate.CellId, cancellationToken)
            ?? throw new InvalidOperationException($"The cell of candidate {file.Candidate.Id} is missing.");
        var active = await ActiveCategoriesAsync(request.CategoryIds, cancellationToken);
        return AdmissionRules.CheckDetailsCorrection(request, file.Facts, currentCategoryIds, file.Candidate.MentorMemberId, mentor, cell, active, context);
    }
}
