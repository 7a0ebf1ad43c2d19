using System.Net.Sockets;
using DangVien.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DangVien.Web.Tests;

/// <summary>Each exception shape that means "the database is away" (503), and the bugs that stay 500.</summary>
public sealed class DatabaseAvailabilityTests
{
    private static NpgsqlException Refused() =>
        new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    private static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData("08000")] // connection exception
    [InlineData("08006")] // connection failure
    [InlineData("08001")] // cannot establish connection
    [InlineData("57P01")] // admin shutdown (fast stop)
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // cannot connect now (shutting down, starting up)
    [InlineData("53300")] // too many connections
    [InlineData("3D000")] // the database is not there
    public void PostgreSQL_states_of_a_server_that_cannot_serve_now_are_unavailable(string sqlState) =>
        Assert.True(DatabaseAvailability.IsUnavailable(Server(sqlState)));

    [Theory]
    [InlineData("23505")] // unique violation: a bug or a conflict, not an outage
    [InlineData("42P01")] // undefined table
    [InlineData("40001")] // serialization failure
    [InlineData("57014")] // query cancelled
    public void Other_PostgreSQL_errors_are_not(string sqlState) =>
        Assert.False(DatabaseAvailability.IsUnavailable(Server(sqlState)));

    [Fact]
    public void Connection_refused_from_Npgsql_is_unavailable() =>
        Assert.True(DatabaseAvailability.IsUnavailable(Refused()));

    [Fact]
    public void A_bare_socket_exception_is_unavailable() =>
        Assert.True(DatabaseAvailability.IsUnavailable(new SocketException((int)SocketError.ConnectionRefused)));

    [Fact]
    public void A_timeout_while_connecting_or_reading_is_unavailable()
    {
        Assert.True(DatabaseAvailability.IsUnavailable(new NpgsqlException("Exception while connecting", new TimeoutException())));
        Assert.True(DatabaseAvailability.IsUnavailable(new NpgsqlException("Exception while reading from stream", new IOException("broken pipe"))));
    }

    [Fact]
    public void The_pool_running_out_or_shut_down_is_unavailable()
    {
        Assert.True(DatabaseAvailability.IsUnavailable(new NpgsqlException(
            "The connection pool has been exhausted, either raise 'Max Pool Size' (currently 100) or 'Timeout' (currently 15 seconds) in your connection string.")));
        Assert.True(DatabaseAvailability.IsUnavailable(new NpgsqlException("The connection pool has been shut down.")));
    }

    [Fact]
    public void EF_Cores_transient_failure_wrapper_is_unavailable() =>
        // What the load run's log showed for the session check: NpgsqlExecutionStrategy's wrapper over a refused connection.
        Assert.True(DatabaseAvailability.IsUnavailable(
            new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", Refused())));

    [Fact]
    public void EF_Cores_retry_limit_and_update_wrappers_are_unavailable()
    {
        Assert.True(DatabaseAvailability.IsUnavailable(new RetryLimitExceededException("retries", Server("57P03"))));
        Assert.True(DatabaseAvailability.IsUnavailable(new DbUpdateException("save", Refused())));
    }

    [Fact]
    public void A_page_render_failure_deep_in_the_chain_is_unavailable() =>
        Assert.True(DatabaseAvailability.IsUnavailable(
            new InvalidOperationException("render", new InvalidOperationException("component", new InvalidOperationException("query", Server("57P01"))))));

    [Fact]
    public void Any_inner_exception_of_an_aggregate_counts()
    {
        Assert.True(DatabaseAvailability.IsUnavailable(new AggregateException(new ArgumentException("first"), Refused())));
        Assert.True(DatabaseAvailability.IsUnavailable(new InvalidOperationException("outer", new AggregateException(Server("08006")))));
        Assert.False(DatabaseAvailability.IsUnavailable(new AggregateException(new ArgumentException("a"), new FormatException("b"))));
    }

    [Fact]
    public void Bugs_stay_500()
    {
        Assert.False(DatabaseAvailability.IsUnavailable(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(DatabaseAvailability.IsUnavailable(new NullReferenceException()));
        Assert.False(DatabaseAvailability.IsUnavailable(new NpgsqlException("Received unexpected backend message")));
        Assert.False(DatabaseAvailability.IsUnavailable(new DbUpdateException("save", Server("23505"))));
        // A timeout that is not the database's (no Npgsql around it) is not an outage either.
        Assert.False(DatabaseAvailability.IsUnavailable(new TaskCanceledException("client gone")));
    }
}
