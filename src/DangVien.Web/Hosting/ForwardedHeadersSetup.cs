using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DangVien.Web.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy (nginx, Caddy, a load balancer) the app sees plain HTTP from the proxy: it reads
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> so that the request counts as HTTPS (Secure cookies, HSTS,
/// no redirect loop) and the log shows the client's address. Off unless the proxies are named, so that nobody else
/// can claim to be HTTPS or spoof an address: <c>ForwardedHeaders:KnownProxies</c> (addresses) and/or
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8). See README, "Deploying".
/// </summary>
public static class ForwardedHeadersSetup
{
    private const string Section = "ForwardedHeaders";

    public static IServiceCollection AddDangVienForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var (proxies, networks) = Configured(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });
        services.AddSingleton(new ForwardedHeadersEnabled(proxies.Length + networks.Length > 0));
        return services;
    }

    /// <summary>Null when every configured proxy is an address and every network a CIDR; otherwise the one line that refuses the start.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        var (proxies, networks) = Configured(configuration);
        var wrong = proxies.Where(p => !IPAddress.TryParse(p.Trim(), out _)).Select(p => $"{Section}:KnownProxies: '{p}' is not an IP address")
            .Concat(networks.Where(n => !System.Net.IPNetwork.TryParse(n.Trim(), out _)).Select(n => $"{Section}:KnownNetworks: '{n}' is not a network such as 10.0.0.0/8"))
            .ToList();
        return wrong.Count == 0 ? null : "Refusing to start: " + string.Join("; ", wrong) + ".";
    }

    private static (string[] Proxies, string[] Networks) Configured(IConfiguration configuration) =>
        (configuration.GetSection(Section + ":KnownProxies").Get<string[]>() ?? [],
         configuration.GetSection(Section + ":KnownNetworks").Get<string[]>() ?? []);

    public static IApplicationBuilder UseDangVienForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<ForwardedHeadersEnabled>().Value ? app.UseForwardedHeaders() : app;

    private sealed record ForwardedHeadersEnabled(bool Value);
}
