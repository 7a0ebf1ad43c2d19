using System.Security.Claims;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DangVien.Web.Hosting;

/// <summary>
/// The authentication state of an interactive circuit, checked again every <see cref="RevalidationInterval"/>
/// (configuration <c>Circuits:RevalidationInterval</c>, one minute by default): the sign-in session must still be
/// open, the security stamp unchanged, the account not locked, and the user must still hold a role. When a check
/// fails the circuit's user becomes anonymous: its pages show that the session ended, and every call from it is
/// answered as to an anonymous user.
/// </summary>
public sealed class CircuitAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    IOptions<IdentityOptions> identity) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public const string IntervalKey = "Circuits:RevalidationInterval";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    protected override TimeSpan RevalidationInterval =>
        configuration.GetValue<TimeSpan?>(IntervalKey) is { } interval && interval > TimeSpan.Zero ? interval : DefaultInterval;

    /// <summary>Ends the circuit's sign-in at once (a call found the session over before the next revalidation).</summary>
    public void End() => SetAuthenticationState(Task.FromResult(Anonymous));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        var principal = state.User;
        if (principal.Identity?.IsAuthenticated != true
            || UserSessions.SessionOf(principal) is not { } sessionId
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (!await services.GetRequiredService<SignInService>().IsSessionOpenAsync(sessionId, userId, touch: false, cancellationToken))
        {
            return false;
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(userId) is not { } user
            || await users.IsLockedOutAsync(user)
            || principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
        {
            return false;
        }

        return await services.GetRequiredService<DangVienDbContext>().RoleAssignments.AnyAsync(r => r.UserId == userId, cancellationToken);
    }
}
