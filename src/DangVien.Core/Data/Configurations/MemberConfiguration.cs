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
    }
}
