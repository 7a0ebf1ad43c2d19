namespace DangVien.Core.Domain;

/// <summary>
/// A personal token for the JSON API (<c>Authorization: Bearer …</c>): a request carrying it acts as
/// its user, with that user's scope. Only the SHA-256 hash of the token is stored; the token itself
/// is shown once, when it is created.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>What the user called it ("Báo cáo Excel của văn phòng").</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The token's first characters, for the user to recognise it in the list.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>Set when revoked; a revoked token is refused.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
