using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProvinceSourceCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "source_categories",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "candidate_details_corrections",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    candidate_id = table.Column<int>(type: "integer", nullable: false),
                    category_ids_before = table.Column<int[]>(type: "integer[]", nullable: false),
                    category_ids_after = table.Column<int[]>(type: "integer[]", nullable: false),
                    mentor_before = table.Column<int>(type: "integer", nullable: true),
                    mentor_after = table.Column<int>(type: "integer", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidate_details_corrections", x => x.id);
                    table.ForeignKey(
                        name: "fk_candidate_details_corrections_candidates_candidate_id",
                        column: x => x.candidate_id,
                        principalTable: "candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_candidate_details_corrections_members_mentor_after",
                        column: x => x.mentor_after,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_candidate_details_corrections_members_mentor_before",
                        column: x => x.mentor_before,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_candidate_details_corrections_candidate_id",
                table: "candidate_details_corrections",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_candidate_details_corrections_mentor_after",
                table: "candidate_details_corrections",
                column: "mentor_after");

            migrationBuilder.CreateIndex(
                name: "ix_candidate_details_corrections_mentor_before",
                table: "candidate_details_corrections",
                column: "mentor_before");

            // Corrections are history: append-only like stage_entries.
            migrationBuilder.Sql("CREATE TRIGGER candidate_details_corrections_append_only BEFORE UPDATE OR DELETE ON candidate_details_corrections FOR EACH ROW EXECUTE FUNCTION public.refuse_history_change();");

            // "Khác" exists from the start, so nobody has to be entered under a false category: a database in use gets it
            // at the end of its list; an empty one gets it with the other defaults from the reference data at start-up.
            migrationBuilder.Sql(
                """
                INSERT INTO source_categories (code, name, sort_order, is_active)
                SELECT 'khac', 'Khác', max(sort_order) + 1, true FROM source_categories HAVING count(*) > 0
                ON CONFLICT (code) DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS candidate_details_corrections_append_only ON candidate_details_corrections;");
            migrationBuilder.DropTable(
                name: "candidate_details_corrections");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "source_categories");
        }
    }
}
