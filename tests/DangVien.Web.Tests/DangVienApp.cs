using AngleSharp;
using AngleSharp.Dom;
using DangVien.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DangVien.Web.Tests;

/// <summary>The real app, in memory, over a fresh database of its own (real PostgreSQL, real HTTP pipeline).</summary>
public sealed class DangVienApp : WebApplicationFactory<Program>
{
    private DangVienApp(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static async Task<DangVienApp> StartAsync() => new(await PostgresServer.CreateDatabaseAsync());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:DangVien", Database.ConnectionString);
        builder.UseSetting("Database:Migrate", "false");
        builder.UseSetting("Database:SeedDemo", "false");
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
