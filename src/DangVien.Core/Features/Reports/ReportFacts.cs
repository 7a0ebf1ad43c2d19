using System.Data.Common;
using System.Globalization;
using DangVien.Core.Data;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Reports;

/// <summary>
/// The one place that decides which candidate counts in which figure of which year under which unit: a single SQL pass
/// over the standing history (a corrected entry is replaced by its correction), grouped per candidate and year. The
/// report's counts and the drill-down lists are both read from these rows, so a list always holds exactly the
/// candidates behind its figure.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>The tree of a year</b>: every unit that existed by 31/12 of the year, at the place of its last
/// <see cref="OrgUnitPlacement"/> starting on or before that day (a unit without placements: its current place). A unit
/// merged or re-parented later still counts where it stood.</item>
/// <item><b>The cell of an event</b>: the cell the candidate was nurtured in on the day of the entry: the cell of the
/// source entry, then the target cell of each transfer from its day on (a candidate without a source entry: the
/// current cell). A candidate transferred mid-year counts in the old cell for what happened before the transfer and in
/// the new one after it; within one unit's subtree, once.</item>
/// <item><b>The cell of a member</b>: the cell they stood in on the day of the figure (<see cref="MemberStanding.CellOn"/>,
/// from their <see cref="MemberPlacement"/>s): a member moved or whose cell was merged later counts in the old cell for
/// the days before the move.</item>
/// <item><b>Carried over</b>: the file was open on 31/12 (a source entry on or before that day, and no exit, removal or counted
/// admission entry on or before it), counted in the cell of that day.</item>
/// </list>
/// </remarks>
internal static class ReportFacts
{
    /// <summary>The figures a candidate can count in; each is a boolean column of the rows and a drill-down list.</summary>
    public static readonly IReadOnlyList<string> Flags =
    [
        "admitted", "youth_introduced", "youth_admitted", "coursed", "coursed_admitted", "recognised", "removed", "exited", "carried",
        "f_source", "f_course", "f_application", "f_verification", "f_introduction", "f_opinion", "f_vote", "f_resolution", "f_decision", "f_ceremony",
    ];

    /// <summary>The funnel's stages and their flag column, in pipeline order.</summary>
    public static readonly IReadOnlyList<(StageKind Kind, string Flag)> FunnelFlags =
    [
        (StageKind.Source, "f_source"),
        (StageKind.AwarenessCourse, "f_course"),
        (StageKind.Application, "f_application"),
        (StageKind.HistoryVerification, "f_verification"),
        (StageKind.Introduction, "f_introduction"),
        (StageKind.Opinion, "f_opinion"),
        (StageKind.CellVote, "f_vote"),
        (StageKind.CommitteeResolution, "f_resolution"),
        (StageKind.AdmissionDecision, "f_decision"),
        (StageKind.Ceremony, "f_ceremony"),
    ];

    private const string Years = """
        years as (
            select y, make_date(y, 1, 1) as first_day, make_date(y, 12, 31) as last_day
            from generate_series(@year_from, @year_to) as y
        )
        """;

    /// <summary>The unit's subtree in the tree of each year: (y, id, kind, path).</summary>
    private static readonly string TreeSql = "with " + Years + ",\n" + """
        tree as (
            select distinct on (yr.y, u.id) yr.y, u.id, u.kind, coalesce(pl.path, u.path) as path
            from years yr
            join org_units u on u.valid_from <= yr.last_day
            left join org_unit_placements pl on pl.org_unit_id = u.id and pl.valid_from <= yr.last_day
            order by yr.y, u.id, pl.valid_from desc, pl.id desc
        ),
        subtree as (
            select t.y, t.id, t.kind, t.path
            from tree t
            join tree r on r.y = t.y and r.id = @unit
            where t.path <@ r.path
        )
        select y, id, kind, path from subtree
        """;

