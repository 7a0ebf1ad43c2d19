using System.Security.Claims;

namespace DangVien.Web.Hosting;

/// <summary>
/// The user of an interactive circuit, or of one call made from it (<see cref="CircuitServices"/>): set from the
/// circuit's authentication state, which follows the account (<see cref="CircuitAuthenticationStateProvider"/>).
/// Unset in a plain request, where <see cref="WebCurrentUser"/> reads the request's user.
/// </summary>
public sealed class CircuitUser
{
    /// <summary>The circuit's user (anonymous once the session ended); null when this scope is not a circuit's.</summary>
    public ClaimsPrincipal? Principal { get; private set; }

    public void Set(ClaimsPrincipal principal) => Principal = principal;
}
