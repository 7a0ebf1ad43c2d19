using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DangVien.Core.Data.Configurations;

internal sealed class QuotaConfiguration : IEntityTypeConfiguration<Quota>
{
    public void Configure(EntityTypeBuilder<Quota> builder)
    {
        builder.HasIndex(q => new { q.OrgUnitId, q.Year }).IsUnique();
        builder.Property(q => q.AssignedBy).HasMaxLength(120);
        builder.Property(q => q.Version).IsRowVersion();
        builder.HasOne(q => q.OrgUnit).WithMany().HasForeignKey(q => q.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(q => q.AssignedByUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.CategoryTargets).WithOne().HasForeignKey(t => t.QuotaId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_quotas_total", "total >= 0"));
    }
}

internal sealed class QuotaCategoryTargetConfiguration : IEntityTypeConfiguration<QuotaCategoryTarget>
{
    public void Configure(EntityTypeBuilder<QuotaCategoryTarget> builder)
    {
        builder.HasKey(t => new { t.QuotaId, t.SourceCategoryId });
        builder.HasOne(t => t.SourceCategory).WithMany().HasForeignKey(t => t.SourceCategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> builder)
    {
        builder.HasKey(h => h.Date);
        builder.Property(h => h.Name).HasMaxLength(120);
    }
}

internal sealed class RuleParameterConfiguration : IEntityTypeConfiguration<RuleParameter>
{
    public void Configure(EntityTypeBuilder<RuleParameter> builder)
    {
        builder.Property(r => r.Key).HasMaxLength(60);
        builder.Property(r => r.Description).HasMaxLength(500);
        builder.HasIndex(r => new { r.Key, r.OrgUnitId }).IsUnique().AreNullsDistinct(false);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