    private static readonly string HistoryCtes = "with " + Years + ",\n" + $"""
        superseded as (
            select supersedes_id as id from stage_entries where supersedes_id is not null
        ),
        events as not materialized (
            select extract(year from e.effective_on)::int as y, e.id, e.candidate_id, e.effective_on,
                case when e.kind <> {(int)StageKind.CellVote} or e.id in (select v.stage_entry_id from cell_votes v where v.passed)
                    then 1 << e.kind else 0 end as bit
            from stage_entries e
            where e.effective_on between make_date(@year_from, 1, 1) and make_date(@year_to, 12, 31)
                and e.id not in (select id from superseded)
        ),
        moves as materialized (
            select e.candidate_id, e.unit_id as cell_id, e.effective_on as since, e.kind
            from stage_entries e
            where e.kind in ({(int)StageKind.Source}, {(int)StageKind.Transfer}) and e.unit_id is not null
                and e.candidate_id in (select t.candidate_id from stage_entries t where t.kind = {(int)StageKind.Transfer})
                and not exists (select 1 from superseded s where s.id = e.id)
        ),
        placed as (
            select ev.y, ev.candidate_id, c.cell_id, ev.mask
            from (select y, candidate_id, bit_or(bit) as mask from events
                  where candidate_id not in (select candidate_id from moves)
                  group by y, candidate_id) ev
            join candidates c on c.id = ev.candidate_id
            union all
            select y, candidate_id, cell_id, bit_or(bit)
            from (select distinct on (ev.id) ev.y, ev.candidate_id, coalesce(m.cell_id, c.cell_id) as cell_id, ev.bit
                  from events ev
                  join candidates c on c.id = ev.candidate_id
                  left join moves m on m.candidate_id = ev.candidate_id and m.since <= ev.effective_on
                  where ev.candidate_id = any(array(select candidate_id from moves))
                  order by ev.id, m.since desc, m.kind desc) pm
            group by y, candidate_id, cell_id
        ),
        counted_events as materialized (
            select p.* from placed p join rf_subtree s on s.y = p.y and s.id = p.cell_id
        ),
        opened as (
            select e.candidate_id, min(e.effective_on) as opened_on
            from stage_entries e
            where e.kind = {(int)StageKind.Source} and not exists (select 1 from superseded s where s.id = e.id)
            group by e.candidate_id
        ),
        closed as (
            select e.candidate_id, min(e.effective_on) as closed_on
            from stage_entries e
            where (e.kind in ({(int)StageKind.Exit}, {(int)StageKind.Removal}) or e.kind = @counted) and not exists (select 1 from superseded s where s.id = e.id)
            group by e.candidate_id
        ),
        open_files as (
            select yr.y, o.candidate_id, c.cell_id
            from opened o
            join years yr on o.opened_on <= yr.last_day
            left join closed x on x.candidate_id = o.candidate_id
            join candidates c on c.id = o.candidate_id
            where (x.closed_on is null or x.closed_on > yr.last_day)
                and not exists (select 1 from moves m where m.candidate_id = o.candidate_id)
            union all
            (select distinct on (yr.y, o.candidate_id) yr.y, o.candidate_id, coalesce(m.cell_id, c.cell_id)
            from opened o
            join years yr on o.opened_on <= yr.last_day
            left join closed x on x.candidate_id = o.candidate_id
            join candidates c on c.id = o.candidate_id
            left join moves m on m.candidate_id = o.candidate_id and m.since <= yr.last_day
            where (x.closed_on is null or x.closed_on > yr.last_day) and o.candidate_id in (select candidate_id from moves)
            order by yr.y, o.candidate_id, m.since desc, m.kind desc)
        ),
        counted_open_files as (
            select f.y, f.candidate_id from open_files f join rf_subtree s on s.y = f.y and s.id = f.cell_id
        )

        """;

    /// <summary>
    /// The counted events of the standing entries dated in the years in cells of the subtree, one row per year, candidate and
    /// cell: (y, candidate_id, cell_id, mask), bit <c>1 &lt;&lt; kind</c> of the mask set when the candidate has an entry of
    /// that kind there that year (a cell vote only when it passed).
    /// </summary>
    private static readonly string EventsSql = HistoryCtes + "select y, candidate_id, cell_id, mask from counted_events";

    /// <summary>The files open on 31/12 of each year in cells of the subtree: (y, candidate_id).</summary>
    private static readonly string OpenSql = HistoryCtes + "select y, candidate_id from counted_open_files";

