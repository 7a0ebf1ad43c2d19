using System.Security.Claims;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace DangVien.Web.Hosting;

/// <summary>
/// The cookie's side of <see cref="SignInService"/>'s sessions: the cookie carries its session's id, and
/// every request checks that the session is still open, so a cookie (or a copy of it) stops working the
/// moment its session is signed out.
/// </summary>
public static class UserSessions
{
    /// <summary>Claim carrying the session id.</summary>
    public const string SessionClaim = "dangvien:session";

    /// <summary>Signs the user in with a cookie bound to the session just opened.</summary>
    public static Task SignInAsync(SignInManager<AppUser> signInManager, AppUser user, bool persistent, Guid sessionId) =>
        signInManager.SignInWithClaimsAsync(user, persistent, [new Claim(SessionClaim, sessionId.ToString()), new Claim("amr", "pwd")]);

    /// <summary>Issues the cookie again from the user as stored (after a password change), in the same session.</summary>
    public static async Task RefreshAsync(SignInManager<AppUser> signInManager, HttpContext context, AppUser user)
    {
        var current = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var claims = current.Principal?.Claims.Where(c => c.Type is SessionClaim or "amr").ToList() ?? [];
        await signInManager.SignInWithClaimsAsync(user, current.Properties, claims);
    }

    /// <summary>The session of a signed-in principal, if it carries one.</summary>
    public static Guid? SessionOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>
    /// Cookie validation: the session must be open, then the security stamp is checked as usual. While the
    /// database is away, an endpoint open to everyone (health, static files) answers as to an anonymous
    /// request, the cookie kept; any other endpoint gets the 503 page.
    /// </summary>
    public static Func<CookieValidatePrincipalContext, Task> ValidateThen(Func<CookieValidatePrincipalContext, Task> next) => async context =>
    {
        bool open;
        try
        {
            open = context.Principal is { } principal
                && SessionOf(principal) is { } sessionId
                && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
                && await context.HttpContext.RequestServices.GetRequiredService<SignInService>()
                    .IsSessionOpenAsync(sessionId, userId, context.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (DatabaseAvailability.IsUnavailable(exception)
            && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            context.RejectPrincipal();
            return;
        }

        if (!open)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await next(context);
    };

    /// <summary>The security-stamp check builds the principal again from the database: keep the session claim.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionClaim) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionClaim, session.Value));
        }

        return Task.CompletedTask;
    }
}
