namespace DangVien.Web.Hosting;

/// <summary>
/// Answers 400 to a request whose query string carries a control character (<c>?q=%00</c>): PostgreSQL
/// refuses a NUL in text, so such a value would otherwise reach a search and end as a 500. Numbers in
/// the query string are read as text and parsed by <see cref="Components.Shared.QueryNumber"/>.
/// </summary>
public sealed class ControlCharacterGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        foreach (var (_, values) in context.Request.Query)
        {
            foreach (var value in values)
            {
                if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return Task.CompletedTask;
                }
            }
        }

        return next(context);
    }
}
