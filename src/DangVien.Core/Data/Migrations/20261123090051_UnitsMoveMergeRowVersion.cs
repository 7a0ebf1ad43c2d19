using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnitsMoveMergeRowVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "org_units",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "org_units");
        }
    }
}
