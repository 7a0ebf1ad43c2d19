using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace DangVien.Web.Endpoints.Api;

/// <summary>
/// The language of the API's messages: a program says which it reads in <c>Accept-Language</c>, not in the pages'
/// language cookie. English when the most wanted language the app has is English (<c>en</c>, <c>en-GB</c>, …),
/// Vietnamese otherwise (no header, <c>vi</c>, <c>fr</c>). Numbers and dates stay vi-VN, as on the pages.
/// </summary>
public sealed class ApiLanguage : RequestCultureProvider
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The interface culture an <c>/api</c> request asks for.</summary>
    public static CultureInfo UiCultureOf(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
        {
            return DependencyInjection.Vietnamese;
        }

        var wanted = languages
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => IsLanguage(l, "en") || IsLanguage(l, "vi"));
        return wanted is not null && IsLanguage(wanted, "en") ? English : DependencyInjection.Vietnamese;
    }

    /// <summary>Runs <paramref name="write"/> in the request's API language (for the error writers outside the localisation middleware).</summary>
    public static async Task InLanguageOfAsync(HttpContext context, Func<Task> write)
    {
        var ui = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = UiCultureOf(context.Request);
        try
        {
            await write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(ApiErrors.IsApi(httpContext)
            ? new ProviderCultureResult(DependencyInjection.Vietnamese.Name, UiCultureOf(httpContext.Request).Name)
            : NullProviderCultureResult.Result);

    private static bool IsLanguage(string tag, string language) =>
        tag.Equals(language, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase);
}
