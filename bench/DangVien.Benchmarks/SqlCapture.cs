using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DangVien.Benchmarks;

/// <summary>One command EF Core sent: its text and a copy of its parameters.</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>
/// Records the commands a service call sends, so the same SQL can be replayed over a bare Npgsql connection:
/// the "bare SQL" each figure is compared with is exactly what the service asked the database.
/// </summary>
internal sealed class SqlCapture : DbCommandInterceptor
{
    private List<CapturedCommand>? _recording;

    public void Start() => _recording = [];

    public IReadOnlyList<CapturedCommand> Stop()
    {
        var recorded = _recording ?? [];
        _recording = null;
        return recorded;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        _recording?.Add(new CapturedCommand(
            command.CommandText,
            [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
    }
}
