using System.Collections.Concurrent;
using System.Net;
using DangVien.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace DangVien.Web.Tests.Shell;

/// <summary>Serilog's request logging: one event per request, and every event of a request carries its correlation id and user.</summary>
public sealed class RequestLoggingTests
{
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task Every_event_of_a_request_carries_the_correlation_id_and_the_user_name()
    {
        await using var app = await DangVienApp.StartAsync(June2026);
        await app.CreateUserAsync("quantri", (await TinyProvince.CreateRootAsync(app), Core.Domain.AccessRole.Administrator));
        var sink = new CapturingSink();
        using var logged = app.WithWebHostBuilder(builder => builder
            .UseSetting("Serilog:MinimumLevel:Default", "Information")
            .ConfigureServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var client = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(client, "quantri")).StatusCode);
        var page = await DangVienApp.ParseAsync(await client.GetAsync("/"));
        client.DefaultRequestHeaders.Add(Correlation.HeaderName, "log-test-7");
        sink.Events.Clear();

        var signedOut = await Forms.PostAsync(client, "/", Forms.Form(page, "form[action='/account/logout']"), []);

        Assert.Equal(HttpStatusCode.Found, signedOut.StatusCode);
        Assert.Equal("log-test-7", signedOut.Headers.GetValues(Correlation.HeaderName).Single());
        var events = sink.Events.Where(e => Scalar(e, Correlation.PropertyName) == "log-test-7").ToList();
        var service = Assert.Single(events, e => e.MessageTemplate.Text.StartsWith("User {UserName} signed out", StringComparison.Ordinal));
        Assert.Equal("quantri", Scalar(service, Correlation.UserProperty));
        var request = Assert.Single(events, e => e.Properties.ContainsKey("StatusCode"));
        Assert.Equal(LogEventLevel.Information, request.Level);
        Assert.Equal("POST", Scalar(request, "RequestMethod"));
        Assert.Equal("/account/logout", Scalar(request, "RequestPath"));
        Assert.Equal("302", Scalar(request, "StatusCode"));
        Assert.Equal("quantri", Scalar(request, Correlation.UserProperty));
        Assert.Contains("responded 302", request.RenderMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_request_is_logged_with_its_trace_identifier_and_no_user_and_static_files_are_not_logged()
    {
        await using var app = await DangVienApp.StartAsync();
        var sink = new CapturingSink();
        using var logged = app.WithWebHostBuilder(builder => builder
            .UseSetting("Serilog:MinimumLevel:Default", "Information")
            .ConfigureServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var client = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.GetAsync("/account/login");
        var stylesheet = (await DangVienApp.ParseAsync(login)).QuerySelector("link[rel=stylesheet][href*='site']")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/" + stylesheet)).StatusCode);

        var id = login.Headers.GetValues(Correlation.HeaderName).Single();
        var request = Assert.Single(sink.Events, e => e.Properties.ContainsKey("StatusCode"));
        Assert.Equal("/account/login", Scalar(request, "RequestPath"));
        Assert.Equal(id, Scalar(request, Correlation.PropertyName));
        Assert.Null(Scalar(request, Correlation.UserProperty));
    }

    private static string? Scalar(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } v } ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}
