using DangVien.Core.Common;
using DangVien.Core.Data.Reference;
using DangVien.Core.Features.Categories;
using DangVien.Core.Features.Quotas;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DangVien.Web.Endpoints.Api;

/// <summary>A source category: its code (as imports and quota targets name it) and its name in the caller's language.</summary>
public sealed record ApiCategory(int Id, string Code, string Name, int SortOrder, bool IsActive);

/// <summary>
/// One child unit's quota to write. <see cref="ExpectedVersion"/>: the <c>quota.version</c> read from the sheet (null
/// when the child had none), so a quota someone else changed meanwhile is a 409 rather than overwritten.
/// <see cref="Targets"/>: per-category targets; a null target removes that category's target, categories not named keep theirs.
/// </summary>
public sealed record ApiChildQuota(int UnitId, int? Total, uint? ExpectedVersion, IReadOnlyList<CategoryTargetInput>? Targets);

/// <summary>The own quota of a top unit (the province), set by an administrator.</summary>
public sealed record ApiOwnQuota(int? Total, uint? ExpectedVersion, IReadOnlyList<CategoryTargetInput>? Targets);

/// <summary>What a <c>PUT</c> of quotas sends: either the children's quotas or the own quota of a top unit.</summary>
public sealed record ApiQuotaWrite(IReadOnlyList<ApiChildQuota?>? Children, ApiOwnQuota? Own);

/// <summary>The quotas written: how many were created or changed, and the sheet as it now stands (with the new versions).</summary>
public sealed record ApiQuotaSaved(int Changed, QuotaSheet Sheet);

/// <summary>
/// Quotas and categories over the JSON API, through the same <see cref="QuotaService"/> the quota page calls: the
/// same scope (a unit outside it is 404), validator, rules, versions (409 on a conflict) and audit entries. A write
/// needs the personal token, as the import does: a browser's cookie alone cannot write.
/// </summary>
public static class ApiQuotas
{
    public static async Task<Results<Ok<QuotaSheet>, NotFoundProblem, BadRequestProblem>> GetAsync(
        QuotaService quotas, int id, int year, CancellationToken cancellationToken)
    {
        if ((ApiProblems.BadId(id) ?? ApiProblems.BadYear(year)) is { } bad)
        {
            return bad;
        }

        return await quotas.GetQuotaSheetAsync(id, year, cancellationToken) is { } sheet ? TypedResults.Ok(sheet) : ApiProblems.NotFound();
    }

    public static async Task<Results<Ok<ApiQuotaSaved>, ValidationProblem, BadRequestProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> PutAsync(
        HttpContext context, QuotaService quotas, int id, int year, ApiQuotaWrite? body, CancellationToken cancellationToken)
    {
        if (!ApiAuthentication.IsTokenAuthenticated(context))
        {
            return ApiProblems.Forbidden(UiText.Get("Api.WriteNeedsToken"));
        }

        if ((ApiProblems.BadId(id) ?? ApiProblems.BadYear(year)) is { } bad)
        {
            return bad;
        }

        if (body is null || (body.Children is null && body.Own is null) || body.Children?.Any(c => c is null) == true)
        {
            return ApiProblems.BadRequest(UiText.Get("Api.QuotaBody"));
        }

        if (body.Children is not null && body.Own is not null)
        {
            return ApiProblems.BadRequest(UiText.Get("Api.QuotaOwnOrChildren"));
        }

        var result = body.Own is { } own
            ? await quotas.AssignTopQuotaAsync(id, year, new ChildQuotaInput(id, own.Total, own.ExpectedVersion, own.Targets ?? []), cancellationToken)
            : await quotas.AssignAsync(
                new AssignQuotasRequest(id, year, [.. body.Children!.Select(c => new ChildQuotaInput(c!.UnitId, c.Total, c.ExpectedVersion, c.Targets ?? []))]),
                cancellationToken);
        if (result.Succeeded)
        {
            var sheet = await quotas.GetQuotaSheetAsync(id, year, cancellationToken);
            return TypedResults.Ok(new ApiQuotaSaved(result.Value, sheet!));
        }

        if (result.IsConflict)
        {
            return ApiProblems.Conflict(Messages.RecordChanged);
        }

        // The unit of the address outside the user's scope (or absent): not found, as on a read.
        if (result.Errors.Any(e => e.Field == nameof(AssignQuotasRequest.UnitId)))
        {
            return ApiProblems.NotFound();
        }

        if (result.Errors.Any(e => e.Field.Length == 0 && e.Message == Messages.NotAllowed))
        {
            return ApiProblems.Forbidden(Messages.NotAllowed);
        }

        return ApiProblems.Invalid(UiText.Get("Api.QuotaRefused"), result.Errors);
    }

    public static async Task<Ok<IReadOnlyList<ApiCategory>>> ListCategoriesAsync(SourceCategoryService categories, CancellationToken cancellationToken)
    {
        var list = await categories.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApiCategory>>(
            [.. list.Select(c => new ApiCategory(c.Id, c.Code, DefaultSourceCategories.Shown(c.Code, c.Name), c.SortOrder, c.IsActive))]);
    }
}
