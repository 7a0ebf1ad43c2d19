using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <summary>
    /// Notices on channel <c>dangvien_access</c> (<c>AccessCache</c>): every statement that can end a session or change
    /// what a user may see sends one in its transaction, so each app instance empties its cache of sessions and grants
    /// when the write commits. Statement-level: a bulk write sends one notice, and PostgreSQL folds equal notices of one
    /// transaction into one. A session's last-seen time (written every few minutes) sends none.
    /// Notices on channel <c>dangvien_changes</c> (<c>ChangeNotices</c>): every statement that bumps a change stamp, that
    /// is every committed write a dashboard depends on, so kept dashboards are confirmed without a query until then.
    /// </summary>
    public partial class AccessChangeNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_access_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('dangvien_access', '');
                    RETURN NULL;
                END $$;

                CREATE TRIGGER access_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_assignments
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change();
                CREATE TRIGGER access_change AFTER UPDATE OF ended_at, user_id OR DELETE OR TRUNCATE ON user_sessions
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change();
                CREATE TRIGGER access_change AFTER UPDATE OF path, parent_id, valid_to, kind OR DELETE OR TRUNCATE ON org_units
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change();

                CREATE FUNCTION notify_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('dangvien_changes', '');
                    RETURN NULL;
                END $$;

                CREATE TRIGGER data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON change_stamps
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_data_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER data_change ON change_stamps;
                DROP FUNCTION notify_data_change();
                DROP TRIGGER access_change ON org_units;
                DROP TRIGGER access_change ON user_sessions;
                DROP TRIGGER access_change ON role_assignments;
                DROP FUNCTION notify_access_change();
                """);
        }
    }
}
