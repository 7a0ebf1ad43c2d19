using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DangVien.Core.Data.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.FullName).HasMaxLength(120).UseCollation(DangVienDbContext.VietnameseCollation);
        builder.Property(m => m.CitizenId).HasMaxLength(12).IsFixedLength(false);
        builder.Property(m => m.Sex).HasConversion<short>();
        builder.Property(m => m.Status).HasConversion<short>();
        builder.Property(m => m.LeftReason).HasMaxLength(500);
        builder.Property(m => m.Version).IsRowVersion();
        builder.HasOne(m => m.Cell).WithMany().HasForeignKey(m => m.CellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(m => m.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CellId, m.Status });
        builder.HasIndex(m => m.CandidateId).IsUnique().HasFilter("candidate_id IS NOT NULL");
        builder.HasIndex(m => m.CitizenId);
        builder.HasMany(m => m.Placements).WithOne().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberPlacementConfiguration : IEntityTypeConfiguration<MemberPlacement>
{
    public void Configure(EntityTypeBuilder<MemberPlacement> builder)
    {
        builder.HasIndex(p => new { p.MemberId, p.ValidFrom }).IsUnique();
        // The members who ever moved: the reports place only these by their placements, the others by their current cell.
        builder.HasIndex(p => p.MemberId).HasFilter("valid_to IS NOT NULL").HasDatabaseName("ix_member_placements_moved");
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.CellId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_member_placements_span", "valid_to IS NULL OR valid_to >= valid_from"));
    }
}
