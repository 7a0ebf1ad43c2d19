using System.Net.Sockets;
using Npgsql;

namespace DangVien.Web.Hosting;

/// <summary>Tells a database that is away (stopped, restarting, unreachable) from a bug.</summary>
public static class DatabaseAvailability
{
    /// <summary>
    /// PostgreSQL error classes that mean "not reachable now": 08 connection exceptions, 57P01–57P03
    /// (shutdown, crash, cannot connect now), 3D000 (the database is not there).
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || pg.SqlState is "57P01" or "57P02" or "57P03" or "3D000":
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
