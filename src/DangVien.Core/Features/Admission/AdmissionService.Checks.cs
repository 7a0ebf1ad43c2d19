using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// The rule passes of the forms that open or change a file's person (a new file, a readmission, the personal data),
/// shared by the write and by its dry run: a form checks as its fields change with what the write would answer, in
/// one pass, scoped as the write is, nothing saved.
/// </summary>
public sealed partial class AdmissionService
{
    /// <summary>What <see cref="CreateCandidateAsync"/> would answer, nothing saved: shape, rules, then the duplicate warning.</summary>
    public Task<IReadOnlyList<FieldError>> CheckCreateAsync(CreateCandidateRequest request, CancellationToken cancellationToken = default) =>
        DryRunAsync(validators.For<CreateCandidateRequest>().Errors(request), () => CreateErrorsAsync(request, cancellationToken));

    /// <summary>What <see cref="StartReadmissionAsync"/> would answer, nothing saved.</summary>
    public Task<IReadOnlyList<FieldError>> CheckReadmissionAsync(StartReadmissionRequest request, CancellationToken cancellationToken = default) =>
        DryRunAsync(validators.For<StartReadmissionRequest>().Errors(request), async () => (await ReadmissionErrorsAsync(request, cancellationToken)).Errors);

    /// <summary>
    /// What <see cref="UpdatePersonalDataAsync"/> would answer, nothing saved (the version is the write's concern): a
    /// file the user may not change answers as it would there.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> CheckPersonalDataAsync(UpdatePersonalDataRequest request, CancellationToken cancellationToken = default)
    {
        var invalid = validators.For<UpdatePersonalDataRequest>().Errors(request);
        var (file, refusal) = await LoadWritableAsync(request.CandidateId, StepRecorder.Committee, nameof(UpdatePersonalDataRequest), cancellationToken);
        if (file is null)
        {
            return refusal!.Errors;
        }

        var context = await ContextAsync(file.Candidate.CellId, cancellationToken);
        return await DryRunAsync(invalid, () => PersonalDataErrorsAsync(request, file, context, cancellationToken));
    }

    /// <summary>The shape's errors, then the rules' on the fields whose shape is right; the entities read are not kept.</summary>
    private async Task<IReadOnlyList<FieldError>> DryRunAsync(IReadOnlyList<FieldError> invalid, Func<Task<IReadOnlyList<FieldError>>> rules)
    {
        IReadOnlyList<FieldError> ruled;
        try
        {
            ruled = await rules();
        }
        catch (Exception e) when (invalid.Count > 0 && e is ArgumentException or InvalidOperationException or OverflowException)
        {
            // A rule can need the fields the shape check refused (a date not given); those errors are already there.
            ruled = [];
        }

        db.ChangeTracker.Clear();
        var refused = invalid.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        var errors = ruled.Where(e => !refused.Contains(e.Field) && (invalid.Count == 0 || e.Field.Length > 0)).ToList();

        // The duplicate warning comes only for a form with nothing else to fix, as the write gives it.
        if (invalid.Count > 0 || errors.Any(e => e.Field != CreateCandidateRequest.DuplicateField))
        {
            errors.RemoveAll(e => e.Field == CreateCandidateRequest.DuplicateField);
        }

        return [.. invalid, .. errors];
    }

    /// <summary>The rules of a new file, then (when they pass and the form asks) the duplicate warning.</summary>
    private async Task<IReadOnlyList<FieldError>> CreateErrorsAsync(CreateCandidateRequest request, CancellationToken cancellationToken)
    {
        if (await WriteRefusalAsync(request.CellId, nameof(request.CellId), cancellationToken) is { } refused)
        {
            return [refused];
        }

        var cell = await LoadCellAsync(request.CellId, cancellationToken);
        var members = await LoadMembersAsync([request.MentorMemberId], cancellationToken);
        var categories = await ActiveCategoriesAsync(request.CategoryIds, cancellationToken);
        var citizenId = string.IsNullOrEmpty(request.CitizenId) ? null : request.CitizenId;
        var (openFile, member) = citizenId is null ? default : await CitizenIdHoldersAsync(citizenId, null, cancellationToken);
        var context = await ContextAsync(request.CellId, cancellationToken);

        var errors = AdmissionRules.CheckCreate(request, cell, members.GetValueOrDefault(request.MentorMemberId), categories, openFile, member, context);
        errors = await WithFrozenYearAsync(errors, request.CellId, nameof(request.SourcedOn), request.SourcedOn, cancellationToken);
        if (errors.Count == 0 && request.CheckDuplicates
            && await FindDuplicatesAsync(request.FullName, request.DateOfBirth, citizenId, cancellationToken) is { Count: > 0 } duplicates)
        {
            return [.. duplicates.Select(d => new FieldError(CreateCandidateRequest.DuplicateField, d.Message))];
        }

        return errors;
    }