    /// <summary>
    /// Over the session's temporary tables: <c>rows</c> (one row per year and candidate counted under the unit, one
    /// boolean per figure) and <c>admitted_cells</c>.
    /// </summary>
    private static readonly string RowsCtes = "with " + Years + ",\n" + $"""
        youth as (
            select k.candidate_id from candidate_categories k
            join source_categories sc on sc.id = k.source_category_id and sc.code = '{DefaultSourceCategories.YouthUnion}'
        ),
        per_candidate as (
            select y, candidate_id,
                (bit_or(mask) & (1 << @counted)) <> 0 as admitted,
                (bit_or(mask) & (1 << {(int)StageKind.Introduction})) <> 0 as introduced,
                (bit_or(mask) & (1 << {(int)StageKind.AwarenessCourse})) <> 0 as coursed,
                (bit_or(mask) & (1 << {(int)StageKind.RecognitionDecision})) <> 0 as recognised,
                (bit_or(mask) & (1 << {(int)StageKind.Removal})) <> 0 as removed,
                (bit_or(mask) & (1 << {(int)StageKind.Exit})) <> 0 as exited,
                (bit_or(mask) & (1 << {(int)StageKind.Source})) <> 0 as f_source,
                (bit_or(mask) & (1 << {(int)StageKind.AwarenessCourse})) <> 0 as f_course,
                (bit_or(mask) & (1 << {(int)StageKind.Application})) <> 0 as f_application,
                (bit_or(mask) & (1 << {(int)StageKind.HistoryVerification})) <> 0 as f_verification,
                (bit_or(mask) & (1 << {(int)StageKind.Introduction})) <> 0 as f_introduction,
                (bit_or(mask) & (1 << {(int)StageKind.Opinion})) <> 0 as f_opinion,
                (bit_or(mask) & (1 << {(int)StageKind.CellVote})) <> 0 as f_vote,
                (bit_or(mask) & (1 << {(int)StageKind.CommitteeResolution})) <> 0 as f_resolution,
                (bit_or(mask) & (1 << {(int)StageKind.AdmissionDecision})) <> 0 as f_decision,
                (bit_or(mask) & (1 << {(int)StageKind.Ceremony})) <> 0 as f_ceremony
            from rf_events
            group by y, candidate_id
        ),
        rows as (
            select coalesce(p.y, o.y) as y, coalesce(p.candidate_id, o.candidate_id) as candidate_id,
                coalesce(p.admitted, false) as admitted,
                coalesce(p.introduced and yo.candidate_id is not null, false) as youth_introduced,
                coalesce(p.introduced and p.admitted and yo.candidate_id is not null, false) as youth_admitted,
                coalesce(p.coursed, false) as coursed,
                coalesce(p.coursed and p.admitted, false) as coursed_admitted,
                coalesce(p.recognised, false) as recognised,
                coalesce(p.removed, false) as removed,
                coalesce(p.exited, false) as exited,
                o.candidate_id is not null as carried,
                coalesce(p.f_source, false) as f_source, coalesce(p.f_course, false) as f_course,
                coalesce(p.f_application, false) as f_application, coalesce(p.f_verification, false) as f_verification,
                coalesce(p.f_introduction, false) as f_introduction, coalesce(p.f_opinion, false) as f_opinion,
                coalesce(p.f_vote, false) as f_vote, coalesce(p.f_resolution, false) as f_resolution,
                coalesce(p.f_decision, false) as f_decision, coalesce(p.f_ceremony, false) as f_ceremony
            from per_candidate p
            full join rf_open o on o.y = p.y and o.candidate_id = p.candidate_id
            left join youth yo on yo.candidate_id = coalesce(p.candidate_id, o.candidate_id)
        ),
        admitted_cells as (
            select distinct y, cell_id from rf_events where (mask & (1 << @counted)) <> 0
        )


        """;

    /// <summary>The rows and admitted cells of the session (temporary tables), for the queries below.</summary>
    private static readonly string Ctes = "with " + Years + """
        ,
        rows as (select * from rf_rows),
        admitted_cells as (select * from rf_admitted_cells)

        """;

    /// <summary>Per year: the counts of every flag.</summary>
    public static readonly string CountsSql = Ctes + $"""
        select yr.y, {string.Join(", ", Flags.Select(f => $"coalesce(c.{f}, 0)"))}
        from years yr
        left join (select y, {string.Join(", ", Flags.Select(f => $"(count(*) filter (where {f}))::int as {f}"))} from rows group by y) c on c.y = yr.y
        order by yr.y
        """;

    /// <summary>Per year and source category: the admitted of the category.</summary>
    public static readonly string CategoriesSql = Ctes + """
        select r.y, k.source_category_id, count(*)::int
        from rows r join candidate_categories k on k.candidate_id = r.candidate_id
        where r.admitted
        group by r.y, k.source_category_id
        """;

