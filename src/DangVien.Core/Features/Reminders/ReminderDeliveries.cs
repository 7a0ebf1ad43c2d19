using DangVien.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Reminders;

/// <summary>A subscriber whose e-mail of the day is not sent yet.</summary>
public sealed record ReminderRecipient(string UserId, string UserName, string Email);

/// <summary>
/// Which morning e-mails are still to send, and the claim that makes each one go out once: a row of
/// <c>reminder_deliveries</c> per user and day, taken by one statement (<c>INSERT … ON CONFLICT</c>) before the e-mail
/// is built and sent. Another instance, or this one after a restart, finds the row and leaves the user alone; a failed
/// send deletes the row so a later pass retries; a claim whose instance died while sending is taken again after
/// <see cref="ClaimLifetime"/>.
/// </summary>
public sealed class ReminderDeliveries(DangVienDbContext db, TimeProvider time)
{
    /// <summary>How long a claim without a sent time holds before another pass may take it.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Subscribers not locked out, their address confirmed, with no delivery of <paramref name="day"/> done or being done.</summary>
    public async Task<IReadOnlyList<ReminderRecipient>> PendingAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var stale = now - ClaimLifetime;
        return await (
                from s in db.ReminderSubscriptions.AsNoTracking()
                join u in db.Users on s.UserId equals u.Id
                where s.ConfirmedAt != null && (u.LockoutEnd == null || u.LockoutEnd <= now)
                    && !db.ReminderDeliveries.Any(d => d.UserId == s.UserId && d.Day == day && (d.SentAt != null || d.ClaimedAt > stale))
                orderby s.UserId
                select new ReminderRecipient(s.UserId, u.UserName!, s.Email))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Takes the user's e-mail of the day; false when another pass has it (sent, or being sent).</summary>
    public async Task<bool> TryClaimAsync(string userId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var stale = now - ClaimLifetime;
        var taken = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO reminder_deliveries (user_id, day, claimed_at, sent_at, alert_count) VALUES ({userId}, {day}, {now}, NULL, 0)
            ON CONFLICT (user_id, day) DO UPDATE SET claimed_at = excluded.claimed_at
            WHERE reminder_deliveries.sent_at IS NULL AND reminder_deliveries.claimed_at < {stale}
            """,
            cancellationToken);
        return taken == 1;
    }

    /// <summary>The e-mail went out (or there was nothing to send): the day is done for the user.</summary>
    public Task MarkSentAsync(string userId, DateOnly day, int alertCount, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return db.ReminderDeliveries.Where(d => d.UserId == userId && d.Day == day)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.SentAt, now).SetProperty(x => x.AlertCount, alertCount), cancellationToken);
    }

    /// <summary>Sending failed: gives the claim back so a later pass tries again.</summary>
    public Task ReleaseAsync(string userId, DateOnly day, CancellationToken cancellationToken = default) =>
        db.ReminderDeliveries.Where(d => d.UserId == userId && d.Day == day && d.SentAt == null).ExecuteDeleteAsync(cancellationToken);
}
