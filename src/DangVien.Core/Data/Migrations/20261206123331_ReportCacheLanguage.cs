using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DangVien.Core.Data.Migrations
{
    /// <summary>
    /// A kept report carries words (category names, the all-candidates line), so <c>report_cache</c> keeps one per
    /// language. Rows kept before are dropped: their language is unknown, and the next request computes them again.
    /// </summary>
    public partial class ReportCacheLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM report_cache;
                ALTER TABLE report_cache ADD COLUMN language text NOT NULL;
                ALTER TABLE report_cache DROP CONSTRAINT report_cache_pkey;
                ALTER TABLE report_cache ADD PRIMARY KEY (kind, unit_id, year_from, year_to, counted, language);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM report_cache;
                ALTER TABLE report_cache DROP CONSTRAINT report_cache_pkey;
                ALTER TABLE report_cache DROP COLUMN language;
                ALTER TABLE report_cache ADD PRIMARY KEY (kind, unit_id, year_from, year_to, counted);
                """);
        }
    }
}
