using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DangVien.Load;

/// <summary>One connection: one user signed in with its own cookies, sending requests back to back until the time is up.</summary>
public sealed class Worker(int index, WorkerPlan plan, LoadOptions options, Plan all, Stats stats, Ledger ledger)
{
    /// <summary>The text of the app's 503 page (ErrorPage.razor) when the database is away.</summary>
    public const string UnavailableText = "Không kết nối được cơ sở dữ liệu";

    private static readonly string[] Syllables =
        ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Khánh", "Lan", "Linh", "Minh", "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly Random _random = new(options.RunId * 100 + index);
    private readonly HtmlParser _parser = new();
    private HttpClient _client = null!;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private int _sequence;

    private string Year => Today.Year.ToString(Invariant);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public async Task RunAsync(CancellationToken stop)
    {
        _ = all;
        // Cookies by hand: the app marks its cookies Secure, and HttpClient's container never sends those over plain
        // http (the load runs against http://127.0.0.1); a browser treats localhost as a secure origin and does.
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = 1,
        };
        _client = new HttpClient(handler) { BaseAddress = new Uri(options.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        while (!stop.IsCancellationRequested && !await SignInAsync())
        {
            await Pause(stop);
        }

        while (!stop.IsCancellationRequested)
        {
            try
            {
                await StepAsync();
            }
            catch (SignedOutException)
            {
                while (!stop.IsCancellationRequested && !await SignInAsync())
                {
                    await Pause(stop);
                }
            }
            catch (UnavailableException)
            {
                // The database is away (503 with the message) or the app is restarting: wait a little, as a person would.
                await Pause(stop);
            }
        }
    }

    private static async Task Pause(CancellationToken stop)
    {
        try
        {
            await Task.Delay(500, stop);
        }
        catch (TaskCanceledException)
        {
        }
    }

    private Task StepAsync()
    {
        var r = _random.NextDouble();
        var unit = plan.UnitId.ToString(Invariant);
        return plan.Role switch
        {
            Role.Writer when r < 0.30 => WriteSequenceAsync(),
            Role.Writer when r < 0.65 => GetAsync("dashboard-commune", "/"),
            Role.Writer when r < 0.85 => GetAsync("list-filtered", $"/candidates?unit={unit}&stage=Source&sort=StageSince"),
            Role.Writer => GetAsync("list-overdue", $"/candidates?unit={unit}&overdue=true"),
            Role.CellReader when r < 0.5 => GetAsync("dashboard-cell", "/"),
            Role.CellReader when r < 0.8 || plan.Candidates.Count == 0 => GetAsync("list-cell", $"/candidates?unit={unit}"),
            Role.CellReader => GetAsync("file", $"/candidates/{plan.Candidates[_random.Next(plan.Candidates.Count)]}"),
            Role.CommuneReader when r < 0.5 => GetAsync("dashboard-commune", "/"),
            Role.CommuneReader when r < 0.8 => GetAsync("list-filtered", $"/candidates?unit={unit}&stage=Source&year={Year}&sort=StageSince"),
            Role.CommuneReader => GetAsync("list-overdue", $"/candidates?unit={unit}&overdue=true"),
            Role.Province when r < 0.8 => GetAsync("dashboard-province", "/"),
            _ => GetAsync("report-province", $"/reports?unit={unit}&year={Today.Year - 1}"),
        };
    }

    /// <summary>A new file in one of the commune's cells, then its awareness course and its application, through the forms.</summary>
    private async Task WriteSequenceAsync()
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var citizenId = string.Create(Invariant, $"9{options.RunId % 1000:000}{index % 100:00}{sequence % 1000000:000000}");
        // Name and birth date differ between runs too, so no new file looks like an earlier one (the duplicate warning).
        var run = options.RunId;
        var name = $"Tải {Syllables[run / 20 % 20]} {Syllables[run % 20]} {Syllables[index % 20]} {Syllables[sequence / 400 % 20]} {Syllables[sequence / 20 % 20]} {Syllables[sequence % 20]}";
        var born = new DateOnly(1990, 1, 1).AddDays(run % 2000);
        var cell = plan.Cells[_random.Next(plan.Cells.Count)];
        var form = await FormAsync($"/candidates/new?cell={cell}", "#create-candidate");
        var created = await PostAsync("write-create", form, WriteKind.CreateFile, citizenId,
            ("Input.FullName", name),
            ("Input.DateOfBirth", D(born)),
            ("Input.Sex", "Male"),
            ("Input.CitizenId", citizenId),
            ("Input.Occupation", "Công nhân"),
            ("Input.CategoryIds", form.Categories.FirstOrDefault() ?? "1"),
            ("Input.SourcedOn", D(Today.AddDays(-60))),
            ("Input.DocumentNumber", "01-DS/CB"));
        if (created is not { } location || !TryFileId(location, out var id))
        {
            return;
        }

        var key = id.ToString(Invariant);
        var course = await FormAsync($"/candidates/{key}/actions/awareness-course", "#action-form");
        if (await PostAsync("write-action", course, WriteKind.AwarenessCourse, key,
                ("Input.CertificateNumber", $"GCN-{citizenId}"),
                ("Input.IssuingCentre", "Trung tâm Chính trị huyện"),
                ("Input.IssuedOn", D(Today.AddDays(-40)))) is null)
        {
            return;
        }

        var application = await FormAsync($"/candidates/{key}/actions/application", "#action-form");
        await PostAsync("write-action", application, WriteKind.Application, key,
            ("Input.AppliedOn", D(Today.AddDays(-20))),
            ("Input.Note", "Đơn viết tay"));
    }

