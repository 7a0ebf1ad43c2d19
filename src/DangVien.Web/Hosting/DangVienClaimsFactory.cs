using System.Security.Claims;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DangVien.Web.Hosting;

/// <summary>
/// Adds the user's full name and the kinds of role they hold to the sign-in cookie. The roles are only
/// for what the menu shows: permissions are not claims, services read them from the database.
/// </summary>
/// <remarks>Built again at sign-in and at each security-stamp check (every minute), so the menu follows role changes.</remarks>
public sealed class DangVienClaimsFactory(UserManager<AppUser> userManager, IOptions<IdentityOptions> options, DangVienDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WebCurrentUser.FullNameClaim, user.FullName));
        var roles = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UserId == user.Id && r.OrgUnit!.ValidTo == null)
            .Select(r => r.Role)
            .Distinct()
            .ToListAsync();
        foreach (var role in roles.Order())
        {
            identity.AddClaim(new Claim(WebCurrentUser.RoleClaim, role.ToString()));
        }

        return identity;
    }
}
