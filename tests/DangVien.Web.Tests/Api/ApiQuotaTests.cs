using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DangVien.Core.Common;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Web.Tests.Candidates;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Api;

/// <summary>
/// Quotas and categories over the JSON API, on the tiny province (commune quota 3; cell Đồng Tâm 2, cell Ấp Bắc 1 in 2026):
/// the same service, rules, scope, versions and audit as the quota page; every refusal a problem, never a 500.
/// </summary>
public sealed class ApiQuotaTests
{
    [Fact]
    public async Task The_quota_sheet_is_read_and_written_with_the_page_s_rules_versions_and_audit()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var api = Bearer(app, await ApiTests.CreateTokenAsync(staff, "chỉ tiêu"));
        var url = $"/api/units/{tree.Commune.Id}/quotas/2026";

        var sheet = await Json(await api.GetAsync(url));
        Assert.Equal(tree.Commune.Name, sheet.GetProperty("unitName").GetString());
        Assert.Equal(3, sheet.GetProperty("quota").GetProperty("total").GetInt32());
        var cellA = Child(sheet, tree.CellA.Id);
        Assert.Equal(2, cellA.GetProperty("quota").GetProperty("total").GetInt32());
        Assert.Equal(12, cellA.GetProperty("membersAtStart").GetInt32());
        Assert.True(cellA.GetProperty("canAssign").GetBoolean());
        var version = cellA.GetProperty("quota").GetProperty("version").GetUInt32();

        // The browser's cookie alone cannot write, as with the import.
        var byCookie = await staff.PutAsync(url, Body(new { children = new[] { new { unitId = tree.CellA.Id, total = 4, expectedVersion = version } } }));
        await AssertProblemAsync(byCookie, HttpStatusCode.Forbidden);

        var saved = await Json(await Ok(await api.PutAsync(url, Body(new { children = new[] { new { unitId = tree.CellA.Id, total = 4, expectedVersion = version } } }))));
        Assert.Equal(1, saved.GetProperty("changed").GetInt32());
        var newVersion = Child(saved.GetProperty("sheet"), tree.CellA.Id).GetProperty("quota");
        Assert.Equal(4, newVersion.GetProperty("total").GetInt32());
        Assert.NotEqual(version, newVersion.GetProperty("version").GetUInt32());

        // The version read before the write is now stale: a 409, nothing saved.
        var stale = await AssertProblemAsync(
            await api.PutAsync(url, Body(new { children = new[] { new { unitId = tree.CellA.Id, total = 9, expectedVersion = version } } })), HttpStatusCode.Conflict);
        Assert.Equal(Messages.RecordChanged, stale.GetProperty("detail").GetString());

