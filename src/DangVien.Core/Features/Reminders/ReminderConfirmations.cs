using System.Globalization;
using System.Security.Cryptography;
using DangVien.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Reminders;

/// <summary>What a confirmation link says: whose subscription, which address, issued when.</summary>
public sealed record ReminderConfirmationLink(string UserId, string Email, DateTimeOffset IssuedAt);

/// <summary>A subscriber whose address is owed the e-mail with its confirmation link.</summary>
public sealed record ReminderConfirmationRecipient(string UserId, string UserName, string FullName, string Email);

/// <summary>
/// The link that confirms a subscription's address: the user, the address and the time it was issued, protected by the
/// app's data protection keys (shared by every instance), so it cannot be made or altered without them; nothing of it is
/// kept. And which addresses are owed that e-mail, each claimed by one statement before it is sent, as
/// <see cref="ReminderDeliveries"/> claims the morning e-mails.
/// </summary>
public sealed class ReminderConfirmations(IDataProtectionProvider protection, DangVienDbContext db, TimeProvider time)
{
    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    /// <summary>The page a confirmation link opens, with <c>?confirm=</c> and the token.</summary>
    public const string ConfirmPath = ReminderMail.SubscriptionPath;

    private IDataProtector Protector => protection.CreateProtector("DangVien.Reminders.ConfirmAddress.v1");

    /// <summary>The token of the link for <paramref name="userId"/>'s address <paramref name="email"/>, issued now.</summary>
    public string Token(string userId, string email) =>
        Protector.Protect(string.Join('\n', userId, email, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

    /// <summary>What a token says; null when it was not made with the app's keys, was altered or cannot be read.</summary>
    public ReminderConfirmationLink? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048)
        {
            return null;
        }

        string text;
        try
        {
            text = Protector.Unprotect(token.Trim());
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = text.Split('\n');
        return parts.Length == 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            ? new ReminderConfirmationLink(parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(issued))
            : null;
    }

    /// <summary>Subscriptions not locked out whose address waits for its confirmation with no link mailed yet.</summary>
    public async Task<IReadOnlyList<ReminderConfirmationRecipient>> OwedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return await (
                from s in db.ReminderSubscriptions.AsNoTracking()
                join u in db.Users on s.UserId equals u.Id
                where s.ConfirmedAt == null && s.ConfirmationSentAt == null && (u.LockoutEnd == null || u.LockoutEnd <= now)
                orderby s.UserId
                select new ReminderConfirmationRecipient(s.UserId, u.UserName!, u.FullName, s.Email))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Takes the e-mail of <paramref name="email"/>'s link; false when another pass took it or the address changed.</summary>
    public async Task<bool> TryClaimAsync(string userId, string email, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return await db.ReminderSubscriptions
            .Where(s => s.UserId == userId && s.Email == email && s.ConfirmedAt == null && s.ConfirmationSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmationSentAt, now), cancellationToken) == 1;
    }

    /// <summary>Sending failed: the link is owed again, for a later pass.</summary>
    public Task ReleaseAsync(string userId, string email, CancellationToken cancellationToken = default) =>
        db.ReminderSubscriptions.Where(s => s.UserId == userId && s.Email == email && s.ConfirmedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmationSentAt, (DateTimeOffset?)null), cancellationToken);
}
