using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Features.Units;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Reminders;

/// <summary>The signed-in user's subscription to the morning e-mail.</summary>
public sealed record ReminderSubscriptionView(string Email, DateTimeOffset SubscribedAt);

/// <summary>The alerts of one of the user's starting units (<see cref="OrgUnitService.GetStartingPointsAsync"/>).</summary>
public sealed record ReminderUnit(int UnitId, string UnitName, IReadOnlyList<Alert> Alerts);

/// <summary>What a user's morning e-mail lists: the alerts page's figures for each unit they start from, on one day.</summary>
public sealed record ReminderDigest(string UserName, string FullName, DateOnly Day, IReadOnlyList<ReminderUnit> Units)
{
    public int Count => Units.Sum(u => u.Alerts.Count);
}

/// <summary>
/// The morning e-mail of deadlines (subscribing, and what it lists) for the current user. The alerts are
/// <see cref="AlertService"/>'s, read as the user (their scope; names and cells only, as on the alerts page).
/// </summary>
public sealed class ReminderService(
    DangVienDbContext db,
    CurrentAccess access,
    OrgUnitService units,
    AlertService alerts,
    IValidator<SubscribeRemindersRequest> validator,
    TimeProvider time)
{
    public async Task<ReminderSubscriptionView?> GetMineAsync(CancellationToken cancellationToken = default) =>
        access.User.UserId is not { } userId
            ? null
            : await db.ReminderSubscriptions.AsNoTracking()
                .Where(s => s.UserId == userId)
                .Select(s => new ReminderSubscriptionView(s.Email, s.SubscribedAt))
                .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Subscribes the user, or changes the address of their subscription.</summary>
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
            ON CONFLICT (user_id) DO UPDATE SET email = excluded.email
            """,
            cancellationToken);
        return Result.Success();
    }

    public async Task<Result> UnsubscribeAsync(CancellationToken cancellationToken = default)
    {
        if (access.User.UserId is not { } userId)
        {
            return Result.Fail("", Messages.NotAllowed);
        }

        await db.ReminderSubscriptions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
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