    /// <summary>
    /// Conversion over the whole span, as ratios of totals: per source category of the candidates' categories (and a row
    /// with a null category for all candidates), the distinct candidates put forward as a source (a standing source entry),
    /// sent to the awareness course (a standing course entry) and admitted (the counted entry) in any year of the span, each
    /// counted in the cell where they stood that day: (category_id, put_forward, coursed, admitted).
    /// </summary>
    public static readonly string SpanConversionSql = Ctes + """
        select case when grouping(k.source_category_id) = 1 then null else k.source_category_id end,
            (count(distinct r.candidate_id) filter (where r.f_source))::int,
            (count(distinct r.candidate_id) filter (where r.f_course))::int,
            (count(distinct r.candidate_id) filter (where r.admitted))::int
        from rows r
        left join candidate_categories k on k.candidate_id = r.candidate_id
        group by grouping sets ((k.source_category_id), ())
        having grouping(k.source_category_id) = 1 or k.source_category_id is not null
        """;

    /// <summary>Member <c>m</c> has never moved (no ended placement): they stand in their current cell on every day.</summary>
    private const string NeverMoved =
        "not exists (select 1 from member_placements p where p.member_id = m.id and p.valid_to is not null)";

    /// <summary>
    /// The members who moved (an ended placement), placed on each day of the members figures: rows <c>m</c> (y, at_end, day,
    /// id, admitted_on, recognised_on, left_on, status), one per year, day and member standing that day in a cell of the
    /// year's subtree. The cell is <see cref="MemberStanding.CellOnSql"/> written as a join: the earliest placement not ended
    /// before the day, else the current cell.
    /// </summary>
    private const string MovedMembers = """
        from (
            select distinct on (yr.y, e.at_end, mm.id) yr.y, e.at_end, e.day, mm.id, mm.admitted_on, mm.recognised_on, mm.left_on, mm.status,
                coalesce(p.cell_id, mm.cell_id) as cell_id
            from years yr
            cross join lateral (values (false, yr.first_day - 1), (true, yr.last_day)) e(at_end, day)
            cross join members mm
            left join member_placements p on p.member_id = mm.id and (p.valid_to is null or p.valid_to >= e.day)
            where mm.id in (select x.member_id from member_placements x where x.valid_to is not null)
            order by yr.y, e.at_end, mm.id, p.valid_to is null, p.valid_to, p.valid_from
        ) m
        join rf_subtree s on s.y = m.y and s.id = m.cell_id
        """;

    /// <summary>Whether member <c>m</c> belonged to the Party on <paramref name="day"/> (<see cref="MemberStanding.MemberOnSql"/>).</summary>
    private static string MemberOn(string day) => MemberStanding.MemberOnSql("m", day);

    /// <summary>The day of a members figure: 31/12 of the year before (start) or of the year (end).</summary>
    private static string MembersDay(bool atEnd) => atEnd ? "yr.last_day" : "yr.first_day - 1";

    /// <summary>
    /// Per year: members on 31/12 of the year before and of the year, each in the cell of the year's subtree they stood in that
    /// day. Those who never moved are counted through the cell index in one pass; only those who moved are placed day by day.
    /// </summary>
    public static readonly string MembersSql = Ctes + $"""
        select c.y, sum(c.at_start)::int, sum(c.at_end)::int
        from (
            select yr.y,
                count(*) filter (where {MemberOn(MembersDay(atEnd: false))}) as at_start,
                count(*) filter (where {MemberOn(MembersDay(atEnd: true))}) as at_end
            from years yr
            join rf_subtree s on s.y = yr.y
            join members m on m.cell_id = s.id
            where {NeverMoved}
            group by yr.y
            union all
            select m.y, count(*) filter (where not m.at_end and {MemberOn("m.day")}), count(*) filter (where m.at_end and {MemberOn("m.day")})
            {MovedMembers}
            group by m.y
        ) c
        group by c.y
        """;

    /// <summary>
    /// The member ids behind a members figure: at the start of the first year of the span (31/12 of the year before) or at
    /// the end of its last year (31/12), in the cells of that year's subtree where they stood, as <see cref="MembersSql"/> counts them.
    /// </summary>
    public static string MemberIdsSql(bool atEnd) => Ctes + $"""
        select m.id
        from years yr
        join rf_subtree s on s.y = yr.y
        join members m on m.cell_id = s.id
        where yr.y = {(atEnd ? "@year_to" : "@year_from")} and {NeverMoved} and {MemberOn(MembersDay(atEnd))}
        union all
        select m.id
        {MovedMembers}
        where m.y = {(atEnd ? "@year_to" : "@year_from")} and m.at_end = {(atEnd ? "true" : "false")} and {MemberOn("m.day")}
        """;

