using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DangVien.Core.Data.Configurations;

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.Property(c => c.FullName).HasMaxLength(120).UseCollation(DangVienDbContext.VietnameseCollation);
        builder.Property(c => c.Sex).HasConversion<short>();
        builder.Property(c => c.Ethnicity).HasMaxLength(50);
        builder.Property(c => c.Religion).HasMaxLength(50);
        builder.Property(c => c.HomeTown).HasMaxLength(200);
        builder.Property(c => c.Address).HasMaxLength(300);
        builder.Property(c => c.CitizenId).HasMaxLength(12);
        builder.Property(c => c.GeneralEducation).HasConversion<short>();
        builder.Property(c => c.ProfessionalQualification).HasMaxLength(100);
        builder.Property(c => c.PoliticalTheory).HasMaxLength(100);
        builder.Property(c => c.Occupation).HasMaxLength(100);
        builder.Property(c => c.Workplace).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.FamilyBackground).HasMaxLength(4000);
        builder.Property(c => c.Stage).HasConversion<short>();
        builder.Property(c => c.Version).IsRowVersion();

        builder.HasOne(c => c.Cell).WithMany().HasForeignKey(c => c.CellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Mentor).WithMany().HasForeignKey(c => c.MentorMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.FormerMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Categories).WithOne().HasForeignKey(cc => cc.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(e => e.CandidateId).OnDelete(DeleteBehavior.Restrict);

        // Covering: the alerts and the dashboards read a subtree's open files cell by cell without the table.
        builder.HasIndex(c => new { c.CellId, c.Stage }).IncludeProperties(c => new { c.StageSince, c.FullName });
        builder.HasIndex(c => c.CitizenId);
        builder.HasIndex(c => new { c.FullName, c.DateOfBirth });
        // Accent-insensitive name search: a trigram index on f_unaccent(full_name), made in the migration.
    }
}

internal sealed class CandidateCategoryConfiguration : IEntityTypeConfiguration<CandidateCategory>
{
    public void Configure(EntityTypeBuilder<CandidateCategory> builder)
    {
        builder.HasKey(cc => new { cc.CandidateId, cc.SourceCategoryId });
        builder.HasOne(cc => cc.SourceCategory).WithMany().HasForeignKey(cc => cc.SourceCategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(cc => cc.SourceCategoryId);
    }
}

internal sealed class SourceCategoryConfiguration : IEntityTypeConfiguration<SourceCategory>
{
    public void Configure(EntityTypeBuilder<SourceCategory> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Version).IsRowVersion();
    }
}

internal sealed class CandidateDetailsCorrectionConfiguration : IEntityTypeConfiguration<CandidateDetailsCorrection>
{
    public void Configure(EntityTypeBuilder<CandidateDetailsCorrection> builder)
    {
        builder.HasOne<Candidate>().WithMany().HasForeignKey(c => c.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MentorBefore).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MentorAfter).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CandidateId);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.RecordedBy).HasMaxLength(256);
    }
}
