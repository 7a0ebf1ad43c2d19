using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Calendar;
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
        return await db.Members.AsNoTracking().Where(m => m.CellId == cell.Id).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Runs service calls as the system (the test's own hand), with the app's clock.</summary>
    public static async Task<T> AdmissionAsync<T>(this DangVienApp app, Func<AdmissionService, DangVienDbContext, Task<T>> work)
    {
        await using var db = app.Database.CreateContext();
        var clock = (TimeProvider)app.Services.GetRequiredService<TimeProvider>();
        var service = new AdmissionService(db, new CalendarService(db), new RuleParameterReader(db),
            new CurrentAccess(new SystemUser("test"), db, clock), app.Services.GetRequiredService<RequestValidators>(), clock, NullLogger<AdmissionService>.Instance);
        return await work(service, db);
    }

    /// <summary>A file sourced on 06/01/2025 with every step up to the opinions (21/04/2025): ready for the cell vote.</summary>
    public static Task<int> ReadyForVoteAsync(this DangVienApp app, OrgUnit cell, string name = "Phạm Thị Hồng") =>
        app.AdmissionAsync(async (service, db) =>
        {
            var members = await db.Members.AsNoTracking().Where(m => m.CellId == cell.Id).OrderBy(m => m.Id).ToListAsync();
            var category = await db.SourceCategories.AsNoTracking().OrderBy(c => c.SortOrder).FirstAsync();
            var created = await service.CreateCandidateAsync(new CreateCandidateRequest
            {
                CellId = cell.Id,
                FullName = name,
                DateOfBirth = new DateOnly(2000, 4, 12),
                Sex = Sex.Female,
                CategoryIds = [category.Id],
                MentorMemberId = members[0].Id,
                SourcedOn = new DateOnly(2025, 1, 6),
            });
            Ok(created);
            var id = created.Value;
            async Task Step(Func<uint, Task<Result>> action) => Ok(await action(await VersionAsync(db, id)));

            await Step(v => service.RecordAwarenessCourseAsync(new() { CandidateId = id, CertificateNumber = "GCN-1", IssuingCentre = "Trung tâm Chính trị", IssuedOn = new(2025, 2, 10) }, v));
            await Step(v => service.RecordApplicationAsync(new() { CandidateId = id, AppliedOn = new(2025, 3, 3) }, v));
            await Step(v => service.RecordHistoryVerificationAsync(new() { CandidateId = id, VerifiedOn = new(2025, 4, 7), Result = "Rõ ràng" }, v));
            await Step(v => service.RecordIntroductionAsync(new()
            {
                CandidateId = id,
                IntroducedOn = new(2025, 4, 14),
                Basis = IntroductionBasis.TwoMembers,
                Introducers = [new(members[1].Id, new(2018, 9, 1)), new(members[2].Id, new(2018, 9, 1))],
            }, v));
            await Step(v => service.RecordOpinionAsync(new() { CandidateId = id, Form = OpinionForm.Organisation, ReceivedOn = new(2025, 4, 21), Organisation = "Chi đoàn" }, v));
            return id;
        });

    /// <summary>A file whose cell voted for admission on 05/05/2025 (12 official members, 10 in favour).</summary>
    public static async Task<int> VotedAsync(this DangVienApp app, OrgUnit cell, string name = "Lê Văn Bình")
    {
        var id = await app.ReadyForVoteAsync(cell, name);
        await app.AdmissionAsync(async (service, db) =>
        {
            Ok(await service.RecordCellVoteAsync(
                new() { CandidateId = id, VotedOn = new(2025, 5, 5), OfficialMembers = 12, Present = 11, InFavour = 10 }, await VersionAsync(db, id)));
            return id;
        });
        return id;
    }

    public static async Task<uint> VersionAsync(DangVienDbContext db, int candidateId) =>
        await db.Candidates.AsNoTracking().Where(c => c.Id == candidateId).Select(c => c.Version).SingleAsync();

    public static async Task<List<StageEntry>> HistoryAsync(this DangVienApp app, int candidateId)
    {
        await using var db = app.Database.CreateContext();
        return await db.StageEntries.AsNoTracking().Include(e => e.Vote).Where(e => e.CandidateId == candidateId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Posts a form of the page as a browser does (<see cref="Forms"/>).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, string pageUrl, string formSelector, params (string Name, string Value)[] values) =>
        Forms.SubmitAsync(client, page, pageUrl, formSelector, values);

    /// <summary>GETs the page, then posts its form.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, params (string Name, string Value)[] values) =>
        Forms.SubmitAsync(client, pageUrl, formSelector, values);

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

    private static void Ok(Result result) =>
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
