using DangVien.Core.Data;
using DangVien.Core.Domain;
using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Data.Reference;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Alerts;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Admission;

/// <summary>The read side of the pipeline: the candidate file and the list of a unit's subtree.</summary>
public sealed partial class AdmissionService
{
    /// <summary>The candidate's file for the UI, or null when there is no such candidate.</summary>
    public async Task<CandidateFile?> GetCandidateFileAsync(int candidateId, CancellationToken cancellationToken = default)
    {
        var candidate = await db.Candidates.AsNoTracking()
            .Include(c => c.Categories).ThenInclude(cc => cc.SourceCategory)
            .Include(c => c.History).ThenInclude(e => e.Vote)
            .Include(c => c.History).ThenInclude(e => e.Introducers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == candidateId, cancellationToken);
        if (candidate is null)
        {
            return null;
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        var cellPath = await db.OrgUnits.AsNoTracking().Where(u => u.Id == candidate.CellId).Select(u => u.Path).SingleAsync(cancellationToken);
        if (!scope.CanRead(cellPath))
        {
            await access.DeniedAsync(AuditActions.CandidateSubject(candidate.Id), cancellationToken);
            return null;
        }

        var shown = scope.PersonalFieldsAt(cellPath);
        await access.AuditAsync(AuditActions.CandidateView, AuditActions.CandidateSubject(candidate.Id), candidate.FullName, cancellationToken: cancellationToken);

        var facts = await FactsAsync(candidate, cancellationToken);
        var context = await ContextAsync(candidate.CellId, cancellationToken);
        var history = facts.History;

        var corrections = await db.CandidateDetailsCorrections.AsNoTracking()
            .Where(c => c.CandidateId == candidate.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var correctedCategories = corrections.SelectMany(c => c.CategoryIdsBefore.Concat(c.CategoryIdsAfter)).Distinct().ToList();
        var categoryNames = await db.SourceCategories.AsNoTracking().Where(s => correctedCategories.Contains(s.Id))
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => new { s.Id, Name = DefaultSourceCategories.Shown(s.Code, s.Name) }).ToListAsync(cancellationToken);
        IReadOnlyList<string> CategoryNames(int[] ids) => [.. categoryNames.Where(c => ids.Contains(c.Id)).Select(c => c.Name)];
        var memberIds = history.All.Where(e => e.MemberId is not null).Select(e => e.MemberId!.Value)
            .Concat(history.All.SelectMany(e => e.Introducers).Select(i => i.MemberId))
            .Concat(history.All.SelectMany(e => e.Introducers).Where(i => i.ReplacesMemberId is not null).Select(i => i.ReplacesMemberId!.Value))
            .Append(candidate.MentorMemberId ?? 0)
            .Append(candidate.FormerMemberId ?? 0)
            .Concat(corrections.SelectMany(c => new[] { c.MentorBefore ?? 0, c.MentorAfter ?? 0 }))
            .Where(id => id != 0)
            .Distinct()
            .ToList();
        var memberNames = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.FullName, cancellationToken);
        var unitIds = history.All.Where(e => e.UnitId is not null).Select(e => e.UnitId!.Value).Append(candidate.CellId).Distinct().ToList();
        var unitNames = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var memberId = await db.Members.AsNoTracking().Where(m => m.CandidateId == candidate.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);

        MemberItem? Member(int? id) => id is { } value ? new MemberItem(value, memberNames.GetValueOrDefault(value, "?")) : null;
        UnitItem? Unit(int? id) => id is { } value ? new UnitItem(value, unitNames.GetValueOrDefault(value, "?")) : null;
        IntroducerItem Introducer(Introducer i) =>
            new(i.MemberId, memberNames.GetValueOrDefault(i.MemberId, "?"), i.KnownSince, i.IsReplacement, i.ReplacesMemberId);

        var supersededBy = history.All.Where(e => e.SupersedesId is not null).ToDictionary(e => e.SupersedesId!.Value, e => e.Id);
        VoteItem? Vote(StageEntry e) => e.Vote is { } v
            ? new VoteItem(e.Id, e.Kind, e.EffectiveOn, v.OfficialMembers, v.Present, v.InFavour, v.Passed, supersededBy.ContainsKey(e.Id), v.ListedOfficialMembers, v.OfficialMembersReason)
            : null;

        var timeline = history.All.Select(e => new TimelineEntry
        {
            Id = e.Id,
            Kind = e.Kind,
            Title = AdmissionLabels.Of(e.Kind),
            EffectiveOn = e.EffectiveOn,
            DocumentDate = e.DocumentDate,
            FormCode = e.FormCode,
            DocumentNumber = e.DocumentNumber,
            Issuer = e.Issuer,
            Unit = Unit(e.UnitId),
            Member = Member(e.MemberId),
            ReceivedOn = e.ReceivedOn,
            Note = e.Note,
            Detail = Detail(e, memberNames),
            Vote = Vote(e),
            Introducers = [.. e.Introducers.Select(Introducer)],
            RecordedBy = e.RecordedBy,
            RecordedAt = e.RecordedAt,
            IsSuperseded = supersededBy.ContainsKey(e.Id),
            SupersededById = supersededBy.TryGetValue(e.Id, out var by) ? by : null,
            SupersedesId = e.SupersedesId,
            CorrectionReason = e.CorrectionReason,
        }).ToList();

        var (stage, since) = history.Stage;
        return new CandidateFile
        {
            Id = candidate.Id,
            Version = candidate.Version,
            FullName = candidate.FullName,
            DateOfBirth = shown.KeepBirthDate(candidate.DateOfBirth),
            BirthYear = candidate.DateOfBirth.Year,
            Sex = candidate.Sex,
            Shown = shown,
            Ethnicity = shown.Keep(PersonalFields.Origins, candidate.Ethnicity),
            Religion = shown.Keep(PersonalFields.Origins, candidate.Religion),
            HomeTown = shown.Keep(PersonalFields.Origins, candidate.HomeTown),
            Address = shown.Keep(PersonalFields.Contact, candidate.Address),
            CitizenId = shown.Keep(PersonalFields.CitizenId, candidate.CitizenId),
            GeneralEducation = candidate.GeneralEducation,
            GeneralEducationLabel = AdmissionLabels.Of(candidate.GeneralEducation),
            ProfessionalQualification = candidate.ProfessionalQualification,
            PoliticalTheory = candidate.PoliticalTheory,
            Occupation = candidate.Occupation,
            Workplace = shown.Keep(PersonalFields.Contact, candidate.Workplace),
            Phone = shown.Keep(PersonalFields.Contact, candidate.Phone),
            FamilyBackground = shown.Keep(PersonalFields.Family, candidate.FamilyBackground),
            CanWrite = scope.CanWrite(cellPath),
            CanRecordCellActions = scope.CanRecordCellAction(cellPath),
            Categories = [.. candidate.Categories
                .Where(cc => cc.SourceCategory is not null)
                .OrderBy(cc => cc.SourceCategory!.SortOrder)
                .Select(cc => new CategoryItem(cc.SourceCategoryId, cc.SourceCategory!.Code, DefaultSourceCategories.Shown(cc.SourceCategory.Code, cc.SourceCategory.Name)))],
            Cell = new UnitItem(facts.Cell.Id, facts.Cell.Name),
            DecidingUnit = facts.Cell.DecidingUnitId is { } deciding ? new UnitItem(deciding, facts.Cell.DecidingUnitName!) : null,
            Mentor = Member(candidate.MentorMemberId),
            FormerMember = Member(candidate.FormerMemberId),
            MemberId = memberId,
            Stage = stage,
            Path = AdmissionRules.PathStages(facts.Cell.NeedsCommitteeResolution),
            StageLabel = AdmissionLabels.Of(stage),
            StageSince = since,
            OfficialFrom = history.Ceremony is { } ceremony ? AdmissionRules.OfficialFrom(ceremony.EffectiveOn) : null,
            Timeline = timeline,
            Introducers = [.. history.CurrentIntroducers.Select(Introducer)],
            Votes = [.. history.All.Where(e => e.Vote is not null).Select(e => Vote(e)!)],
            NextActions = AdmissionRules.NextActions(facts, context),
            DetailsCorrections = [.. corrections.Select(c => new DetailsCorrectionItem(
                c.Id, CategoryNames(c.CategoryIdsBefore), CategoryNames(c.CategoryIdsAfter), Member(c.MentorBefore)?.FullName, Member(c.MentorAfter)?.FullName,
                c.Reason, c.RecordedBy, c.RecordedAt))],
            Checklist = DossierChecklist.For(history, facts.Cell.NeedsCommitteeResolution, time.Today()),
        };
    }

