using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Reports;

/// <summary>
/// Frozen years (chốt số liệu, <see cref="YearlyReportService.FreezeAsync"/>): once a unit's year is frozen, nothing
/// dated inside that year may be written in the unit or below it — a step or its correction, a new or imported file,
/// a member's dates, a quota of that year — until an administrator unfreezes it. Every write path asks here, so the
/// frozen report stays what is recorded.
/// </summary>
public static class FrozenYears
{
    /// <summary>The refusal of a date inside a frozen year.</summary>
    public static string Message(int year) =>
        CoreText.Format("Reports.FrozenYear", year.ToString(CultureInfo.InvariantCulture));

    /// <summary>The years among <paramref name="years"/> frozen for unit <paramref name="unitId"/>: frozen at the unit or at a unit above it.</summary>
    public static async Task<IReadOnlyList<int>> FrozenAsync(DangVienDbContext db, int unitId, IEnumerable<int> years, CancellationToken cancellationToken)
    {
        var asked = years.Distinct().ToArray();
        return asked.Length == 0 ? [] : [.. (await AllFrozenAsync(db, unitId, cancellationToken)).Where(asked.Contains)];
    }

    /// <summary>Every year frozen for unit <paramref name="unitId"/> (at the unit or above it), in order: for a writer of many rows, read once per unit.</summary>
    public static async Task<IReadOnlyList<int>> AllFrozenAsync(DangVienDbContext db, int unitId, CancellationToken cancellationToken)
    {
        var paths = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).ToListAsync(cancellationToken);
        if (paths.Count == 0)
        {
            return [];
        }

        var path = paths[0];
        return await db.ReportSnapshots.AsNoTracking()
            .Where(s => db.OrgUnits.Any(u => u.Id == s.OrgUnitId && u.Path.IsAncestorOf(path)))
            .Select(s => s.Year).Distinct().OrderBy(y => y)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The error on <paramref name="field"/> when a date of <paramref name="days"/> lies in a year frozen for the unit; null otherwise.</summary>
    public static async Task<FieldError?> CheckAsync(
        DangVienDbContext db, int unitId, string field, IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        var dates = days.Where(d => d != default).ToArray();
        var frozen = await FrozenAsync(db, unitId, dates.Select(d => d.Year), cancellationToken);
        return frozen.Count == 0 ? null : new FieldError(field, Message(frozen[0]));
    }
}
