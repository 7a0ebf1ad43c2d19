using System.Security.Claims;
using DangVien.Core.Features.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace DangVien.Web.Hosting;

/// <summary>
/// How an interactive component calls a Core service: each call in a fresh DI scope of its own, like a page
/// request, with its own DbContext and a <see cref="CurrentAccess"/> that reads the user's scope again, and the
/// circuit's current user. A circuit's own scope lives as long as the browser tab; services resolved from it would
/// keep one DbContext and one cached access scope for hours.
/// Before the call, the user's sign-in session is checked (one lookup by primary key, as on every request): a
/// session ended elsewhere (sign-out, lock, password change) makes the call run as anonymous, and the circuit's
/// user becomes anonymous at once rather than at the next revalidation.
/// </summary>
public sealed class CircuitServices(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public async Task<T> RunAsync<TService, T>(Func<TService, CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
        where TService : notnull
    {
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (principal.Identity?.IsAuthenticated == true && !await IsSessionOpenAsync(services, principal, cancellationToken))
        {
            principal = Anonymous;
            if (authentication is CircuitAuthenticationStateProvider circuit)
            {
                circuit.End();
            }
        }

        services.GetRequiredService<CircuitUser>().Set(principal);
        return await call(services.GetRequiredService<TService>(), cancellationToken);
    }

    private static async Task<bool> IsSessionOpenAsync(IServiceProvider services, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        UserSessions.SessionOf(principal) is { } sessionId
        && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
        && await services.GetRequiredService<SignInService>().IsSessionOpenAsync(sessionId, userId, cancellationToken);
}
