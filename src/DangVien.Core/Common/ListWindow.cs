using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Common;

/// <summary>
/// The page of a list read from the database: how many rows the whole list has and which
/// <see cref="PageSize"/> of them are read. A page asked for beyond the last reads as the last one, below the first
/// as the first; an unpaged window (<see cref="Paged"/> false) holds every row on one page.
/// </summary>
public sealed record ListWindow(int Total, int Page, int PageSize, bool Paged)
{
    /// <summary>The pages there are (one for an empty list).</summary>
    public int PageCount => Paged ? Math.Max(1, (Total + PageSize - 1) / PageSize) : 1;

    public bool HasMore => Page < PageCount;

    /// <summary>The position (from 1) of the first row of the page; 0 when the list is empty.</summary>
    public int FirstRow => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    /// <summary>The position of the last row of the page.</summary>
    public int LastRow => Paged ? Math.Min(Total, Page * PageSize) : Total;

    /// <summary>
    /// Counts the rows of <paramref name="query"/> and places the page asked for (null: every row) among the pages
    /// of <paramref name="pageSize"/> rows.
    /// </summary>
    public static async Task<ListWindow> ReadAsync<T>(IQueryable<T> query, int? page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        if (page is not { } asked)
        {
            return new ListWindow(total, 1, Math.Max(total, 1), Paged: false);
        }

        var window = new ListWindow(total, 1, pageSize, Paged: true);
        return window with { Page = Math.Clamp(SupportedRange.Page(asked), 1, window.PageCount) };
    }

    /// <summary>The rows of the page, from a query already in its order.</summary>
    public IQueryable<T> Apply<T>(IOrderedQueryable<T> ordered) =>
        Paged ? ordered.Skip((Page - 1) * PageSize).Take(PageSize) : ordered;
}
