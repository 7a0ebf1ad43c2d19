using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
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
            return null;
        }

        var personalData = scope.CanSeePersonalData(cellPath);
        await access.AuditAsync(AuditActions.CandidateView, $"candidate:{candidate.Id}", candidate.FullName, cancellationToken: cancellationToken);

        var facts = await FactsAsync(candidate, cancellationToken);
        var context = await ContextAsync(candidate.CellId, cancellationToken);
        var history = facts.History;

        var memberIds = history.All.Where(e => e.MemberId is not null).Select(e => e.MemberId!.Value)
            .Concat(history.All.SelectMany(e => e.Introducers).Select(i => i.MemberId))
            .Concat(history.All.SelectMany(e => e.Introducers).Where(i => i.ReplacesMemberId is not null).Select(i => i.ReplacesMemberId!.Value))
            .Append(candidate.MentorMemberId ?? 0)
            .Append(candidate.FormerMemberId ?? 0)
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
            ? new VoteItem(e.Id, e.Kind, e.EffectiveOn, v.OfficialMembers, v.Present, v.InFavour, v.Passed, supersededBy.ContainsKey(e.Id))
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
            DateOfBirth = candidate.DateOfBirth,
            Sex = candidate.Sex,
            Ethnicity = candidate.Ethnicity,
            Religion = candidate.Religion,
            HomeTown = candidate.HomeTown,
            Address = candidate.Address,
            CitizenId = personalData ? candidate.CitizenId : AccessScope.MaskCitizenId(candidate.CitizenId),
            GeneralEducation = candidate.GeneralEducation,
            GeneralEducationLabel = AdmissionLabels.Of(candidate.GeneralEducation),
            ProfessionalQualification = candidate.ProfessionalQualification,
            PoliticalTheory = candidate.PoliticalTheory,
            Occupation = candidate.Occupation,
            Workplace = candidate.Workplace,
            Phone = candidate.Phone,
            FamilyBackground = personalData ? candidate.FamilyBackground : null,
            ShowsPersonalData = personalData,
            CanWrite = scope.CanWrite(cellPath),
            CanRecordCellActions = scope.CanRecordCellAction(cellPath),
            Categories = [.. candidate.Categories
                .Where(cc => cc.SourceCategory is not null)
                .OrderBy(cc => cc.SourceCategory!.SortOrder)
                .Select(cc => new CategoryItem(cc.SourceCategoryId, cc.SourceCategory!.Code, cc.SourceCategory.Name))],
            Cell = new UnitItem(facts.Cell.Id, facts.Cell.Name),
            DecidingUnit = facts.Cell.DecidingUnitId is { } deciding ? new UnitItem(deciding, facts.Cell.DecidingUnitName!) : null,
            Mentor = Member(candidate.MentorMemberId),
            FormerMember = Member(candidate.FormerMemberId),
            MemberId = memberId,
            Stage = stage,
            StageLabel = AdmissionLabels.Of(stage),
            StageSince = since,
            OfficialFrom = history.Ceremony is { } ceremony ? AdmissionRules.OfficialFrom(ceremony.EffectiveOn) : null,
            Timeline = timeline,
            Introducers = [.. history.CurrentIntroducers.Select(Introducer)],
            Votes = [.. history.All.Where(e => e.Vote is not null).Select(e => Vote(e)!)],
            NextActions = AdmissionRules.NextActions(facts, context),
        };
    }

    /// <summary>Candidates whose cell lies in the unit's subtree, by name in Vietnamese order, one page at a time.</summary>
    public async Task<PagedList<CandidateListItem>> ListAsync(CandidateListQuery query, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        if (await access.ReadableUnitAsync(query.UnitId, cancellationToken) is not { } root)
        {
            return new PagedList<CandidateListItem>([], page, pageSize, 0);
        }

        var rootPath = root.Path;

        var candidates =
            from c in db.Candidates.AsNoTracking()
            join u in db.OrgUnits on c.CellId equals u.Id
            where u.Path.IsDescendantOf(rootPath)
            select new { Candidate = c, CellName = u.Name };
        if (query.Stage is { } stage)
        {
            candidates = candidates.Where(x => x.Candidate.Stage == stage);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            candidates = candidates.Where(x => x.Candidate.CitizenId == search
                || DangVienDbContext.Unaccent(x.Candidate.FullName).Contains(DangVienDbContext.Unaccent(search)));
        }

        var total = await candidates.CountAsync(cancellationToken);
        var rows = await candidates
            .OrderBy(x => x.Candidate.FullName).ThenBy(x => x.Candidate.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(x => new
            {
                x.Candidate.Id,
                x.Candidate.FullName,
                x.Candidate.DateOfBirth,
                x.Candidate.Sex,
                x.Candidate.CellId,
                x.CellName,
                x.Candidate.Stage,
                x.Candidate.StageSince,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new CandidateListItem(r.Id, r.FullName, r.DateOfBirth, r.Sex, r.CellId, r.CellName, r.Stage, AdmissionLabels.Of(r.Stage), r.StageSince)).ToList();
        return new PagedList<CandidateListItem>(items, page, pageSize, total);
    }

    /// <summary>The source categories a new file may be given: the active ones, in display order (provinces add their own).</summary>
    public async Task<IReadOnlyList<CategoryItem>> ListSourceCategoriesAsync(CancellationToken cancellationToken = default) =>
        await db.SourceCategories.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new CategoryItem(s.Id, s.Code, s.Name))
            .ToListAsync(cancellationToken);

    private static string? Detail(StageEntry e, IReadOnlyDictionary<int, string> memberNames)
    {
        var vote = e.Vote is { } v
            ? $"{v.InFavour}/{v.OfficialMembers} đảng viên chính thức tán thành ({v.Present} có mặt): {(v.Passed ? "đạt" : "không đạt")} hai phần ba"
            : null;
        return e.Kind switch
        {
            StageKind.CellVote or StageKind.RecognitionVote => vote,
            StageKind.Introduction when e.IntroductionBasis is { } basis => AdmissionLabels.Of(basis),
            StageKind.IntroducerReplacement when e.Introducers.FirstOrDefault() is { ReplacesMemberId: { } replaced } => $"Thay {memberNames.GetValueOrDefault(replaced, "?")}",
            StageKind.EligibilityException when e.ExceptionKind is { } kind => AdmissionLabels.Of(kind),
            StageKind.Exit when e.ExitReason is { } reason => AdmissionLabels.Of(reason),
            StageKind.DecisionExtension => $"Gia hạn thêm {e.ExtensionWorkingDays} ngày làm việc",
            StageKind.Ceremony when e.MemberId is { } helper => $"Đảng viên giúp đỡ: {memberNames.GetValueOrDefault(helper, "?")}",
            StageKind.Source when e.MemberId is { } mentor => $"Đảng viên theo dõi, giúp đỡ: {memberNames.GetValueOrDefault(mentor, "?")}",
            _ => null,
        };
    }
}
