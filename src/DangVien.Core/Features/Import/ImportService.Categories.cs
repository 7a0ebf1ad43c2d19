using DangVien.Core.Common;
using DangVien.Core.Features.Categories;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Import;

public sealed partial class ImportService
{
    private static readonly Dictionary<string, string> CategoryColumns = new(StringComparer.Ordinal)
    {
        [nameof(AddSourceCategoryRequest.Code)] = "ma_doi_tuong",
        [nameof(AddSourceCategoryRequest.Name)] = "ten_doi_tuong",
    };

    /// <summary>
    /// Source categories, for those who may edit the list (<see cref="SourceCategoryService.CanManageAsync"/>, checked before
    /// the file is read). Each row is the add form's request (<see cref="AddSourceCategoryRequestValidator"/>) written by
    /// <see cref="SourceCategoryService.AddAsync"/>; a code already in the list, whatever its case and retired or not, was
    /// imported before.
    /// </summary>
    private async Task<ImportPlan> PlanCategoriesAsync(ImportTable table, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var known = (await db.SourceCategories.AsNoTracking().Select(s => s.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var validator = validators.For<AddSourceCategoryRequest>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var planned = new List<AddSourceCategoryRequest>();
        var existing = 0;
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var values = new ImportValues(row, errors);
            var request = new AddSourceCategoryRequest(values.Text("ma_doi_tuong", required: true), values.Text("ten_doi_tuong", required: true));
            ReportOnce(values, before, errors, CategoryColumns,
                validator.Validate(request).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)), "ma_doi_tuong");
            if (request.Code is not { } code)
            {
                continue;
            }

            if (seen.TryGetValue(code, out var earlier))
            {
                values.Error("ma_doi_tuong", CoreText.Format("Import.DuplicateCode", code, earlier));
                continue;
            }

            seen[code] = row.Number;
            if (errors.Count > before)
            {
                continue;
            }

            if (known.Contains(code))
            {
                existing++;
                continue;
            }

            planned.Add(request);
        }

        return new ImportPlan(errors, existing, planned.Count, async (_, ct) =>
        {
            foreach (var request in planned)
            {
                ThrowUnlessWritten(await categoryService.AddAsync(request, ct));
            }

            return planned.Count;
        });
    }
}
