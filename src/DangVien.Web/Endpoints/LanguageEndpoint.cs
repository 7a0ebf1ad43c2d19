using DangVien.Web.Hosting;
using Microsoft.AspNetCore.Localization;

namespace DangVien.Web.Endpoints;

/// <summary>
/// <c>GET /language?ui=en&amp;returnUrl=/candidates</c>: a plain link in the layout (no script) that
/// stores the interface language in a cookie and goes back. Formatting stays vi-VN (dd/MM/yyyy, 1.234,5)
/// whatever the language.
/// </summary>
public static class LanguageEndpoint
{
    public const string CookieName = ".dangvien.language";

    public static IResult Switch(HttpContext context, string? ui, string? returnUrl)
    {
        var language = UiText.Languages.Contains(ui) ? ui! : UiText.Languages[0];
        context.Response.Cookies.Append(
            CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(DependencyInjection.Vietnamese, language == "vi" ? DependencyInjection.Vietnamese : new(language))),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }
}
