using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class VoteRosterReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "listed_official_members",
                table: "cell_votes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "official_members_reason",
                table: "cell_votes",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "listed_official_members",
                table: "cell_votes");

            migrationBuilder.DropColumn(
                name: "official_members_reason",
                table: "cell_votes");
        }
    }
}
