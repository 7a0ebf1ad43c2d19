using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using DangVien.Core.Features.Access;
using DangVien.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace DangVien.Web.Hosting;

/// <summary>How many sign-in attempts and failed API token checks are allowed (configuration section <c>SignInLimits</c>).</summary>
public sealed class SignInLimitOptions
{
    /// <summary>
    /// Sign-in posts from one address per <see cref="Window"/>. Smaller than <see cref="AttemptsPerUserName"/>,
    /// so one address can never use up a user name's attempts and keep its owner out.
    /// </summary>
    public int AttemptsPerAddress { get; set; } = 10;

    /// <summary>Sign-in posts for one user name, from every address together, per <see cref="Window"/>.</summary>
    public int AttemptsPerUserName { get; set; } = 20;

    /// <summary>Refused API tokens from one address per <see cref="Window"/>; valid tokens are never counted.</summary>
    public int FailedTokensPerAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Slows down password and token guessing with ASP.NET Core's rate limiter: sign-in posts are counted per
/// address and per user name (sliding windows), failed API token checks per address. A refusal is a 429 in
/// Vietnamese — a page for the sign-in form, a JSON problem for the API — and sign-in refusals go to the audit log.
/// </summary>
public static class SignInLimits
{
    private const string SignInPath = "/account/login";

    private const string UserNameItem = "dangvien:sign-in-name";

    public static IServiceCollection AddDangVienSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("SignInLimits").Get<SignInLimitOptions>() ?? new SignInLimitOptions();
        services.AddSingleton(limits);
        services.AddSingleton<ApiTokenFailures>();
        services.AddSingleton<RefusedSignIns>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Address first: a post refused for its address does not count against the user name.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInPost(context.Request)
                    ? RateLimitPartition.GetSlidingWindowLimiter("address:" + AddressKey(context), _ => Window(limits.AttemptsPerAddress, limits.Window))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInPost(context.Request) && context.Items[UserNameItem] is string { Length: > 0 } name
                    ? RateLimitPartition.GetSlidingWindowLimiter("user:" + name.ToUpperInvariant(), _ => Window(limits.AttemptsPerUserName, limits.Window))
                    : RateLimitPartition.GetNoLimiter("")));
            options.OnRejected = (context, cancellationToken) => RefuseSignInAsync(context.HttpContext, context.Lease, limits, cancellationToken);
        });
        return services;
    }

    /// <summary>Reads the user name of a sign-in post (before the rate limiter, which partitions by it); the form stays readable for the page.</summary>
    public static async Task ReadSignInNameAsync(HttpContext context, RequestDelegate next)
    {
        if (IsSignInPost(context.Request) && context.Request.HasFormContentType)
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                context.Items[UserNameItem] = TypedName(form["Input.UserName"].ToString());
            }
            catch (InvalidDataException)
            {
                // A malformed form: the address limit still applies, and the form handling answers 400.
            }
        }

        await next(context);
    }

    /// <summary>The address as written to the audit log and the sessions.</summary>
    public static string? AddressOf(HttpContext context) => context.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;

    /// <summary>The address as the limits count it: IPv4 as it is, IPv6 by its /64 network (one machine can hold all of it).</summary>
    public static string AddressKey(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>A post to the sign-in page, known by its endpoint (routing has run), so no spelling of the path escapes the limits.</summary>
    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type == typeof(LoginPage);

    /// <summary>The user name as typed, without surrounding spaces (as Identity finds it) and cut when long; the limit ignores case.</summary>
    private static string TypedName(string userName)
    {
        var name = userName.Trim();
        return name.Length > 256 ? name[..256] : name;
    }

    internal static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    internal static int RetryAfterSeconds(RateLimitLease lease, TimeSpan window) =>
        (int)Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window).TotalSeconds);

    private static async ValueTask RefuseSignInAsync(HttpContext context, RateLimitLease lease, SignInLimitOptions limits, CancellationToken cancellationToken)
    {
        var seconds = RetryAfterSeconds(lease, limits.Window);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var userName = context.Items[UserNameItem] as string;
        if (context.RequestServices.GetRequiredService<RefusedSignIns>().IsFirstInWindow(AddressKey(context) + "|" + userName?.ToUpperInvariant(), limits.Window))
        {
            var signIns = context.RequestServices.GetRequiredService<SignInService>();
            await signIns.RecordLimitedAsync(userName, AddressOf(context), "sign-in", cancellationToken);
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
        await PlainPage.WriteAsync(context, StatusCodes.Status429TooManyRequests, text["SignIn.TooMany.Title"],
            text["SignIn.TooMany", seconds.ToString(CultureInfo.InvariantCulture)], SignInPath, text["SignIn.TooMany.Back"]);
    }
}

/// <summary>Counts refused API tokens per address; past the limit, tokens from that address are not even looked up.</summary>
public sealed class ApiTokenFailures(SignInLimitOptions limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(
        address => RateLimitPartition.GetSlidingWindowLimiter(address, _ => SignInLimits.Window(limits.FailedTokensPerAddress, limits.Window)));

    /// <summary>Seconds to wait when the address has used up its failures; null when it may try.</summary>
    public int? RetryAfterSeconds(string address)
    {
        using var lease = _failures.AttemptAcquire(address, 0);
        return lease.IsAcquired ? null : SignInLimits.RetryAfterSeconds(lease, limits.Window);
    }

    public void RecordFailure(string address)
    {
        using var lease = _failures.AttemptAcquire(address, 1);
    }

    public void Dispose() => _failures.Dispose();
}

/// <summary>Which refused address and user name pairs were written to the audit log lately: once a window each, not once a post.</summary>
public sealed class RefusedSignIns
{
    private readonly ConcurrentDictionary<string, long> _audited = new();

    public bool IsFirstInWindow(string key, TimeSpan window)
    {
        var now = Environment.TickCount64;
        if (_audited.TryGetValue(key, out var last) && now - last <= window.TotalMilliseconds)
        {
            return false;
        }

        if (_audited.Count > 10_000)
        {
            _audited.Clear();
        }

        _audited[key] = now;
        return true;
    }
}
