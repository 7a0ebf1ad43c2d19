using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using DangVien.Web.Hosting;

namespace DangVien.Web.Endpoints.Api;

/// <summary>
/// Every error of <c>/api</c> as a JSON problem (RFC 9457), whoever produced it: a handler's own
/// <see cref="ApiProblems"/>, a parameter that does not bind (<c>?page=abc</c>), a method the route does not take, a
/// guard that answers 400 with no body, or an exception. Pages keep their HTML error and not-found pages.
/// </summary>
public static class ApiErrors
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>The status of a failed request: 503 while the database is away, the status of a bad request, else 500.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        _ when DatabaseAvailability.IsUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// A cookie challenge on an <c>/api</c> address no endpoint took (an unknown path) answers the status, written as a
    /// problem by <see cref="UseApiErrors"/>, instead of redirecting a program to the sign-in page.
    /// </summary>
    public static Func<RedirectContext<CookieAuthenticationOptions>, Task> StatusInsteadOfRedirect(Func<RedirectContext<CookieAuthenticationOptions>, Task> redirect, int status) =>
        context =>
        {
            if (!IsApi(context.HttpContext))
            {
                return redirect(context);
            }

            context.Response.StatusCode = status;
            return Task.CompletedTask;
        };

    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder api) => api
        .UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                var status = context.Features.Get<IExceptionHandlerFeature>()?.Error is { } error ? StatusOf(error) : StatusCodes.Status500InternalServerError;
                return WriteAsync(context, status);
            },
        })
        .UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = context => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode) });

    /// <summary>Writes the problem of a status, in the language the request asks for (this runs outside the localisation middleware).</summary>
    private static Task WriteAsync(HttpContext context, int status) => ApiLanguage.InLanguageOfAsync(context, () =>
    {
        var (title, detail) = status switch
        {
            StatusCodes.Status400BadRequest => ("Api.BadRequestTitle", UiText.Get("Api.BadParameter")),
            StatusCodes.Status401Unauthorized => ("Api.UnauthorizedTitle", UiText.Get("Api.Unauthorized")),
            StatusCodes.Status403Forbidden => ("Api.ForbiddenTitle", UiText.Get("Api.Forbidden")),
            StatusCodes.Status404NotFound => ("Api.NotFoundTitle", UiText.Get("Api.NotFound")),
            StatusCodes.Status405MethodNotAllowed => ("Api.MethodTitle", UiText.Format("Api.Method", context.Request.Method)),
            StatusCodes.Status413PayloadTooLarge => ("Api.TooLargeTitle", UiText.Get("Api.TooLarge")),
            StatusCodes.Status415UnsupportedMediaType => ("Api.MediaTypeTitle", UiText.Get("Api.MediaType")),
            StatusCodes.Status429TooManyRequests => ("Api.TooManyTitle", UiText.Get("Api.TooMany")),
            StatusCodes.Status503ServiceUnavailable => ("Api.UnavailableTitle", UiText.Get("Api.Unavailable")),
            >= 500 => ("Api.ErrorTitle", UiText.Get("Api.Error")),
            _ => ("Api.FailedTitle", UiText.Get("Api.Failed")),
        };
        return ApiProblems.WriteAsync(context, status, UiText.Get(title), detail);
    });
}