    /// <summary>
    /// Candidates whose cell lies in the unit's subtree, filtered and sorted as asked (by name in Vietnamese order by
    /// default), one page at a time; dates of birth as <see cref="PersonalDataPolicy"/> shows them. Each page read is
    /// written to the audit log with its filters (a search by citizen ID as such).
    /// </summary>
    public async Task<PagedList<CandidateListItem>> ListAsync(CandidateListQuery query, CancellationToken cancellationToken = default)
    {
        var page = SupportedRange.Page(query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        if (await FilteredAsync(query, cancellationToken) is not { } candidates)
        {
            return new PagedList<CandidateListItem>([], page, pageSize, 0);
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        var total = await candidates.CountAsync(cancellationToken);
        var rows = await Sorted(candidates, query)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new
            {
                c.Id,
                c.FullName,
                c.DateOfBirth,
                c.Sex,
                c.CellId,
                CellName = c.Cell!.Name,
                CellPath = c.Cell.Path,
                c.Stage,
                c.StageSince,

                // The file's latest vote (not corrected since) failed: the list marks it.
                LastVoteFailed = c.History
                    .Where(e => e.Vote != null && !c.History.Any(s => s.SupersedesId == e.Id))
                    .OrderByDescending(e => e.EffectiveOn).ThenByDescending(e => e.Id)
                    .Select(e => (bool?)!e.Vote!.Passed)
                    .FirstOrDefault() == true,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new CandidateListItem(
                r.Id, r.FullName, scope.PersonalFieldsAt(r.CellPath).KeepBirthDate(r.DateOfBirth), r.DateOfBirth.Year, r.Sex,
                r.CellId, r.CellName, r.Stage, AdmissionLabels.Of(r.Stage), r.StageSince, r.LastVoteFailed))
            .ToList();
        await AuditListAsync(query, page, total, cancellationToken);
        return new PagedList<CandidateListItem>(items, page, pageSize, total);
    }

    /// <summary>
    /// Every row of the list as <see cref="ListAsync"/> filters and sorts it (the same query, no paging), personal data
    /// as <see cref="PersonalDataPolicy"/> shows it; the export is written to the audit log. Null when the unit is not readable.
    /// </summary>
    public async Task<IReadOnlyList<CandidateExportRow>?> ExportListAsync(CandidateListQuery query, CancellationToken cancellationToken = default)
    {
        if (await FilteredAsync(query, cancellationToken) is not { } candidates)
        {
            return null;
        }

        var scope = await access.GetScopeAsync(cancellationToken);
        var rows = await Sorted(candidates, query)
            .Select(c => new
            {
                c.Id,
                c.FullName,
                c.DateOfBirth,
                c.Sex,
                c.CitizenId,
                CellName = c.Cell!.Name,
                CellPath = c.Cell.Path,
                Categories = c.Categories.OrderBy(cc => cc.SourceCategory!.SortOrder).Select(cc => DefaultSourceCategories.Shown(cc.SourceCategory!.Code, cc.SourceCategory.Name)).ToList(),
                c.Stage,
                c.StageSince,
            })
            .ToListAsync(cancellationToken);
        var result = rows.Select(r =>
            {
                var shown = scope.PersonalFieldsAt(r.CellPath);
                return new CandidateExportRow(
                    r.Id,
                    r.FullName,
                    shown.KeepBirthDate(r.DateOfBirth),
                    r.DateOfBirth.Year,
                    r.Sex,
                    shown,
                    shown.Keep(PersonalFields.CitizenId, r.CitizenId),
                    r.CellName,
                    string.Join(", ", r.Categories),
                    AdmissionLabels.Of(r.Stage),
                    r.StageSince);
            })
            .ToList();
        await access.AuditAsync(AuditActions.CandidatesExport, $"unit:{query.UnitId}", $"{Describe(query)}; {result.Count} dòng", cancellationToken: cancellationToken);
        return result;
    }

    /// <summary>Whether a search term is a citizen ID being looked up (9–12 digits: an old CMND or a CCCD).</summary>
    public static bool IsCitizenIdSearch(string? search) =>
        search?.Trim() is { Length: >= 9 and <= 12 } term && term.All(char.IsAsciiDigit);

    private async Task AuditListAsync(CandidateListQuery query, int page, int total, CancellationToken cancellationToken)
    {
        var action = IsCitizenIdSearch(query.Search) ? AuditActions.CandidatesSearchCitizenId : AuditActions.CandidatesList;
        var detail = $"{Describe(query)}&page={page.ToString(CultureInfo.InvariantCulture)}; {total.ToString(CultureInfo.InvariantCulture)} hồ sơ";
        await access.AuditAsync(action, AuditActions.UnitSubject(query.UnitId), detail, cancellationToken: cancellationToken);
    }

    /// <summary>The filter of a list query in one line for the audit log (invariant, query-string names).</summary>
    public static string Describe(CandidateListQuery query)
    {
        var parts = new List<string> { "unit=" + query.UnitId.ToString(CultureInfo.InvariantCulture) };
        if (query.Stage is { } stage)
        {
            parts.Add("stage=" + stage);
        }

        if (query.CategoryId is { } category)
        {
            parts.Add("category=" + category.ToString(CultureInfo.InvariantCulture));
        }

        if (query.Year is { } year)
        {
            parts.Add("year=" + year.ToString(CultureInfo.InvariantCulture));
        }

        if (query.OverdueOnly)
        {
            parts.Add("overdue=true");
        }

        if (query.State != CandidateState.All)
        {
            parts.Add("state=" + query.State);
        }

        if (SupportedRange.Search(query.Search) is { } search)
        {
            parts.Add("q=" + search);
        }

        parts.Add("sort=" + query.Sort + (query.Descending ? " desc" : ""));
        return string.Join("&", parts);
    }

    /// <summary>The one query behind the list and its export: the readable subtree and every filter. Null when the unit is not readable.</summary>
    private async Task<IQueryable<Candidate>?> FilteredAsync(CandidateListQuery query, CancellationToken cancellationToken)
    {
        if (await access.ReadableUnitAsync(query.UnitId, cancellationToken) is not { } root)
        {
            return null;
        }

        var rootPath = root.Path;
        var candidates = db.Candidates.AsNoTracking().Where(c => c.Cell!.Path.IsDescendantOf(rootPath));
        if (query.Stage is { } stage)
        {
            candidates = candidates.Where(c => c.Stage == stage);
        }

        // The same line as CandidateStageExtensions.IsInProgress, written out so that it becomes SQL.
        candidates = query.State switch
        {
            CandidateState.Live => candidates.Where(c => c.Stage < CandidateStage.Official),
            CandidateState.Closed => candidates.Where(c => c.Stage >= CandidateStage.Official),
            _ => candidates,
        };

        if (query.CategoryId is { } categoryId)
        {
            candidates = candidates.Where(c => c.Categories.Any(cc => cc.SourceCategoryId == categoryId));
        }

        if (query.Year is { } year and >= 1900 and <= 9999)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            candidates = candidates.Where(c => db.StageEntries.Any(e => e.CandidateId == c.Id && e.EffectiveOn >= first && e.EffectiveOn <= last));
        }

        if (query.OverdueOnly)
        {
            var alerts = await new AlertService(db, calendarService, parameterReader, access, alertCache).GetAlertsAsync(root.Id, time.Today(), cancellationToken);
            var overdue = alerts.Where(a => a.Urgency == AlertUrgency.Overdue).Select(a => a.CandidateId).Distinct().ToList();
            candidates = candidates.Where(c => overdue.Contains(c.Id));
        }

        if (SupportedRange.Search(query.Search) is { } search)
        {
            // A citizen ID finds a file only where the user sees citizen IDs, so the search cannot tell who has one.
            var scope = await access.GetScopeAsync(cancellationToken);
            var idRoots = scope.PersonalDataRoots(PersonalFields.CitizenId);
            var anyCell = scope.SeesEverything;
            candidates = candidates.Where(c => (c.CitizenId == search && (anyCell || idRoots.Any(r => r.IsAncestorOf(c.Cell!.Path))))
                || DangVienDbContext.Unaccent(c.FullName).Contains(DangVienDbContext.Unaccent(search)));
        }

        return candidates;
    }

    private static IQueryable<Candidate> Sorted(IQueryable<Candidate> candidates, CandidateListQuery query)
    {
        var sorted = (query.Sort, query.Descending) switch
        {
            (CandidateSort.Stage, false) => candidates.OrderBy(c => c.Stage).ThenBy(c => c.FullName),
            (CandidateSort.Stage, true) => candidates.OrderByDescending(c => c.Stage).ThenBy(c => c.FullName),
            (CandidateSort.StageSince, false) => candidates.OrderBy(c => c.StageSince).ThenBy(c => c.FullName),
            (CandidateSort.StageSince, true) => candidates.OrderByDescending(c => c.StageSince).ThenBy(c => c.FullName),
            (_, true) => candidates.OrderByDescending(c => c.FullName),
            _ => candidates.OrderBy(c => c.FullName),
        };
        return sorted.ThenBy(c => c.Id);
    }

    /// <summary>The source categories a new file may be given: the active ones, in display order (provinces add their own).</summary>
    public async Task<IReadOnlyList<CategoryItem>> ListSourceCategoriesAsync(CancellationToken cancellationToken = default) =>
        await db.SourceCategories.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new CategoryItem(s.Id, s.Code, DefaultSourceCategories.Shown(s.Code, s.Name)))
            .ToListAsync(cancellationToken);

