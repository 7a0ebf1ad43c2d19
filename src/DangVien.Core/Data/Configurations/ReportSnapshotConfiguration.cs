using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DangVien.Core.Data.Configurations;

internal sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<ReportSnapshot> builder)
    {
        builder.Property(s => s.Report).HasColumnType("jsonb");
        builder.Property(s => s.Lists).HasColumnType("jsonb");
        builder.Property(s => s.FrozenBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.OrgUnitId, s.Year }).IsUnique();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
