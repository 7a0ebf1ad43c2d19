using System.Security.Claims;
using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Web.Hosting;

/// <summary>
/// The signed-in user: in an interactive circuit (or a call made from one) the circuit's user, which follows the
/// account (<see cref="CircuitUser"/>); otherwise the current request's; anonymous outside both.
/// </summary>
public sealed class WebCurrentUser(IHttpContextAccessor accessor, CircuitUser circuit) : ICurrentUser
{
    /// <summary>Claim carrying the user's full name, added at sign-in.</summary>
    public const string FullNameClaim = "dangvien:full_name";

    /// <summary>Claim carrying each kind of role the user holds (<see cref="AccessRole"/> name), added at sign-in; only for the menu.</summary>
    public const string RoleClaim = "dangvien:role";

    private ClaimsPrincipal? Principal => (circuit.Principal ?? accessor.HttpContext?.User) is { Identity.IsAuthenticated: true } user ? user : null;

    public string Name => Principal?.Identity?.Name ?? "ẩn danh";

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool IsSystem => false;

    /// <summary>Whether the menu shows the administration links. Pages and services check access from the database.</summary>
    public static bool ShowsAdministration(ClaimsPrincipal user) => user.HasClaim(RoleClaim, nameof(AccessRole.Administrator));

    public string DisplayName => Principal?.FindFirstValue(FullNameClaim) is { Length: > 0 } fullName ? fullName : Name;
}
