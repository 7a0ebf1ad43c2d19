using System.Security.Claims;
using DangVien.Core.Common;

namespace DangVien.Web.Hosting;

/// <summary>The signed-in user of the current request; anonymous outside a request.</summary>
public sealed class WebCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    /// <summary>Claim carrying the user's full name, added at sign-in.</summary>
    public const string FullNameClaim = "dangvien:full_name";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string Name => Principal?.Identity?.Name ?? "ẩn danh";

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool IsSystem => false;

    public string DisplayName => Principal?.FindFirstValue(FullNameClaim) is { Length: > 0 } fullName ? fullName : Name;
}
