using System.Net;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.FirstRun;

/// <summary>
/// Two app processes on one database, as behind a load balancer: each with a home folder of its own, so they share
/// data-protection keys only through PostgreSQL. A sign-in cookie and a form token made by one are accepted by the other.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private const string Password = TwoInstances.Password;

    [Fact]
    public async Task A_sign_in_on_one_instance_reads_pages_on_the_other()
    {
        var (first, second) = instances.Clients();

        var signIn = await Accounts.SignInAsync(first, "quantri", Password);
        var onSecond = await second.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("quantri", await onSecond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_token_from_one_instance_is_accepted_by_the_other_and_its_sign_in_read_back_on_the_first()
    {
        var (first, second) = instances.Clients();
        var page = await DangVienApp.ParseAsync(await first.GetAsync("/account/login"));

        var signIn = await Forms.SubmitAsync(second, page, "/account/login", "form", ("Input.UserName", "quantri"), ("Input.Password", Password));
        var onFirst = await first.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
    }

    [Fact]
    public async Task The_keys_live_in_the_database_and_not_in_the_home_folders()
    {
        var (first, second) = instances.Clients();
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(first, "quantri", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).StatusCode);

        await using var db = instances.Database.CreateContext();
        Assert.NotEmpty(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.All(instances.Homes, home => Assert.Empty(Directory.EnumerateFiles(home, "*.xml", SearchOption.AllDirectories)));
    }
}

/// <summary>The database with its first administrator, and the two app processes serving it, for the whole class.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const string Password = "Hanam2026Quantri";
    private readonly List<string> _homes = [];
    private ServingApp _first = null!;
    private ServingApp _second = null!;

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>Each process's own home folder, where ASP.NET Core would keep its keys if nothing else were configured.</summary>
    public IReadOnlyList<string> Homes => _homes;

    public async Task InitializeAsync()
    {
        Database = await PostgresServer.CreateEmptyDatabaseAsync();
        var created = await AdminCommandTests.RunAsync(
            Database, ["admin", "create", "--user", "quantri", "--province-code", "HNA", "--province-name", "Đảng bộ tỉnh Hà Nam", "--migrate"], Password + "\n");
        Assert.True(created.ExitCode == 0, created.StandardError);
        _first = await AppProcess.ServeAsync(Environment());
        _second = await AppProcess.ServeAsync(Environment());
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await Database.DisposeAsync();
        foreach (var home in _homes)
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>One browser (one cookie jar) talking to both instances: cookies of 127.0.0.1 go to either port.</summary>
    public (HttpClient First, HttpClient Second) Clients()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        return (new HttpClient(handler, disposeHandler: false) { BaseAddress = _first.BaseAddress },
            new HttpClient(handler, disposeHandler: false) { BaseAddress = _second.BaseAddress });
    }

    private Dictionary<string, string> Environment()
    {
        var home = Directory.CreateTempSubdirectory("dangvien-home-").FullName;
        _homes.Add(home);
        return new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__DangVien"] = Database.ConnectionString,
            ["HOME"] = home,
        };
    }
}
