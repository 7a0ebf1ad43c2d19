using System.Globalization;
using DangVien.Core.Common;
using DangVien.Web.Endpoints.Api;
using Microsoft.Extensions.Localization;

namespace DangVien.Web.Hosting;

/// <summary>
/// Refuses a query string no page can mean, with 400 and the reason in Vietnamese, before a page reads it: a control
/// character (PostgreSQL refuses a NUL in text), a year outside <see cref="SupportedRange"/> (<c>year</c>, <c>from</c>,
/// <c>to</c>), a page that is not a number from 1 to <see cref="SupportedRange.MaxPage"/>, a search longer than
/// <see cref="SupportedRange.MaxSearchLength"/>. Empty values read as absent. On the API only the control characters are
/// refused here (a bare 400 its status-code pages turn into a JSON problem); it checks its values itself.
/// </summary>
public sealed class QueryGuard(RequestDelegate next)
{
    private static readonly string[] YearKeys = ["year", "from", "to"];

    public Task InvokeAsync(HttpContext context)
    {
        var api = ApiErrors.IsApi(context);
        if (Refusal(context.Request.Query, valuesToo: !api) is not { } reason)
        {
            return next(context);
        }

        if (api)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
        return PlainPage.WriteAsync(context, StatusCodes.Status400BadRequest, text["Query.Refused.Title"], reason,
            context.Request.Path.HasValue ? context.Request.Path.Value! : "/", text["Query.Refused.Back"]);
    }

    /// <summary>Why the query cannot be read, or null when it can; the API checks its own values (<paramref name="valuesToo"/> off).</summary>
    public static string? Refusal(IQueryCollection query, bool valuesToo = true)
    {
        foreach (var (_, values) in query)
        {
            foreach (var value in values)
            {
                if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
                {
                    return UiText.Get("Query.ControlChars");
                }
            }
        }

        if (!valuesToo)
        {
            return null;
        }

        foreach (var key in YearKeys)
        {
            if (Given(query, key) is { } year && !(int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && SupportedRange.IsYear(y)))
            {
                return UiText.Format("Query.BadYear", Shown(year), SupportedRange.YearMessage);
            }
        }

        if (Given(query, "page") is { } page
            && !(int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= SupportedRange.MaxPage))
        {
            return UiText.Format("Query.BadPage", Shown(page), SupportedRange.MaxPage.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")));
        }

        return Given(query, "q") is { Length: > SupportedRange.MaxSearchLength } search
            ? UiText.Format("Query.SearchTooLong", search.Length.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), SupportedRange.MaxSearchLength)
            : null;
    }

    private static string? Given(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;

    /// <summary>The value as typed, cut so an absurd one cannot fill the page.</summary>
    private static string Shown(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
