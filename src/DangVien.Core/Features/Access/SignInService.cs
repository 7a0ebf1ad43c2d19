using DangVien.Core.Data;
using DangVien.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DangVien.Core.Features.Access;

/// <summary>What a sign-in attempt found.</summary>
public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown user name or wrong password: the same answer for both.</summary>
    Failed,

    /// <summary>The right password for an account an administrator has locked.</summary>
    Locked,
}

/// <summary>A sign-in attempt's outcome, and the user when the password was right.</summary>
public sealed record SignInCheck(SignInOutcome Outcome, AppUser? User);

/// <summary>
/// Sign-in and sign-out: checks a password without telling whether the user name exists (an unknown
/// name costs the same hash as a known one), never locks an account because of wrong guesses (the
/// sign-in rate limits do that work, and nobody can lock out someone else), keeps one
/// <see cref="UserSession"/> per signed-in device, and writes each step to the audit log with the
/// address it came from.
/// </summary>
public sealed class SignInService(
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    DangVienDbContext db,
    TimeProvider time,
    AccessCache cache,
    ILogger<SignInService> logger)
{
    /// <summary>How long a sign-in lasts without a request (the cookie slides; so does the session).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>A session's last-seen time is written at most this often, not on every request.</summary>
    public static readonly TimeSpan LastSeenGranularity = TimeSpan.FromMinutes(5);

    /// <summary>Typed user names are cut to this length in the audit log.</summary>
    private const int AuditedNameLength = 64;

    private static readonly AppUser NobodyUser = new() { UserName = "", FullName = "" };
    private static string? _nobodyHash;

    public async Task<SignInCheck> CheckPasswordAsync(string? userName, string? password, string? address, CancellationToken cancellationToken = default)
    {
        userName = userName?.Trim() ?? "";
        password ??= "";
        var user = userName.Length == 0 ? null : await users.FindByNameAsync(userName);
        bool passwordMatches;
        if (user is null)
        {
            // The same work as for a known name, so the time of the answer does not tell which names exist.
            _nobodyHash ??= hasher.HashPassword(NobodyUser, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(NobodyUser, _nobodyHash, password);
            passwordMatches = false;
        }
        else
        {
            passwordMatches = await users.CheckPasswordAsync(user, password);
        }

        var audited = userName.Length > AuditedNameLength ? userName[..AuditedNameLength] : userName;
        if (!passwordMatches)
        {
            logger.LogWarning("Failed sign-in for {UserName} from {Address}", audited, address);
            await AuditAsync(audited, AuditActions.SignInFailure, address, cancellationToken);
            return new SignInCheck(SignInOutcome.Failed, null);
        }

        if (await users.IsLockedOutAsync(user!))
        {
            logger.LogWarning("Sign-in of locked account {UserName} from {Address}", audited, address);
            await AuditAsync(audited, AuditActions.SignInLocked, address, cancellationToken);
            return new SignInCheck(SignInOutcome.Locked, null);
        }

        return new SignInCheck(SignInOutcome.Succeeded, user);
    }

    /// <summary>Opens a session for a user whose password was right; the cookie carries the returned id.</summary>
    public async Task<Guid> StartSessionAsync(AppUser user, string? address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var stale = now - SessionLifetime - LastSeenGranularity;
        await db.UserSessions
            .Where(s => s.UserId == user.Id && (s.EndedAt != null || s.LastSeenAt < stale))
            .ExecuteDeleteAsync(cancellationToken);
        var session = new UserSession { Id = Guid.NewGuid(), UserId = user.Id, StartedAt = now, LastSeenAt = now, Address = address };
        db.UserSessions.Add(session);
        db.AuditEntries.Add(Entry(user.UserName!, AuditActions.SignIn, address, now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserName} signed in from {Address}", user.UserName, address);
        return session.Id;
    }

    /// <summary>
    /// Whether the session is still open: checked on every request (one lookup by primary key), so a
    /// cookie stops working the moment its session ends.
    /// </summary>
    public Task<bool> IsSessionOpenAsync(Guid sessionId, string userId, CancellationToken cancellationToken = default) =>
        IsSessionOpenAsync(sessionId, userId, touch: true, cancellationToken);

    /// <summary>
    /// Whether the session is still open; <paramref name="touch"/> says whether this is the user's own activity,
    /// which keeps the session alive (a request, a click in an open page) or a check of the server's own (an open
    /// page's periodic revalidation), which must not keep an idle session alive for ever.
    /// </summary>
    public async Task<bool> IsSessionOpenAsync(Guid sessionId, string userId, bool touch, CancellationToken cancellationToken = default)
    {
        // Kept (AccessCache): open a moment ago and nothing has ended since. Read again once the last-seen time is due
        // (to write it, or for a check that does not touch, to see whether the idle session has run out).
        if (cache.TryGetSession(sessionId, userId, out var seen) && time.GetUtcNow() - seen < LastSeenGranularity)
        {
            return true;
        }

        var generation = cache.Generation;
        var lastSeen = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .Select(s => (DateTimeOffset?)s.LastSeenAt)
            .FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (lastSeen is null || now - lastSeen > SessionLifetime + LastSeenGranularity)
        {
            return false;
        }

        if (touch && now - lastSeen >= LastSeenGranularity)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
            lastSeen = now;
        }

        cache.KeepSession(generation, sessionId, userId, lastSeen.Value);
        return true;
    }

    /// <summary>Closes the session (sign-out on this device; the user's other devices stay signed in).</summary>
    public async Task EndSessionAsync(Guid? sessionId, string userName, string? address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (sessionId is { } id)
        {
            await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
            cache.Clear();
        }

        db.AuditEntries.Add(Entry(userName, AuditActions.SignOut, address, now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserName} signed out from {Address}", userName, address);
    }

    /// <summary>Closes every session of the user but <paramref name="keep"/> (after a password change).</summary>
    public Task EndOtherSessionsAsync(string userId, Guid? keep, CancellationToken cancellationToken = default) =>
        EndSessionsAsync(db, cache, userId, keep, time.GetUtcNow(), cancellationToken);

    /// <summary>Closes every session of the user but <paramref name="keep"/>: the one way sessions end for a whole account.</summary>
    internal static async Task EndSessionsAsync(DangVienDbContext db, AccessCache cache, string userId, Guid? keep, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
        cache.Clear();
    }

    /// <summary>Records that sign-in attempts were refused by a rate limit (<paramref name="limit"/> names which).</summary>
    public async Task RecordLimitedAsync(string? userName, string? address, string limit, CancellationToken cancellationToken = default)
    {
        userName = userName?.Trim() ?? "";
        var audited = userName.Length > AuditedNameLength ? userName[..AuditedNameLength] : userName;
        logger.LogWarning("Sign-in attempts for {UserName} from {Address} refused by the {Limit} limit", audited, address, limit);
        db.AuditEntries.Add(Entry(audited, AuditActions.SignInLimited, $"{address} ({limit})", time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task AuditAsync(string userName, string action, string? address, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(Entry(userName, action, address, time.GetUtcNow()));
        return db.SaveChangesAsync(cancellationToken);
    }

    private static AuditEntry Entry(string userName, string action, string? address, DateTimeOffset at) => new()
    {
        At = at,
        UserName = userName,
        Action = action,
        Subject = AuditActions.UserSubject(userName),
        Detail = address,
    };
}
