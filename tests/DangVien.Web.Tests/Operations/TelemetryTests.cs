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
            app.Settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
            var client = app.Client();
            Assert.NotNull(app.Services.GetService<TracerProvider>());

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

            // The metrics also come by their periodic export: wait for it rather than count on the flush at shutdown alone.
            for (var waited = 0; waited < 150 && !collector.Text("/v1/metrics").Contains("http.server.request.duration", StringComparison.Ordinal); waited++)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            // Stopping the app flushes the batches of spans and the metrics.
            await app.DisposeAsync();
        }

        var traces = collector.Text("/v1/traces");
        var metrics = collector.Text("/v1/metrics");
        Assert.Contains("dangvien-test", traces, StringComparison.Ordinal);
        Assert.Contains("http.route", traces, StringComparison.Ordinal);
        Assert.Contains("postgresql", traces, StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", metrics, StringComparison.Ordinal);

        var spans = collector.Spans();
        var described = string.Join("\n", spans.Select(s => $"{s.Scope}: {s.Name}"));
        var request = Assert.Single(spans, s => s.Scope == "Microsoft.AspNetCore" && s.Name == "GET /health/ready");
        var commands = spans.Where(s => s.Scope == "Npgsql" && s.TraceId == request.TraceId).ToList();
        Assert.True(commands.Count > 0, "no Npgsql span in the request's trace:\n" + described);
        Assert.All(commands, command => Assert.True(Reaches(spans, command, request), $"{command.Name} is not under the request's span"));
    }

    /// <summary>Whether <paramref name="span"/>'s chain of parents (within the exported spans) reaches <paramref name="ancestor"/>.</summary>
    private static bool Reaches(IReadOnlyList<Span> spans, Span span, Span ancestor)
    {
        for (var current = span; current is not null; current = spans.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Span(string Scope, string Name, string TraceId, string SpanId, string ParentSpanId);

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

        /// <summary>
        /// The spans posted to /v1/traces, read from OTLP's protobuf (ExportTraceServiceRequest: 1 resource spans →
        /// 2 scope spans → 1 scope (1 name) and 2 spans: 1 trace id, 2 span id, 4 parent span id, 5 name).
        /// </summary>
        public List<Span> Spans()
        {
            var spans = new List<Span>();
            foreach (var (_, body) in _received.Where(r => r.Path == "/v1/traces"))
            {
                foreach (var resourceSpans in Fields(body, 1))
                {
                    foreach (var scopeSpans in Fields(resourceSpans, 2))
                    {
                        var scope = Fields(scopeSpans, 1).Select(s => Fields(s, 1).Select(Encoding.UTF8.GetString).FirstOrDefault()).FirstOrDefault() ?? "";
                        foreach (var span in Fields(scopeSpans, 2))
                        {
                            string One(int field) => Fields(span, field).Select(Convert.ToHexString).FirstOrDefault() ?? "";
                            var name = Fields(span, 5).Select(Encoding.UTF8.GetString).FirstOrDefault() ?? "";
                            spans.Add(new Span(scope, name, One(1), One(2), One(4)));
                        }
                    }
                }
            }

            return spans;
        }

        /// <summary>The length-delimited fields numbered <paramref name="wanted"/> of a protobuf message; other fields are skipped.</summary>
        private static IEnumerable<byte[]> Fields(byte[] message, int wanted)
        {
            var found = new List<byte[]>();
            var at = 0;
            while (at < message.Length)
            {
                var key = Varint(message, ref at);
                var (field, wire) = ((int)(key >> 3), (int)(key & 7));
                switch (wire)
                {
                    case 0:
                        Varint(message, ref at);
                        break;
                    case 1:
                        at += 8;
                        break;
                    case 5:
                        at += 4;
                        break;
                    case 2:
                        var length = (int)Varint(message, ref at);
                        if (field == wanted)
                        {
                            found.Add(message[at..(at + length)]);
                        }

                        at += length;
                        break;
                    default:
                        throw new InvalidDataException($"wire type {wire} at {at}");
                }
            }

            return found;
        }

        private static ulong Varint(byte[] message, ref int at)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = message[at++];
                value |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
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
