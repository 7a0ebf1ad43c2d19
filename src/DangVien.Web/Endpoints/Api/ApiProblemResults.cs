using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace DangVien.Web.Endpoints.Api;

/// <summary>
/// A problem of the API as a typed result: written as <c>application/problem+json</c> (which
/// <c>NotFound&lt;ProblemDetails&gt;</c> and its kin do not do) and described in the OpenAPI document with its status and
/// the <see cref="ProblemDetails"/> schema, through the <see cref="IEndpointMetadataProvider"/> of each subclass.
/// </summary>
public abstract class ApiProblemResult(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    public const string MediaType = "application/problem+json";

    public ProblemDetails Value => problem;

    object? IValueHttpResult.Value => problem;

    public int? StatusCode => problem.Status;

    public string ContentType => MediaType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return httpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, MediaType, httpContext.RequestAborted);
    }

    protected static void Describe(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [MediaType]));
}

/// <summary>400: a parameter the API cannot use (a year outside the supported range, an id that no record can have).</summary>
public sealed class BadRequestProblem(ProblemDetails problem) : ApiProblemResult(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status400BadRequest);
}

/// <summary>403: the user may not do this (or wrote with the cookie, where a token is needed).</summary>
public sealed class ForbiddenProblem(ProblemDetails problem) : ApiProblemResult(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status403Forbidden);
}

/// <summary>404: no such record, or one outside the user's scope (never told apart).</summary>
public sealed class NotFoundProblem(ProblemDetails problem) : ApiProblemResult(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>409: the record changed since the caller read its version.</summary>
public sealed class ConflictProblem(ProblemDetails problem) : ApiProblemResult(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status409Conflict);
}
