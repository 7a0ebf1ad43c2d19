using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberPlacements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "member_placements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    cell_id = table.Column<int>(type: "integer", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_placements", x => x.id);
                    table.CheckConstraint("ck_member_placements_span", "valid_to IS NULL OR valid_to >= valid_from");
                    table.ForeignKey(
                        name: "fk_member_placements_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_member_placements_org_units_cell_id",
                        column: x => x.cell_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_member_placements_cell_id",
                table: "member_placements",
                column: "cell_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_placements_member_id_valid_from",
                table: "member_placements",
                columns: new[] { "member_id", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_placements_moved",
                table: "member_placements",
                column: "member_id",
                filter: "valid_to IS NOT NULL");

            // Every member stands where they are today from the day they joined: the past is not known further back.
            migrationBuilder.Sql("""
                INSERT INTO member_placements (member_id, cell_id, valid_from)
                SELECT id, cell_id, admitted_on FROM members;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_placements");
        }
    }
}
