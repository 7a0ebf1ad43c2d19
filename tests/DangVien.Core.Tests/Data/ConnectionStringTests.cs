using DangVien.Core.Data;
using DangVien.Testing;
using Npgsql;

namespace DangVien.Core.Tests.Data;

public sealed class ConnectionStringTests
{
    [Fact]
    public void The_applications_connections_turn_JIT_off_unless_the_connection_string_says_otherwise()
    {
        var plain = new NpgsqlConnectionStringBuilder(DangVienDbContextOptions.WithoutJit("Host=db;Database=dangvien;Username=app"));
        var withOptions = new NpgsqlConnectionStringBuilder(DangVienDbContextOptions.WithoutJit("Host=db;Options=-c statement_timeout=5000"));
        var chosen = DangVienDbContextOptions.WithoutJit("Host=db;Options=-c jit=on");

        Assert.Equal(("db", "dangvien", "-c jit=off"), (plain.Host, plain.Database, plain.Options));
        Assert.Equal("-c statement_timeout=5000 -c jit=off", withOptions.Options);
        Assert.Equal("Host=db;Options=-c jit=on", chosen);
    }

    [Fact]
    public void The_applications_connections_prepare_repeated_statements_and_skip_the_reset_unless_told_otherwise()
    {
        var plain = new NpgsqlConnectionStringBuilder(DangVienDbContextOptions.ForApplication("Host=db;Database=dangvien;Maximum Pool Size=10"));
        var chosen = new NpgsqlConnectionStringBuilder(DangVienDbContextOptions.ForApplication(
            "Host=db;Max Auto Prepare=0;No Reset On Close=false;AutoPrepareMinUsages=5;Maximum Pool Size=200"));

        Assert.Equal(("-c jit=off", 64, 2, true, DangVienDbContextOptions.MinimumPoolSize), (plain.Options, plain.MaxAutoPrepare, plain.AutoPrepareMinUsages, plain.NoResetOnClose, plain.MaxPoolSize));
        Assert.Equal((0, 5, false, 200), (chosen.MaxAutoPrepare, chosen.AutoPrepareMinUsages, chosen.NoResetOnClose, chosen.MaxPoolSize));
    }

    [Fact]
    public async Task A_connection_opened_with_it_has_JIT_off()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(DangVienDbContextOptions.WithoutJit(database.ConnectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW jit", connection);

        Assert.Equal("off", await command.ExecuteScalarAsync());
    }
}
