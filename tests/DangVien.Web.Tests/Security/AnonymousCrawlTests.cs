using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace DangVien.Web.Tests.Security;

/// <summary>Every routed page of the app, found by reflection, asked without a sign-in.</summary>
public sealed partial class AnonymousCrawlTests(AnonymousCrawlTests.OneApp shared) : IClassFixture<AnonymousCrawlTests.OneApp>
{
    /// <summary>One app (in memory) for every route: an anonymous request writes nothing another route's answer could depend on.</summary>
    public sealed class OneApp : IAsyncLifetime
    {
        public DangVienApp App { get; private set; } = null!;

        public async Task InitializeAsync() => App = await DangVienApp.StartAsync();

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    public static TheoryData<string> Routes()
    {
        var data = new TheoryData<string>();
        foreach (var route in RouteList())
        {
            data.Add(route);
        }

        return data;
    }

    private static List<string> RouteList() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => Parameter().Replace(r.Template, "1"))
            .Distinct()
            .Order()
            .ToList();

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_a_sign_in_every_page_sends_to_the_sign_in_page(string route)
    {
        var app = shared.App;

        var get = await app.Client().GetAsync(route);
        var post = await app.Client().PostAsync(route, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/account/login", get.Headers.Location!.PathAndQuery);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public void The_crawl_covers_the_pages_people_use()
    {
        var routes = RouteList();

        Assert.Contains("/candidates/1", routes);
        Assert.Contains("/admin/users", routes);
        Assert.True(routes.Count >= 15, string.Join(", ", routes));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