    private static string D(DateOnly day) => day.ToString("dd/MM/yyyy", Invariant);

    private static bool TryFileId(string location, out int id)
    {
        var path = (Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : location).Split('?')[0];
        return int.TryParse(path.AsSpan("/candidates/".Length), NumberStyles.None, Invariant, out id) && path.StartsWith("/candidates/", StringComparison.Ordinal);
    }

    private sealed record Form(string Action, List<KeyValuePair<string, string>> Fields, IReadOnlyList<string> Categories);

    private async Task<Form> FormAsync(string url, string selector)
    {
        var body = await GetAsync("form", url);
        var document = await _parser.ParseDocumentAsync(body);
        if (document.QuerySelector(selector) is not IHtmlFormElement form)
        {
            stats.Unexpected($"no form {selector} on {url}");
            throw new UnavailableException();
        }

        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } n } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(n, input.Value));
                    }

                    break;
                case IHtmlInputElement { Name: { Length: > 0 } n } input when input.Type is not ("submit" or "button"):
                    fields.Add(new(n, input.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } n } select:
                    // A required pick left empty (the mentor): the first real option, as a person would choose.
                    var chosen = select.SelectedOptions.FirstOrDefault(o => o.Value.Length > 0)?.Value
                        ?? select.Options.FirstOrDefault(o => o.Value.Length > 0)?.Value ?? "";
                    fields.Add(new(n, chosen));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } n } area:
                    fields.Add(new(n, area.Value));
                    break;
            }
        }

        var categories = document.QuerySelectorAll("input[name='Input.CategoryIds']").Select(c => c.GetAttribute("value") ?? "").ToList();
        return new Form(form.GetAttribute("action") is { Length: > 0 } a ? a : url, fields, categories);
    }

    /// <summary>Posts the form with the given values; the redirect's target when the app confirmed the write, else null.</summary>
    private async Task<string?> PostAsync(string kind, Form form, WriteKind write, string key, params (string Name, string Value)[] values)
    {
        var given = values.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var fields = form.Fields.Where(f => !given.Contains(f.Key)).Concat(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))).ToList();
        var stopwatch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(HttpMethod.Post, form.Action, new FormUrlEncodedContent(fields));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // No answer: the user was told nothing; the write may or may not exist, but never twice.
            ledger.Writes.Add(new Write(write, key, Confirmed: false, "no answer"));
            Disconnected(kind, stopwatch, ex);
            throw new UnavailableException();
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            var body = status == 302 ? "" : await response.Content.ReadAsStringAsync();
            stats.Record(kind, stopwatch.Elapsed.TotalMilliseconds, status.ToString(Invariant));
            if (status == 302 && location.Contains("/account/login", StringComparison.Ordinal))
            {
                ledger.Writes.Add(new Write(write, key, Confirmed: false, "signed out"));
                throw new SignedOutException();
            }

            if (status == 302)
            {
                ledger.Writes.Add(new Write(write, key, Confirmed: true, location));
                return location;
            }

            ledger.Writes.Add(new Write(write, key, Confirmed: false, status.ToString(Invariant)));
            if (status != 200)
            {
                CheckFailure(status, body, $"POST {form.Action}");
                throw new UnavailableException();
            }

            // 200: the form came back with a message (a rule refused it): not an error of the app, but it should not happen here.
            var refused = _parser.ParseDocument(body).QuerySelectorAll(".validation-message, .field-error, .form-error, .notice--error, [role=alert]").Select(e => e.TextContent.Trim());
            stats.Unexpected($"POST {form.Action} refused: {string.Join(" | ", refused)}");
            return null;
        }
    }

    private async Task<string> GetAsync(string kind, string url)
    {
        var stopwatch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(HttpMethod.Get, url, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Disconnected(kind, stopwatch, ex);
            throw new UnavailableException();
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            stats.Record(kind, stopwatch.Elapsed.TotalMilliseconds, status.ToString(Invariant));
            if (status == 302 && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true)
            {
                throw new SignedOutException();
            }

            if (status != 200)
            {
                CheckFailure(status, body, $"GET {url}");
                throw new UnavailableException();
            }

            return body;
        }
    }

    private void Disconnected(string kind, Stopwatch stopwatch, Exception ex)
    {
        stats.Record(kind, stopwatch.Elapsed.TotalMilliseconds, "no answer");
        if (!options.TolerateDisconnects)
        {
            stats.Unexpected($"{kind}: {ex.GetType().Name} {ex.Message}");
        }
    }

    /// <summary>A 503 saying the database is away is expected while it is; anything else is a failure.</summary>
    private void CheckFailure(int status, string body, string what)
    {
        if (status == 503 && body.Contains(UnavailableText, StringComparison.Ordinal))
        {
            return;
        }

        stats.Unexpected($"{what} → {status}");
    }

    private async Task<bool> SignInAsync()
    {
        try
        {
            var form = await FormAsync("/account/login", "form");
            var location = await PostSignInAsync(form);
            return location is not null && !location.Contains("/account/login", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is UnavailableException or SignedOutException or HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<string?> PostSignInAsync(Form form)
    {
        var fields = form.Fields.Where(f => f.Key is not ("Input.UserName" or "Input.Password")).ToList();
        fields.Add(new("Input.UserName", plan.UserName));
        fields.Add(new("Input.Password", LoadOptions.Password));
        var stopwatch = Stopwatch.StartNew();
        using var response = await SendAsync(HttpMethod.Post, form.Action, new FormUrlEncodedContent(fields));
        stats.Record("sign-in", stopwatch.Elapsed.TotalMilliseconds, ((int)response.StatusCode).ToString(Invariant));
        return response.StatusCode == System.Net.HttpStatusCode.Found ? response.Headers.Location?.OriginalString : null;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    var value = pair[(equals + 1)..];
                    if (value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        _cookies.Remove(pair[..equals]);
                    }
                    else
                    {
                        _cookies[pair[..equals]] = value;
                    }
                }
            }
        }

        return response;
    }

    private sealed class SignedOutException : Exception;

    private sealed class UnavailableException : Exception;
}
