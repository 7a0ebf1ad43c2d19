using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DangVien.Core.Data.Configurations;

internal sealed class ReminderSubscriptionConfiguration : IEntityTypeConfiguration<ReminderSubscription>
{
    public void Configure(EntityTypeBuilder<ReminderSubscription> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.Email).HasMaxLength(Features.Reminders.SubscribeRemindersRequestValidator.EmailMaxLength);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<ReminderSubscription>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        // The key is the claim: INSERT … ON CONFLICT (user_id, day) lets one instance only take a user's day.
        builder.HasKey(d => new { d.UserId, d.Day });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
