using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Units;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Reminders;

/// <summary>The signed-in user's subscription to the morning e-mail; <see cref="ConfirmedAt"/> null while the address waits for its confirmation.</summary>
public sealed record ReminderSubscriptionView(string Email, DateTimeOffset SubscribedAt, DateTimeOffset? ConfirmedAt);

/// <summary>The alerts of one of the user's starting units (<see cref="OrgUnitService.GetStartingPointsAsync"/>).</summary>
public sealed record ReminderUnit(int UnitId, string UnitName, IReadOnlyList<Alert> Alerts);

/// <summary>What a user's morning e-mail lists: the alerts page's figures for each unit they start from, on one day.</summary>
public sealed record ReminderDigest(string UserName, string FullName, DateOnly Day, IReadOnlyList<ReminderUnit> Units)
{
    public int Count => Units.Sum(u => u.Alerts.Count);
}

/// <summary>
/// The morning e-mail of deadlines (subscribing, confirming the address, and what it lists) for the current user. The
/// alerts are <see cref="AlertService"/>'s, read as the user (their scope; names and cells only, as on the alerts page).
/// An address receives nothing but the confirmation link until the user opens that link signed in
/// (<see cref="ReminderConfirmations"/>): a mistyped address never receives a name from the files.
/// </summary>
public sealed class ReminderService(
    DangVienDbContext db,
    CurrentAccess access,
    OrgUnitService units,
    AlertService alerts,
    ReminderConfirmations confirmations,
    IValidator<SubscribeRemindersRequest> validator,
    TimeProvider time)
{
    /// <summary>The shortest wait between two e-mails with a confirmation link to one address.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(5);

    public async Task<ReminderSubscriptionView?> GetMineAsync(CancellationToken cancellationToken = default) =>
        access.User.UserId is not { } userId
            ? null
            : await db.ReminderSubscriptions.AsNoTracking()
                .Where(s => s.UserId == userId)
                .Select(s => new ReminderSubscriptionView(s.Email, s.SubscribedAt, s.ConfirmedAt))
                .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Subscribes the user, or changes the address of their subscription: a new address waits for its confirmation (the
    /// job mails the link); the same address again keeps what it had.
    /// </summary>
    public async Task<Result> SubscribeAsync(SubscribeRemindersRequest request, CancellationToken cancellationToken = default)
    {
        if (access.User.UserId is not { } userId)
        {
            return Result.Fail("", Messages.NotAllowed);
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Fail(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)));
        }

        var email = request.TrimmedEmail;
        var now = time.GetUtcNow();
        // One statement, so a second press (or a second tab) changes the address instead of failing on the key.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO reminder_subscriptions (user_id, email, subscribed_at) VALUES ({userId}, {email}, {now})
            ON CONFLICT (user_id) DO UPDATE SET email = excluded.email,
                confirmed_at = CASE WHEN reminder_subscriptions.email = excluded.email THEN reminder_subscriptions.confirmed_at END,
                confirmation_sent_at = CASE WHEN reminder_subscriptions.email = excluded.email THEN reminder_subscriptions.confirmation_sent_at END
            """,
            cancellationToken);
        await access.AuditAsync(AuditActions.RemindersSubscribe, AuditActions.UserSubject(access.User.Name), email, cancellationToken: cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// Confirms the address of the user's subscription from the link mailed to it: the link must be the user's own, for
    /// the address subscribed now, and younger than <see cref="ReminderConfirmations.LinkLifetime"/>.
    /// </summary>
    public async Task<Result> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (access.User.UserId is not { } userId)
        {
            return Result.Fail("", Messages.NotAllowed);
        }

        if (confirmations.Read(token) is not { } link)
        {
            return Result.Fail("", CoreText.Get("Reminders.ConfirmUnreadable"));
        }

        if (link.UserId != userId)
        {
            return Result.Fail("", CoreText.Get("Reminders.ConfirmOtherUser"));
        }

        if (time.GetUtcNow() - link.IssuedAt > ReminderConfirmations.LinkLifetime)
        {
            return Result.Fail("", CoreText.Format("Reminders.ConfirmExpired", ReminderConfirmations.LinkLifetime.Days));
        }

        var subscription = await db.ReminderSubscriptions.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (subscription is null || !string.Equals(subscription.Email, link.Email, StringComparison.Ordinal))
        {
            return Result.Fail("", CoreText.Get("Reminders.ConfirmOldAddress"));
        }

        if (subscription.ConfirmedAt is null)
        {
            subscription.ConfirmedAt = time.GetUtcNow();
            await access.AuditAsync(AuditActions.RemindersConfirm, AuditActions.UserSubject(access.User.Name), subscription.Email, save: false, cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success();
    }

    /// <summary>The address a confirmation link is for, when the link is the current user's own; null otherwise.</summary>
    public string? AddressOf(string? token) =>
        confirmations.Read(token) is { } link && access.User.UserId is { } userId && link.UserId == userId ? link.Email : null;

    /// <summary>Has the job mail the confirmation link again (the first one lost, or its link expired), at most every <see cref="ResendInterval"/>.</summary>
    public async Task<Result> ResendConfirmationAsync(CancellationToken cancellationToken = default)
    {
        if (access.User.UserId is not { } userId)
        {
            return Result.Fail("", Messages.NotAllowed);
        }

        var since = time.GetUtcNow() - ResendInterval;
        var owed = await db.ReminderSubscriptions
            .Where(s => s.UserId == userId && s.ConfirmedAt == null && (s.ConfirmationSentAt == null || s.ConfirmationSentAt < since))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmationSentAt, (DateTimeOffset?)null), cancellationToken);
        return owed == 1 ? Result.Success() : Result.Fail("", CoreText.Format("Reminders.ResendTooSoon", (int)ResendInterval.TotalMinutes));
    }

    public async Task<Result> UnsubscribeAsync(CancellationToken cancellationToken = default)
    {
        if (access.User.UserId is not { } userId)
        {
            return Result.Fail("", Messages.NotAllowed);
        }

        if (await db.ReminderSubscriptions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await access.AuditAsync(AuditActions.RemindersUnsubscribe, AuditActions.UserSubject(access.User.Name), cancellationToken: cancellationToken);
        }

        return Result.Success();
    }

    /// <summary>The deadlines due or overdue on <paramref name="day"/> in each unit the user starts from (units with none left out).</summary>
    public async Task<ReminderDigest> BuildDigestAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var userId = access.User.UserId;
        var fullName = userId is null
            ? ""
            : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken) ?? "";
        var found = new List<ReminderUnit>();
        foreach (var unit in await units.GetStartingPointsAsync(cancellationToken))
        {
            var list = await alerts.GetAlertsAsync(unit.Id, day, cancellationToken);
            if (list.Count > 0)
            {
                found.Add(new ReminderUnit(unit.Id, unit.Name, list));
            }
        }

        return new ReminderDigest(access.User.Name, fullName, day, found);
    }
}
