using Serilog.Context;

namespace DangVien.Web.Hosting;

/// <summary>
/// Every log event of a request carries its correlation id (the caller's X-Correlation-Id, or the request's trace
/// identifier), echoed in the response, and — once the cookie or token is read — the signed-in user's name.
/// </summary>
public static class Correlation
{
    public const string HeaderName = "X-Correlation-Id";
    public const string PropertyName = "CorrelationId";
    public const string UserProperty = "UserName";

    /// <summary>Before the request logging: sets the id and pushes it into the log context.</summary>
    public static async Task PushIdAsync(HttpContext context, RequestDelegate next)
    {
        var correlationId = context.Request.Headers[HeaderName].FirstOrDefault() is { Length: > 0 and <= 64 } incoming
            ? incoming
            : context.TraceIdentifier;
        context.TraceIdentifier = correlationId;
        context.Response.OnStarting(() =>
        {
            // Set when the response starts, so the error page (which clears headers) still carries it.
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty(PropertyName, correlationId))
        {
            await next(context);
        }
    }

    /// <summary>After authentication: pushes the user's name into the log context of the rest of the request.</summary>
    public static async Task PushUserAsync(HttpContext context, RequestDelegate next)
    {
        if (UserName(context) is not { } name)
        {
            await next(context);
            return;
        }

        using (LogContext.PushProperty(UserProperty, name))
        {
            await next(context);
        }
    }

    /// <summary>The signed-in user's name, or null for an anonymous request.</summary>
    public static string? UserName(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
}
