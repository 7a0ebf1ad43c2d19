using System.Security.Claims;
using DangVien.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DangVien.Web.Hosting;

/// <summary>Adds the user's full name to the sign-in cookie. Permissions are not claims: services read them from the database.</summary>
public sealed class DangVienClaimsFactory(UserManager<AppUser> userManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WebCurrentUser.FullNameClaim, user.FullName));
        return identity;
    }
}
