using System.Diagnostics;
using System.Net;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace DangVien.Web.Tests.Security;

/// <summary>
/// Sessions, grants and cell dashboards are kept between requests while the app hears PostgreSQL's notices of changes
/// (AccessCache, ChangeNotices). A write by another instance (here: plain SQL on a connection of its own, as another
/// app instance or an operator in psql would write) reaches the app when its notice arrives; without the listening
/// connection nothing is kept at all.
/// </summary>
public sealed class ChangeNoticesTests(ITestOutputHelper output)
{
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task A_session_ended_by_another_instance_is_refused_as_soon_as_its_notice_arrives()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var tree = await ProvinceAsync(app);
        var user = await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary));
        var client = await app.SignedInClientAsync("bithu");
        await ListeningAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await ExecuteAsync(app, $"UPDATE user_sessions SET ended_at = now() WHERE user_id = '{user.Id}'");

        var waited = await UntilAsync(async () => (await client.GetAsync("/")).StatusCode == HttpStatusCode.Redirect);
        output.WriteLine($"refused after {waited.TotalMilliseconds:N0} ms");

    }

    [Fact]
    public async Task A_role_taken_away_by_another_instance_narrows_what_the_user_sees_as_soon_as_its_notice_arrives()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var tree = await ProvinceAsync(app);
        var user = await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary), (tree.CellB.Id, AccessRole.CellSecretary));
        var client = await app.SignedInClientAsync("bithu");
        await ListeningAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/?unit={tree.CellB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/?unit={tree.CellB.Id}")).StatusCode);

        await ExecuteAsync(app, $"DELETE FROM role_assignments WHERE user_id = '{user.Id}' AND org_unit_id = {tree.CellB.Id}");

        var waited = await UntilAsync(async () => (await client.GetAsync($"/?unit={tree.CellB.Id}")).StatusCode == HttpStatusCode.NotFound);
        output.WriteLine($"not found after {waited.TotalMilliseconds:N0} ms");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/?unit={tree.CellA.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_write_by_another_instance_shows_on_a_kept_dashboard_as_soon_as_its_notice_arrives()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var tree = await ProvinceAsync(app);
        await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary));
        var client = await app.SignedInClientAsync("bithu");
        await ListeningAsync(app);
        Assert.Equal("0", await SourceCountAsync(client));
        Assert.Equal("0", await SourceCountAsync(client));

        await AddCandidateAsync(app, tree.CellA, "Nguyễn Văn Mới");

        var waited = await UntilAsync(async () => await SourceCountAsync(client) == "1");
        output.WriteLine($"shown after {waited.TotalMilliseconds:N0} ms");

    }

    [Fact]
    public async Task Without_the_listening_connection_nothing_is_kept_and_it_listens_again_by_itself()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        var tree = await ProvinceAsync(app);
        var user = await app.CreateUserAsync("bithu", (tree.CellA.Id, AccessRole.CellSecretary));
        var client = await app.SignedInClientAsync("bithu");
        var notices = app.Services.GetRequiredService<ChangeNotices>();
        var access = app.Services.GetRequiredService<AccessCache>();
        await ListeningAsync(app);
        Assert.Equal("0", await SourceCountAsync(client));

        await ExecuteAsync(app, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'dangvien-access-listener' AND datname = current_database()");
        await UntilAsync(() => Task.FromResult(!notices.IsListening && !access.IsListening));

        // Nothing is kept: the next request reads what was just written, with no notice to wait for.
        await AddCandidateAsync(app, tree.CellA, "Nguyễn Văn Mới");
        Assert.Equal("1", await SourceCountAsync(client));
        await ExecuteAsync(app, $"UPDATE user_sessions SET ended_at = now() WHERE user_id = '{user.Id}'");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var back = await UntilAsync(() => Task.FromResult(notices.IsListening && access.IsListening), TimeSpan.FromSeconds(20));
        output.WriteLine($"listening again after {back.TotalSeconds:N1} s");
    }

    private static async Task<TinyProvince> ProvinceAsync(DangVienApp app)
    {
        await using var db = app.Database.CreateContext();
        return await TinyProvince.CreateAsync(db, 2026);
    }

    /// <summary>The figure of the funnel's first step (the cell's candidates at the source stage).</summary>
    private static async Task<string> SourceCountAsync(HttpClient client)
    {
        var page = await DangVienApp.ParseAsync(await client.GetAsync("/"));
        return page.QuerySelectorAll(".funnel__step").First().QuerySelector(".funnel__count")!.TextContent.Trim();
    }

    private static async Task AddCandidateAsync(DangVienApp app, OrgUnit cell, string name)
    {
        await using var db = app.Database.CreateContext();
        db.Candidates.Add(TinyProvince.Candidate(cell, name, CandidateStage.Source, new DateOnly(2026, 6, 1)));
        await db.SaveChangesAsync();
    }

    private static async Task ExecuteAsync(DangVienApp app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task ListeningAsync(DangVienApp app) =>
        UntilAsync(() => Task.FromResult(app.Services.GetRequiredService<ChangeNotices>().IsListening), TimeSpan.FromSeconds(20));

    /// <summary>How long until the condition held; fails when it never did within <paramref name="limit"/> (5 s: a notice takes
    /// milliseconds, a kept entry would otherwise last AccessCache.MaxAge, 60 s).</summary>
    private static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < (limit ?? TimeSpan.FromSeconds(5)), "the condition never held");
            await Task.Delay(5);
        }

        return clock.Elapsed;
    }
}
