using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Categories;

/// <summary>
/// The province's source categories (đối tượng nguồn): administrators and the province's own staff (the provincial board
/// or committee staff of a top unit) add, rename, retire and restore them. Codes are unique whatever their case (imports
/// match them so); a retired category stays on the files and in the reports that name it and is no longer offered for new
/// candidates nor accepted from an import.
/// </summary>
public sealed class SourceCategoryService(
    DangVienDbContext db,
    CurrentAccess access,
    IValidator<AddSourceCategoryRequest> addValidator,
    IValidator<RenameSourceCategoryRequest> renameValidator)
{
    public static string NotAllowed => CoreText.Get("Categories.NotAllowed");

    public static string Changed => CoreText.Get("Categories.Changed");

    public static string NotFound => CoreText.Get("Categories.NotFound");

    /// <summary>Whether the user may edit the list: an administrator, or the provincial board or committee staff of a top unit.</summary>
    public async Task<bool> CanManageAsync(CancellationToken cancellationToken = default)
    {
        var scope = await access.GetScopeAsync(cancellationToken);
        if (scope.SeesEverything)
        {
            return true;
        }

        var units = scope.Grants.Where(g => g.Role is AccessRole.ProvincialBoard or AccessRole.CommitteeStaff).Select(g => g.UnitId).ToList();
        return units.Count > 0 && await db.OrgUnits.AnyAsync(u => units.Contains(u.Id) && u.ParentId == null, cancellationToken);
    }

    /// <summary>Every category, retired ones too, in display order, with the number of files that name it.</summary>
    public async Task<IReadOnlyList<SourceCategoryItem>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.SourceCategories.AsNoTracking()
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new SourceCategoryItem(s.Id, s.Code, s.Name, s.SortOrder, s.IsActive,
                db.CandidateCategories.Count(k => k.SourceCategoryId == s.Id), s.Version))
            .ToListAsync(cancellationToken);

    /// <summary>Adds a category at the end of the list. Fails on <c>Code</c> when the code is taken (whatever its case).</summary>
    public async Task<Result<int>> AddAsync(AddSourceCategoryRequest request, CancellationToken cancellationToken = default)
    {
        if (!await CanManageAsync(cancellationToken))
        {
            return Result<int>.Fail("", NotAllowed);
        }

        // Every message in one pass: a taken code is named even when the name is missing too.
        var errors = addValidator.Errors(request).ToList();
        var code = request.Code?.Trim() ?? "";
        var lower = code.ToLowerInvariant();
        if (errors.All(e => e.Field != nameof(request.Code)) && await db.SourceCategories.AnyAsync(s => s.Code.ToLower() == lower, cancellationToken))
        {
            errors.Insert(0, new FieldError(nameof(request.Code), CoreText.Format("Categories.CodeTaken", code)));
        }

        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        var order = await db.SourceCategories.MaxAsync(s => (int?)s.SortOrder, cancellationToken) ?? 0;
        var category = new SourceCategory { Code = code, Name = request.Name!.Trim(), SortOrder = order + 1 };
        db.SourceCategories.Add(category);
        await access.AuditAsync(AuditActions.CategoryAdd, AuditActions.CategorySubject(code), category.Name, save: false, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same code added at the same moment by someone else: the unique index refuses it.
            db.ChangeTracker.Clear();
            return Result<int>.Fail(nameof(request.Code), CoreText.Format("Categories.CodeTaken", code));
        }

        return Result<int>.Success(category.Id);
    }

    /// <summary>Renames a category; the code stays. <paramref name="expectedVersion"/> is the version the user saw.</summary>
    public async Task<Result> RenameAsync(RenameSourceCategoryRequest request, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        if (renameValidator.Errors(request) is { Count: > 0 } invalid)
        {
            return await CanManageAsync(cancellationToken) ? Result.Fail(invalid) : Result.Fail("", NotAllowed);
        }

        return await ChangeAsync(request.Id, expectedVersion, AuditActions.CategoryRename, category =>
        {
            var name = request.Name!.Trim();
            var detail = $"{category.Name} → {name}";
            category.Name = name;
            return detail;
        }, cancellationToken);
    }

    /// <summary>Retires a category (<paramref name="active"/> false) or restores it.</summary>
    public Task<Result> SetActiveAsync(int id, bool active, uint expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, active ? AuditActions.CategoryRestore : AuditActions.CategoryRetire, category =>
        {
            category.IsActive = active;
            return category.Name;
        }, cancellationToken);

    private async Task<Result> ChangeAsync(int id, uint expectedVersion, string action, Func<SourceCategory, string> change, CancellationToken cancellationToken)
    {
        if (!await CanManageAsync(cancellationToken))
        {
            return Result.Fail("", NotAllowed);
        }

        var category = await db.SourceCategories.AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (category is null)
        {
            return Result.Fail("", NotFound);
        }

        if (category.Version != expectedVersion)
        {
            return Result.Fail(Result.ConflictField, Changed);
        }

        var detail = change(category);
        await access.AuditAsync(action, AuditActions.CategorySubject(category.Code), detail, save: false, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Fail(Result.ConflictField, Changed);
        }

        return Result.Success();
    }
}
