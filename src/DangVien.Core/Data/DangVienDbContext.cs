using DangVien.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Data;

/// <summary>
/// The EF Core unit of work over PostgreSQL. Table and column names are snake_case so raw SQL
/// (reports, bulk copy, benchmarks) reads naturally.
/// </summary>
/// <remarks>
/// Add a migration from the repository root with:
/// <code>dotnet tool restore &amp;&amp; dotnet ef migrations add NAME --project src/DangVien.Core --startup-project src/DangVien.Core --output-dir Data/Migrations</code>
/// The design-time factory (<see cref="DesignTimeDbContextFactory"/>) needs no running database.
/// </remarks>
public sealed class DangVienDbContext(DbContextOptions<DangVienDbContext> options) : IdentityUserContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>ICU collation that sorts Vietnamese names in dictionary order (An, Ă, Ân, Ba, … Đ…).</summary>
    public const string VietnameseCollation = "vi";

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<OrgUnitPlacement> OrgUnitPlacements => Set<OrgUnitPlacement>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<MemberPlacement> MemberPlacements => Set<MemberPlacement>();

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<CandidateCategory> CandidateCategories => Set<CandidateCategory>();

    public DbSet<SourceCategory> SourceCategories => Set<SourceCategory>();

    public DbSet<CandidateDetailsCorrection> CandidateDetailsCorrections => Set<CandidateDetailsCorrection>();

    public DbSet<StageEntry> StageEntries => Set<StageEntry>();

    public DbSet<CellVote> CellVotes => Set<CellVote>();

    public DbSet<Introducer> Introducers => Set<Introducer>();

    public DbSet<Quota> Quotas => Set<Quota>();

    public DbSet<ReportSnapshot> ReportSnapshots => Set<ReportSnapshot>();

    public DbSet<QuotaCategoryTarget> QuotaCategoryTargets => Set<QuotaCategoryTarget>();

    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();

    public DbSet<RuleParameter> RuleParameters => Set<RuleParameter>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<ReminderSubscription> ReminderSubscriptions => Set<ReminderSubscription>();

    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();

    /// <summary>The keys that protect sign-in cookies and form tokens, shared by every app instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// <c>f_unaccent(text)</c>: an IMMUTABLE wrapper over <c>unaccent</c> (created by the initial
    /// migration) so it can be indexed; it also lower-cases and maps đ to d.
    /// </summary>
    public static string Unaccent(string text) => throw new InvalidOperationException("Only for use in LINQ queries.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("ltree");
        modelBuilder.HasPostgresExtension("unaccent");
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasCollation(VietnameseCollation, locale: "vi-VN", provider: "icu", deterministic: true);

        modelBuilder.HasDbFunction(typeof(DangVienDbContext).GetMethod(nameof(Unaccent))!)
            .HasName("f_unaccent")
            .HasSchema("public");

        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DangVienDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
