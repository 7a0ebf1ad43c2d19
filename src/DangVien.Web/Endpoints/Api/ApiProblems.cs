using Microsoft.AspNetCore.Mvc;

namespace DangVien.Web.Endpoints.Api;

/// <summary>Errors of the JSON API as RFC 9457 problem details, in Vietnamese.</summary>
public static class ApiProblems
{
    public static IResult NotFound(string detail = "Không tìm thấy, hoặc bạn không có quyền xem.") =>
        Problem(StatusCodes.Status404NotFound, "Không tìm thấy", detail);

    public static IResult BadRequest(string detail, IDictionary<string, string[]>? errors = null) =>
        errors is null
            ? Problem(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", detail)
            : TypedResults.ValidationProblem(errors, detail, title: "Yêu cầu không hợp lệ");

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Không có quyền", detail);

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>Writes a problem directly (authentication handlers, which run before any endpoint).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail },
            (System.Text.Json.JsonSerializerOptions?)null,
            "application/problem+json",
            context.RequestAborted);
    }
}