    /// <summary>The rules of a readmission, and the former member (tracked, found inside the user's scope) it reopens.</summary>
    private async Task<(IReadOnlyList<FieldError> Errors, Member? Former)> ReadmissionErrorsAsync(StartReadmissionRequest request, CancellationToken cancellationToken)
    {
        // Looked up inside the user's scope (the predicate of CurrentAccess.ReadableMembersAsync), tracked for the readmission.
        var former = await (await access.GetScopeAsync(cancellationToken)).Members(db.Members.AsTracking())
            .FirstOrDefaultAsync(m => m.Id == request.FormerMemberId, cancellationToken);
        var formerFacts = former is null ? null : await FormerMemberFactsAsync(former, cancellationToken) with { HadCriminalConviction = request.HadCriminalConviction };
        var hasReadmission = await db.Candidates.AnyAsync(
            c => c.FormerMemberId == request.FormerMemberId && c.Stage != CandidateStage.Exited, cancellationToken);
        if (await WriteRefusalAsync(request.CellId, nameof(request.CellId), cancellationToken) is { } refused)
        {
            return ([refused], former);
        }

        var cell = await LoadCellAsync(request.CellId, cancellationToken);
        var members = await LoadMembersAsync([request.MentorMemberId], cancellationToken);
        var categories = await ActiveCategoriesAsync(request.CategoryIds, cancellationToken);
        var context = await ContextAsync(request.CellId, cancellationToken);
        var errors = AdmissionRules.CheckStartReadmission(request, formerFacts, hasReadmission, cell, members.GetValueOrDefault(request.MentorMemberId), categories, context);
        return (await WithFrozenYearAsync(errors, request.CellId, nameof(request.SourcedOn), request.SourcedOn, cancellationToken), former);
    }

    /// <summary>The rules of a change of personal data on the loaded file, then (when they pass and the form asks) the duplicate warning.</summary>
    private async Task<IReadOnlyList<FieldError>> PersonalDataErrorsAsync(
        UpdatePersonalDataRequest request, LoadedFile file, RuleContext context, CancellationToken cancellationToken)
    {
        var citizenId = string.IsNullOrEmpty(request.CitizenId) ? null : request.CitizenId;
        var changedId = citizenId is not null && citizenId != file.Candidate.CitizenId;
        var (otherFile, member) = changedId ? await CitizenIdHoldersAsync(citizenId!, request.CandidateId, cancellationToken) : default;
        var errors = AdmissionRules.CheckPersonalData(request, file.Candidate.DateOfBirth, file.Facts.History, otherFile, member, context);
        if (request.DateOfBirth != file.Candidate.DateOfBirth
            && await FrozenYears.CheckAsync(db, file.Candidate.CellId, nameof(request.DateOfBirth), AdmittedOn(file.Facts.History), cancellationToken) is { } frozen)
        {
            // The reports count the admitted by age: a birth date changes a frozen year's figures.
            errors = [.. errors, frozen];
        }

        if (errors.Count == 0 && request.CheckDuplicates
            && await FindDuplicatesAsync(request.FullName, request.DateOfBirth, citizenId, request.CandidateId, cancellationToken) is { Count: > 0 } duplicates)
        {
            return [.. duplicates.Select(d => new FieldError(CreateCandidateRequest.DuplicateField, d.Message))];
        }

        return errors;
    }
}
