using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <summary>
    /// Hand-written: what EF's model cannot express. An indexable accent-insensitive search function
    /// with trigram indexes on names, and triggers that keep the history append-only.
    /// </summary>
    [DbContext(typeof(DangVienDbContext))]
    [Migration("20261123034026_SearchAndAppendOnlyHistory")]
    public partial class SearchAndAppendOnlyHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Accent-insensitive search: unaccent() is only STABLE, so wrap it in an IMMUTABLE
            // function that can be indexed. It also lower-cases ("Nguyễn Văn Đức" -> "nguyen van duc").
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
                $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_candidates_full_name_unaccent ON candidates USING gin (public.f_unaccent(full_name) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_members_full_name_unaccent ON members USING gin (public.f_unaccent(full_name) gin_trgm_ops);");

            // The history is append-only: the database itself refuses to change or delete it.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION public.refuse_history_change() RETURNS trigger
                LANGUAGE plpgsql AS
                $$ BEGIN
                     RAISE EXCEPTION 'history is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
                       USING ERRCODE = 'P0001';
                   END $$;
                """);
            foreach (var table in new[] { "stage_entries", "cell_votes", "introducers" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION public.refuse_history_change();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "stage_entries", "cell_votes", "introducers" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_append_only ON {table};");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS public.refuse_history_change();");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_candidates_full_name_unaccent;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_members_full_name_unaccent;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS public.f_unaccent(text);");
        }
    }
}
