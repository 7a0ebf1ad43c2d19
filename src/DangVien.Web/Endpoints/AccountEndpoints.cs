using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace DangVien.Web.Endpoints;

/// <summary>Sign-out: a POST with the antiforgery token (a form in the layout) ends the session, then the sign-in page.</summary>
public static class AccountEndpoints
{
    public static async Task<IResult> LogoutAsync(SignInManager<AppUser> signInManager, SignInService signIns, IAntiforgery antiforgery, HttpContext context)
    {
        // The antiforgery middleware only records its verdict; an endpoint without form binding must act on it.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        // The session ends on the server: the cookie, and any copy of it, opens nothing from now on.
        if (context.User.Identity?.Name is { } name)
        {
            await signIns.EndSessionAsync(UserSessions.SessionOf(context.User), name, SignInLimits.AddressOf(context), context.RequestAborted);
        }

        await signInManager.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }
}
