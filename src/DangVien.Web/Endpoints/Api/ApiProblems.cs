using DangVien.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DangVien.Web.Endpoints.Api;

/// <summary>
/// Errors of the JSON API as RFC 9457 problem details, in the caller's language (<see cref="ApiLanguage"/>, texts
/// of <c>UiText</c>; Core's messages come in the same language from <c>CoreText</c>). Each helper is a typed result
/// (<see cref="ApiProblemResult"/>), so an endpoint's <c>Results&lt;…&gt;</c> tells the OpenAPI document its error
/// responses and their schema.
/// </summary>
public static class ApiProblems
{
    public static NotFoundProblem NotFound(string? detail = null) =>
        new(Details(StatusCodes.Status404NotFound, UiText.Get("Api.NotFoundTitle"), detail ?? UiText.Get("Api.NotFound")));

    public static BadRequestProblem BadRequest(string detail) =>
        new(Details(StatusCodes.Status400BadRequest, UiText.Get("Api.BadRequestTitle"), detail));

    /// <summary>A 400 naming the fields to fix (<c>errors</c>: field → messages), as the pages show them next to each field.</summary>
    public static ValidationProblem Invalid(string detail, IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail,
            title: UiText.Get("Api.BadRequestTitle"));

    public static ConflictProblem Conflict(string detail) =>
        new(Details(StatusCodes.Status409Conflict, UiText.Get("Api.ConflictTitle"), detail));

    public static ForbiddenProblem Forbidden(string detail) => new(Details(StatusCodes.Status403Forbidden, UiText.Get("Api.ForbiddenTitle"), detail));

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>A 400 for an id that no record can have (zero or negative); null when the id is one.</summary>
    public static BadRequestProblem? BadId(int id, string name = "id") =>
        id > 0 ? null : BadRequest(UiText.Format("Api.IdNotPositive", name));

    /// <summary>A 400 for a year outside <see cref="SupportedRange"/>; null when the year is supported.</summary>
    public static BadRequestProblem? BadYear(int year) =>
        SupportedRange.IsYear(year) ? null : BadRequest(SupportedRange.YearMessage);

    /// <summary>Writes a problem directly (authentication handlers and error pages, which run outside any endpoint).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail },
            (System.Text.Json.JsonSerializerOptions?)null,
            "application/problem+json",
            context.RequestAborted);
    }

    private static ProblemDetails Details(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}
