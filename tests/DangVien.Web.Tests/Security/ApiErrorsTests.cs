using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DangVien.Core.Common;
using DangVien.Web.Tests.Api;
using DangVien.Web.Tests.Candidates;
using Npgsql;

namespace DangVien.Web.Tests.Security;

/// <summary>Every error of /api, whoever produces it, is a JSON problem with a Vietnamese title; pages keep HTML.</summary>
public sealed class ApiErrorsTests
{
    [Fact]
    public async Task Binding_guard_method_range_and_server_errors_of_the_API_are_JSON_problems()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var token = app.Client();
        token.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTests.CreateTokenAsync(staff, "lỗi"));
        var unit = tree.Commune.Id.ToString(CultureInfo.InvariantCulture);

        await AssertProblemAsync(await app.Client().GetAsync("/api/units"), HttpStatusCode.Unauthorized, "Chưa xác thực");
        await AssertProblemAsync(await app.Client().GetAsync("/api/no-such-thing"), HttpStatusCode.Unauthorized, "Chưa xác thực");
        await AssertProblemAsync(await staff.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, "Không tìm thấy");
        await AssertProblemAsync(await staff.GetAsync("/api/units?page=abc"), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        await AssertProblemAsync(await staff.GetAsync("/api/candidates?q=%00"), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        var year = await AssertProblemAsync(await staff.GetAsync($"/api/units/{unit}/reports/10000"), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        Assert.Equal(SupportedRange.YearMessage, year.GetProperty("detail").GetString());
        var date = await AssertProblemAsync(await staff.GetAsync($"/api/units/{unit}/alerts?date=9999-12-31"), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        Assert.Equal(SupportedRange.DateMessage, date.GetProperty("detail").GetString());
        await AssertProblemAsync(await staff.GetAsync("/api/units/2147483647"), HttpStatusCode.NotFound, "Không tìm thấy");
        await AssertProblemAsync(await staff.GetAsync("/api/units/abc"), HttpStatusCode.NotFound, "Không tìm thấy");
        using (var text = new StringContent("không phải tệp"))
        {
            await AssertProblemAsync(await token.PostAsync("/api/import/candidates", text), HttpStatusCode.UnsupportedMediaType, "Kiểu nội dung không được hỗ trợ");
        }

        await AssertProblemAsync(await token.DeleteAsync($"/api/units/{unit}"), HttpStatusCode.MethodNotAllowed, "Phương thức không được hỗ trợ");

        // A page's error stays an HTML page.
        var page = await staff.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        // A failure inside the API: a JSON 500 without a stack trace.
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP TABLE org_units CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var failed = await AssertProblemAsync(await token.GetAsync("/api/units"), HttpStatusCode.InternalServerError, "Đã xảy ra lỗi");
        Assert.DoesNotContain("Exception", failed.ToString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? title)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (title is not null)
        {
            Assert.Equal(title, problem.GetProperty("title").GetString());
        }

        return problem;
    }
}
