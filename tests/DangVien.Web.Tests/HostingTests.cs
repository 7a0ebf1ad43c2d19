using System.Net;
using Npgsql;

namespace DangVien.Web.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task Health_reports_healthy_when_the_database_answers()
    {
        await using var app = await DangVienApp.StartAsync();

        var response = await app.Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failure_shows_a_Vietnamese_error_page_with_the_correlation_id_and_no_stack_trace()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = await app.AdminClientAsync(await TinyProvince.CreateRootAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await DropTablesAsync(app);

        // The tree of units reads members and quotas on every request (the dashboard may be kept: dropping a table
        // sends no change notice, ARCHITECTURE "What a request reads without asking the database").
        var request = new HttpRequestMessage(HttpMethod.Get, "/units");
        request.Headers.Add("X-Correlation-Id", "test-correlation-42");
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Đã xảy ra lỗi", html);
        Assert.Contains("test-correlation-42", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain(" at ", html);
        Assert.Equal("test-correlation-42", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task While_the_database_is_away_pages_answer_503_in_Vietnamese_and_health_says_so()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = await app.AdminClientAsync(await TinyProvince.CreateRootAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var name = app.Database.Name;
        await app.RenameDatabaseAsync(name, name + "_away");

        var away = await client.GetAsync("/");
        var html = await away.Content.ReadAsStringAsync();
        var health = await client.GetAsync("/health");
        await app.RenameDatabaseAsync(name + "_away", name);
        var back = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, away.StatusCode);
        Assert.Contains("Hệ thống tạm thời gián đoạn", html);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("cơ sở dữ liệu không phản hồi", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task While_the_database_is_away_concurrent_requests_whose_session_check_is_due_all_answer_503()
    {
        // The load run's 500s: once the session's security-stamp check (every minute) was due, it failed on the
        // database, and failed again while the error page was rendered — ASP.NET Core then answers a bare 500.
        var clock = new DangVien.Web.Tests.Admin.MovableClock(DateTimeOffset.UtcNow);
        await using var app = await DangVienApp.StartAsync(clock);
        var client = await app.AdminClientAsync(await TinyProvince.CreateRootAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(2));
        var name = app.Database.Name;
        await app.RenameDatabaseAsync(name, name + "_away");

        string[] urls = ["/", "/candidates", "/alerts", "/reports"];
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            var response = await client.GetAsync(urls[i % urls.Length]);
            return (response.StatusCode, Html: await response.Content.ReadAsStringAsync());
        }));
        await app.RenameDatabaseAsync(name + "_away", name);
        var back = await client.GetAsync("/");

        Assert.All(answers, answer =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Contains("Hệ thống tạm thời gián đoạn", answer.Html);
        });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task Started_against_a_database_that_is_not_there_the_app_exits_with_one_line_naming_host_and_port()
    {
        var (exitCode, stderr) = await AppProcess.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__DangVien"] = AppProcess.NoDatabase });

        Assert.Equal(1, exitCode);
        Assert.Single(stderr.Split('\n'));
        Assert.StartsWith("Cannot connect to PostgreSQL at 127.0.0.1:1", stderr);
    }

    private static async Task DropTablesAsync(DangVienApp app)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand("DROP TABLE quotas, members, role_assignments CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