        // Core's validator and rules, field by field, as the page shows them next to each field.
        var negative = await AssertProblemAsync(
            await api.PutAsync(url, Body(new { children = new[] { new { unitId = tree.CellB.Id, total = -1, expectedVersion = (uint?)null } } })), HttpStatusCode.BadRequest);
        Assert.Equal(["Chỉ tiêu không được âm."], FieldMessages(negative, "Children[0].Total"));
        await using (var db = app.Database.CreateContext())
        {
            var women = await db.SourceCategories.SingleAsync(c => c.Code == DefaultSourceCategories.Woman);
            var tooMany = await AssertProblemAsync(await api.PutAsync(url, Body(new
            {
                children = new[] { new { unitId = tree.CellA.Id, total = 4, expectedVersion = newVersion.GetProperty("version").GetUInt32(), targets = new[] { new { categoryId = women.Id, target = 5 } } } },
            })), HttpStatusCode.BadRequest);
            Assert.Contains("không được lớn hơn chỉ tiêu tổng", FieldMessages(tooMany, "Children[0].Targets[0]").Single(), StringComparison.Ordinal);

            // A unit of another branch named as a row: "not found" on that row, its name never told.
            var foreign = await AssertProblemAsync(
                await api.PutAsync(url, Body(new { children = new[] { new { unitId = tree.Province.Id, total = 1, expectedVersion = (uint?)null } } })), HttpStatusCode.BadRequest);
            Assert.Equal(["Không tìm thấy đơn vị."], FieldMessages(foreign, "Children[0].Total"));
            Assert.DoesNotContain(tree.Province.Name, foreign.ToString(), StringComparison.Ordinal);

            var stored = await db.Quotas.Where(q => q.Year == 2026).ToDictionaryAsync(q => q.OrgUnitId, q => q.Total);
            Assert.Equal(4, stored[tree.CellA.Id]);
            Assert.Equal(1, stored[tree.CellB.Id]);
            Assert.Equal(3, stored.Count);

            var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.QuotaAssign);
            Assert.Equal("vanphong", audit.UserName);
            Assert.Equal(AuditActions.UnitSubject(tree.CellA.Id), audit.Subject);
            Assert.Equal("2026: 2 → 4", audit.Detail);
        }

        // The commune's own quota is set by the province, not here: a rule refusal, not a server error.
        var own = await AssertProblemAsync(await api.PutAsync(url, Body(new { own = new { total = 5, expectedVersion = (uint?)null } })), HttpStatusCode.BadRequest);
        Assert.Contains(tree.Province.Name, own.GetProperty("errors").GetProperty("").EnumerateArray().Single().GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotas_outside_the_scope_are_404_and_absurd_input_is_a_400_never_a_500()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var staff = Bearer(app, await ApiTests.CreateTokenAsync(await app.StaffAsync(tree), "văn phòng"));
        var secretaryB = Bearer(app, await ApiTests.CreateTokenAsync(await app.SecretaryAsync(tree.CellB, "bithu.b"), "bí thư B"));
        var write = Body(new { children = new[] { new { unitId = tree.CellA.Id, total = 1, expectedVersion = (uint?)null } } });

        foreach (var (client, unit) in new[] { (staff, tree.Province.Id), (secretaryB, tree.CellA.Id), (secretaryB, tree.Commune.Id) })
        {
            var read = await AssertProblemAsync(await client.GetAsync($"/api/units/{unit}/quotas/2026"), HttpStatusCode.NotFound);
            var put = await AssertProblemAsync(await client.PutAsync($"/api/units/{unit}/quotas/2026", write), HttpStatusCode.NotFound);
            Assert.DoesNotContain("Đảng bộ", read.ToString() + put.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Chi bộ", read.ToString() + put.ToString(), StringComparison.Ordinal);
        }

        // Ấp Bắc's secretary reads the cell's own sheet but may not assign anything from it.
        Assert.Equal(HttpStatusCode.OK, (await secretaryB.GetAsync($"/api/units/{tree.CellB.Id}/quotas/2026")).StatusCode);
        await AssertProblemAsync(await secretaryB.PutAsync($"/api/units/{tree.CellB.Id}/quotas/2026", Body(new { children = Array.Empty<object>() })), HttpStatusCode.Forbidden);

        var commune = tree.Commune.Id;
        var year = await AssertProblemAsync(await staff.GetAsync($"/api/units/{commune}/quotas/10000"), HttpStatusCode.BadRequest);
        Assert.Equal(SupportedRange.YearMessage, year.GetProperty("detail").GetString());
        await AssertProblemAsync(await staff.GetAsync($"/api/units/{commune}/quotas/-2026"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await staff.PutAsync($"/api/units/{commune}/quotas/0", write), HttpStatusCode.BadRequest);
        var id = await AssertProblemAsync(await staff.GetAsync("/api/units/0/quotas/2026"), HttpStatusCode.BadRequest);
        Assert.Contains("số nguyên dương", id.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(await staff.GetAsync("/api/units/-7/reports/2026"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await staff.GetAsync("/api/candidates/0"), HttpStatusCode.BadRequest);

        var url = $"/api/units/{commune}/quotas/2026";
        foreach (var body in new[]
        {
            "", "{", "null", "[]", "{}", "{\"children\": null}", "{\"children\": [null]}", "{\"children\": [{\"unitId\": 1, \"total\": 99999999999}]}",
            "{\"children\": [{\"unitId\": \"x\"}]}", "{\"children\": [{\"unitId\": 1, \"expectedVersion\": -1}]}", "{\"children\": [], \"own\": {\"total\": 1}}",
            "{\"children\": [{\"unitId\": 1, \"total\": 100001}]}",
        })
        {
            var response = await staff.PutAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Matches("[À-ỹ]", problem.GetProperty("detail").GetString());
        }

        await AssertProblemAsync(await staff.PutAsync(url, new StringContent("total=1", Encoding.UTF8, "application/x-www-form-urlencoded")), HttpStatusCode.UnsupportedMediaType);
        await using var db = app.Database.CreateContext();
        Assert.Equal(2, await db.Quotas.Where(q => q.OrgUnitId == tree.CellA.Id).Select(q => q.Total).SingleAsync());
    }

    [Fact]
    public async Task A_top_unit_s_own_quota_is_written_by_an_administrator()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var admin = await app.AdminClientAsync(tree.Province.Id);
        var api = Bearer(app, await ApiTests.CreateTokenAsync(admin, "quản trị"));
        var url = $"/api/units/{tree.Province.Id}/quotas/2026";

        var sheet = await Json(await Ok(await api.GetAsync(url)));
        Assert.True(sheet.GetProperty("isTop").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sheet.GetProperty("quota").ValueKind);

        var saved = await Json(await Ok(await api.PutAsync(url, Body(new { own = new { total = 40, expectedVersion = (uint?)null } }))));
        Assert.Equal(40, saved.GetProperty("sheet").GetProperty("quota").GetProperty("total").GetInt32());
        await AssertProblemAsync(await api.PutAsync(url, Body(new { own = new { total = 41, expectedVersion = (uint?)null } })), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Categories_are_listed_in_order_and_read_in_the_caller_s_language()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var api = Bearer(app, await ApiTests.CreateTokenAsync(await app.SecretaryAsync(tree.CellA), "bí thư"));

        var vietnamese = (await Json(await Ok(await api.GetAsync("/api/categories")))).EnumerateArray().ToList();
        Assert.True(vietnamese.Count >= DefaultSourceCategories.All.Count);
        Assert.Equal(vietnamese.OrderBy(c => c.GetProperty("sortOrder").GetInt32()).Select(c => c.GetProperty("id").GetInt32()), vietnamese.Select(c => c.GetProperty("id").GetInt32()));
        var woman = vietnamese.Single(c => c.GetProperty("code").GetString() == DefaultSourceCategories.Woman);
        Assert.Equal(DefaultSourceCategories.All.Single(c => c.Code == DefaultSourceCategories.Woman).Name, woman.GetProperty("name").GetString());

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/categories");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,vi;q=0.5");
        var english = (await Json(await Ok(await api.SendAsync(request)))).EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == DefaultSourceCategories.Woman);
        Assert.NotEqual(woman.GetProperty("name").GetString(), english.GetProperty("name").GetString());
        Assert.DoesNotMatch("[À-ỹ]", english.GetProperty("name").GetString()!);
    }

    private static JsonElement Child(JsonElement sheet, int unitId) =>
        sheet.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("unitId").GetInt32() == unitId);

    private static List<string?> FieldMessages(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString())];

    private static StringContent Body(object value) =>
        new(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    private static HttpClient Bearer(DangVienApp app, string token)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpResponseMessage> Ok(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
