using AngleSharp;
using AngleSharp.Dom;
using DangVien.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DangVien.Web.Tests;

/// <summary>The real app, in memory, over a fresh database of its own (real PostgreSQL, real HTTP pipeline).</summary>
public sealed class DangVienApp : WebApplicationFactory<Program>
{
    private DangVienApp(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static async Task<DangVienApp> StartAsync() => new(await PostgresServer.CreateDatabaseAsync());

    /// <summary>The app on a real Kestrel port on 127.0.0.1, for the browser; returns its base address.</summary>
    public static async Task<(DangVienApp App, string BaseUrl)> StartOnKestrelAsync()
    {
        var app = await StartAsync();
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return (app, addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Serve wwwroot from the project as in Development (a published app has it in its output).
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:DangVien", Database.ConnectionString);
        builder.UseSetting("Database:Migrate", "false");
        builder.UseSetting("Database:SeedDemo", "false");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
