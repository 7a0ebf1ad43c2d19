using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Pipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "correction_reason",
                table: "stage_entries",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "document_date",
                table: "stage_entries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "had_criminal_conviction",
                table: "members",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "correction_reason",
                table: "stage_entries");

            migrationBuilder.DropColumn(
                name: "document_date",
                table: "stage_entries");

            migrationBuilder.DropColumn(
                name: "had_criminal_conviction",
                table: "members");
        }
    }
}
