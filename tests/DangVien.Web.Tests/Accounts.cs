using System.Net;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests;

/// <summary>Users with roles in units, and HTTP clients signed in through the real sign-in form.</summary>
public static class Accounts
{
    public const string Password = "MatKhau2026x";

    public static async Task<AppUser> CreateUserAsync(this DangVienApp app, string userName, params (int UnitId, AccessRole Role)[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, FullName = "Cán bộ " + userName };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<DangVienDbContext>();
        foreach (var (unitId, role) in roles)
        {
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, OrgUnitId = unitId, Role = role });
        }

        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>An administrator (role held at the given unit, or at a new root unit).</summary>
    public static async Task<HttpClient> AdminClientAsync(this DangVienApp app, int unitId)
    {
        await app.CreateUserAsync("quantri", (unitId, AccessRole.Administrator));
        return await app.SignedInClientAsync("quantri");
    }

    /// <summary>A signed-in administrator ("quantri", created with a root unit on first use).</summary>
    public static async Task<HttpClient> AdminAsync(this DangVienApp app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync("quantri") is null)
            {
                await app.CreateUserAsync("quantri", (await TinyProvince.CreateRootAsync(app), AccessRole.Administrator));
            }
        }

        return await app.SignedInClientAsync("quantri");
    }

    public static async Task<HttpClient> SignedInClientAsync(this DangVienApp app, string userName, string password = Password)
    {
        var client = app.Client();
        var response = await SignInAsync(client, userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {userName} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>Posts the sign-in form with <see cref="Forms"/>; the answer is a redirect on success, the form again otherwise.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = Password) =>
        Forms.PostAsync(client, "/account/login", "form", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
}
