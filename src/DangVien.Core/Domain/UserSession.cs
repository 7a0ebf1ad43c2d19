namespace DangVien.Core.Domain;

/// <summary>
/// One sign-in on one device. The sign-in cookie carries the id; every request checks that the row is
/// still open, so signing out (which closes it) ends the cookie on the server, copies included.
/// </summary>
public sealed class UserSession
{
    /// <summary>Random, and only ever inside the encrypted cookie.</summary>
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Written at most every few minutes, not on every request.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The address the sign-in came from.</summary>
    public string? Address { get; set; }

    /// <summary>Set at sign-out; a closed session opens nothing.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
