using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Calendar;
using DangVien.Core.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// The admission pipeline: one method per action on a candidate file. Each validates the request's
/// shape, loads the file, asks <see cref="AdmissionRules"/>, appends history entries, recomputes the
/// stage projection and saves it all in one <c>SaveChanges</c>. The candidate row is updated by every
/// action, so its <see cref="Candidate.Version"/> (xmin) changes and a stale expected version returns
/// <see cref="Result.Conflict"/> with nothing saved.
/// </summary>
public sealed partial class AdmissionService(
    DangVienDbContext db,
    CalendarService calendarService,
    RuleParameterReader parameterReader,
    CurrentAccess access,
    RequestValidators validators,
    TimeProvider time,
    ILogger<AdmissionService> logger,
    Alerts.AlertCache? alertCache = null)
{
    // ------------------------------------------------------------ new files

    /// <summary>Step 1: lists an outstanding person in a cell (tạo nguồn). Returns the new candidate's id.</summary>
    public async Task<Result<int>> CreateCandidateAsync(CreateCandidateRequest request, CancellationToken cancellationToken = default)
    {
        var invalid = validators.For<CreateCandidateRequest>().Errors(request);
        if (invalid.Count > 0)
        {
            return Result<int>.Fail(invalid);
        }

        var errors = await CreateErrorsAsync(request, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        var citizenId = string.IsNullOrEmpty(request.CitizenId) ? null : request.CitizenId;
        var candidate = new Candidate
        {
            FullName = request.FullName.Trim(),
            DateOfBirth = request.DateOfBirth,
            Sex = request.Sex,
            Ethnicity = request.Ethnicity.Trim(),
            Religion = request.Religion,
            HomeTown = request.HomeTown,
            Address = request.Address,
            CitizenId = citizenId,
            GeneralEducation = request.GeneralEducation,
            ProfessionalQualification = request.ProfessionalQualification,
            PoliticalTheory = request.PoliticalTheory,
            Occupation = request.Occupation,
            Workplace = request.Workplace,
            Phone = request.Phone,
            FamilyBackground = request.FamilyBackground,
        };
        return await AddNewFileAsync(candidate, request.CellId, request.MentorMemberId, request.CategoryIds, request.SourcedOn,
            request.DocumentNumber, request.Note, cancellationToken);
    }

    /// <summary>Kết nạp lại: opens a file for a former member (≥ 36 months after leaving, 60 after a cleared conviction, only once, never if barred).</summary>
    public async Task<Result<int>> StartReadmissionAsync(StartReadmissionRequest request, CancellationToken cancellationToken = default)
    {
        var invalid = validators.For<StartReadmissionRequest>().Errors(request);
        if (invalid.Count > 0)
        {
            return Result<int>.Fail(invalid);
        }

        var (errors, former) = await ReadmissionErrorsAsync(request, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        former!.HadCriminalConviction = request.HadCriminalConviction;
        var candidate = new Candidate
        {
            FullName = former.FullName,
            DateOfBirth = former.DateOfBirth,
            Sex = former.Sex,
            CitizenId = former.CitizenId,
            Ethnicity = request.Ethnicity.Trim(),
            GeneralEducation = request.GeneralEducation,
            Address = request.Address,
            Occupation = request.Occupation,
            Workplace = request.Workplace,
            Phone = request.Phone,
            FormerMemberId = former.Id,
        };
        return await AddNewFileAsync(candidate, request.CellId, request.MentorMemberId, request.CategoryIds, request.SourcedOn,
            null, request.Note ?? "Kết nạp lại", cancellationToken);
    }

    private async Task<Result<int>> AddNewFileAsync(
        Candidate candidate, int cellId, int mentorId, IReadOnlyList<int> categoryIds, DateOnly sourcedOn, string? documentNumber, string? note,
        CancellationToken cancellationToken)
    {
        candidate.CellId = cellId;
        candidate.MentorMemberId = mentorId;
        candidate.CreatedAt = time.GetUtcNow();
        candidate.Categories = [.. categoryIds.Select(id => new CandidateCategory { SourceCategoryId = id })];
        candidate.History.Add(NewEntry(StageKind.Source, sourcedOn, entry => AdmissionSteps.WriteSource(entry, cellId, mentorId, documentNumber, note)));
        (candidate.Stage, candidate.StageSince) = StageProjection.Derive(candidate.History);
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created candidate file {CandidateId} in cell {CellId}", candidate.Id, cellId);
        return Result<int>.Success(candidate.Id);
    }

    /// <summary>
    /// Corrects the personal data of a file (committee staff, as for a new file). A file changed by
    /// someone else since the form was opened is refused (xmin); a possible duplicate is warned about
    /// unless <see cref="UpdatePersonalDataRequest.CheckDuplicates"/> is off.
    /// </summary>
    public Task<Result> UpdatePersonalDataAsync(UpdatePersonalDataRequest request, uint expectedVersion, CancellationToken cancellationToken = default) =>
        ActAsync(request, expectedVersion, cancellationToken,
            (file, context) => PersonalDataErrorsAsync(request, file, context, cancellationToken),
            file =>
            {
                var c = file.Candidate;
                c.FullName = request.FullName.Trim();
                c.DateOfBirth = request.DateOfBirth;
                c.Sex = request.Sex;
                c.Ethnicity = request.Ethnicity.Trim();
                c.Religion = request.Religion;
                c.HomeTown = request.HomeTown;
                c.Address = request.Address;
                c.CitizenId = string.IsNullOrEmpty(request.CitizenId) ? null : request.CitizenId;
                c.GeneralEducation = request.GeneralEducation;
                c.ProfessionalQualification = request.ProfessionalQualification;
                c.PoliticalTheory = request.PoliticalTheory;
                c.Occupation = request.Occupation;
                c.Workplace = request.Workplace;
                c.Phone = request.Phone;
                c.FamilyBackground = request.FamilyBackground;
            });

    // -------------------------------------------------------------- steps

    /// <summary>
    /// Records one step of the procedure (<see cref="AdmissionSteps"/>): the request's validator, the file in the
    /// user's scope, who may record it, the members and cell it names resolved inside that scope, the step's rule
    /// check, then its history entry and effects, saved at once. A failed vote is recorded as failed.
    /// </summary>
    public Task<Result> RecordAsync<TRequest>(TRequest request, uint expectedVersion, CancellationToken cancellationToken = default)
        where TRequest : ICandidateRequest
    {
        var step = AdmissionSteps.For<TRequest>();
        return ActAsync(request, expectedVersion, cancellationToken,
            (file, context) => CheckStepAsync(step, request, file.Facts, context, cancellationToken),
            async file =>
            {
                var entry = NewEntry(step.Kind, step.DateOf(request), e => step.Write(e, request, file.Facts));
                if (request is IVoteRequest vote && entry.Vote is { } recorded)
                {
                    recorded.ListedOfficialMembers = (await RosterAsync(file.Candidate.CellId, vote.VotedOn, cancellationToken)).Official;
                }

                file.Append(entry);
                if (step.Effect is not { } effect)
                {
                    return;
                }

                var member = await db.Members.AsTracking().Include(m => m.Placements).FirstOrDefaultAsync(m => m.CandidateId == file.Candidate.Id, cancellationToken);
                var write = new StepWrite<TRequest>(file.Candidate, request, entry, member);
                effect(write);
                if (write.Member is { } created && created != member)
                {
                    db.Members.Add(created);
                }
            },
            step.Recorder);
    }

    /// <summary>
    /// What <see cref="RecordAsync{TRequest}"/> would answer, without recording anything, for a form that checks as
    /// its fields change: every error in one pass — the request's shape and, on the fields whose shape is right, the
    /// step's rules. Scoped like the record: a file the user may not record on answers as it would there.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> CheckAsync<TRequest>(TRequest request, CancellationToken cancellationToken = default)
        where TRequest : ICandidateRequest
    {
        var step = AdmissionSteps.For<TRequest>();
        var invalid = validators.For<TRequest>().Errors(request);
        var (file, refusal) = await LoadWritableAsync(request.CandidateId, step.Recorder, typeof(TRequest).Name, cancellationToken);
        if (file is null)
        {
            return refusal!.Errors;
        }

        var context = await ContextAsync(file.Candidate.CellId, cancellationToken);
        IReadOnlyList<FieldError> ruled;
        try
        {
            ruled = await CheckStepAsync(step, request, file.Facts, context, cancellationToken);
        }
        catch (Exception e) when (invalid.Count > 0 && e is ArgumentException or InvalidOperationException or OverflowException)
        {
            // A rule can need the fields the shape check refused (a date not given); those errors are already there.
            ruled = [];
        }

        // Nothing is recorded: the file read for the check is not kept for a later call in the same scope.
        db.ChangeTracker.Clear();
        var refused = invalid.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        return [.. invalid, .. ruled.Where(e => !refused.Contains(e.Field) && (invalid.Count == 0 || e.Field.Length > 0))];
    }

    /// <summary>The rule check of a step: the members and the cell it names resolved inside the user's scope, then its rules.</summary>
    private async Task<IReadOnlyList<FieldError>> CheckStepAsync<TRequest>(
        AdmissionStep<TRequest> step, TRequest request, CandidateFacts file, RuleContext context, CancellationToken cancellationToken)
        where TRequest : ICandidateRequest
    {
        var members = step.ReadsIntroducers
            ? await LoadRecordedMembersAsync(file.History.CurrentIntroducers.Select(i => i.MemberId), cancellationToken)
            : await LoadMembersAsync(step.NamedMembers(request), cancellationToken);
        FieldError? refused = null;
        CellFacts? target = null;
        if (step.TargetCell?.Invoke(request) is { } targetId)
        {
            refused = await WriteRefusalAsync(targetId, nameof(TransferCandidateRequest.TargetCellId), cancellationToken);
            target = refused is null ? await LoadCellAsync(targetId, cancellationToken) : null;
        }

        var errors = step.Check(new StepCheck<TRequest>(file, request, members, target, context));
        var dated = step.DateOf(request);
        errors = await WithFrozenYearAsync(errors, file.Cell.Id, DateField(request, dated), dated, cancellationToken);
        if (request is RecordRecognitionDecisionRequest && file.History.Ceremony is { } ceremony)
        {
            // The decision takes effect when the probation ends, whatever the day it is signed: that day's year counts too.
            errors = await WithFrozenYearAsync(errors, file.Cell.Id, DateField(request, dated), AdmissionRules.OfficialFrom(ceremony.EffectiveOn), cancellationToken);
        }
        if (request is IVoteRequest vote && vote.VotedOn != default)
        {
            var roster = await RosterAsync(file.Cell.Id, vote.VotedOn, cancellationToken);
            errors = [.. errors, .. AdmissionRules.VoteRosterRule(roster, vote.VotedOn, vote.OfficialMembers, vote.OfficialMembersReason)];
        }

        return refused is null ? errors : [.. errors.Where(e => e.Field != refused.Field), refused];
    }

    /// <summary>The errors with the refusal of a date inside a frozen year (<see cref="FrozenYears"/>) on its field, if any.</summary>
    private async Task<IReadOnlyList<FieldError>> WithFrozenYearAsync(
        IReadOnlyList<FieldError> errors, int cellId, string field, DateOnly day, CancellationToken cancellationToken) =>
        await FrozenYears.CheckAsync(db, cellId, field, [day], cancellationToken) is { } frozen
            ? [.. errors.Where(e => e.Field != field), frozen]
            : errors;

    /// <summary>The request's date field that holds the step's date (for the message next to it); none when no field holds it.</summary>
    private static string DateField<TRequest>(TRequest request, DateOnly dated) =>
        typeof(TRequest).GetProperties().FirstOrDefault(p => p.PropertyType == typeof(DateOnly) && (DateOnly)p.GetValue(request)! == dated)?.Name ?? "";

    /// <summary>The day the file's person was admitted (the ceremony), if they were.</summary>
    private static DateOnly[] AdmittedOn(CandidateHistory history) => history.Ceremony is { } ceremony ? [ceremony.EffectiveOn] : [];

    /// <summary>
    /// The member list of the file's cell on <paramref name="on"/> (<see cref="VoteRoster"/>), which a vote form fills in
    /// and a vote is checked against; null when the user may not read the file.
    /// </summary>
    public async Task<VoteRoster?> GetVoteRosterAsync(int candidateId, DateOnly on, CancellationToken cancellationToken = default)
    {
        var cell = await db.Candidates.AsNoTracking().Where(c => c.Id == candidateId)
            .Select(c => new { c.CellId, Path = db.OrgUnits.Where(u => u.Id == c.CellId).Select(u => u.Path).Single() })
            .FirstOrDefaultAsync(cancellationToken);
        if (cell is null || !(await access.GetScopeAsync(cancellationToken)).CanRead(cell.Path))
        {
            return null;
        }

        return await RosterAsync(cell.CellId, on, cancellationToken);
    }

    /// <summary>The cell's member list on a day, by <see cref="MemberStanding"/>: members placed in the cell that day, and those of them official.</summary>
    private async Task<VoteRoster> RosterAsync(int cellId, DateOnly on, CancellationToken cancellationToken)
    {
        var placed = db.Members.AsNoTracking().Where(MemberStanding.InCellOn(cellId, on));
        var members = await placed.Where(MemberStanding.MemberOn(on)).CountAsync(cancellationToken);
        var official = await placed.Where(MemberStanding.OfficialOn(on)).CountAsync(cancellationToken);
        return new VoteRoster(cellId, on, official, members);
    }

    /// <summary>Đính chính: a new entry supersedes the one named; the old stays visible. The rules are checked again over the corrected history.</summary>
    public Task<Result> CorrectEntryAsync(CorrectEntryRequest request, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        StageEntry? correction = null;
        return ActAsync(request, expectedVersion, cancellationToken,
            async (file, context) =>
            {
                var original = file.Candidate.History.FirstOrDefault(e => e.Id == request.EntryId);
                if (original is not null)
                {
                    correction = Corrected(original, request);
                }

                var corrected = correction is null ? file.Facts.History : file.Facts.History.With(correction);
                var errors = AdmissionRules.CheckCorrection(file.Facts, original, corrected, request, context);
                if (correction?.Vote is { } vote && request.OfficialMembers is { } official && request.Date != default)
                {
                    // A corrected vote counts on the member list of its (new) date, as a recorded one does.
                    var roster = await RosterAsync(file.Candidate.CellId, request.Date, cancellationToken);
                    vote.ListedOfficialMembers = roster.Official;
                    errors = [.. errors, .. AdmissionRules.VoteRosterRule(roster, request.Date, official, request.OfficialMembersReason)];
                }

                // Both the date corrected away and the new one count in a year's figures.
                return await FrozenYears.CheckAsync(db, file.Candidate.CellId, nameof(request.Date),
                    [request.Date, original?.EffectiveOn ?? default], cancellationToken) is { } frozen
                    ? [.. errors.Where(e => e.Field != frozen.Field), frozen]
                    : errors;
            },
            async file =>
            {
                file.Append(correction!);
                if (correction!.Kind is StageKind.Ceremony or StageKind.Removal)
                {
                    var member = await AdmittedMemberAsync(file.Candidate.Id, cancellationToken);
                    if (correction.Kind == StageKind.Ceremony)
                    {
                        member.AdmittedOn = correction.EffectiveOn;
                    }
                    else
                    {
                        member.LeftOn = correction.EffectiveOn;
                        member.LeftReason = correction.Note;
                    }
                }
            });
    }

    private StageEntry Corrected(StageEntry original, CorrectEntryRequest request)
    {
        var isRecognition = original.Kind == StageKind.RecognitionDecision;
        return new StageEntry
        {
            CandidateId = original.CandidateId,
            Kind = original.Kind,
            EffectiveOn = isRecognition ? original.EffectiveOn : request.Date,
            DocumentDate = isRecognition ? request.Date : null,
            FormCode = original.FormCode,
            DocumentNumber = request.DocumentNumber,
            Issuer = request.Issuer,
            UnitId = original.UnitId,
            MemberId = original.MemberId,
            ReceivedOn = original.Kind == StageKind.AdmissionDecision ? request.ReceivedOn : original.ReceivedOn,
            ExtensionWorkingDays = original.ExtensionWorkingDays,
            IntroductionBasis = original.IntroductionBasis,
            ExitReason = original.ExitReason,
            ExceptionKind = original.ExceptionKind,
            Note = request.Note,
            SupersedesId = original.Id,
            CorrectionReason = request.Reason.Trim(),
            RecordedBy = access.User.Name,
            RecordedAt = time.GetUtcNow(),
            Vote = original.Vote is null ? null : CorrectedVote(request),
            Introducers = [.. original.Introducers.Select(i => new Introducer
            {
                MemberId = i.MemberId,
                KnownSince = i.KnownSince,
                IsReplacement = i.IsReplacement,
                ReplacesMemberId = i.ReplacesMemberId,
            })],
        };
    }

    private static CellVote CorrectedVote(CorrectEntryRequest request)
    {
        var vote = AdmissionSteps.Vote(request.OfficialMembers ?? 0, request.Present ?? 0, request.InFavour ?? 0);
        vote.OfficialMembersReason = string.IsNullOrWhiteSpace(request.OfficialMembersReason) ? null : request.OfficialMembersReason.Trim();
        return vote;
    }

    // ------------------------------------------------------------ plumbing

    /// <summary>A loaded file: the tracked candidate and the facts the rules read.</summary>
    private sealed class LoadedFile(Candidate candidate, CandidateFacts facts)
    {
        public Candidate Candidate { get; } = candidate;

        public CandidateFacts Facts { get; } = facts;

        public void Append(StageEntry entry)
        {
            entry.CandidateId = Candidate.Id;
            Candidate.History.Add(entry);
        }
    }

    private Task<Result> ActAsync<TRequest>(
        TRequest request, uint expectedVersion, CancellationToken cancellationToken,
        Func<LoadedFile, RuleContext, Task<IReadOnlyList<FieldError>>> check, Action<LoadedFile> apply)
        where TRequest : ICandidateRequest =>
        ActAsync(request, expectedVersion, cancellationToken, check, file =>
        {
            apply(file);
            return Task.CompletedTask;
        }, StepRecorder.Committee);

    private async Task<Result> ActAsync<TRequest>(
        TRequest request, uint expectedVersion, CancellationToken cancellationToken,
        Func<LoadedFile, RuleContext, Task<IReadOnlyList<FieldError>>> check, Func<LoadedFile, Task> apply, StepRecorder recorder)
        where TRequest : ICandidateRequest
    {
        var invalid = validators.For<TRequest>().Errors(request);
        if (invalid.Count > 0)
        {
            return Result.Fail(invalid);
        }

        var (file, refusal) = await LoadWritableAsync(request.CandidateId, recorder, typeof(TRequest).Name, cancellationToken);
        if (file is null)
        {
            return refusal!;
        }

        var candidate = file.Candidate;
        if (candidate.Version != expectedVersion)
        {
            return Result.Conflict();
        }

        var context = await ContextAsync(candidate.CellId, cancellationToken);
        var errors = await check(file, context);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await apply(file);
        (candidate.Stage, candidate.StageSince) = StageProjection.Derive(candidate.History);

        // Every action updates the candidate row, even when the stage does not move, so that its
        // xmin changes and a concurrent action on a stale version fails.
        db.Entry(candidate).Property(c => c.StageSince).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent change refused for candidate {CandidateId}", candidate.Id);
            db.ChangeTracker.Clear();
            return Result.Conflict();
        }

        logger.LogInformation("Recorded {Request} for candidate {CandidateId}: stage {Stage}", typeof(TRequest).Name, candidate.Id, candidate.Stage);
        return Result.Success();
    }

    /// <summary>
    /// The file, tracked with its history, when the user may record on it (a cell's step: its secretary too); otherwise
    /// the refusal — "not found" for a file outside the user's scope, as for one that does not exist.
    /// </summary>
    private async Task<(LoadedFile? File, Result? Refusal)> LoadWritableAsync(
        int candidateId, StepRecorder recorder, string what, CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.AsTracking()
            .Include(c => c.History).ThenInclude(e => e.Vote)
            .Include(c => c.History).ThenInclude(e => e.Introducers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == candidateId, cancellationToken);
        if (candidate is null)
        {
            return (null, Result.Fail("", Messages.NotFound));
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        var cellPath = await db.OrgUnits.AsNoTracking().Where(u => u.Id == candidate.CellId).Select(u => u.Path).SingleAsync(cancellationToken);
        if (!scope.CanRead(cellPath))
        {
            await access.DeniedAsync(AuditActions.CandidateSubject(candidate.Id), cancellationToken);
            return (null, Result.Fail("", Messages.NotFound));
        }

        if (!(recorder == StepRecorder.Cell ? scope.CanRecordCellAction(cellPath) : scope.CanWrite(cellPath)))
        {
            logger.LogWarning("{UserName} may not record {Request} for candidate {CandidateId}", access.User.Name, what, candidate.Id);
            return (null, Result.Fail("", Messages.NotAllowed));
        }

        return (new LoadedFile(candidate, await FactsAsync(candidate, cancellationToken)), null);
    }

    /// <summary>
    /// Null when the user may write in the cell; otherwise the error for the cell field. A cell outside the user's scope
    /// reads exactly as one that does not exist.
    /// </summary>
    private async Task<FieldError?> WriteRefusalAsync(int cellId, string field, CancellationToken cancellationToken)
    {
        if (await access.ReadableUnitAsync(cellId, cancellationToken) is not { } cell)
        {
            return new FieldError(field, AdmissionRules.CellNotFound);
        }

        return (await access.GetScopeAsync(cancellationToken)).CanWrite(cell.Path) ? null : new FieldError(field, Messages.NotAllowed);
    }

    private StageEntry NewEntry(StageKind kind, DateOnly effectiveOn, Action<StageEntry> fill)
    {
        var entry = new StageEntry
        {
            Kind = kind,
            EffectiveOn = effectiveOn,
            RecordedBy = access.User.Name,
            RecordedAt = time.GetUtcNow(),
        };
        fill(entry);
        return entry;
    }

    private async Task<Member> AdmittedMemberAsync(int candidateId, CancellationToken cancellationToken) =>
        await db.Members.AsTracking().FirstOrDefaultAsync(m => m.CandidateId == candidateId, cancellationToken)
        ?? throw new InvalidOperationException($"Candidate {candidateId} had a ceremony but has no member row.");

    private async Task<RuleContext> ContextAsync(int cellId, CancellationToken cancellationToken) => new(
        time.Today(),
        await calendarService.GetWorkingDayCalendarAsync(cancellationToken),
        await parameterReader.GetAdmissionParametersAsync(cellId, cancellationToken));

    private async Task<CandidateFacts> FactsAsync(Candidate candidate, CancellationToken cancellationToken)
    {
        var cell = await LoadCellAsync(candidate.CellId, cancellationToken)
            ?? throw new InvalidOperationException($"Cell {candidate.CellId} of candidate {candidate.Id} not found.");
        FormerMemberFacts? former = null;
        if (candidate.FormerMemberId is { } formerId)
        {
            var member = await db.Members.AsNoTracking().FirstAsync(m => m.Id == formerId, cancellationToken);
            former = await FormerMemberFactsAsync(member, cancellationToken);
        }

        return new CandidateFacts(candidate.Id, candidate.FullName, candidate.DateOfBirth, candidate.GeneralEducation, candidate.CitizenId,
            cell, former, new CandidateHistory(candidate.History));
    }

    private async Task<FormerMemberFacts> FormerMemberFactsAsync(Member member, CancellationToken cancellationToken)
    {
        // Readmitted before: the member row itself came from a readmission file.
        var readmittedBefore = member.CandidateId is { } fromCandidate
            && await db.Candidates.AnyAsync(c => c.Id == fromCandidate && c.FormerMemberId != null, cancellationToken);
        return new FormerMemberFacts(member.Id, member.FullName, member.Status, member.LeftOn, member.HadCriminalConviction,
            member.BarredFromReadmission, readmittedBefore);
    }

    /// <summary>A cell with its parent's kind and the deciding unit: the nearest ancestor holding admission authority.</summary>
    private async Task<CellFacts?> LoadCellAsync(int cellId, CancellationToken cancellationToken) =>
        (await LoadCellsAsync([cellId], cancellationToken)).GetValueOrDefault(cellId);

    /// <summary>
    /// Several cells as the rules see them (<see cref="CellFacts"/>), in two queries whatever their number:
    /// each with its parent's kind and its deciding unit, the nearest ancestor holding admission authority.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, CellFacts>> LoadCellsAsync(IReadOnlyCollection<int> cellIds, CancellationToken cancellationToken = default)
    {
        var cells = await db.OrgUnits.AsNoTracking()
            .Where(u => cellIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.Kind, u.ParentId, ParentKind = u.Parent == null ? (OrgUnitKind?)null : u.Parent.Kind, u.ValidTo, u.Path })
            .ToListAsync(cancellationToken);
        var ancestorIds = cells.SelectMany(c => RuleParameterReader.PathIds(c.Path).Where(id => id != c.Id)).Distinct().ToList();
        var authorities = await db.OrgUnits.AsNoTracking()
            .Where(u => ancestorIds.Contains(u.Id) && u.HasAdmissionAuthority)
            .Select(u => new { u.Id, u.Name })
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var facts = new Dictionary<int, CellFacts>();
        foreach (var cell in cells)
        {
            var ancestors = RuleParameterReader.PathIds(cell.Path).Where(id => id != cell.Id).ToList();
            var deciding = ancestors.AsEnumerable().Reverse().Where(authorities.ContainsKey).Select(id => (int?)id).FirstOrDefault();
            facts[cell.Id] = new CellFacts(cell.Id, cell.Name, cell.Kind, cell.ParentId, cell.ParentKind, cell.ValidTo,
                deciding, deciding is { } id ? authorities[id] : null);
        }

        return facts;
    }

    /// <summary>
    /// Members chosen on a form (mentor, introducer, replacement introducer, helper), resolved inside the user's scope
    /// (<see cref="CurrentAccess.ReadableMembersAsync"/>): one the user cannot see is missing, and the rule says "not found".
    /// </summary>
    private async Task<IReadOnlyDictionary<int, MemberFacts>> LoadMembersAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        return wanted.Count == 0 ? new Dictionary<int, MemberFacts>() : await MemberFactsAsync(await access.ReadableMembersAsync(cancellationToken), wanted, cancellationToken);
    }

    /// <summary>Members the file already names (its current introducers), wherever they are now.</summary>
    private async Task<IReadOnlyDictionary<int, MemberFacts>> LoadRecordedMembersAsync(IEnumerable<int> ids, CancellationToken cancellationToken) =>
        await MemberFactsAsync(db.Members.AsNoTracking(), ids, cancellationToken);

    private static async Task<IReadOnlyDictionary<int, MemberFacts>> MemberFactsAsync(IQueryable<Member> source, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<int, MemberFacts>();
        }

        var members = await source
            .Where(m => wanted.Contains(m.Id))
            .Select(m => new { Member = m, CellParentId = m.Cell!.ParentId })
            .ToListAsync(cancellationToken);
        return members.ToDictionary(m => m.Member.Id, m => new MemberFacts(m.Member, m.CellParentId));
    }

    private async Task<IReadOnlyCollection<int>> ActiveCategoriesAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        await db.SourceCategories.AsNoTracking().Where(s => ids.Contains(s.Id) && s.IsActive).Select(s => s.Id).ToListAsync(cancellationToken);
}
