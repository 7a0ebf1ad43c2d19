using System.Data.Common;
using System.Diagnostics;
using DangVien.Core.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DangVien.Benchmarks;

/// <summary>One command EF Core sent: its text and a copy of its parameters.</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>
/// Records the commands a service call sends, so the same SQL can be replayed over a bare Npgsql connection:
/// the "bare SQL" each figure is compared with is exactly what the service asked the database — EF Core's commands
/// through its interceptor, the app's own (<see cref="RawSql"/>: the report's temporary tables, the change stamps)
/// through their diagnostic listener.
/// </summary>
internal sealed class SqlCapture : DbCommandInterceptor, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly List<IDisposable> _subscriptions = [];
    private List<CapturedCommand>? _recording;

    public SqlCapture() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

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

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == RawSql.ListenerName)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value is { Key: RawSql.CommandExecuting, Value: DbCommand command })
        {
            Record(command);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private void Record(DbCommand command)
    {
        _recording?.Add(new CapturedCommand(
            command.CommandText,
            [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
    }
}
