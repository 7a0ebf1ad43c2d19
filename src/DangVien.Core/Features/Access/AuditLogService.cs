using DangVien.Core.Common;
using DangVien.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Access;

/// <summary>Reads the audit log (who viewed or exported what, and account changes), for administrators only.</summary>
public sealed class AuditLogService(DangVienDbContext db, CurrentAccess access)
{
    /// <summary>Lines on one page.</summary>
    public const int PageSize = 50;

    /// <summary>Why the days of a date filter cannot be read together; null when they can.</summary>
    public static string? RangeMessage(DateOnly? from, DateOnly? to) =>
        from is { } first && to is { } last && last < first ? CoreText.Format("Audit.UntilBeforeSince", first.Display()) : null;

    /// <summary>Why an action filter is not one of the log's actions; null when it is (or is empty).</summary>
    public static string? ActionMessage(string? action) =>
        action?.Trim() is { Length: > 0 } code && !AuditActions.All.Contains(code, StringComparer.Ordinal) ? CoreText.Get("Audit.UnknownAction") : null;

    /// <summary>
    /// One page of the log, newest first, with how many lines match; null when the caller is not an administrator. The
    /// user-name filter matches any part of the name, case ignored; the subject filter matches a subject
    /// (<c>candidate:42</c>) or a kind of subject (<c>candidate</c> finds every <c>candidate:…</c>); the days (in Vietnam)
    /// include both ends, a reversed range (<see cref="RangeMessage"/>) leaves out the last day; an action not in
    /// <see cref="AuditActions.All"/> is left out (<see cref="ActionMessage"/>). A page past the last reads as the last.
    /// </summary>
    public async Task<AuditPage?> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        if (!(await access.GetScopeAsync(cancellationToken)).SeesEverything)
        {
            return null;
        }

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

        if (query.Action?.Trim() is { Length: > 0 } action && ActionMessage(action) is null)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (query.From is { } from)
        {
            var start = VietnamTime.StartOf(from);
            entries = entries.Where(a => a.At >= start);
        }

        if (query.To is { } to && RangeMessage(query.From, to) is null && to < DateOnly.MaxValue)
        {
            var end = VietnamTime.StartOf(to.AddDays(1));
            entries = entries.Where(a => a.At < end);
        }

        var window = await ListWindow.ReadAsync(entries, query.Page, PageSize, cancellationToken);
        var rows = await window.Apply(entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id))
            .Select(a => new AuditLine(a.Id, a.At, a.UserName, a.Action, a.Subject, a.Detail))
            .ToListAsync(cancellationToken);
        return new AuditPage(rows, window);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
