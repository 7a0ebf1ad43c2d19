using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace DangVien.Web.Hosting;

/// <summary>Tells a database that is away (stopped, restarting, unreachable) from a bug.</summary>
public static class DatabaseAvailability
{
    private const int MaxDepth = 32;

    /// <summary>
    /// True when the exception, or any exception inside it (the whole InnerException chain and every inner exception
    /// of an AggregateException: EF Core's "likely due to a transient failure" and retry-limit wrappers, DbUpdateException,
    /// a failed page render), says the database cannot be reached now:
    /// PostgreSQL's 08 connection exceptions, 57P01–57P03 (shutdown, crash, cannot connect now), 53300 (too many
    /// connections), 3D000 (the database is not there); Npgsql's transient errors (socket, I/O, timeout while
    /// connecting or reading) and its pool running out or shut down; a bare SocketException.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => IsUnavailable(exception, 0);

    private static bool IsUnavailable(Exception? exception, int depth)
    {
        for (var e = exception; e is not null && depth < MaxDepth; e = e.InnerException, depth++)
        {
            switch (e)
            {
                case PostgresException pg:
                    if (IsUnavailableState(pg.SqlState))
                    {
                        return true;
                    }

                    break;
                case NpgsqlException npgsql when npgsql.IsTransient || IsPoolFailure(npgsql):
                case SocketException:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(inner => IsUnavailable(inner, depth + 1));
            }
        }

        return false;
    }

    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" or "53300" or "3D000";

    // Npgsql's pool messages (not localised): no free connection within Timeout, or the pool closed.
    private static bool IsPoolFailure(NpgsqlException exception) =>
        exception is not PostgresException
        && (exception.Message.StartsWith("The connection pool has been exhausted", StringComparison.Ordinal)
            || exception.Message.StartsWith("The connection pool has been shut down", StringComparison.Ordinal));

    /// <summary>
    /// Wraps the cookie's principal validation (Identity's security-stamp check, which reads the user from the
    /// database) so that it is skipped while UseExceptionHandler re-executes the pipeline for the error page. The
    /// failed request's own authentication already ran (and, with the database away, is what failed): running it
    /// again for the error page threw a second time, and ASP.NET Core then answers a bare 500 instead of the 503
    /// page. The error page is anonymous and shows nothing of the user; the next request checks the stamp again.
    /// </summary>
    public static Func<CookieValidatePrincipalContext, Task> SkippedOnErrorPage(Func<CookieValidatePrincipalContext, Task> validate) =>
        context => context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null
            ? Task.CompletedTask
            : validate(context);
}
