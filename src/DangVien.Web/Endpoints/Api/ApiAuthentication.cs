using System.Text.Encodings.Web;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DangVien.Web.Endpoints.Api;

/// <summary>
/// How the JSON API knows who is asking: a personal token (<c>Authorization: Bearer dv_…</c>, see
/// <see cref="ApiTokenService"/>) or the sign-in cookie. Either way the request acts as that user with
/// that user's scope (the same claims as the cookie, so <c>CurrentAccess</c> reads the same roles).
/// A refusal is a JSON problem (401 or 403), never a redirect to the sign-in page.
/// </summary>
public static class ApiAuthentication
{
    /// <summary>The policy scheme of the API: the token when the request carries one, else the cookie.</summary>
    public const string Scheme = "Api";

    /// <summary>The bearer-token scheme.</summary>
    public const string TokenScheme = "ApiToken";

    /// <summary>
    /// The app's default scheme: the sign-in cookie, except for an <c>/api</c> request carrying a token. So an
    /// <c>/api</c> request no endpoint takes (an unknown path, a method or content type the route refuses), which
    /// falls under the app's fallback policy, is still authenticated by its token and answers 404, 405 or 415
    /// rather than 401; pages never accept a token.
    /// </summary>
    public const string DefaultScheme = "DangVien";

    /// <summary>The authorization policy every <c>/api</c> endpoint requires.</summary>
    public const string Policy = "Api";

    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the request was authenticated by a token (and not by the cookie).</summary>
    public static bool IsTokenAuthenticated(HttpContext context) =>
        context.User.Identity?.AuthenticationType == TokenScheme;

    public static AuthenticationBuilder AddDangVienApiAuthentication(this AuthenticationBuilder builder) => builder
        .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(TokenScheme, null)
        .AddPolicyScheme(DefaultScheme, "Phiên đăng nhập (hoặc mã truy cập cho /api)", options =>
            options.ForwardDefaultSelector = context =>
                ApiErrors.IsApi(context) && HasBearerToken(context.Request) ? TokenScheme : IdentityConstants.ApplicationScheme)
        .AddPolicyScheme(Scheme, "Mã truy cập hoặc phiên đăng nhập", options =>
        {
            options.ForwardDefaultSelector = context => HasBearerToken(context.Request) ? TokenScheme : IdentityConstants.ApplicationScheme;
            options.ForwardChallenge = TokenScheme;
            options.ForwardForbid = TokenScheme;
        });
}

/// <summary>Authenticates <c>Authorization: Bearer …</c> against the stored hashes; answers challenges and refusals with JSON problems.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals,
    ApiTokenFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Set when the address has used up its refused tokens: the challenge answers 429.</summary>
    private int? _retryAfterSeconds;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var address = SignInLimits.AddressKey(Context);
        if (failures.RetryAfterSeconds(address) is { } seconds)
        {
            _retryAfterSeconds = seconds;
            return AuthenticateResult.Fail("Quá nhiều mã truy cập sai từ địa chỉ này.");
        }

        var token = header["Bearer ".Length..].Trim();
        if (await tokens.FindUserAsync(token, Context.RequestAborted) is not { } userId
            || await users.FindByIdAsync(userId) is not { } user
            || await users.IsLockedOutAsync(user))
        {
            failures.RecordFailure(address);
            return AuthenticateResult.Fail("Mã truy cập không hợp lệ hoặc đã bị thu hồi.");
        }

        var principal = await principals.CreateAsync(user);
        var identity = new System.Security.Claims.ClaimsIdentity(principal.Claims, Scheme.Name, principal.Identities.First().NameClaimType, principal.Identities.First().RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_retryAfterSeconds is { } seconds)
        {
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiProblems.WriteAsync(Context, StatusCodes.Status429TooManyRequests, UiText.Get("Api.TooManyTokensTitle"),
                UiText.Format("Api.TooManyTokens", seconds));
            return;
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        var invalid = ApiAuthentication.HasBearerToken(Request);
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, UiText.Get("Api.UnauthorizedTitle"),
            UiText.Get(invalid ? "Api.InvalidToken" : "Api.Unauthorized"));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, UiText.Get("Api.ForbiddenTitle"), UiText.Get("Api.Forbidden"));
}