    /// <summary>The direct children of the unit in the tree of the year <c>@year_to</c>, with whether any cell under them admitted.</summary>
    public static readonly string ChildrenSql = Ctes + """
        select c.id, u.name,
            exists (select 1 from admitted_cells a join rf_subtree t on t.y = a.y and t.id = a.cell_id
                    where a.y = @year_to and t.path <@ c.path) as admitted
        from rf_subtree c
        join rf_subtree r on r.y = c.y and r.id = @unit
        join org_units u on u.id = c.id
        where c.y = @year_to and nlevel(c.path) = nlevel(r.path) + 1 and (u.valid_to is null or u.valid_to >= make_date(@year_to, 12, 31))
        order by u.name
        """;

    /// <summary>
    /// The units of the subtree in the tree of <c>@year_to</c> below the unit, each with the direct child of the unit it
    /// lies under (itself for a child): (node_id, child_id). The child is found by the prefix of the node's path, compared
    /// as text so the join is one hash join whatever the size of the tree (ltree has no hash equality in PostgreSQL 15: as
    /// ltree the join was a nested loop of 30 million comparisons, 15 s for the province).
    /// </summary>
    private const string BoardNodes = """
        , board_nodes as (
            select s.id as node_id, ch.id as child_id
            from rf_subtree s
            join rf_subtree r on r.y = s.y and r.id = @unit
            join rf_subtree ch on ch.y = s.y and ch.path::text = subpath(s.path, 0, nlevel(r.path) + 1)::text
            where s.y = @year_to and nlevel(s.path) > nlevel(r.path)
        )

        """;

    /// <summary>
    /// The board's main table of the year <c>@year_to</c>: per direct child of the unit (in the tree of the year; a child
    /// that ended before 31/12 only when it has members or admissions to show), its members on 31/12 of the year before
    /// and the candidates admitted in the year in cells under it: (id, name, members_at_start, admitted). Counted as
    /// <see cref="MembersSql"/> and the <c>admitted</c> flag count the unit's own figures, so the rows add up to them.
    /// </summary>
    public static readonly string BoardSql = Ctes + BoardNodes + $"""
        , members_of as (
            select n.child_id, count(*)::int as members
            from years yr
            join board_nodes n on yr.y = @year_to
            join members m on m.cell_id = n.node_id
            where {MemberOn(MembersDay(atEnd: false))}
            group by n.child_id
        ),
        admitted_of as (
            select n.child_id, count(distinct e.candidate_id)::int as admitted
            from rf_events e
            join board_nodes n on n.node_id = e.cell_id
            where e.y = @year_to and (e.mask & (1 << @counted)) <> 0
            group by n.child_id
        )
        select c.id, u.name, coalesce(mo.members, 0), coalesce(ad.admitted, 0)
        from rf_subtree c
        join rf_subtree r on r.y = c.y and r.id = @unit
        join org_units u on u.id = c.id
        left join members_of mo on mo.child_id = c.id
        left join admitted_of ad on ad.child_id = c.id
        where c.y = @year_to and nlevel(c.path) = nlevel(r.path) + 1
            and (u.valid_to is null or u.valid_to >= make_date(@year_to, 12, 31) or mo.members > 0 or ad.admitted > 0)
        order by u.name, c.id
        """;

    /// <summary>The admitted of the year <c>@year_to</c> per direct child of the unit and source category: (child_id, category_id, admitted).</summary>
    public static readonly string BoardCategoriesSql = Ctes + BoardNodes + """
        select n.child_id, k.source_category_id, count(distinct e.candidate_id)::int
        from rf_events e
        join board_nodes n on n.node_id = e.cell_id
        join candidate_categories k on k.candidate_id = e.candidate_id
        where e.y = @year_to and (e.mask & (1 << @counted)) <> 0
        group by n.child_id, k.source_category_id
        """;

