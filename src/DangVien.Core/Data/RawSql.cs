using System.Data.Common;
using System.Diagnostics;

namespace DangVien.Core.Data;

/// <summary>
/// The app's own SQL commands, sent beside EF Core's on the context's connection (the report's temporary tables, the
/// change stamps): each announces itself on <see cref="ListenerName"/> just before it runs, so tools observe them as they
/// observe EF Core's commands through its interceptors. The benchmarks' bare-SQL replay listens there; nothing in the
/// app does, and an unobserved announcement costs one check.
/// </summary>
public static class RawSql
{
    public const string ListenerName = "DangVien.RawSql";

    /// <summary>The event written with the <see cref="DbCommand"/> about to run as its payload.</summary>
    public const string CommandExecuting = "CommandExecuting";

    private static readonly DiagnosticListener Listener = new(ListenerName);

    /// <summary>Announces <paramref name="command"/>, ready with its text and parameters, to any observer.</summary>
    public static void Executing(DbCommand command)
    {
        if (Listener.IsEnabled(CommandExecuting))
        {
            Listener.Write(CommandExecuting, command);
        }
    }
}
