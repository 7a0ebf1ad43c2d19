using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace DangVien.Core.Data;

public static class DangVienDbContextOptions
{
    public static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql)
    {
        npgsql.MigrationsHistoryTable("__ef_migrations_history");

    }
}
