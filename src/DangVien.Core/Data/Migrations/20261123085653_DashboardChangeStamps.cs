using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <summary>
    /// Change stamps: every write that can change what a unit's dashboard shows takes a new number from one sequence
    /// into the stamp of the cell (or unit) it touches, or into stamp 0 when it touches what every unit depends on
    /// (the tree, holidays, rule parameters, categories). The highest stamp of a subtree (and stamp 0) therefore
    /// changes with every committed write under it, which is what <c>ChangeStamps.ReadAsync</c> reads and what the
    /// dashboard cache compares. Statement-level triggers with transition tables, so a COPY of 400,000 history rows
    /// bumps each cell once, in one sorted upsert (sorted, so two writes over the same cells lock them in one order).
    /// One function serves every table whose rows name their cell (<c>cell_id</c>) and one every table whose rows name
    /// their candidate (<c>candidate_id</c>). Not in the EF model: nothing maps it, only SQL reads it.
    /// </summary>
    public partial class DashboardChangeStamps : Migration
    {
        private static readonly (string Table, string Function)[] Triggers =
        [
            ("candidates", "change_stamps_of_cell_rows"),
            ("members", "change_stamps_of_cell_rows"),
            ("stage_entries", "change_stamps_of_candidate_rows"),
            ("cell_votes", "change_stamps_of_cell_votes"),
            ("candidate_categories", "change_stamps_of_candidate_rows"),
            ("quotas", "change_stamps_of_quotas"),
            ("quota_category_targets", "change_stamps_of_quota_category_targets"),
            ("org_units", "change_stamps_of_everything"),
            ("org_unit_placements", "change_stamps_of_everything"),
            ("public_holidays", "change_stamps_of_everything"),
            ("rule_parameters", "change_stamps_of_everything"),
            ("source_categories", "change_stamps_of_everything"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE SEQUENCE change_stamp_versions;

                CREATE TABLE change_stamps (
                    unit_id integer PRIMARY KEY,
                    version bigint NOT NULL
                );
                COMMENT ON TABLE change_stamps IS
                    'Per unit (0: everything), the sequence number of the last committed write that can change its dashboard.';

                CREATE FUNCTION bump_change_stamps(unit_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO change_stamps AS s (unit_id, version)
                    SELECT d.unit_id, nextval('change_stamp_versions')
                    FROM (SELECT DISTINCT u AS unit_id FROM unnest(unit_ids) AS u WHERE u IS NOT NULL ORDER BY 1) AS d
                    ON CONFLICT (unit_id) DO UPDATE SET version = excluded.version;
                $$;

                CREATE FUNCTION change_stamps_of_cell_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM bump_change_stamps(ARRAY(SELECT cell_id FROM new_rows));
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM bump_change_stamps(ARRAY(SELECT cell_id FROM new_rows UNION SELECT cell_id FROM old_rows));
                    ELSE
                        PERFORM bump_change_stamps(ARRAY(SELECT cell_id FROM old_rows));
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION change_stamps_of_candidate_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM bump_change_stamps(ARRAY(
                            SELECT c.cell_id FROM candidates c WHERE c.id IN (SELECT candidate_id FROM new_rows)));
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM bump_change_stamps(ARRAY(
                            SELECT c.cell_id FROM candidates c
                            WHERE c.id IN (SELECT candidate_id FROM new_rows UNION SELECT candidate_id FROM old_rows)));
                    ELSE
                        PERFORM bump_change_stamps(ARRAY(
                            SELECT c.cell_id FROM candidates c WHERE c.id IN (SELECT candidate_id FROM old_rows)));
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION change_stamps_of_cell_votes() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM bump_change_stamps(ARRAY(
                            SELECT c.cell_id FROM stage_entries s JOIN candidates c ON c.id = s.candidate_id
                            WHERE s.id IN (SELECT stage_entry_id FROM new_rows)));
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM bump_change_stamps(ARRAY(
                            SELECT c.cell_id FROM stage_entries s JOIN candidates c ON c.id = s.candidate_id
                            WHERE s.id IN (SELECT stage_entry_id FROM new_rows UNION SELECT stage_entry_id FROM old_rows)));
                    ELSE
                        PERFORM bump_change_stamps(ARRAY(
                            SELECT c.cell_id FROM stage_entries s JOIN candidates c ON c.id = s.candidate_id
                            WHERE s.id IN (SELECT stage_entry_id FROM old_rows)));
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION change_stamps_of_quotas() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM bump_change_stamps(ARRAY(SELECT org_unit_id FROM new_rows));
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM bump_change_stamps(ARRAY(SELECT org_unit_id FROM new_rows UNION SELECT org_unit_id FROM old_rows));
                    ELSE
                        PERFORM bump_change_stamps(ARRAY(SELECT org_unit_id FROM old_rows));
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION change_stamps_of_quota_category_targets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM bump_change_stamps(ARRAY(
                            SELECT q.org_unit_id FROM quotas q WHERE q.id IN (SELECT quota_id FROM new_rows)));
                    ELSIF TG_OP = 'UPDATE' THEN
                        PERFORM bump_change_stamps(ARRAY(
                            SELECT q.org_unit_id FROM quotas q
                            WHERE q.id IN (SELECT quota_id FROM new_rows UNION SELECT quota_id FROM old_rows)));
                    ELSE
                        PERFORM bump_change_stamps(ARRAY(
                            SELECT q.org_unit_id FROM quotas q WHERE q.id IN (SELECT quota_id FROM old_rows)));
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION change_stamps_of_everything() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM bump_change_stamps(ARRAY[0]);
                    RETURN NULL;
                END $$;
                """);

            foreach (var (table, function) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_stamp_insert AFTER INSERT ON {table}
                        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    CREATE TRIGGER {table}_stamp_update AFTER UPDATE ON {table}
                        REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    CREATE TRIGGER {table}_stamp_delete AFTER DELETE ON {table}
                        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in Triggers)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER {table}_stamp_insert ON {table};
                    DROP TRIGGER {table}_stamp_update ON {table};
                    DROP TRIGGER {table}_stamp_delete ON {table};
                    """);
            }

            migrationBuilder.Sql("""
                DROP FUNCTION change_stamps_of_everything();
                DROP FUNCTION change_stamps_of_quota_category_targets();
                DROP FUNCTION change_stamps_of_quotas();
                DROP FUNCTION change_stamps_of_cell_votes();
                DROP FUNCTION change_stamps_of_candidate_rows();
                DROP FUNCTION change_stamps_of_cell_rows();
                DROP FUNCTION bump_change_stamps(integer[]);
                DROP TABLE change_stamps;
                DROP SEQUENCE change_stamp_versions;
                """);
        }
    }
}
