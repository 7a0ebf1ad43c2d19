using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScaleCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stage_entries_candidate_id_id",
                table: "stage_entries");

            migrationBuilder.DropIndex(
                name: "ix_candidates_cell_id_stage",
                table: "candidates");

            migrationBuilder.CreateIndex(
                name: "ix_stage_entries_candidate_id_id",
                table: "stage_entries",
                columns: new[] { "candidate_id", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "kind", "effective_on", "document_date", "received_on", "supersedes_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_cell_id_stage",
                table: "candidates",
                columns: new[] { "cell_id", "stage" })
                .Annotation("Npgsql:IndexInclude", new[] { "stage_since", "full_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stage_entries_candidate_id_id",
                table: "stage_entries");

            migrationBuilder.DropIndex(
                name: "ix_candidates_cell_id_stage",
                table: "candidates");

            migrationBuilder.CreateIndex(
                name: "ix_stage_entries_candidate_id_id",
                table: "stage_entries",
                columns: new[] { "candidate_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_cell_id_stage",
                table: "candidates",
                columns: new[] { "cell_id", "stage" });
        }
    }
}
