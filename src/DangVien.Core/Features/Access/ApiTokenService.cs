using System.Security.Cryptography;
using System.Text;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DangVien.Core.Features.Access;

/// <summary>A token as its owner sees it in the list (never the token itself).</summary>
public sealed record ApiTokenItem(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A token just created: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record NewApiToken(int Id, string Name, string Token);

/// <summary>
/// Personal API tokens: the signed-in user creates (shown once), lists and revokes their own; the API
/// authentication handler finds the user of a presented token. Tokens are 32 random bytes
/// (base64url, prefixed <c>dv_</c>); only their SHA-256 is stored, so a copy of the database gives
/// no usable token.
/// </summary>
public sealed class ApiTokenService(DangVienDbContext db, ICurrentUser user, TimeProvider time, ILogger<ApiTokenService> logger)
{
    public const string TokenPrefix = "dv_";
    public const int NameLength = 100;
    public const int MaxActiveTokens = 20;

    /// <summary>The last-used time is written at most this often per token (not on every request).</summary>
    private static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ApiTokenItem>> ListMineAsync(CancellationToken cancellationToken = default) =>
        user.UserId is not { } userId ? [] : await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenItem(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

    public async Task<Result<NewApiToken>> CreateAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } userId)
        {
            return Result<NewApiToken>.Fail("", Messages.NotAllowed);
        }

        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return Result<NewApiToken>.Fail("Name", CoreText.Get("Token.NameMissing"));
        }

        if (name.Length > NameLength)
        {
            return Result<NewApiToken>.Fail("Name", CoreText.Format("Token.NameTooLong", NameLength));
        }

        if (TextRules.Check(name, CoreText.Get("Token.NameLabel")) is { } textProblem)
        {
            return Result<NewApiToken>.Fail("Name", textProblem);
        }

        if (await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, cancellationToken) >= MaxActiveTokens)
        {
            return Result<NewApiToken>.Fail("Name", CoreText.Format("Token.TooMany", MaxActiveTokens));
        }

        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiToken
        {
            UserId = userId,
            Name = name,
            TokenHash = Hash(token),
            Prefix = token[..10],
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiTokens.Add(row);
        db.AuditEntries.Add(new AuditEntry { At = row.CreatedAt, UserName = user.Name, Action = "api-token.create", Subject = $"api-token:{row.Prefix}", Detail = name });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{UserName} created API token {TokenId}", user.Name, row.Id);
        return Result<NewApiToken>.Success(new NewApiToken(row.Id, row.Name, token));
    }

    /// <summary>Revokes one of the user's own tokens; another user's token reads as not found.</summary>
    public async Task<Result> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        var row = user.UserId is { } userId
            ? await db.ApiTokens.AsTracking().FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken)
            : null;
        if (row is null)
        {
            return Result.Fail("", CoreText.Get("Token.NotFound"));
        }

        if (row.RevokedAt is null)
        {
            row.RevokedAt = time.GetUtcNow();
            db.AuditEntries.Add(new AuditEntry { At = row.RevokedAt.Value, UserName = user.Name, Action = "api-token.revoke", Subject = $"api-token:{row.Prefix}", Detail = row.Name });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{UserName} revoked API token {TokenId}", user.Name, row.Id);
        }

        return Result.Success();
    }

    /// <summary>The user id of an active token, or null; records when it was last used (at most once a minute).</summary>
    public async Task<string?> FindUserAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.UserId, t.LastUsedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (found.LastUsedAt is null || now - found.LastUsedAt >= LastUsedGranularity)
        {
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return found.UserId;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
