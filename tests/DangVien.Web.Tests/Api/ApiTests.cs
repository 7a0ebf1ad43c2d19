using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DangVien.Core.Domain;
using DangVien.Web.Tests.Candidates;
using DangVien.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests.Api;

/// <summary>The JSON API over the real app: tokens, scope, masking, problems in JSON, the OpenAPI document, the import.</summary>
public sealed class ApiTests
{
    [Fact]
    public async Task Anonymous_requests_get_a_401_json_problem_and_never_the_sign_in_page()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var anonymous = app.Client();

        foreach (var url in new[] { "/api/units", $"/api/units/{tree.Commune.Id}", "/api/candidates", "/api/candidates/1", $"/api/units/{tree.Commune.Id}/reports/2026", $"/api/units/{tree.Commune.Id}/alerts", "/api/nothing-here" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Headers.Location);
            var problem = await Json(response);
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            Assert.Contains("Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var post = await anonymous.PostAsync("/api/import/candidates", new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);

        var wrongToken = app.Client();
        wrongToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "dv_not-a-real-token");
        var refused = await wrongToken.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("không hợp lệ", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The API's equivalent of the page crawl (Security/AnonymousCrawlTests): every /api endpoint of the route table, asked without a sign-in.</summary>
    [Fact]
    public async Task Every_api_endpoint_in_the_route_table_answers_anonymous_requests_with_a_401_json_problem()
    {
        await using var app = await DangVienApp.StartAsync();
        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(endpoints.Count >= 7, string.Join(", ", endpoints.Select(e => e.RoutePattern.RawText)));

        var client = app.Client();
        foreach (var endpoint in endpoints)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!, @"\{\**([a-z]+)[^}]*\}", m => m.Groups[1].Value == "kind" ? "candidates" : m.Groups[1].Value == "rest" ? "x" : "1");
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task A_token_made_on_the_tokens_page_acts_as_its_user_records_its_use_and_stops_working_once_revoked()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);

        var token = await CreateTokenAsync(staff, "Sổ tay Tân Lập");
        Assert.StartsWith("dv_", token, StringComparison.Ordinal);
        var api = Bearer(app, token);

        var units = await Json(await api.GetAsync("/api/units?pageSize=2"));
        Assert.Equal(3, units.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, units.GetProperty("items").GetArrayLength());
        Assert.Equal(2, units.GetProperty("pageCount").GetInt32());
        var names = (await Json(await api.GetAsync("/api/units?page=1&pageSize=50"))).GetProperty("items").EnumerateArray().Select(u => u.GetProperty("name").GetString()).ToList();
        Assert.Contains("Đảng bộ xã Tân Lập", names);
        Assert.DoesNotContain("Đảng bộ tỉnh Thử Nghiệm", names);
        Assert.Equal("CommuneCommittee", (await Json(await api.GetAsync($"/api/units/{tree.Commune.Id}"))).GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/units/{tree.Province.Id}")).StatusCode);

        await using (var db = app.Database.CreateContext())
        {
            var stored = await db.ApiTokens.SingleAsync();
            Assert.NotNull(stored.LastUsedAt);
            Assert.Equal(64, stored.TokenHash.Length);
            Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        }

        // The list shows it once used, never the token itself.
        var list = await staff.GetStringAsync("/account/tokens");
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
        Assert.Contains("Sổ tay Tân Lập", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.DoesNotContain("chưa dùng", WebUtility.HtmlDecode(list), StringComparison.Ordinal);

        var page = await DangVienApp.ParseAsync(await staff.GetAsync("/account/tokens"));
        var id = page.QuerySelector("button[form=token-revoke]")!.GetAttribute("value")!;
        var revoked = await Forms.PostAsync(staff, "/account/tokens", Forms.Form(page, "#token-revoke"), new() { ["id"] = id });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("Đã thu hồi", (await DangVienApp.ParseAsync(revoked)).Body!.TextContent, StringComparison.Ordinal);

        // Again, from the same (now stale) page: a message, not an error.
        var again = await Forms.PostAsync(staff, "/account/tokens", Forms.Form(page, "#token-revoke"), new() { ["id"] = id });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var afterRevoke = await api.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal("application/problem+json", afterRevoke.Content.Headers.ContentType?.MediaType);

        // Another user's list does not show it, and cannot revoke it.
        var other = await app.SecretaryAsync(tree.CellA);
        Assert.DoesNotContain("Sổ tay Tân Lập", WebUtility.HtmlDecode(await other.GetStringAsync("/account/tokens")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Candidates_are_scoped_like_the_pages_a_sibling_s_file_is_404_and_the_own_cell_s_secretary_sees_personal_data()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var candidate = await app.ReadyForVoteAsync(tree.CellA);
        await using (var db = app.Database.CreateContext())
        {
            var file = await db.Candidates.FindAsync(candidate);
            file!.CitizenId = "001204012345";
            file.FamilyBackground = "Bố: nông dân, đảng viên";
            await db.SaveChangesAsync();
        }

        var staff = Bearer(app, await CreateTokenAsync(await app.StaffAsync(tree), "văn phòng"));
        var secretaryA = Bearer(app, await CreateTokenAsync(await app.SecretaryAsync(tree.CellA, "bithu.a"), "bí thư A"));
        var secretaryB = Bearer(app, await CreateTokenAsync(await app.SecretaryAsync(tree.CellB, "bithu.b"), "bí thư B"));

        var forStaff = await Json(await staff.GetAsync($"/api/candidates/{candidate}"));
        Assert.Equal("001204012345", forStaff.GetProperty("citizenId").GetString());
        Assert.Equal("Bố: nông dân, đảng viên", forStaff.GetProperty("familyBackground").GetString());
        Assert.True(forStaff.GetProperty("history").GetArrayLength() >= 6);

        var forSecretary = await Json(await secretaryA.GetAsync($"/api/candidates/{candidate}"));
        Assert.Equal("001204012345", forSecretary.GetProperty("citizenId").GetString());
        Assert.Equal("Bố: nông dân, đảng viên", forSecretary.GetProperty("familyBackground").GetString());
        Assert.True(forSecretary.GetProperty("showsPersonalData").GetBoolean());
        Assert.Equal(0, forSecretary.GetProperty("hiddenFields").GetArrayLength());

        var sibling = await secretaryB.GetAsync($"/api/candidates/{candidate}");
        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
        Assert.Equal("application/problem+json", sibling.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await secretaryB.GetAsync($"/api/candidates?unit={tree.CellA.Id}")).StatusCode);
        Assert.Equal(0, (await Json(await secretaryB.GetAsync($"/api/candidates?unit={tree.CellB.Id}"))).GetProperty("totalCount").GetInt32());

        var list = await Json(await staff.GetAsync($"/api/candidates?unit={tree.Commune.Id}&stage=Opinions&q=hong"));
        Assert.Equal(candidate, list.GetProperty("items")[0].GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/api/candidates?unit={tree.Commune.Id}&stage=nope")).StatusCode);

        var report = await staff.GetAsync($"/api/units/{tree.Commune.Id}/reports/2026");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretaryB.GetAsync($"/api/units/{tree.Commune.Id}/reports/2026")).StatusCode);
        var alerts = await Json(await staff.GetAsync($"/api/units/{tree.Commune.Id}/alerts?date=2026-08-03"));
        Assert.True(alerts.GetProperty("totalCount").GetInt32() >= 0);
        Assert.Equal(HttpStatusCode.NotFound, (await secretaryB.GetAsync($"/api/units/{tree.CellA.Id}/alerts")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_is_served_and_lists_the_api_endpoints()
    {
        await using var app = await DangVienApp.StartAsync();
        var response = await app.Client().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Json(response);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/units", "/api/units/{id}", "/api/units/{id}/alerts", "/api/units/{id}/reports/{year}", "/api/candidates", "/api/candidates/{id}", "/api/import/{kind}" })
        {
            Assert.Contains(path, paths);
        }

        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Importing_through_the_api_needs_the_token_checks_then_writes_and_a_cookie_alone_cannot_write()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var api = Bearer(app, await CreateTokenAsync(staff, "nhập tệp"));
        var members = ImportFiles.Csv(ImportFiles.MemberHeader, ImportFiles.Members);

        var byCookie = await staff.PostAsync("/api/import/members?mode=all", File(members, "dang-vien.csv"));
        Assert.Equal(HttpStatusCode.Forbidden, byCookie.StatusCode);
        Assert.Contains("mã truy cập", (await Json(byCookie)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var dryRun = await Json(await api.PostAsync("/api/import/members", File(members, "dang-vien.csv")));
        Assert.Equal("dry-run", dryRun.GetProperty("mode").GetString());
        Assert.Equal(3, dryRun.GetProperty("validRows").GetInt32());
        Assert.False(dryRun.GetProperty("committed").GetBoolean());

        var written = await Json(await api.PostAsync("/api/import/members?mode=all", File(members, "dang-vien.csv")));
        Assert.True(written.GetProperty("committed").GetBoolean());
        Assert.Equal(3, written.GetProperty("written").GetInt32());

        var bad = ImportFiles.VotedCandidate("001099000020", "Tạ Thị Kim");
        bad[7] = "10/01/2030";
        var candidates = await Json(await api.PostAsync("/api/import/candidates?mode=all",
            File(ImportFiles.Csv(ImportFiles.CandidateHeader, ImportFiles.VotedCandidate("001099000021", "Mai Văn Lộc"), bad), "quan-chung.csv")));
        Assert.False(candidates.GetProperty("committed").GetBoolean());
        var error = candidates.GetProperty("errors")[0];
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("ngay_tao_nguon", error.GetProperty("column").GetString());

        var validOnly = await Json(await api.PostAsync("/api/import/candidates?mode=valid-only",
            File(ImportFiles.Csv(ImportFiles.CandidateHeader, ImportFiles.VotedCandidate("001099000021", "Mai Văn Lộc"), bad), "quan-chung.csv")));
        Assert.Equal(1, validOnly.GetProperty("written").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("/api/import/candidates?mode=everything", File(members, "x.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/import/nothing", File(members, "x.csv"))).StatusCode);

        // A cell secretary's token cannot write anything.
        var secretary = Bearer(app, await CreateTokenAsync(await app.SecretaryAsync(tree.CellA), "bí thư"));
        var refused = await Json(await secretary.PostAsync("/api/import/members?mode=all", File(members, "dang-vien.csv")));
        Assert.False(refused.GetProperty("committed").GetBoolean());
        Assert.Equal(0, refused.GetProperty("errors")[0].GetProperty("row").GetInt32());
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Candidates.CountAsync());
    }

    [Fact]
    public async Task Quotas_exits_and_categories_import_through_the_api_with_the_token_and_the_rights_of_each_kind()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var api = Bearer(app, await CreateTokenAsync(staff, "nhập tệp"));
        Assert.True((await Json(await api.PostAsync("/api/import/members?mode=all", File(ImportFiles.Csv(ImportFiles.MemberHeader, ImportFiles.Members), "dv.csv"))))
            .GetProperty("committed").GetBoolean());
        Assert.True((await Json(await api.PostAsync("/api/import/candidates?mode=all",
            File(ImportFiles.Csv(ImportFiles.CandidateHeader, ImportFiles.VotedCandidate("001099000031", "Mai Văn Dừng")), "qc.csv")))).GetProperty("committed").GetBoolean());

        // C01's 2026 quota (2) changes to 3 with a target; C02 gets its first 2027 quota; C02's 2026 quota is already 1.
        var quotas = ImportFiles.Csv(["ma_don_vi", "nam", "chi_tieu", "chi_tieu_theo_doi_tuong"],
            ["C01", "2026", "3", "doan-vien:1"], ["C02", "2027", "1", ""], ["C02", "2026", "1", ""]);
        var byCookie = await staff.PostAsync("/api/import/quotas?mode=all", File(quotas, "chi-tieu.csv"));
        Assert.Equal(HttpStatusCode.Forbidden, byCookie.StatusCode);
        var checkedQuotas = await Json(await api.PostAsync("/api/import/quotas", File(quotas, "chi-tieu.csv")));
        Assert.Equal(("quotas", 2, 1, false), (checkedQuotas.GetProperty("kind").GetString(), checkedQuotas.GetProperty("validRows").GetInt32(),
            checkedQuotas.GetProperty("existingRows").GetInt32(), checkedQuotas.GetProperty("committed").GetBoolean()));
        var writtenQuotas = await Json(await api.PostAsync("/api/import/quotas?mode=all", File(quotas, "chi-tieu.csv")));
        Assert.Equal(2, writtenQuotas.GetProperty("written").GetInt32());

        var exits = ImportFiles.Csv(["so_cccd", "hinh_thuc", "ngay", "ly_do_dung_xem_xet", "so_quyet_dinh_xoa_ten", "noi_dung"],
            ["001099000031", "dung_xem_xet", "01/08/2026", "chuyen_di", "", "Chuyển đi tỉnh khác"]);
        var writtenExits = await Json(await api.PostAsync("/api/import/exits?mode=all", File(exits, "dung.csv")));
        Assert.True(writtenExits.GetProperty("committed").GetBoolean(), writtenExits.ToString());

        // Committee staff of a commune may not edit the province's categories: the file is refused as a whole.
        var categories = await Json(await api.PostAsync("/api/import/categories?mode=all",
            File(ImportFiles.Csv(["ma_doi_tuong", "ten_doi_tuong"], ["cong-nhan", "Công nhân"]), "dt.csv")));
        Assert.False(categories.GetProperty("committed").GetBoolean());
        Assert.Equal(0, categories.GetProperty("errors")[0].GetProperty("row").GetInt32());

        await using var db = app.Database.CreateContext();
        var cellA = await db.Quotas.Include(q => q.CategoryTargets).SingleAsync(q => q.OrgUnitId == tree.CellA.Id && q.Year == 2026);
        Assert.Equal((3, 1), (cellA.Total, cellA.CategoryTargets.Single().Target));
        Assert.Equal(1, (await db.Quotas.SingleAsync(q => q.OrgUnitId == tree.CellB.Id && q.Year == 2027)).Total);
        Assert.Equal(CandidateStage.Exited, (await db.Candidates.SingleAsync(c => c.CitizenId == "001099000031")).Stage);
        Assert.False(await db.SourceCategories.AnyAsync(s => s.Code == "cong-nhan"));
    }

    /// <summary>Creates a token on /account/tokens as the signed-in client would, and reads it from the page (shown once).</summary>
    public static async Task<string> CreateTokenAsync(HttpClient client, string name)
    {
        var response = await Forms.PostAsync(client, "/account/tokens", "#token-create", new() { ["name"] = name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await DangVienApp.ParseAsync(response);
        return page.QuerySelector("#token-value")?.TextContent.Trim() ?? throw new InvalidOperationException("no token shown");
    }

    private static HttpClient Bearer(DangVienApp app, string token)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static MultipartFormDataContent File(byte[] content, string name) => new() { { new ByteArrayContent(content), "file", name } };

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
