using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <summary>
    /// Report year stamps and the report cache (<c>ReportCache</c>). A figure of year Y depends only on what is dated on or
    /// before 31/12 of Y (entries, member dates, placements, units, quotas, snapshots), so every write that can change a
    /// closed year's figure gives the stamp of the earliest year it touches a new number from one sequence, in the same
    /// transaction; a report of a span of years kept in <c>report_cache</c> stands while the sum of the stamps of the years
    /// up to its last one reads the same. Writes dated in the current year (the daily work) touch no stamp: the current
    /// year is never kept. Statement-level triggers with transition tables, as the change stamps, so COPY and SQL by hand
    /// bump them too. Not in the EF model: only SQL reads them.
    /// </summary>
    public partial class ReportYearStamps : Migration
    {
        /// <summary>Every year: what touches the tree's current paths, the categories or the rule parameters.</summary>
        private const string AllYears = "date '0001-01-01'";

        /// <summary>Every year when rows were inserted or deleted (a statement trigger also runs for none).</summary>
        private static string AllYearsIfAny(string rows) => $"(SELECT {AllYears} WHERE EXISTS (SELECT 1 FROM {rows}))";

        /// <summary>Every year when an updated row really changed (the app rewrites some rows unchanged at start).</summary>
        private const string AllYearsIfChanged =
            $"(SELECT {AllYears} WHERE EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n IS DISTINCT FROM o))";

        /// <summary>
        /// Per table, the earliest day the changed rows <c>R</c> touch (for an insert, an update and a delete); null when
        /// they touch no figure. An update of a candidate matters only when its cell changes (every step updates the row), of a member only when
        /// what counts them changes (admission, leaving, status, cell).
        /// </summary>
        private static readonly (string Table, string Insert, string Update, string Delete)[] Triggers =
        [
            ("stage_entries", EntriesDay("new_rows"), EntriesDay("(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)"), EntriesDay("old_rows")),
            ("cell_votes", VotesDay("new_rows"), VotesDay("(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)"), VotesDay("old_rows")),
            ("candidates", CandidatesDay("SELECT id FROM new_rows"),
                CandidatesDay("SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.cell_id IS DISTINCT FROM o.cell_id"),
                CandidatesDay("SELECT id FROM old_rows")),
            ("candidate_categories", CandidatesDay("SELECT candidate_id FROM new_rows"),
                CandidatesDay("SELECT candidate_id FROM new_rows UNION SELECT candidate_id FROM old_rows"), CandidatesDay("SELECT candidate_id FROM old_rows")),
            ("members", "(SELECT min(admitted_on) FROM new_rows)",
                """
                (SELECT least(min(n.admitted_on), min(o.admitted_on)) FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE (n.admitted_on, n.left_on, n.status, n.cell_id) IS DISTINCT FROM (o.admitted_on, o.left_on, o.status, o.cell_id))
                """, "(SELECT min(admitted_on) FROM old_rows)"),
            ("member_placements", PlacementsDay("new_rows"), PlacementsDay("(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)"), PlacementsDay("old_rows")),
            ("org_units", "(SELECT min(valid_from) FROM new_rows)", AllYearsIfChanged, AllYearsIfAny("old_rows")),
            ("org_unit_placements", UnitPlacementsDay("new_rows"), UnitPlacementsDay("(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)"), UnitPlacementsDay("old_rows")),
            ("quotas", YearDay("new_rows"), YearDay("(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)"), YearDay("old_rows")),
            ("quota_category_targets", TargetsDay("SELECT quota_id FROM new_rows"),
                TargetsDay("SELECT quota_id FROM new_rows UNION SELECT quota_id FROM old_rows"), TargetsDay("SELECT quota_id FROM old_rows")),
            ("report_snapshots", YearDay("new_rows"), YearDay("(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)"), YearDay("old_rows")),
            ("source_categories", AllYearsIfAny("new_rows"), AllYearsIfChanged, AllYearsIfAny("old_rows")),
            ("rule_parameters", AllYearsIfAny("new_rows"), AllYearsIfChanged, AllYearsIfAny("old_rows")),
        ];

        /// <summary>
        /// History entries: their own days, the days of the entries they correct, and for a source or transfer entry (which
        /// places every event of the candidate in a cell) the first day of the candidate's history.
        /// </summary>
        private static string EntriesDay(string rows) => $"""
            least(
                (SELECT min(effective_on) FROM {rows} r),
                (SELECT min(e.effective_on) FROM stage_entries e WHERE e.id IN (SELECT r.supersedes_id FROM {rows} r)),
                (SELECT min(e.effective_on) FROM stage_entries e
                 WHERE e.candidate_id IN (SELECT r.candidate_id FROM {rows} r WHERE r.kind IN ({(int)StageKind.Source}, {(int)StageKind.Transfer}))))
            """;

        private static string VotesDay(string rows) =>
            $"(SELECT min(e.effective_on) FROM stage_entries e WHERE e.id IN (SELECT r.stage_entry_id FROM {rows} r))";

        /// <summary>A candidate's cell or categories count from the first day of their history.</summary>
        private static string CandidatesDay(string ids) =>
            $"(SELECT min(e.effective_on) FROM stage_entries e WHERE e.candidate_id IN ({ids}))";

        /// <summary>A member counts from their admission: a placement touches nothing before it.</summary>
        private static string PlacementsDay(string rows) => $"""
            least(
                (SELECT min(m.admitted_on) FROM members m WHERE m.id IN (SELECT r.member_id FROM {rows} r)),
                (SELECT least(min(r.valid_from), min(r.valid_to)) FROM {rows} r))
            """;

        private static string UnitPlacementsDay(string rows) => $"(SELECT least(min(r.valid_from), min(r.valid_to)) FROM {rows} r)";

        private static string YearDay(string rows) => $"(SELECT make_date(min(r.year), 1, 1) FROM {rows} r)";

        private static string TargetsDay(string ids) => $"(SELECT make_date(min(q.year), 1, 1) FROM quotas q WHERE q.id IN ({ids}))";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE SEQUENCE report_year_stamp_versions;

                CREATE TABLE report_year_stamps (
                    year integer PRIMARY KEY,
                    version bigint NOT NULL
                );
                COMMENT ON TABLE report_year_stamps IS
                    'Per year, the sequence number of the last write that can change a figure of that year or a later one (1: every year).';

                CREATE TABLE report_cache (
                    kind smallint NOT NULL,
                    unit_id integer NOT NULL,
                    year_from integer NOT NULL,
                    year_to integer NOT NULL,
                    counted integer NOT NULL,
                    version bigint NOT NULL,
                    body text NOT NULL,
                    computed_at timestamp with time zone NOT NULL DEFAULT now(),
                    PRIMARY KEY (kind, unit_id, year_from, year_to, counted)
                );
                COMMENT ON TABLE report_cache IS
                    'Reports of closed years as computed, each with the sum of the year stamps up to its last year when it was computed.';

                CREATE FUNCTION report_current_year() RETURNS integer LANGUAGE sql STABLE AS $$
                    SELECT extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer;
                $$;

                -- -infinity (DateOnly.MinValue) touches every year, infinity none.
                CREATE FUNCTION bump_report_years_since(day date) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO report_year_stamps AS s (year, version)
                    SELECT d.year, nextval('report_year_stamp_versions')
                    FROM (SELECT CASE WHEN day = '-infinity' THEN 1 WHEN isfinite(day) THEN extract(year FROM day)::integer END AS year) d
                    WHERE d.year < report_current_year()
                    ON CONFLICT (year) DO UPDATE SET version = excluded.version;
                $$;
                """);

            foreach (var (table, insert, update, delete) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE FUNCTION report_years_of_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP = 'INSERT' THEN
                            PERFORM bump_report_years_since({insert});
                        ELSIF TG_OP = 'UPDATE' THEN
                            PERFORM bump_report_years_since({update});
                        ELSE
                            PERFORM bump_report_years_since({delete});
                        END IF;
                        RETURN NULL;
                    END $$;

                    CREATE TRIGGER {table}_report_insert AFTER INSERT ON {table}
                        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_years_of_{table}();
                    CREATE TRIGGER {table}_report_update AFTER UPDATE ON {table}
                        REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_years_of_{table}();
                    CREATE TRIGGER {table}_report_delete AFTER DELETE ON {table}
                        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_years_of_{table}();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, _, _) in Triggers)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER {table}_report_insert ON {table};
                    DROP TRIGGER {table}_report_update ON {table};
                    DROP TRIGGER {table}_report_delete ON {table};
                    DROP FUNCTION report_years_of_{table}();
                    """);
            }

            migrationBuilder.Sql("""
                DROP FUNCTION bump_report_years_since(date);
                DROP FUNCTION report_current_year();
                DROP TABLE report_cache;
                DROP TABLE report_year_stamps;
                DROP SEQUENCE report_year_stamp_versions;
                """);
        }
    }
}
