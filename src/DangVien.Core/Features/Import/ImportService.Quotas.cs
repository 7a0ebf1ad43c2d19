using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Import;

public sealed partial class ImportService
{
    private static readonly Dictionary<string, string> QuotaColumns = new(StringComparer.Ordinal)
    {
        [nameof(AssignQuotasRequest.UnitId)] = "ma_don_vi",
        [nameof(AssignQuotasRequest.Year)] = "nam",
        [nameof(ChildQuotaInput.Total)] = "chi_tieu",
        [nameof(ChildQuotaInput.Targets)] = "chi_tieu_theo_doi_tuong",
    };

    /// <summary>A quota to write: the unit, the unit that assigns it (none for a top unit), the year and the row as the quota form sends it.</summary>
    private sealed record NewQuota(int? AssignedBy, int Year, ChildQuotaInput Quota);

    /// <summary>
    /// Quotas per unit and year, total and by category. The unit is looked up inside the user's scope (one outside reads
    /// as not found) and must be one the user may assign a quota to (<see cref="AccessScope.CanAssignQuota"/>); each row is
    /// the quota form's row (<see cref="AssignQuotasRequestValidator"/>) and is written by
    /// <see cref="QuotaService.AssignAsync"/> (or <see cref="QuotaService.AssignTopQuotaAsync"/> for a top unit) against
    /// the version read here. A row equal to the stored quota was imported before; one that differs changes it.
    /// </summary>
    private async Task<ImportPlan> PlanQuotasAsync(ImportTable table, AccessScope scope, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var units = await UnitsByCodeAsync(table.Rows.Select(r => r["ma_don_vi"]), cancellationToken);
        var unitIds = units.Values.Select(u => u.Id).ToList();
        var stored = await db.Quotas.AsNoTracking().Include(q => q.CategoryTargets)
            .Where(q => unitIds.Contains(q.OrgUnitId))
            .ToDictionaryAsync(q => (q.OrgUnitId, q.Year), cancellationToken);
        var categories = await db.SourceCategories.AsNoTracking()
            .ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var validator = validators.For<AssignQuotasRequest>();
        var seen = new Dictionary<(int, int), int>();
        var planned = new List<NewQuota>();
        var existing = 0;
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var values = new ImportValues(row, errors);
            var unit = QuotaUnit(values, values.Text("ma_don_vi", required: true), units, scope);
            var year = values.Number("nam", required: true);
            var total = values.Number("chi_tieu", required: true);
            var targets = QuotaTargets(values, categories);
            var quota = new ChildQuotaInput(unit?.Id ?? 0, total, null, targets);
            var found = validator.Validate(new AssignQuotasRequest(unit?.ParentId ?? unit?.Id ?? 0, year ?? 0, [quota])).Errors
                .Select(e => new FieldError(QuotaField(e.PropertyName), e.ErrorMessage));
            ReportOnce(values, before, errors, QuotaColumns, found, "chi_tieu");
            if (unit is null || year is not { } y || errors.Count > before)
            {
                continue;
            }

            if (seen.TryGetValue((unit.Id, y), out var earlier))
            {
                values.Error("ma_don_vi", CoreText.Format("Import.DuplicateQuota", unit.Code, y.ToString(CultureInfo.InvariantCulture), earlier));
                continue;
            }

            seen[(unit.Id, y)] = row.Number;
            if ((await FrozenYears.FrozenAsync(db, unit.Id, [y], cancellationToken)).Count > 0)
            {
                values.Error("nam", FrozenYears.Message(y));
                continue;
            }

            if (stored.TryGetValue((unit.Id, y), out var current))
            {
                if (!QuotaService.Changes(current, total!.Value, targets))
                {
                    existing++;
                    continue;
                }

                quota = quota with { ExpectedVersion = current.Version };
            }

            planned.Add(new NewQuota(unit.ParentId, y, quota));
        }

        return new ImportPlan(errors, existing, planned.Count, async (_, ct) =>
        {
            foreach (var group in planned.GroupBy(p => (p.AssignedBy, p.Year)))
            {
                if (group.Key.AssignedBy is { } parentId)
                {
                    ThrowUnlessWritten(await quotas.AssignAsync(new AssignQuotasRequest(parentId, group.Key.Year, [.. group.Select(p => p.Quota)]), ct));
                    continue;
                }

                foreach (var top in group)
                {
                    ThrowUnlessWritten(await quotas.AssignTopQuotaAsync(top.Quota.UnitId, top.Year, top.Quota, ct));
                }
            }

            return planned.Count;
        });
    }

    /// <summary>The unit of a quota row: inside the user's scope (otherwise not found) and one the user may assign a quota to.</summary>
    private static UnitInfo? QuotaUnit(ImportValues values, string? code, Dictionary<string, UnitInfo> units, AccessScope scope)
    {
        if (code is null)
        {
            return null;
        }

        if (!units.TryGetValue(code, out var unit) || !scope.CanRead(unit.Path))
        {
            values.Error("ma_don_vi", CoreText.Format("Import.UnitNotFound", code));
            return null;
        }

        if (!scope.CanAssignQuota(unit.Path, unit.ParentId))
        {
            values.Error("ma_don_vi", $"{unit.Name}: {Messages.NotAllowed}");
            return null;
        }

        return unit;
    }

    /// <summary>The targets of <c>chi_tieu_theo_doi_tuong</c>: <c>code:number</c> pairs separated by <c>;</c>, each code a source category.</summary>
    private static List<CategoryTargetInput> QuotaTargets(ImportValues values, Dictionary<string, int> categories)
    {
        var targets = new List<CategoryTargetInput>();
        foreach (var pair in (values.Text("chi_tieu_theo_doi_tuong") ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var target))
            {
                values.Error("chi_tieu_theo_doi_tuong", CoreText.Format("Import.QuotaTargetShape", pair));
            }
            else if (!categories.TryGetValue(parts[0], out var categoryId))
            {
                values.Error("chi_tieu_theo_doi_tuong", CoreText.Format("Import.UnknownCategory", parts[0]));
            }
            else
            {
                targets.Add(new CategoryTargetInput(categoryId, target));
            }
        }

        return targets;
    }

    /// <summary>The request field of a quota validator's error: <c>Children[0].Targets[1]</c> is the targets column.</summary>
    private static string QuotaField(string property)
    {
        var field = property.StartsWith("Children[0].", StringComparison.Ordinal) ? property["Children[0].".Length..] : property;
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? field : field[..bracket];
    }
}
