using AngleSharp;
using AngleSharp.Dom;
using DangVien.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace DangVien.Web.Tests;

/// <summary>The real app, in memory, over a fresh database of its own (real PostgreSQL, real HTTP pipeline).</summary>
public sealed class DangVienApp : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase;
    private readonly TimeProvider? _clock;

    private DangVienApp(TestDatabase database, bool ownsDatabase, TimeProvider? clock)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        _clock = clock;
    }

    public TestDatabase Database { get; }

    /// <summary>Configuration set before the app starts (e.g. a short circuit revalidation interval).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>The base address on Kestrel (<see cref="StartOnKestrelAsync"/>), null for the in-memory server.</summary>
    public string? BaseUrl { get; private set; }

    /// <summary>Starts the app over a fresh database; <paramref name="clock"/> replaces the system clock.</summary>
    public static async Task<DangVienApp> StartAsync(TimeProvider? clock = null) =>
        new(await PostgresServer.CreateDatabaseAsync(), ownsDatabase: true, clock);

    /// <summary>The app over a database made otherwise (e.g. a restored backup); disposing the app drops the database.</summary>
    public static DangVienApp Over(TestDatabase database) => new(database, ownsDatabase: true, null);

    /// <summary>Another instance of the app over the same database, as after a restart (the database stays this app's).</summary>
    public DangVienApp StartAgain() => new(Database, ownsDatabase: false, _clock);

    /// <summary>The app on a real Kestrel port on 127.0.0.1, for the browser; returns its base address.</summary>
    public static async Task<(DangVienApp App, string BaseUrl)> StartOnKestrelAsync(params (string Key, string Value)[] settings)
    {
        var app = await StartAsync();
        foreach (var (key, value) in settings)
        {
            app.Settings[key] = value;
        }

        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        app.BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return (app, app.BaseUrl);
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
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestRemoteAddress>());
        if (_clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_clock));
        }
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    /// <summary>
    /// Takes the app's database away (or brings it back) by renaming it, after ending its connections:
    /// the app sees what it sees when PostgreSQL is unreachable for that database.
    /// </summary>
    public async Task RenameDatabaseAsync(string from, string to)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using (var kick = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{from}' AND pid <> pg_backend_pid()", connection))
        {
            await kick.ExecuteNonQueryAsync();
        }

        await using var rename = new NpgsqlCommand($"ALTER DATABASE \"{from}\" RENAME TO \"{to}\"", connection);
        await rename.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (BaseUrl is not null)
        {
            // The browser's pages on this app go with it (their circuits would retry against a stopped server).
            await Browser.Chromium.CloseContextsAsync(BaseUrl);
        }

        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

/// <summary>A clock stopped at one instant; like the system clock, it answers in UTC and in Vietnam's time zone locally.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => Vietnam;
}

/// <summary>
/// Lets a test say which address a request comes from (<see cref="Header"/>), as the connection would:
/// the in-memory server has no remote address of its own.
/// </summary>
public sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header].ToString() is { Length: > 0 } address)
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
