using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace DangVien.Core.Data;

public static class DangVienDbContextOptions
{
    public static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql)
    {
        npgsql.MigrationsHistoryTable("__ef_migrations_history");

    }

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
