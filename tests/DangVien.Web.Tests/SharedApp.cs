using DangVien.Core.Demo;
using DangVien.Core.Domain;

namespace DangVien.Web.Tests;

/// <summary>
/// One app on Kestrel (for the browser) over one database, started once and shared by the tests of a class through
/// <see cref="IClassFixture{TFixture}"/>. Only for tests that read (the same pages at two widths, the same calendar in
/// two languages): a test that writes needs an app of its own. Each test still signs in with a browser context of its
/// own; <see cref="UserAsync"/> creates a user on the first test's call and hands the same one to the next.
/// </summary>
public class SharedApp : IAsyncLifetime
{
    private readonly Dictionary<string, Task<object>> _once = [];
    private DangVienApp? _app;

    public DangVienApp App => _app ?? throw new InvalidOperationException("The shared app has not started.");

    public string BaseUrl => App.BaseUrl ?? throw new InvalidOperationException("The shared app is not on Kestrel.");

    public async Task InitializeAsync()
    {
        _app = (await DangVienApp.StartOnKestrelAsync()).App;
        await SeedAsync(_app);
    }

    /// <summary>Writes what every test of the class reads (nothing by default).</summary>
    protected virtual Task SeedAsync(DangVienApp app) => Task.CompletedTask;

    /// <summary>The user <paramref name="userName"/> with <paramref name="roles"/>, created once for all the tests of the class.</summary>
    public Task<AppUser> UserAsync(string userName, params (int UnitId, AccessRole Role)[] roles) =>
        OnceAsync("user:" + userName, app => app.CreateUserAsync(userName, roles));

    /// <summary>What <paramref name="seed"/> writes and returns, done on the first test's call under <paramref name="key"/> only.</summary>
    public async Task<T> OnceAsync<T>(string key, Func<DangVienApp, Task<T>> seed)
        where T : notnull
    {
        Task<object> done;
        lock (_once)
        {
            if (!_once.TryGetValue(key, out done!))
            {
                _once[key] = done = Run();
            }
        }

        return (T)await done;

        async Task<object> Run() => await seed(App);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>The demo province of 23 November 2026 (<see cref="DemoData"/>), loaded once for the tests of a class.</summary>
public sealed class SharedDemoApp : SharedApp
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    protected override async Task SeedAsync(DangVienApp app) => await DemoData.EnsureLoadedAsync(app.Database.ConnectionString, Today);
}
