using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DangVien.Core.Data.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.Property(u => u.Code).HasMaxLength(32);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(200).UseCollation(DangVienDbContext.VietnameseCollation);
        builder.Property(u => u.Kind).HasConversion<short>();
        builder.Property(u => u.Path).HasColumnType("ltree");
        builder.HasIndex(u => u.Path).HasMethod("gist");
        builder.HasIndex(u => u.ParentId);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Placements).WithOne().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(u => u.Version).IsRowVersion();
        builder.Ignore(u => u.Depth);
    }
}

internal sealed class OrgUnitPlacementConfiguration : IEntityTypeConfiguration<OrgUnitPlacement>
{
    public void Configure(EntityTypeBuilder<OrgUnitPlacement> builder)
    {
        builder.Property(p => p.Path).HasColumnType("ltree");
        builder.HasIndex(p => p.Path).HasMethod("gist");
        builder.HasIndex(p => new { p.OrgUnitId, p.ValidFrom }).IsUnique();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