    private static string? Detail(StageEntry e, IReadOnlyDictionary<int, string> memberNames)
    {
        var vote = e.Vote is { } v
            ? CoreText.Format(v.Passed ? "Timeline.VotePassed" : "Timeline.VoteFailed", v.InFavour, v.OfficialMembers, v.Present)
                + (v.OfficialMembersReason is not { } why ? ""
                    : v.ListedOfficialMembers is { } listed && listed != v.OfficialMembers ? CoreText.Format("Timeline.VoteListDiffers", listed, why)
                    : CoreText.Format("Timeline.VoteOfficialReason", why))
            : null;
        return e.Kind switch
        {
            StageKind.CellVote or StageKind.RecognitionVote => vote,
            StageKind.Introduction when e.IntroductionBasis is { } basis => AdmissionLabels.Of(basis),
            StageKind.IntroducerReplacement when e.Introducers.FirstOrDefault() is { ReplacesMemberId: { } replaced } => CoreText.Format("Timeline.Replaces", memberNames.GetValueOrDefault(replaced, "?")),
            StageKind.EligibilityException when e.ExceptionKind is { } kind => AdmissionLabels.Of(kind),
            StageKind.Exit when e.ExitReason is { } reason => AdmissionLabels.Of(reason),
            StageKind.DecisionExtension => CoreText.Format("Timeline.Extension", e.ExtensionWorkingDays),
            StageKind.Ceremony when e.MemberId is { } helper => CoreText.Format("Timeline.Helper", memberNames.GetValueOrDefault(helper, "?")),
            StageKind.Source when e.MemberId is { } mentor => CoreText.Format("Timeline.Mentor", memberNames.GetValueOrDefault(mentor, "?")),
            _ => null,
        };
    }
}
