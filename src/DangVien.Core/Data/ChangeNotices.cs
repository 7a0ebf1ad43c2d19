using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DangVien.Core.Data;

/// <summary>
/// A number that changes whenever data that a kept result depends on may have changed: at every committed write of this
/// instance (<see cref="LocalWrites"/>), and at every notice PostgreSQL sends on <see cref="Channel"/> when a write of
/// any instance commits a change stamp (<see cref="ChangeStamps"/>; migration <c>AccessChangeNotices</c>), heard by
/// <see cref="ChangeListener"/>. A result confirmed against the database at a generation is still exact while the
/// generation reads the same and notices are heard (<see cref="IsListening"/>): the cell dashboard then needs no query.
/// </summary>
/// <remarks>
/// A write of another instance reaches this one when its notice arrives, milliseconds after its commit; a write of this
/// instance counts at once, before its request answers, so a user always sees their own write.
/// </remarks>
public sealed class ChangeNotices
{
    /// <summary>The notification channel of the change-stamp trigger.</summary>
    public const string Channel = "dangvien_changes";

    /// <summary>Notices that never listen: nothing is ever confirmed without the database.</summary>
    public static readonly ChangeNotices Off = new();

    private long _generation;
    private volatile bool _listening;

    /// <summary>Read it before reading the database, and confirm what was read against it.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool IsListening => _listening;

    /// <summary>Something may have changed.</summary>
    public void Changed() => Interlocked.Increment(ref _generation);

    internal void SetListening(bool listening)
    {
        _listening = listening;
        Changed();
    }
}

/// <summary>
/// Counts every write of this instance in <see cref="ChangeNotices"/> once it is committed: a committed transaction,
/// or a statement that is not a query run outside a transaction (EF Core runs a single-statement SaveChanges and
/// ExecuteUpdate without one). Conservative: a write that changes no stamp only costs one query more.
/// </summary>
public sealed class LocalWrites(ChangeNotices notices) : IDbCommandInterceptor, IDbTransactionInterceptor
{
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => notices.Changed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        notices.Changed();
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Autocommitted(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Autocommitted(command);
        return ValueTask.FromResult(result);
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Autocommitted(command);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Autocommitted(command);
        return ValueTask.FromResult(result);
    }

    private void Autocommitted(DbCommand command)
    {
        if (command.Transaction is null && !command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            notices.Changed();
        }
    }
}
