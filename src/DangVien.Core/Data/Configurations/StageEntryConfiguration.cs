using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DangVien.Core.Data.Configurations;

internal sealed class StageEntryConfiguration : IEntityTypeConfiguration<StageEntry>
{
    public void Configure(EntityTypeBuilder<StageEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<short>();
        builder.Property(e => e.FormCode).HasMaxLength(20);
        builder.Property(e => e.DocumentNumber).HasMaxLength(60);
        builder.Property(e => e.Issuer).HasMaxLength(200);
        builder.Property(e => e.IntroductionBasis).HasConversion<short?>();
        builder.Property(e => e.ExitReason).HasConversion<short?>();
        builder.Property(e => e.ExceptionKind).HasConversion<short?>();
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.CorrectionReason).HasMaxLength(1000);
        builder.Property(e => e.RecordedBy).HasMaxLength(120);

        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StageEntry>().WithMany().HasForeignKey(e => e.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Vote).WithOne().HasForeignKey<CellVote>(v => v.StageEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Introducers).WithOne().HasForeignKey(i => i.StageEntryId).OnDelete(DeleteBehavior.Restrict);

        // Covering: the alerts read the deadline columns of thousands of histories from the index alone.
        builder.HasIndex(e => new { e.CandidateId, e.Id })
            .IncludeProperties(e => new { e.Kind, e.EffectiveOn, e.DocumentDate, e.ReceivedOn, e.SupersedesId, e.RecordedAt });
        builder.HasIndex(e => new { e.Kind, e.EffectiveOn });
        // Reports read the history of a span of years (all kinds) in one range scan.
        builder.HasIndex(e => e.EffectiveOn);
        builder.HasIndex(e => e.SupersedesId).IsUnique().HasFilter("supersedes_id IS NOT NULL");
    }
}

internal sealed class CellVoteConfiguration : IEntityTypeConfiguration<CellVote>
{
    public void Configure(EntityTypeBuilder<CellVote> builder)
    {
        builder.HasKey(v => v.StageEntryId);
        builder.Property(v => v.StageEntryId).ValueGeneratedNever();
        builder.Property(v => v.OfficialMembersReason).HasMaxLength(1000);
        builder.ToTable(t => t.HasCheckConstraint("ck_cell_votes_counts", "present >= 0 AND in_favour >= 0 AND in_favour <= present AND official_members >= 0"));
    }
}

internal sealed class IntroducerConfiguration : IEntityTypeConfiguration<Introducer>
{
    public void Configure(EntityTypeBuilder<Introducer> builder)
    {
        builder.HasOne(i => i.Member).WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.ReplacesMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.MemberId);
    }
}
