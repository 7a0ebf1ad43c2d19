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
    public async Task A_connection_opened_with_it_has_JIT_off()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(DangVienDbContextOptions.WithoutJit(database.ConnectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW jit", connection);

        Assert.Equal("off", await command.ExecuteScalarAsync());
    }
}
