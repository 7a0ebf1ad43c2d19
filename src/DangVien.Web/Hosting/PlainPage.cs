using System.Globalization;
using System.Text.Encodings.Web;

namespace DangVien.Web.Hosting;

/// <summary>
/// A short page written by a middleware before any component runs (a refused query, too many sign-ins): the site's
/// stylesheet, a title, the message and one link, readable at 360 px and with JavaScript off.
/// </summary>
public static class PlainPage
{
    public static Task WriteAsync(HttpContext context, int status, string title, string message, string linkHref, string linkText)
    {
        // The app's encoder (Vietnamese as UTF-8), not HtmlEncoder.Default, which writes every letter outside ASCII as a reference.
        var encode = context.RequestServices.GetRequiredService<HtmlEncoder>();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">"
            + $"<link rel=\"stylesheet\" href=\"/css/site.css\"><title>{encode.Encode(title)} — DangVien</title></head>"
            + $"<body><main class=\"app-main\"><div class=\"narrow\"><h1>{encode.Encode(title)}</h1>"
            + $"<p class=\"form-error\" role=\"alert\">{encode.Encode(message)}</p>"
            + $"<p><a class=\"button\" href=\"{encode.Encode(linkHref)}\">{encode.Encode(linkText)}</a></p></div></main></body></html>",
            context.RequestAborted);
    }
}
