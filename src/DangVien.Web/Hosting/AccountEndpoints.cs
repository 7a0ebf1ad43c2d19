using DangVien.Core.Domain;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace DangVien.Web.Hosting;

/// <summary>Sign-out: a POST with the antiforgery token (a form in the layout), then the sign-in page.</summary>
public static class AccountEndpoints
{
    public static async Task<IResult> LogoutAsync(SignInManager<AppUser> signInManager, IAntiforgery antiforgery, ILoggerFactory loggers, HttpContext context)
    {
        // The antiforgery middleware only records its verdict; an endpoint without form binding must act on it.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var name = context.User.Identity?.Name;
        await signInManager.SignOutAsync();
        loggers.CreateLogger(typeof(AccountEndpoints)).LogInformation("User {UserName} signed out", name);
        return TypedResults.LocalRedirect("/account/login");
    }
}
