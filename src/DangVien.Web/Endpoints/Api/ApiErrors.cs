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

    private static Task WriteAsync(HttpContext context, int status)
    {
        var (title, detail) = status switch
        {
            StatusCodes.Status400BadRequest => ("Yêu cầu không hợp lệ", "Một tham số của yêu cầu không đọc được (ví dụ chữ ở chỗ cần một số). Xem docs/API.md."),
            StatusCodes.Status401Unauthorized => ("Chưa xác thực", "Cần đăng nhập hoặc gửi mã truy cập cá nhân trong tiêu đề Authorization: Bearer …."),
            StatusCodes.Status403Forbidden => ("Không có quyền", "Bạn không có quyền thực hiện thao tác này."),
            StatusCodes.Status404NotFound => ("Không tìm thấy", "Không tìm thấy, hoặc bạn không có quyền xem."),
            StatusCodes.Status405MethodNotAllowed => ("Phương thức không được hỗ trợ", "Địa chỉ này không nhận phương thức " + context.Request.Method + "."),
            StatusCodes.Status413PayloadTooLarge => ("Yêu cầu quá lớn", "Nội dung gửi lên vượt quá giới hạn cho phép."),
            StatusCodes.Status415UnsupportedMediaType => ("Kiểu nội dung không được hỗ trợ", "Kiểu nội dung (Content-Type) của yêu cầu không được hỗ trợ."),
            StatusCodes.Status429TooManyRequests => ("Quá nhiều yêu cầu", "Bạn gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau."),
            StatusCodes.Status503ServiceUnavailable => ("Hệ thống tạm thời gián đoạn", "Cơ sở dữ liệu không phản hồi. Vui lòng thử lại sau ít phút."),
            >= 500 => ("Đã xảy ra lỗi", "Đã xảy ra lỗi trong hệ thống; lỗi đã được ghi lại."),
            _ => ("Yêu cầu không thực hiện được", "Yêu cầu không thực hiện được."),
        };
        return ApiProblems.WriteAsync(context, status, title, detail);
    }
}
