using DangVien.Core.Common;
using DangVien.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Access;

/// <summary>Reads the audit log (who viewed or exported what, and account changes), for administrators only.</summary>
public sealed class AuditLogService(DangVienDbContext db, CurrentAccess access)
{
    /// <summary>Lines on one page.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// One page of the log, newest first; null when the caller is not an administrator. The user-name
    /// filter matches any part of the name, case ignored; the subject filter matches a subject
    /// (<c>candidate:42</c>) or a kind of subject (<c>candidate</c> finds every <c>candidate:…</c>).
    /// </summary>
    public async Task<AuditPage?> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        if (!(await access.GetScopeAsync(cancellationToken)).SeesEverything)
        {
            return null;
        }

        var page = SupportedRange.Page(query.Page);
        var entries = db.AuditEntries.AsNoTracking();
        if (query.UserName?.Trim() is { Length: > 0 } userName)
        {
            var pattern = "%" + EscapeLike(userName) + "%";
            entries = entries.Where(a => EF.Functions.ILike(a.UserName, pattern, "\\"));
        }

        if (query.Subject?.Trim() is { Length: > 0 } subject)
        {
            var prefix = subject.TrimEnd(':') + ":";
            entries = entries.Where(a => a.Subject == subject || a.Subject.StartsWith(prefix));
        }

        var rows = await entries
            .OrderByDescending(a => a.At)
            .ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(a => new AuditLine(a.Id, a.At, a.UserName, a.Action, a.Subject, a.Detail))
            .ToListAsync(cancellationToken);
        return new AuditPage([.. rows.Take(PageSize)], page, rows.Count > PageSize);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
