using System.Globalization;
using System.Text.Json;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Reports;

/// <summary>
/// The yearly report on party development of a unit's subtree (báo cáo năm), computed in a few set-based queries
/// over the history so it can run province-wide.
/// </summary>
/// <remarks>
/// With a <see cref="ReportCache"/> (the app has one), the report and the trend of closed years are computed once and kept
/// in the database while nothing they count changes; the current year is always computed.
/// </remarks>
public sealed class YearlyReportService(
    DangVienDbContext db, CurrentAccess access, RuleParameterReader parameters, TimeProvider? time = null, ReportCache? cache = null)
{
    /// <summary>The longest span of years a trend, a list or the idle-cells view covers.</summary>
    public const int MaxTrendYears = 30;

    /// <summary>Rows on one page of a drill-down list.</summary>
    public const int ListPageSize = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The steps of the stage funnel, in pipeline order.</summary>
    public static IReadOnlyList<StageKind> FunnelKinds { get; } = [.. ReportFacts.FunnelFlags.Select(f => f.Kind)];

    /// <summary>
    /// The report of a unit's subtree for a year; null when the unit does not exist or the user may not read it
    /// (the subtree of a readable unit is readable, so every figure is within the user's scope).
    /// </summary>
    /// <remarks>
    /// All figures count the candidates and members of the cells under the unit in the tree as it stood in the year, each
    /// event in the cell the candidate was in on its day (see <see cref="ReportFacts"/>, the one place these rules live),
    /// and only history entries that stand (a corrected entry is replaced by its correction). A frozen year is read from its
    /// snapshot (<see cref="YearlyReport.Frozen"/>):
    /// <list type="bullet">
    /// <item><b>Admitted</b>: as <see cref="QuotaService"/> — a standing admission decision (or ceremony, by the rule
    /// parameter <see cref="RuleKeys.AdmissionCountingDate"/> read for this unit) dated in the year. <b>Quota</b>: the
    /// unit's own quota of the year. <b>Share of members</b>: admitted ÷ members at the start of the year (3–4 % guide).</item>
    /// <item><b>Members at the start / end</b>: members on 31/12 of the previous year / of the year, with the convention of
    /// <see cref="Member.IsMemberOn"/>.</item>
    /// <item><b>By source category</b>: the admitted of each category (a candidate in several categories counts in each),
    /// with the unit's target for that category when set; categories with neither are left out.</item>
    /// <item><b>Funnel</b>: for each stage, the candidates with a standing entry of that kind dated in the year (a cell
    /// vote only when passed); a candidate who later left still counts in the stages reached before. <b>Exited</b>:
    /// candidates with a standing exit dated in the year.</item>
    /// <item><b>Youth Union introduced → admitted</b>: the cohort is the candidates of the Youth Union category
    /// (<see cref="DefaultSourceCategories.YouthUnion"/>, as the candidate's categories stand now) with a standing
    /// introduction dated in the year; of them, those admitted in the year (as above).</item>
    /// <item><b>Awareness course completed → admitted</b>: the cohort is the candidates with a standing awareness-course
    /// entry dated in the year; of them, those admitted in the year. Both rates follow a cohort of one year and the
    /// admissions of that same year, so a closed year's rate no longer changes.</item>
    /// <item><b>Direct children with no admission</b>: child units of the unit with no candidate admitted in the year
    /// under them.</item>
    /// <item><b>The board's main table</b> (<see cref="YearlyReport.Children"/>): for each direct child unit, its members at
    /// the start, its own quota of the year, its admitted and its admitted by source category, counted as the unit's figures
    /// above over the cells under the child; the total row sums the rows (<see cref="ChildUnitLine.Total"/>).</item>
    /// <item><b>Carried over</b>: candidates whose file was in progress at 31/12 of the year: a standing entry on or
    /// before that day, and no standing exit, removal or counted admission entry on or before it.</item>
    /// <item><b>Recognised / removed</b>: probationary members with a standing recognition decision (effective date) /
    /// removal entry dated in the year.</item>
    /// </list>
    /// </remarks>
    public async Task<YearlyReport?> GetAsync(int unitId, int year, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        if (await SnapshotAsync(unitId, year, cancellationToken) is { } snapshot)
        {
            return JsonSerializer.Deserialize<YearlyReport>(snapshot.Report, Json)! with { Frozen = new ReportFreeze(snapshot.FrozenBy, snapshot.FrozenAt) };
        }

        if (cache is null)
        {
            return await LiveAsync(unit, year, cancellationToken);
        }

        // The crumbs above the unit depend on who asks: kept without them, added to every answer.
        var counted = QuotaMath.CountedKind(await AdmissionCounting.BasisAsync(parameters, unitId, cancellationToken));
        var report = await cache.GetOrComputeAsync(db, ReportCache.Kind.YearlyReport, unitId, year, year, counted, Today.Year,
            async () => await LiveAsync(unit, year, cancellationToken) with { Ancestors = [] }, cancellationToken);
        return report with { Ancestors = await AncestorsAsync(unit, cancellationToken) };
    }

    /// <summary>The report computed from the history now (never from a snapshot).</summary>
    private async Task<YearlyReport> LiveAsync(UnitRef unit, int year, CancellationToken cancellationToken)
    {
        var unitId = unit.Id;
        var basis = await AdmissionCounting.BasisAsync(parameters, unitId, cancellationToken);
        var counted = QuotaMath.CountedKind(basis);

        Dictionary<string, int> counts;
        int membersAtStart, membersAtEnd;
        Dictionary<int, int> byCategory;
        List<(UnitCrumb Crumb, bool Admitted)> children;
        List<(int Id, string Name, int Members, int Admitted)> board;
        List<(int Child, int Category, int Admitted)> boardCategories;
        await using (var facts = await ReportFacts.OpenAsync(db, unitId, year, year, counted, cancellationToken))
        {
            counts = (await facts.ReadAsync(ReportFacts.CountsSql, ReadCounts, cancellationToken)).Single();
            var members = await facts.ReadAsync(ReportFacts.MembersSql, r => (Start: r.GetInt32(1), End: r.GetInt32(2)), cancellationToken);
            (membersAtStart, membersAtEnd) = members.Count > 0 ? members[0] : (0, 0);
            byCategory = (await facts.ReadAsync(ReportFacts.CategoriesSql, r => (Category: r.GetInt32(1), Admitted: r.GetInt32(2)), cancellationToken))
                .ToDictionary(c => c.Category, c => c.Admitted);
            children = await facts.ReadAsync(ReportFacts.ChildrenSql, r => (Crumb: new UnitCrumb(r.GetInt32(0), r.GetString(1)), Admitted: r.GetBoolean(2)), cancellationToken);
            board = await facts.ReadAsync(ReportFacts.BoardSql, r => (Id: r.GetInt32(0), Name: r.GetString(1), Members: r.GetInt32(2), Admitted: r.GetInt32(3)), cancellationToken);
            boardCategories = await facts.ReadAsync(ReportFacts.BoardCategoriesSql, r => (Child: r.GetInt32(0), Category: r.GetInt32(1), Admitted: r.GetInt32(2)), cancellationToken);
        }

        var quota = await db.Quotas.AsNoTracking()
            .Where(q => q.OrgUnitId == unitId && q.Year == year)
            .Select(q => new { q.Total, Targets = q.CategoryTargets.Select(t => new { t.SourceCategoryId, t.Target }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        var categories = await db.SourceCategories.AsNoTracking()
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Code, Name = DefaultSourceCategories.Shown(s.Code, s.Name) })
            .ToListAsync(cancellationToken);
        var ancestors = await AncestorsAsync(unit, cancellationToken);

        var boardIds = board.Select(b => b.Id).ToList();
        var childQuotas = await db.Quotas.AsNoTracking()
            .Where(q => boardIds.Contains(q.OrgUnitId) && q.Year == year)
            .ToDictionaryAsync(q => q.OrgUnitId, q => q.Total, cancellationToken);
        var categoryOrder = categories.Select((c, i) => (c.Id, i)).ToDictionary(c => c.Id, c => c.i);
        var categoryCodes = categories.ToDictionary(c => c.Id);
        var childLines = board
            .Select(b => new ChildUnitLine(b.Id, b.Name, b.Members, childQuotas.TryGetValue(b.Id, out var q) ? q : null, b.Admitted,
                [.. boardCategories.Where(c => c.Child == b.Id).OrderBy(c => categoryOrder.GetValueOrDefault(c.Category)).Select(c => new CategoryCount(c.Category, c.Admitted) { Code = categoryCodes.GetValueOrDefault(c.Category)?.Code, Name = categoryCodes.GetValueOrDefault(c.Category)?.Name })]))
            .ToList();

        var lines = categories
            .Select(c => new CategoryLine(c.Id, c.Name, byCategory.GetValueOrDefault(c.Id),
                quota?.Targets.FirstOrDefault(t => t.SourceCategoryId == c.Id)?.Target) { Code = c.Code })
            .Where(c => c.Admitted > 0 || c.Target != null)
            .ToList();

        return new YearlyReport(
            unitId,
            unit.Name,
            unit.Kind,
            year,
            ancestors,
            basis,
            membersAtStart,
            membersAtEnd,
            counts["admitted"],
            quota?.Total,
            lines,
            [.. ReportFacts.FunnelFlags.Select(f => new FunnelStep(f.Kind, counts[f.Flag]))],
            counts["exited"],
            new Conversion(counts["youth_introduced"], counts["youth_admitted"]),
            new Conversion(counts["coursed"], counts["coursed_admitted"]),
            children.Count,
            [.. children.Where(c => !c.Admitted).Select(c => c.Crumb)],
            counts["carried"],
            counts["recognised"],
            counts["removed"])
        {
            Children = childLines,
        };
    }

    /// <summary>
    /// The trend of a span of years (at most <see cref="MaxTrendYears"/>): each year's members, admitted, quota, carried
    /// over, recognised and removed, and the admitted by source category over the span; a frozen year reads its snapshot.
    /// Null when the unit is not readable.
    /// </summary>
    public async Task<ReportTrend?> GetTrendAsync(int unitId, int from, int to, CancellationToken cancellationToken = default)
    {
        if (from > to || to - from + 1 > MaxTrendYears || await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        if (cache is null)
        {
            return await LiveTrendAsync(unit, from, to, cancellationToken);
        }

        var counted = QuotaMath.CountedKind(await AdmissionCounting.BasisAsync(parameters, unitId, cancellationToken));
        return await cache.GetOrComputeAsync(db, ReportCache.Kind.Trend, unitId, from, to, counted, Today.Year,
            () => LiveTrendAsync(unit, from, to, cancellationToken), cancellationToken);
    }

    /// <summary>The trend computed from the history and the snapshots now.</summary>
    private async Task<ReportTrend> LiveTrendAsync(UnitRef unit, int from, int to, CancellationToken cancellationToken)
    {
        var unitId = unit.Id;
        var snapshots = (await db.ReportSnapshots.AsNoTracking()
                .Where(s => s.OrgUnitId == unitId && s.Year >= from && s.Year <= to)
                .Select(s => s.Report)
                .ToListAsync(cancellationToken))
            .Select(r => JsonSerializer.Deserialize<YearlyReport>(r, Json)!)
            .ToDictionary(r => r.Year);
        // Frozen years read their snapshot; the conversion over the span counts candidates once across years, so the history
        // of the whole span is read.
        var counted = QuotaMath.CountedKind(await AdmissionCounting.BasisAsync(parameters, unitId, cancellationToken));
        Dictionary<int, Dictionary<string, int>> counts;
        Dictionary<int, (int Year, int Start, int End)> members;
        List<(int Year, int Category, int Admitted)> byCategory;
        List<(int? Category, int PutForward, int Coursed, int Admitted)> conversions;
        await using (var facts = await ReportFacts.OpenAsync(db, unitId, from, to, counted, cancellationToken))
        {
            counts = (await facts.ReadAsync(ReportFacts.CountsSql, r => (Year: r.GetInt32(0), Counts: ReadCounts(r)), cancellationToken))
                .ToDictionary(c => c.Year, c => c.Counts);
            members = snapshots.Count == to - from + 1
                ? []
                : (await facts.ReadAsync(ReportFacts.MembersSql, r => (Year: r.GetInt32(0), Start: r.GetInt32(1), End: r.GetInt32(2)), cancellationToken))
                    .ToDictionary(m => m.Year);
            byCategory = await facts.ReadAsync(ReportFacts.CategoriesSql, r => (Year: r.GetInt32(0), Category: r.GetInt32(1), Admitted: r.GetInt32(2)), cancellationToken);
            conversions = await facts.ReadAsync(ReportFacts.SpanConversionSql,
                r => (Category: r.IsDBNull(0) ? (int?)null : r.GetInt32(0), PutForward: r.GetInt32(1), Coursed: r.GetInt32(2), Admitted: r.GetInt32(3)), cancellationToken);
        }

        var quotas = await db.Quotas.AsNoTracking()
            .Where(q => q.OrgUnitId == unitId && q.Year >= from && q.Year <= to)
            .ToDictionaryAsync(q => q.Year, q => q.Total, cancellationToken);

        var years = Enumerable.Range(from, to - from + 1).Select(y => snapshots.TryGetValue(y, out var frozen)
                ? new TrendYear(y, frozen.MembersAtStart, frozen.MembersAtEnd, frozen.Admitted, frozen.Quota, frozen.CarriedOver, frozen.Recognised, frozen.Removed, true)
                {
                    HasData = frozen.Admitted + frozen.CarriedOver + frozen.Recognised + frozen.Removed + frozen.Exited + frozen.Funnel.Sum(f => f.Candidates) > 0,
                }
                : new TrendYear(y, members.GetValueOrDefault(y).Start, members.GetValueOrDefault(y).End, counts[y]["admitted"],
                    quotas.TryGetValue(y, out var q) ? q : null, counts[y]["carried"], counts[y]["recognised"], counts[y]["removed"], false)
                {
                    HasData = counts[y].Values.Any(c => c > 0),
                })
            .ToList();
        var categoryTotals = byCategory
            .Where(c => !snapshots.ContainsKey(c.Year))
            .Select(c => (c.Category, c.Admitted))
            .Concat(snapshots.Values.SelectMany(r => r.Categories.Select(c => (Category: c.CategoryId, c.Admitted))))
            .GroupBy(c => c.Category)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Admitted));
        var categories = await db.SourceCategories.AsNoTracking()
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Code, Name = DefaultSourceCategories.Shown(s.Code, s.Name) })
            .ToListAsync(cancellationToken);
        var all = conversions.FirstOrDefault(c => c.Category is null);
        var spanConversions = categories
            .Select(c => (Category: c, Counts: conversions.FirstOrDefault(x => x.Category == c.Id)))
            .Where(c => c.Counts.PutForward + c.Counts.Coursed + c.Counts.Admitted > 0)
            .Select(c => new SpanConversion(c.Category.Id, c.Category.Code, c.Category.Name, c.Counts.PutForward, c.Counts.Coursed, c.Counts.Admitted))
            .Prepend(new SpanConversion(null, null, CoreText.Get("Reports.AllCandidates"), all.PutForward, all.Coursed, all.Admitted))
            .ToList();
        return new ReportTrend(unitId, unit.Name, from, to, years,
            [.. categories.Where(c => categoryTotals.GetValueOrDefault(c.Id) > 0).Select(c => new CategoryLine(c.Id, c.Name, categoryTotals[c.Id], null) { Code = c.Code })])
        {
            Conversions = spanConversions,
        };
    }

    /// <summary>
    /// The cells under the unit (in the tree of <paramref name="year"/>) that existed through the last
    /// <paramref name="years"/> years up to <paramref name="year"/> and admitted nobody in any of them. Null when the unit
    /// is not readable or <paramref name="years"/> is outside 1–<see cref="MaxTrendYears"/>.
    /// </summary>
    public async Task<IdleCellsReport?> GetIdleCellsAsync(int unitId, int year, int years, CancellationToken cancellationToken = default)
    {
        if (years is < 1 or > MaxTrendYears || await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        var counted = QuotaMath.CountedKind(await AdmissionCounting.BasisAsync(parameters, unitId, cancellationToken));
        List<IdleCell> cells;
        await using (var facts = await ReportFacts.OpenAsync(db, unitId, year - years + 1, year, counted, cancellationToken))
        {
            cells = await facts.ReadAsync(ReportFacts.IdleCellsSql, r => new IdleCell(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2)), cancellationToken);
        }

        var path = unit.Path;
        var cellCount = await db.OrgUnits.CountAsync(
            u => u.Path.IsDescendantOf(path) && (u.Kind == OrgUnitKind.Cell || u.Kind == OrgUnitKind.GrassrootsCell) && u.ValidTo == null, cancellationToken);
        return new IdleCellsReport(unitId, unit.Name, year, years, cellCount, cells);
    }

    /// <summary>
    /// The candidates behind a figure of the unit's report for the years <paramref name="from"/>–<paramref name="to"/>,
    /// by name; for a frozen single year, those stored with the snapshot. Only candidates the user may read now are listed
    /// (<see cref="ReportList.OutsideScope"/> counts the others, e.g. of a cell that moved out of the user's units since);
    /// personal data as <see cref="PersonalDataPolicy"/> shows it; written to the audit log. Null when the unit is not readable.
    /// With <paramref name="page"/>, only that page of <see cref="ListPageSize"/> rows is read (brought into the pages there
    /// are); without, every row (the downloads).
    /// </summary>
    public async Task<ReportList?> GetListAsync(int unitId, int from, int to, ReportFigure figure, int? page = null, CancellationToken cancellationToken = default)
    {
        if (from > to || to - from + 1 > MaxTrendYears || await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        var ids = from == to && await SnapshotAsync(unitId, from, cancellationToken) is { } snapshot
            ? JsonSerializer.Deserialize<Dictionary<string, int[]>>(snapshot.Lists, Json)!.GetValueOrDefault(figure.Key, [])
            : null;
        var frozen = ids is not null;
        if (ids is null)
        {
            var counted = QuotaMath.CountedKind(await AdmissionCounting.BasisAsync(parameters, unitId, cancellationToken));
            await using (var facts = await ReportFacts.OpenAsync(db, unitId, from, to, counted, cancellationToken))
            {
                ids = [.. await facts.ReadAsync(ReportFacts.IdsSql(figure.Flag), r => r.GetInt32(0), cancellationToken)];
            }

            if (figure.CategoryId is { } categoryId)
            {
                var inCategory = await db.CandidateCategories.AsNoTracking()
                    .Where(k => k.SourceCategoryId == categoryId && ids.Contains(k.CandidateId))
                    .Select(k => k.CandidateId)
                    .ToListAsync(cancellationToken);
                ids = [.. inCategory];
            }
        }

        var label = figure.CategoryId is { } category
            ? figure.Label + ": " + await db.SourceCategories.Where(s => s.Id == category).Select(s => DefaultSourceCategories.Shown(s.Code, s.Name)).FirstOrDefaultAsync(cancellationToken)
            : figure.Label;
        var scope = await access.GetScopeAsync(cancellationToken);
        var listed = scope.Candidates(db.Candidates.AsNoTracking()).Where(c => ids.Contains(c.Id));
        var window = await ListWindow.ReadAsync(listed, page, ListPageSize, cancellationToken);
        var rows = await window.Apply(listed
            .OrderBy(c => EF.Functions.Collate(c.FullName, DangVienDbContext.VietnameseCollation))
            .ThenBy(c => c.Id))
            .Select(c => new { c.Id, c.FullName, c.DateOfBirth, c.Sex, c.CitizenId, CellName = c.Cell!.Name, CellPath = c.Cell.Path, c.Stage, c.StageSince })
            .ToListAsync(cancellationToken);
        var list = rows
            .Select(r =>
            {
                var shown = scope.PersonalFieldsAt(r.CellPath);
                return new ReportListRow(r.Id, r.FullName, shown.KeepBirthDate(r.DateOfBirth), r.DateOfBirth.Year, r.Sex, shown,
                    shown.Keep(PersonalFields.CitizenId, r.CitizenId), r.CellName, AdmissionLabels.Of(r.Stage), r.StageSince);
            })
            .ToList();
        await AuditListAsync(unitId, from, to, figure, window, cancellationToken);
        return new ReportList(unitId, unit.Name, from, to, figure, label, list, window, ids.Length - window.Total, frozen);
    }

    /// <summary>
    /// The members behind a members figure (<see cref="ReportFigure.IsMembers"/>) of the unit's report for the years
    /// <paramref name="from"/>–<paramref name="to"/>: at the start of <paramref name="from"/> (31/12 of the year before) or
    /// at the end of <paramref name="to"/> (31/12), in the cells under the unit in the tree of that year, by the rule of the
    /// figure (<see cref="ReportFacts.MemberIdsSql"/>); for a frozen single year, those stored with the snapshot. Only
    /// members the user may read now are listed (<see cref="ReportMemberList.OutsideScope"/> counts the others); personal data
    /// as <see cref="PersonalDataPolicy"/> shows it; written to the audit log. Null when the unit is not readable or the figure is not a members figure.
    /// Paged as <see cref="GetListAsync"/>.
    /// </summary>
    public async Task<ReportMemberList?> GetMemberListAsync(int unitId, int from, int to, ReportFigure figure, int? page = null, CancellationToken cancellationToken = default)
    {
        if (!figure.IsMembers || from > to || to - from + 1 > MaxTrendYears || await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        // A year frozen before the members lists were stored has none: its list is then read live.
        var ids = from == to && await SnapshotAsync(unitId, from, cancellationToken) is { } snapshot
            ? JsonSerializer.Deserialize<Dictionary<string, int[]>>(snapshot.Lists, Json)!.GetValueOrDefault(figure.Key)
            : null;
        var frozen = ids is not null;
        if (ids is null)
        {
            var counted = QuotaMath.CountedKind(await AdmissionCounting.BasisAsync(parameters, unitId, cancellationToken));
            await using var facts = await ReportFacts.OpenAsync(db, unitId, from, to, counted, cancellationToken);
            ids = [.. await facts.ReadAsync(ReportFacts.MemberIdsSql(figure.AtEnd), r => r.GetInt32(0), cancellationToken)];
        }

        var countedOn = figure.AtEnd ? QuotaMath.MembersCountedOn(to + 1) : QuotaMath.MembersCountedOn(from);
        var scope = await access.GetScopeAsync(cancellationToken);
        var listed = scope.Members(db.Members.AsNoTracking()).Where(m => ids.Contains(m.Id));
        var window = await ListWindow.ReadAsync(listed, page, ListPageSize, cancellationToken);
        var rows = await window.Apply(listed
            .OrderBy(m => EF.Functions.Collate(m.FullName, DangVienDbContext.VietnameseCollation))
            .ThenBy(m => m.Id))
            .Select(m => new { m.Id, m.FullName, m.DateOfBirth, m.Sex, m.CitizenId, CellName = m.Cell!.Name, CellPath = m.Cell.Path, m.AdmittedOn, m.RecognisedOn, m.LeftOn })
            .ToListAsync(cancellationToken);
        var list = rows
            .Select(r =>
            {
                var shown = scope.PersonalFieldsAt(r.CellPath);
                return new ReportMemberRow(r.Id, r.FullName, shown.KeepBirthDate(r.DateOfBirth), r.DateOfBirth.Year, r.Sex, shown,
                    shown.Keep(PersonalFields.CitizenId, r.CitizenId), r.CellName, r.AdmittedOn, r.RecognisedOn, r.LeftOn);
            })
            .ToList();
        await AuditListAsync(unitId, from, to, figure, window, cancellationToken);
        var label = CoreText.Format("Reports.MembersOn", countedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        return new ReportMemberList(unitId, unit.Name, from, to, figure, countedOn, label, list, window, ids.Length - window.Total, frozen);
    }

    private Task AuditListAsync(int unitId, int from, int to, ReportFigure figure, ListWindow window, CancellationToken cancellationToken) =>
        access.AuditAsync(
            AuditActions.ReportList,
            AuditActions.UnitSubject(unitId),
            string.Create(CultureInfo.InvariantCulture, $"figure={figure.Key}&from={from}&to={to}; {window.Total} dòng")
                + (window.PageCount > 1 ? string.Create(CultureInfo.InvariantCulture, $", trang {window.Page}") : ""),
            cancellationToken: cancellationToken);

    /// <summary>Whether the user may freeze the unit's <paramref name="year"/>: committee staff of the unit or above, and the year is closed.</summary>
    public async Task<bool> CanFreezeAsync(int unitId, int year, CancellationToken cancellationToken = default)
    {
        var unit = await access.ReadableUnitAsync(unitId, cancellationToken);
        return unit is not null && year < Today.Year && (await access.GetScopeAsync(cancellationToken)).CanWrite(unit.Path);
    }

    /// <summary>Whether the user may unfreeze a frozen year: administrators only.</summary>
    public async Task<bool> CanUnfreezeAsync(CancellationToken cancellationToken = default) =>
        (await access.GetScopeAsync(cancellationToken)).HasRole(AccessRole.Administrator);

    /// <summary>
    /// Unfreezes a unit's year (mở chốt số liệu): the snapshot is dropped, the report is computed live again and records
    /// dated in the year may be written again (<see cref="FrozenYears"/>). Administrators only; audited with who froze
    /// the year and when.
    /// </summary>
    public async Task<Result> UnfreezeAsync(int unitId, int year, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(unitId, cancellationToken) is null)
        {
            return Result.Fail("unit", CoreText.Get("Reports.UnitNotFound"));
        }

        if (!await CanUnfreezeAsync(cancellationToken))
        {
            return Result.Fail("unit", CoreText.Get("Reports.OnlyAdminsUnfreeze"));
        }

        var snapshot = await db.ReportSnapshots.AsTracking().FirstOrDefaultAsync(s => s.OrgUnitId == unitId && s.Year == year, cancellationToken);
        if (snapshot is null)
        {
            return Result.Fail("year", CoreText.Format("Reports.NotFrozen", year.ToString(CultureInfo.InvariantCulture)));
        }

        db.ReportSnapshots.Remove(snapshot);
        await access.AuditAsync(AuditActions.ReportUnfreeze, $"unit:{unitId.ToString(CultureInfo.InvariantCulture)}",
            $"năm {year.ToString(CultureInfo.InvariantCulture)}; đã chốt bởi {snapshot.FrozenBy} lúc {snapshot.FrozenAt.ToString("O", CultureInfo.InvariantCulture)}",
            save: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// Freezes a closed year of the unit (chốt số liệu): stores the report and the candidates (or members) behind each
    /// figure as they are now, with who froze it and when; from then on the report and its lists are read from the snapshot. Only
    /// committee staff of the unit (or above) may freeze; the current year cannot be frozen, nor a year twice.
    /// </summary>
    public async Task<Result> FreezeAsync(int unitId, int year, CancellationToken cancellationToken = default)
    {
        if (await access.ReadableUnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return Result.Fail("unit", CoreText.Get("Reports.UnitNotFound"));
        }

        if (!(await access.GetScopeAsync(cancellationToken)).CanWrite(unit.Path))
        {
            return Result.Fail("unit", CoreText.Get("Reports.OnlyStaffFreeze"));
        }

        if (year >= Today.Year)
        {
            return Result.Fail("year", CoreText.Format("Reports.YearNotOver", year.ToString(CultureInfo.InvariantCulture)));
        }

        if (await SnapshotAsync(unitId, year, cancellationToken) is not null)
        {
            return Result.Fail("year", CoreText.Format("Reports.AlreadyFrozen", year.ToString(CultureInfo.InvariantCulture)));
        }

        var report = await LiveAsync(unit, year, cancellationToken);
        var counted = QuotaMath.CountedKind(report.Basis);
        List<(int Id, HashSet<string> Flags)> rows;
        Dictionary<string, List<int>> memberIds;
        await using (var facts = await ReportFacts.OpenAsync(db, unitId, year, year, counted, cancellationToken))
        {
            rows = await facts.ReadAsync(ReportFacts.AllIdsSql,
                r => (Id: r.GetInt32(1), Flags: ReportFacts.Flags.Select((f, i) => (f, r.GetBoolean(2 + i))).Where(x => x.Item2).Select(x => x.f).ToHashSet(StringComparer.Ordinal)),
                cancellationToken);
            memberIds = new(StringComparer.Ordinal)
            {
                [ReportFigure.MembersAtStart.Key] = await facts.ReadAsync(ReportFacts.MemberIdsSql(atEnd: false), r => r.GetInt32(0), cancellationToken),
                [ReportFigure.MembersAtEnd.Key] = await facts.ReadAsync(ReportFacts.MemberIdsSql(atEnd: true), r => r.GetInt32(0), cancellationToken),
            };
        }

        var lists = ReportFigure.FlagFigures.ToDictionary(f => f.Key, f => rows.Where(r => r.Flags.Contains(f.Flag)).Select(r => r.Id).Order().ToArray(), StringComparer.Ordinal);
        foreach (var members in new[] { ReportFigure.MembersAtStart, ReportFigure.MembersAtEnd })
        {
            lists[members.Key] = [.. memberIds[members.Key].Order()];
        }

        var admitted = lists["admitted"];
        var categories = await db.CandidateCategories.AsNoTracking()
            .Where(k => admitted.Contains(k.CandidateId))
            .Select(k => new { k.SourceCategoryId, k.CandidateId })
            .ToListAsync(cancellationToken);
        foreach (var group in categories.GroupBy(k => k.SourceCategoryId))
        {
            lists[ReportFigure.Category(group.Key).Key] = [.. group.Select(k => k.CandidateId).Order()];
        }

        db.ReportSnapshots.Add(new ReportSnapshot
        {
            OrgUnitId = unitId,
            Year = year,
            Report = JsonSerializer.Serialize(report, Json),
            Lists = JsonSerializer.Serialize(lists, Json),
            FrozenBy = access.User.Name,
            FrozenAt = (time ?? TimeProvider.System).GetUtcNow(),
        });
        await access.AuditAsync(AuditActions.ReportFreeze, $"unit:{unitId.ToString(CultureInfo.InvariantCulture)}",
            $"năm {year.ToString(CultureInfo.InvariantCulture)}; kết nạp {report.Admitted.ToString(CultureInfo.InvariantCulture)}", save: false, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Result.Fail("year", CoreText.Format("Reports.AlreadyFrozen", year.ToString(CultureInfo.InvariantCulture)));
        }

        return Result.Success();
    }

    /// <summary>The code of a unit the user may read (for the names of downloaded files); null otherwise.</summary>
    public async Task<string?> UnitCodeAsync(int unitId, CancellationToken cancellationToken = default) =>
        await access.ReadableUnitAsync(unitId, cancellationToken) is null
            ? null
            : await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Code).FirstOrDefaultAsync(cancellationToken);

    private DateOnly Today => (time ?? TimeProvider.System).Today();

    /// <summary>The units above <paramref name="unit"/> the user may read, from the top.</summary>
    private async Task<List<UnitCrumb>> AncestorsAsync(UnitRef unit, CancellationToken cancellationToken)
    {
        var scope = await access.GetScopeAsync(cancellationToken);
        return await scope.Units(db.OrgUnits.AsNoTracking())
            .Where(u => u.Path.IsAncestorOf(unit.Path) && u.Id != unit.Id)
            .OrderBy(u => u.Path.NLevel)
            .Select(u => new UnitCrumb(u.Id, u.Name))
            .ToListAsync(cancellationToken);
    }

    private Task<ReportSnapshot?> SnapshotAsync(int unitId, int year, CancellationToken cancellationToken) =>
        db.ReportSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.OrgUnitId == unitId && s.Year == year, cancellationToken);

    private static Dictionary<string, int> ReadCounts(System.Data.Common.DbDataReader reader) =>
        ReportFacts.Flags.Select((f, i) => (f, reader.GetInt32(1 + i))).ToDictionary(x => x.f, x => x.Item2, StringComparer.Ordinal);

    /// <summary>
    /// The highest units the user may read (those whose parent they may not read), by name: where the report opens when no
    /// unit is asked for.
    /// </summary>
    public async Task<IReadOnlyList<UnitCrumb>> TopUnitsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await access.GetScopeAsync(cancellationToken);
        var readable = scope.Units(db.OrgUnits.AsNoTracking()).Where(u => u.ValidTo == null);
        return await readable
            .Where(u => u.ParentId == null || !readable.Any(p => p.Id == u.ParentId))
            .OrderBy(u => u.Path.NLevel)
            .ThenBy(u => u.Name)
            .Select(u => new UnitCrumb(u.Id, u.Name))
            .ToListAsync(cancellationToken);
    }
}
