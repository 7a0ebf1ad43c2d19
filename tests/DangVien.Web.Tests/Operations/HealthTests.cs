using System.Net;
using Npgsql;

namespace DangVien.Web.Tests.Operations;

/// <summary>/health/live and /health/ready, as a supervisor or a load balancer asks them: anonymous, one word.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_to_anyone_on_a_migrated_database()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = app.Client();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", ready.Content.Headers.ContentType?.MediaType);
        Assert.True(ready.Headers.CacheControl is { NoStore: true }, "a health answer is never kept by a cache");
    }

    [Fact]
    public async Task Ready_answers_503_while_a_migration_is_pending_and_live_stays_200()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var last = await ForgetLastMigrationAsync(app);

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");
        var database = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", body);
        Assert.DoesNotContain(last, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, database.StatusCode);
    }

    [Fact]
    public async Task Ready_answers_503_while_the_database_is_unreachable_and_200_when_it_is_back()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = app.Client();
        var name = app.Database.Name;
        await app.RenameDatabaseAsync(name, name + "_away");

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");
        await app.RenameDatabaseAsync(name + "_away", name);
        var back = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", body);
        Assert.DoesNotContain(name, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    /// <summary>Removes the newest row of the migrations history, as if this build brought a migration not applied yet; returns its id.</summary>
    private static async Task<string> ForgetLastMigrationAsync(DangVienApp app)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand(
            "DELETE FROM __ef_migrations_history WHERE ctid = (SELECT ctid FROM __ef_migrations_history ORDER BY 1 DESC LIMIT 1) RETURNING *",
            connection);
        await using var reader = await delete.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.GetString(0);
    }
}