    /// <summary>
    /// The cells of the unit's subtree in the tree of <c>@year_to</c> that existed during every year from <c>@from</c> and
    /// admitted nobody in any of those years, with the last year each of them admitted someone (null: never in the data).
    /// </summary>
    public static readonly string IdleCellsSql = Ctes + $"""
        , superseded as (
            select supersedes_id as id from stage_entries where supersedes_id is not null
        ),
        moves as (
            select e.candidate_id, e.unit_id as cell_id, e.effective_on as since, e.kind
            from stage_entries e
            where e.kind in ({(int)StageKind.Source}, {(int)StageKind.Transfer}) and e.unit_id is not null
                and e.candidate_id in (select t.candidate_id from stage_entries t where t.kind = {(int)StageKind.Transfer})
                and not exists (select 1 from superseded s where s.id = e.id)
        ),
        last_admissions as (
            select coalesce(
                    (select m.cell_id from moves m where m.candidate_id = e.candidate_id and m.since <= e.effective_on order by m.since desc, m.kind desc limit 1),
                    c.cell_id) as cell_id,
                max(extract(year from e.effective_on))::int as last_year
            from stage_entries e
            join candidates c on c.id = e.candidate_id
            where e.kind = @counted and not exists (select 1 from superseded s where s.id = e.id)
            group by 1
        )
        select s.id, u.name, la.last_year
        from rf_subtree s
        join org_units u on u.id = s.id
        left join last_admissions la on la.cell_id = s.id
        where s.y = @year_to and s.kind in ({(int)OrgUnitKind.Cell}, {(int)OrgUnitKind.GrassrootsCell})
            and u.valid_from <= make_date(@year_from, 1, 1) and (u.valid_to is null or u.valid_to >= make_date(@year_to, 12, 31))
            and not exists (select 1 from admitted_cells a where a.cell_id = s.id)
        order by u.name
        """;

    /// <summary>The candidate ids behind one flag (a column of <see cref="Flags"/>) in the years, most recent year first.</summary>
    public static string IdsSql(string flag) =>
        Flags.Contains(flag) ? Ctes + $"select distinct r.candidate_id from rows r where r.{flag}" : throw new ArgumentOutOfRangeException(nameof(flag));

    /// <summary>The candidate ids behind one flag per year: (year, candidate id).</summary>
    public static string AllIdsSql => Ctes + $"select r.y, r.candidate_id, {string.Join(", ", Flags.Select(f => "r." + f))} from rows r";

    /// <summary>
    /// Opens a session for a unit and span of years: computes the unit's subtree of each year, the counted events and the
    /// open files once into temporary tables (dropped at the end of the session's transaction), for the queries above to read.
    /// </summary>
    public static async Task<Session> OpenAsync(DangVienDbContext db, int unitId, int from, int to, StageKind counted, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var session = new Session(connection, transaction, opened, unitId, from, to, counted);
        // The planner cannot estimate rows of common table expressions; nested loops and merge joins over them have cost
        // minutes where hash joins take milliseconds.
        // work_mem: the ten-year trend's hashes and sorts (hundreds of thousands of entries) stay in memory.
        await session.ExecuteAsync("set local enable_nestloop = off; set local enable_mergejoin = off; set local jit = off; set local work_mem = '64MB'", cancellationToken);
        await session.ExecuteAsync("create temp table rf_subtree on commit drop as " + TreeSql, cancellationToken);
        await session.ExecuteAsync("analyze rf_subtree", cancellationToken);
        await session.ExecuteAsync("create temp table rf_events on commit drop as " + EventsSql, cancellationToken);
        await session.ExecuteAsync("create temp table rf_open on commit drop as " + OpenSql, cancellationToken);
        await session.ExecuteAsync("analyze rf_events; analyze rf_open", cancellationToken);
        await session.ExecuteAsync("create temp table rf_rows on commit drop as " + RowsCtes + " select * from rows", cancellationToken);
        await session.ExecuteAsync("create temp table rf_admitted_cells on commit drop as " + RowsCtes + " select * from admitted_cells", cancellationToken);
        await session.ExecuteAsync("analyze rf_rows; analyze rf_admitted_cells", cancellationToken);
        return session;
    }

    /// <summary>The temporary tables of one unit and span of years, and the queries over them.</summary>
    public sealed class Session(DbConnection connection, DbTransaction transaction, bool closeConnection, int unitId, int from, int to, StageKind counted) : IAsyncDisposable
    {
        public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = Command(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        /// <summary>Runs one of the queries above and reads every row.</summary>
        public async Task<List<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        {
            await using var command = Command(sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            if (closeConnection)
            {
                await connection.CloseAsync();
            }
        }

        private DbCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            // Every value is an int of ours (never text from a user), written as a literal: CREATE TABLE AS takes no parameters.
            command.CommandText = sql
                .Replace("@unit", unitId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("@year_from", from.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("@year_to", to.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("@counted", ((int)counted).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            RawSql.Executing(command);
            return command;
        }
    }
}
