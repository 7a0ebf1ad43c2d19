using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace DangVien.Core.Data;

public static class DangVienDbContextOptions
{
    public static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql)
    {
        npgsql.MigrationsHistoryTable("__ef_migrations_history");

    }

    /// <summary>The fewest pooled connections the app keeps room for: the 32 concurrent users of the throughput target.</summary>
    public const int MinimumPoolSize = 32;

    /// <summary>
    /// The connection string the application uses: <see cref="WithoutJit"/>, plus what the cell dashboard at 32
    /// concurrent users needs (issue #7) unless the string sets it itself: automatic preparation of the statements
    /// a connection sends repeatedly (<c>Max Auto Prepare</c>, <c>Auto Prepare Min Usages</c>: a dashboard sends the
    /// same dozen statements each time, so PostgreSQL skips parsing and planning them), no reset round trip when a
    /// connection goes back to the pool (<c>No Reset On Close</c>: the app sets no session state; its only startup
    /// option, <c>jit=off</c>, is a connection parameter that a reset keeps anyway), and a pool of at least
    /// <see cref="MinimumPoolSize"/>.
    /// </summary>
    public static string ForApplication(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(WithoutJit(connectionString));
        if (!Sets(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!Sets(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!Sets(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        builder.MaxPoolSize = Math.Max(builder.MaxPoolSize, MinimumPoolSize);
        return builder.ConnectionString;
    }

    private static bool Sets(string connectionString, params string[] keys) =>
        connectionString.Split(';').Select(part => part.Split('=', 2)[0].Trim())
            .Any(name => keys.Any(key => string.Equals(name, key, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The application's connection string with PostgreSQL's JIT compilation off (<c>Options=-c jit=off</c>),
    /// unless the string already sets <c>jit</c> itself. The planner's estimates for the correlated subtree counts
    /// (members and admissions per child unit, e.g. a commune's quota figures or dashboard) run into the hundreds of
    /// thousands, past <c>jit_above_cost</c>, so each such query spent 40–200 ms compiling code for a query that
    /// runs in under 10 ms. The app's queries are short; none of them gains from JIT.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) == true)
        {
            return connectionString;
        }

        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        return builder.ConnectionString;
    }
}
