using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Web.Components.Pages.Candidates;

namespace DangVien.Web.Tests;

/// <summary>The interface's text resources: every key a page asks for exists in every language, and the switch works.</summary>
public sealed partial class UiTextTests
{
    private static string WebProject => Path.Combine(Testing.PostgresServer.RepositoryRoot(), "src", "DangVien.Web");

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    [Fact]
    public void Every_key_the_pages_use_is_in_the_Vietnamese_and_the_English_resources()
    {
        var vietnamese = Keys("UiText.resx");
        var english = Keys("UiText.en.resx");
        var prefixes = vietnamese.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(Path.Combine(WebProject, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, Literal: !m.Groups[1].Success)))
            // A bare literal counts as a key only under a prefix the resources use ("Common.", "Nav."), not "Input.FullName".
            .Where(u => !u.Literal || prefixes.Contains(u.Key[..u.Key.IndexOf('.', StringComparison.Ordinal)]))
            .Select(u => (u.File, u.Key))
            .ToList();

        Assert.True(used.Count >= 30, $"only {used.Count} uses");
        Assert.Empty(used.Where(u => !vietnamese.Contains(u.Key)).Select(u => $"{u.File}: {u.Key} (vi)"));
        Assert.Empty(used.Where(u => !english.Contains(u.Key)).Select(u => $"{u.File}: {u.Key} (en)"));
        Assert.Equal(vietnamese.Order(), english.Order());
    }

    [Fact]
    public void Every_key_the_exports_use_is_in_the_Vietnamese_and_the_English_resources()
    {
        var vietnamese = Keys("UiText.resx");
        var english = Keys("UiText.en.resx");
        var prefixes = vietnamese.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(Path.Combine(WebProject, "Endpoints"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => CodeKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(u => prefixes.Contains(u.Key[..u.Key.IndexOf('.', StringComparison.Ordinal)]))
            .ToList();

        Assert.True(used.Count >= 60, $"only {used.Count} uses");
        Assert.Empty(used.Where(u => !vietnamese.Contains(u.Key)).Select(u => $"{u.File}: {u.Key} (vi)"));
        Assert.Empty(used.Where(u => !english.Contains(u.Key)).Select(u => $"{u.File}: {u.Key} (en)"));
    }

    [Fact]
    public async Task The_footer_link_switches_to_English_and_back_dates_stay_day_first()
    {
        var (app, tree) = await Candidates.CandidateFiles.StartAsync();
        await using var _ = app;
        await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        var client = await app.SignedInClientAsync("vanphong");

        var vietnamese = await DangVienApp.ParseAsync(await client.GetAsync("/alerts"));
        Assert.Equal("vi", vietnamese.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Cảnh báo hạn", vietnamese.QuerySelector("h1")!.TextContent);
        var link = vietnamese.QuerySelector(".language-link")!.GetAttribute("href")!;
        Assert.Equal("/language?ui=en&returnUrl=%2Falerts", link);

        var switched = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/alerts", switched.Headers.Location!.OriginalString);
        var english = await DangVienApp.ParseAsync(await client.GetAsync("/alerts"));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Deadlines", english.QuerySelector("h1")!.TextContent);
        Assert.Equal("Candidate files", english.QuerySelector(".app-nav a[href='/candidates']")!.TextContent);
        Assert.Contains("as of 03/08/2026", english.QuerySelector("form + p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tiếng Việt", english.QuerySelector(".language-link")!.TextContent);
        var report = await DangVienApp.ParseAsync(await client.GetAsync("/reports?year=2026"));
        Assert.Equal("Yearly report 2026", report.QuerySelector("h1")!.TextContent);
        Assert.Equal("1. Admissions against the quota", report.QuerySelector("#quota-heading")!.TextContent);
        Assert.Equal("2. Members and admission rate", report.QuerySelector("#members-heading")!.TextContent);
        Assert.Equal("Members on 31/12/2025", report.QuerySelector("#members-heading + .stats dt")!.TextContent);
        Assert.Equal("Download:", report.QuerySelector(".report-tools span")!.TextContent);

        await client.GetAsync(english.QuerySelector(".language-link")!.GetAttribute("href"));
        Assert.Equal("Cảnh báo hạn", (await DangVienApp.ParseAsync(await client.GetAsync("/alerts"))).QuerySelector("h1")!.TextContent);
        Assert.Equal("Báo cáo năm 2026", (await DangVienApp.ParseAsync(await client.GetAsync("/reports?year=2026"))).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_step_form_and_the_quota_sheet_read_in_English_with_the_language_cookie()
    {
        var (app, tree) = await Candidates.CandidateFiles.StartAsync();
        await using var _ = app;
        var staff = await Candidates.CandidateFiles.StaffAsync(app, tree);
        var id = await Candidates.CandidateFiles.ReadyForVoteAsync(app, tree.CellA);
        var formUrl = ActionRoutes.Form(id, AdmissionAction.RecordCellVote);
        var quotaUrl = $"/units/{tree.Commune.Id}/quotas?year=2026";

        var vietnamese = await DangVienApp.ParseAsync(await staff.GetAsync(formUrl));
        Assert.Equal("Ngày chi bộ biểu quyết *", Label(vietnamese, "f-VotedOn"));
        Assert.Equal("Ghi nhận", vietnamese.QuerySelector("#action-form #submit-step")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/language?ui=en&returnUrl=%2F")).StatusCode);

        var form = await DangVienApp.ParseAsync(await staff.GetAsync(formUrl));
        Assert.Equal("Date of the cell's vote *", Label(form, "f-VotedOn"));
        Assert.Equal("Members in favour", Label(form, "f-InFavour"));
        Assert.Equal("Record", form.QuerySelector("#action-form #submit-step")!.TextContent.Trim());
        Assert.Equal("Cancel", form.QuerySelector("#action-form .form-actions a")!.TextContent);
        Assert.Equal("Boxes marked * are required. Dates are day/month/year, e.g. 05/03/2026.", form.QuerySelector(".form-legend")!.TextContent);
        Assert.Equal("12", form.QuerySelector("#f-OfficialMembers")!.GetAttribute("value"));
        Assert.DoesNotContain(form.QuerySelectorAll("#action-form label, #action-form button, .breadcrumb a:first-child").Select(e => e.TextContent), Untranslated);

        var sheet = await DangVienApp.ParseAsync(await staff.GetAsync(quotaUrl));
        Assert.Equal("Admission quota for 2026", sheet.QuerySelector("h1")!.TextContent);
        Assert.Equal("Quotas of the units under it", sheet.QuerySelector("#children-heading")!.TextContent);
        Assert.Equal("Save the quotas for 2026", sheet.QuerySelector("#save-quotas")!.TextContent.Trim());
        Assert.Equal("Members on 31/12/2025", sheet.QuerySelector(".quota-table thead th:nth-child(2)")!.TextContent);
        Assert.DoesNotContain(sheet.QuerySelectorAll("dt, th, summary, button").Select(e => e.TextContent), Untranslated);
    }

    /// <summary>Text with a Vietnamese letter, leaving out the procedure's form codes ("6-KNĐ"), which keep their names in English.</summary>
    private static bool Untranslated(string text) => Vietnamese().IsMatch(text.Replace("KNĐ", "", StringComparison.Ordinal));

    private static string Label(AngleSharp.Dom.IDocument page, string id) => page.QuerySelector($"label[for={id}]")!.ChildNodes[0].TextContent;

    [Fact]
    public async Task The_language_link_works_before_sign_in_and_never_sends_elsewhere()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = app.Client();

        var away = await client.GetAsync("/language?ui=en&returnUrl=//example.com/x");
        Assert.Equal("/", away.Headers.Location!.OriginalString);
        var cookie = away.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".dangvien.language=", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var login = await DangVienApp.ParseAsync(await client.SendAsync(request));
        Assert.Equal("Sign in", login.QuerySelector("h1")!.TextContent);
        Assert.Equal("User name", login.QuerySelector("label[for=login-username]")!.TextContent);
    }

    /// <summary>A key: <c>L["Nav.Candidates"]</c>, or a literal shaped like one (<c>"Common.Quota"</c>) handed to <c>L[…]</c> later.</summary>
    [GeneratedRegex("""L\["([^"]+)"[,\]]|"([A-Z][A-Za-z]+\.[A-Z][A-Za-z0-9]+)"[,:)\s]""")]
    private static partial Regex Key();

    /// <summary>A literal shaped like a key in C# code (<c>T("Export.Value")</c>, <c>"Reports.Official"</c> in a conditional).</summary>
    [GeneratedRegex(@"""([A-Z][A-Za-z]+\.[A-Z][A-Za-z0-9]+)""")]
    private static partial Regex CodeKey();

    /// <summary>A Vietnamese letter with a diacritic: text that was not translated.</summary>
    [GeneratedRegex("[À-ỹ]")]
    private static partial Regex Vietnamese();
}
