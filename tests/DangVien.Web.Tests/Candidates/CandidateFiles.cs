using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DangVien.Web.Tests.Candidates;

/// <summary>
/// Candidate files for the page tests: a tiny province with users, files brought to a stage with the
/// service itself (acting as the system), and form posts as a browser without JavaScript makes them.
/// </summary>
public static class CandidateFiles
{
    /// <summary>Early August 2026 in Vietnam: every date of the journeys below is in the past.</summary>
    public static readonly FixedClock August2026 = new(new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(7)));

    /// <summary>The app over a tiny province (cell A: 12 official members, cell B: 5), started so its reference data is loaded.</summary>
    public static async Task<(DangVienApp App, TinyProvince Tree)> StartAsync()
    {
        var app = await DangVienApp.StartAsync(August2026);
        _ = app.Services;
        await using var db = app.Database.CreateContext();
        var tree = await TinyProvince.CreateAsync(db, 2026);
        return (app, tree);
    }

    public static async Task<HttpClient> StaffAsync(this DangVienApp app, TinyProvince tree, string userName = "vanphong")
    {
        await app.CreateUserAsync(userName, (tree.Commune.Id, AccessRole.CommitteeStaff));
        return await app.SignedInClientAsync(userName);
    }

    public static async Task<HttpClient> SecretaryAsync(this DangVienApp app, OrgUnit cell, string userName = "bithu")
    {
        await app.CreateUserAsync(userName, (cell.Id, AccessRole.CellSecretary));
        return await app.SignedInClientAsync(userName);
    }

    public static async Task<List<Member>> MembersAsync(this DangVienApp app, OrgUnit cell)
    {
        await using var db = app.Database.CreateContext();
        return await MembersAsync(db, cell);
    }

    private static Task<List<Member>> MembersAsync(DangVienDbContext db, OrgUnit cell) =>
        db.Members.AsNoTracking().Where(m => m.CellId == cell.Id).OrderBy(m => m.Id).ToListAsync();

    /// <summary>Runs service calls as the system (the test's own hand), with the app's clock.</summary>
    public static async Task<T> AdmissionAsync<T>(this DangVienApp app, Func<AdmissionService, DangVienDbContext, Task<T>> work)
    {
        await using var db = app.Database.CreateContext();
        var clock = (TimeProvider)app.Services.GetRequiredService<TimeProvider>();
        var service = new AdmissionService(db, new CalendarService(db), new RuleParameterReader(db),
            new CurrentAccess(new SystemUser("test"), db, clock), app.Services.GetRequiredService<RequestValidators>(), clock, NullLogger<AdmissionService>.Instance);
        return await work(service, db);
    }

    /// <summary>A file of <paramref name="cell"/> walked with the service up to <paramref name="last"/> on the dates of <see cref="WalkDates.Spring2025"/>.</summary>
    public static Task<int> WalkAsync(this DangVienApp app, OrgUnit cell, string name, StageKind last) =>
        app.AdmissionAsync(async (service, db) =>
        {
            var members = await MembersAsync(db, cell);
            var category = await db.SourceCategories.AsNoTracking().OrderBy(c => c.SortOrder).FirstAsync();
            var walk = await CandidateWalk.StartAsync(service, db, members,
                CandidateWalk.NewCandidate(members, [category.Id], WalkDates.Spring2025.Sourced, name));
            await walk.ToAsync(last, WalkDates.Spring2025);
            return walk.Id;
        });

    /// <summary>Walks an existing file of <paramref name="cell"/> on, up to <paramref name="last"/>.</summary>
    public static Task<int> WalkOnAsync(this DangVienApp app, int candidateId, OrgUnit cell, StageKind last) =>
        app.AdmissionAsync(async (service, db) =>
        {
            await CandidateWalk.Resume(service, db, candidateId, await MembersAsync(db, cell)).ToAsync(last, WalkDates.Spring2025);
            return candidateId;
        });

    /// <summary>A file sourced on 06/01/2025 with every step up to the opinions (21/04/2025): ready for the cell vote.</summary>
    public static Task<int> ReadyForVoteAsync(this DangVienApp app, OrgUnit cell, string name = "Phạm Thị Hồng") =>
        app.WalkAsync(cell, name, StageKind.Opinion);

    /// <summary>A file whose cell voted for admission on 05/05/2025 (12 official members, 10 in favour).</summary>
    public static Task<int> VotedAsync(this DangVienApp app, OrgUnit cell, string name = "Lê Văn Bình") =>
        app.WalkAsync(cell, name, StageKind.CellVote);

    public static async Task<List<StageEntry>> HistoryAsync(this DangVienApp app, int candidateId)
    {
        await using var db = app.Database.CreateContext();
        return await db.StageEntries.AsNoTracking().Include(e => e.Vote).Where(e => e.CandidateId == candidateId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Where a redirect goes (path and query).</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static async Task<IDocument> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await DangVienApp.ParseAsync(response);
    }

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";
}
