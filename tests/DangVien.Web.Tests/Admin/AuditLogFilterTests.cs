using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;

namespace DangVien.Web.Tests.Admin;

/// <summary>The audit log read in words, filtered by days, user, action and subject, through real HTTP.</summary>
public sealed partial class AuditLogFilterTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task Each_filter_alone_and_all_together_pick_the_right_lines()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        await using (var db = app.Database.CreateContext())
        {
            db.AuditEntries.AddRange(
                Line(new DateTime(2026, 2, 28, 23, 59, 59), "vanphong", AuditActions.CandidateView, "candidate:1"),
                // 00:30 on 01/03 in Vietnam is still 28/02 in UTC: the days are Vietnam's.
                Line(new DateTime(2026, 3, 1, 0, 30, 0), "vanphong", AuditActions.CandidateView, "candidate:2"),
                Line(new DateTime(2026, 3, 15, 10, 0, 0), "bithu", AuditActions.ReportUnfreeze, "unit:7"),
                Line(new DateTime(2026, 3, 31, 23, 59, 0), "vanphong", AuditActions.ReportUnfreeze, "unit:8"),
                Line(new DateTime(2026, 4, 1, 0, 0, 0), "vanphong", AuditActions.CandidateView, "candidate:3"));
            await db.SaveChangesAsync();
        }

        Assert.Equal(["unit:8", "unit:7", "candidate:2"], await SubjectsAsync(admin, "since=01/03/2026&until=31/03/2026"));
        Assert.Equal(["candidate:3", "unit:8", "unit:7", "candidate:2"], (await SubjectsAsync(admin, "since=1/3/2026")).Where(s => s != "user:quantri"));
        Assert.Equal(["unit:8", "unit:7", "candidate:2", "candidate:1"], await SubjectsAsync(admin, "until=31.03.2026"));
        Assert.Equal(["unit:8", "unit:7"], await SubjectsAsync(admin, "action=report.unfreeze"));
        Assert.Equal(["unit:7"], await SubjectsAsync(admin, "user=bithu"));
        Assert.Equal(["unit:8", "unit:7"], await SubjectsAsync(admin, "subject=unit"));
        Assert.Equal(["unit:8"], await SubjectsAsync(admin, "user=vanphong&action=report.unfreeze&subject=unit&since=01/03/2026&until=31/03/2026"));
        Assert.Equal(["candidate:2"], await SubjectsAsync(admin, "user=vanphong&action=candidate.view&since=01/03/2026&until=31/03/2026"));

        // The filters stay in the form and in the links of the lines and the pager.
        var page = await Pages.GetAsync(admin, "/admin/audit?user=vanphong&action=report.unfreeze&since=01/03/2026");
        Assert.Equal("01/03/2026", page.QuerySelector("#audit-since")!.GetAttribute("value"));
        Assert.Equal("report.unfreeze", page.QuerySelector("#audit-action option[selected]")!.GetAttribute("value"));
        Assert.Equal("Mở khóa số liệu năm", page.QuerySelector("#audit-action option[selected]")!.TextContent);
        Assert.Equal(
            "/admin/audit?user=vanphong&action=report.unfreeze&subject=unit%3A8&since=01%2F03%2F2026",
            page.QuerySelector("table.audit-table tbody tr td:nth-child(4) a")!.GetAttribute("href"));
        Assert.Equal("(1)", page.QuerySelector(".audit-count")!.TextContent);
    }

    [Fact]
    public void Every_action_has_words_in_Vietnamese_and_in_English_and_no_other_action_is_written()
    {
        var vietnamese = Resources("UiText.resx");
        var english = Resources("UiText.en.resx");

        Assert.True(AuditActions.All.Count >= 30, $"only {AuditActions.All.Count} actions");
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct().Count());
        foreach (var action in AuditActions.All)
        {
            Assert.True(vietnamese.TryGetValue("AuditAction." + action, out var vi), $"{action} has no Vietnamese words");
            Assert.True(english.TryGetValue("AuditAction." + action, out var en), $"{action} has no English words");
            Assert.Matches(VietnameseLetter(), vi);
            Assert.DoesNotMatch(VietnameseLetter(), en);
            Assert.NotEqual(action, en);
        }

        // A code that is not one of them (and so has no words) cannot be written.
        var access = new CurrentAccess(new SystemUser("test"), null!, TimeProvider.System);
        Assert.Throws<ArgumentException>(() => access.AuditAsync("report.thaw", "unit:1").GetAwaiter().GetResult());
    }

    [Fact]
    public async Task The_actions_read_in_English_with_the_language_cookie()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        await using (var db = app.Database.CreateContext())
        {
            db.AuditEntries.Add(Line(new DateTime(2026, 3, 15, 10, 0, 0), "quantri", AuditActions.ReportUnfreeze, "unit:7"));
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/language?ui=en&returnUrl=%2F")).StatusCode);
        var page = await Pages.GetAsync(admin, "/admin/audit?action=report.unfreeze");

        Assert.Equal("Unfroze a year's figures report.unfreeze", Pages.Rows(page, "table.audit-table").Single()[2]);
        Assert.Equal(["Action", "From (day/month/year)", "To (day/month/year)"], new[] { "audit-action", "audit-since", "audit-until" }.Select(id => Squash(page.QuerySelector($"label[for={id}]")!.TextContent)));
        Assert.Equal("Every action", page.QuerySelector("#audit-action option")!.TextContent);
        Assert.DoesNotMatch(VietnameseLetter(), string.Concat(page.QuerySelectorAll("#audit-action option").Select(o => o.TextContent)));
    }

    [Fact]
    public async Task Absurd_filters_are_shown_with_a_Vietnamese_message_next_to_the_field_and_never_fail()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        await using (var db = app.Database.CreateContext())
        {
            for (var i = 1; i <= 60; i++)
            {
                db.AuditEntries.Add(Line(new DateTime(2026, 3, 1, 8, 0, 0).AddMinutes(i), "vanphong", AuditActions.CandidateView, $"candidate:{i}"));
            }

            await db.SaveChangesAsync();
        }

        var badDay = await Pages.GetAsync(admin, "/admin/audit?since=31/02/2026&until=abc");
        Assert.Equal(["Không có ngày 31/02/2026."], Pages.Messages(badDay, "#audit-since-error"));
        Assert.Equal(["Ngày phải theo dạng ngày/tháng/năm, ví dụ 05/03/2026."], Pages.Messages(badDay, "#audit-until-error"));
        Assert.Equal("31/02/2026", badDay.QuerySelector("#audit-since")!.GetAttribute("value"));
        Assert.Equal("true", badDay.QuerySelector("#audit-since")!.GetAttribute("aria-invalid"));
        Assert.Equal(50, Pages.Rows(badDay, "table.audit-table").Count);

        var reversed = await Pages.GetAsync(admin, "/admin/audit?since=02/03/2026&until=01/03/2026");
        Assert.Equal(["Ngày cuối phải từ ngày 02/03/2026 trở đi."], Pages.Messages(reversed, "#audit-until-error"));

        var unknown = await Pages.GetAsync(admin, "/admin/audit?action=drop%20table&user=%25_%5C");
        Assert.Equal(["Không có loại thao tác này trong nhật ký."], Pages.Messages(unknown, "#audit-action-error"));
        Assert.Equal("Không có dòng nhật ký nào khớp với bộ lọc.", unknown.QuerySelector(".empty")!.TextContent);

        var tooOld = await Pages.GetAsync(admin, "/admin/audit?since=01/01/1800&until=31/12/9999");
        Assert.Single(Pages.Messages(tooOld, "#audit-since-error"));
        Assert.Single(Pages.Messages(tooOld, "#audit-until-error"));

        // A page past the last shows the last; a page that is no page number is refused before the page reads it.
        var last = await Pages.GetAsync(admin, "/admin/audit?user=vanphong&page=99999");
        Assert.Equal("Trang 2 / 2", last.QuerySelector(".pager__current")!.TextContent);
        Assert.Equal(10, Pages.Rows(last, "table.audit-table").Count);
        foreach (var page in new[] { "0", "-1", "x", "99999999999" })
        {
            var refused = await admin.GetAsync($"/admin/audit?page={page}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("số trang là một số từ 1 đến 100.000.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task<List<string>> SubjectsAsync(HttpClient admin, string query) =>
        [.. Pages.Rows(await Pages.GetAsync(admin, "/admin/audit?" + query), "table.audit-table").Select(r => r[3])];

    private static AuditEntry Line(DateTime inVietnam, string user, string action, string subject) =>
        new() { At = new DateTimeOffset(inVietnam, Vietnam).ToUniversalTime(), UserName = user, Action = action, Subject = subject };

    private static Dictionary<string, string> Resources(string file) =>
        XDocument.Load(Path.Combine(Testing.PostgresServer.RepositoryRoot(), "src", "DangVien.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();
}
