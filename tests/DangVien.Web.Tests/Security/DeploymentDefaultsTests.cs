using System.Net;
using DangVien.Web.Endpoints;
using DangVien.Web.Tests.Candidates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DangVien.Web.Tests.Import.ImportFiles;

namespace DangVien.Web.Tests.Security;

/// <summary>What a deployment gets without asking: no demo outside Development, no caching of personal data, no
/// Server header, HTTPS seen through a configured proxy only, uploads private and short-lived.</summary>
public sealed class DeploymentDefaultsTests
{
    [Theory]
    [InlineData("Production", "Database__SeedDemo", "Database:SeedDemo")]
    [InlineData("Production", "Demo__ShowCredentials", "Demo:ShowCredentials")]
    [InlineData("Staging", "Database__SeedDemo", "Database:SeedDemo")]
    [InlineData("Testing", "Demo__ShowCredentials", "Demo:ShowCredentials")]
    public async Task The_demo_asked_for_outside_Development_stops_the_start_with_one_line(string environment, string variable, string named)
    {
        // No database is reachable: the refusal comes before any connection.
        var (exitCode, stderr) = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            [variable] = "true",
            ["ConnectionStrings__DangVien"] = AppProcess.NoDatabase,
        });

        Assert.Equal(1, exitCode);
        Assert.Single(stderr.Split('\n'));
        Assert.StartsWith("Refusing to start: ", stderr, StringComparison.Ordinal);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Contains("(this is " + environment + ")", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ForwardedHeaders__KnownProxies__0", "proxy.tinh.local", "Refusing to start: ForwardedHeaders:KnownProxies: 'proxy.tinh.local' is not an IP address.")]
    [InlineData("ForwardedHeaders__KnownNetworks__0", "10.0.0.0/33", "Refusing to start: ForwardedHeaders:KnownNetworks: '10.0.0.0/33' is not a network such as 10.0.0.0/8.")]
    [InlineData("DataProtection__CertificatePath", "/khong-co/keys.pfx", "Refusing to start: DataProtection:CertificatePath: the certificate /khong-co/keys.pfx cannot be read (")]
    public async Task A_setting_that_cannot_be_used_stops_the_start_with_one_line_naming_it(string variable, string value, string line)
    {
        var (exitCode, stderr) = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            [variable] = value,
            ["ConnectionStrings__DangVien"] = AppProcess.NoDatabase,
        });

        Assert.Equal(1, exitCode);
        Assert.Single(stderr.Split('\n'));
        Assert.StartsWith(line, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_API_answers_and_downloads_are_never_stored_while_the_stylesheet_stays_cacheable()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var admin = await app.AdminClientAsync(tree.Province.Id);
        var home = await admin.GetAsync("/");
        var stylesheet = (await DangVienApp.ParseAsync(home)).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        foreach (var url in new[] { "/", "/candidates", "/api/units", "/api/nothing", "/candidates/export.csv", "/candidates/export.xlsx", $"/reports/export.xlsx?unit={tree.Province.Id}&year=2026", "/no-such-page", "/account/login" })
        {
            var response = await admin.GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control {response.Headers.CacheControl}");
            Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
        }

        var css = await admin.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore ?? false, $"{stylesheet}: Cache-Control {css.Headers.CacheControl}");
        Assert.True(css.Headers.CacheControl?.MaxAge > TimeSpan.FromDays(1) || css.Headers.ETag is not null, $"{stylesheet}: {css.Headers}");
    }

    [Fact]
    public async Task Kestrel_sends_no_Server_header()
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_X_Forwarded_Proto_https_makes_the_request_HTTPS_and_cookies_Secure()
    {
        await using var app = await DangVienApp.StartAsync();
        await using var proxied = app.WithWebHostBuilder(builder => builder.UseSetting("ForwardedHeaders:KnownProxies:0", "127.0.0.1"));

        using var throughProxy = OnKestrel(proxied);
        using var direct = OnKestrel(app);

        var trusted = await AntiforgeryCookieAsync(throughProxy, forwardedProto: "https");
        var plain = await AntiforgeryCookieAsync(throughProxy, forwardedProto: null);
        var untrusted = await AntiforgeryCookieAsync(direct, forwardedProto: "https");

        Assert.Contains("; secure", trusted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", plain, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", untrusted, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_uploaded_import_file_is_private_and_deleted_after_the_write_when_nothing_is_to_be_written_or_the_page_closes()
    {
        var (host, _) = await Interactive.StepPages.StartAsStaffAsync();
        await using var _ = host;
        var app = host.App;
        var uploads = app.Services.GetRequiredService<ImportUploads>();
        string userId;
        await using (var db = app.Database.CreateContext())
        {
            userId = await db.Users.Where(u => u.UserName == "vanphong").Select(u => u.Id).SingleAsync();
        }

        var folder = uploads.Folder(userId);
        var staff = Open(host);
        var checkedPage = await CheckAsync(staff, "members", "dang-vien.csv", Csv(MemberHeader, Members));
        var id = checkedPage.QuerySelector("#import-commit")!.GetAttribute("data-upload")!;
        var stored = Path.Combine(folder, id);
        Assert.True(File.Exists(stored));
        Assert.False(stored.StartsWith(app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(ownerOnly, File.GetUnixFileMode(uploads.Root));
            Assert.Equal(ownerOnly, File.GetUnixFileMode(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
        }

        Assert.Contains("Đã ghi 3 bản ghi mới", Summary(await CommitAsync(staff, checkedPage)));
        Assert.False(File.Exists(stored));

        // The same file again: nothing new to write, so no second step, and the file is not kept.
        var again = await CheckAsync(staff, "members", "dang-vien.csv", Csv(MemberHeader, Members));
        Assert.Null(again.QuerySelector("#import-commit"));
        Assert.Empty(Directory.EnumerateFiles(folder));

        // A checked file never written goes when its page closes.
        var other = Open(host, anotherTab: true);
        var pending = await CheckAsync(other, "candidates", "quan-chung.csv", Csv(CandidateHeader, SourceCandidate("001099000002", "Hoàng Văn Cường")));
        Assert.Single(Directory.EnumerateFiles(folder));
        Assert.NotNull(pending.QuerySelector("#import-commit"));
        other.Instance.Dispose();
        Assert.Empty(Directory.EnumerateFiles(folder));
    }

    /// <summary>The app on a real port of 127.0.0.1: the connection comes from 127.0.0.1, as from a proxy on the same machine.</summary>
    private static HttpClient OnKestrel(WebApplicationFactory<Program> factory)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal)) };
    }

    private static async Task<string> AntiforgeryCookieAsync(HttpClient client, string? forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dangvien.af=", StringComparison.Ordinal));
    }
}
