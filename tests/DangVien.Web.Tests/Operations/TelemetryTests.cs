using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace DangVien.Web.Tests.Operations;

/// <summary>
/// OpenTelemetry through the standard variables: a tiny OTLP/HTTP collector in the test receives what the app sends
/// (protobuf; the names and attribute strings are read in its bytes).
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task With_an_OTLP_endpoint_a_request_sends_an_ASP_NET_Core_span_an_Npgsql_span_and_request_metrics()
    {
        using var collector = new OtlpCollector();
        var app = await DangVienApp.StartAsync();
        try
        {
            app.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint;
            app.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            app.Settings["OTEL_SERVICE_NAME"] = "dangvien-test";
            var client = app.Client();
            Assert.NotNull(app.Services.GetService<TracerProvider>());

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            // Stopping the app flushes the batches of spans and the metrics.
            await app.DisposeAsync();
        }

        var traces = collector.Text("/v1/traces");
        var metrics = collector.Text("/v1/metrics");
        Assert.Contains("dangvien-test", traces, StringComparison.Ordinal);
        Assert.Contains("Microsoft.AspNetCore", traces, StringComparison.Ordinal);
        Assert.Contains("http.route", traces, StringComparison.Ordinal);
        Assert.Contains("/health/ready", traces, StringComparison.Ordinal);
        Assert.Contains("Npgsql", traces, StringComparison.Ordinal);
        Assert.Contains("postgresql", traces, StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_nothing_is_registered()
    {
        await using var app = await DangVienApp.StartAsync();
        app.Client();

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    /// <summary>Accepts OTLP/HTTP posts on a free local port and keeps their bodies by path.</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();

        public OtlpCollector()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = Task.Run(ReceiveAsync);
        }

        public string Endpoint { get; }

        /// <summary>The runs of printable characters in the bodies posted to <paramref name="path"/>.</summary>
        public string Text(string path)
        {
            var text = new StringBuilder();
            foreach (var (_, body) in _received.Where(r => r.Path == path))
            {
                foreach (var b in body)
                {
                    text.Append(b is >= 0x20 and < 0x7f ? (char)b : '\n');
                }
            }

            return text.ToString();
        }

        private async Task ReceiveAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
