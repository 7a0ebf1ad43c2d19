using System.Text;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Hosting;

/// <summary>
/// <c>DangVien.Web admin create --user NAME [--full-name "…"] [--province-code CODE --province-name "…"] [--migrate]</c>:
/// creates the first administrator (<see cref="FirstAdministratorService"/>) and exits. The password is typed at the
/// terminal without echo (twice) or, when standard input is redirected, read from its first line: never from the
/// arguments, which stay in the shell's history and the process list. Exit code 0 when created, 1 when refused,
/// 2 when the command line is wrong.
/// </summary>
public static class AdminCommand
{
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        ["--user"] = nameof(FirstAdministratorRequest.UserName),
        ["--full-name"] = nameof(FirstAdministratorRequest.FullName),
        ["--province-code"] = nameof(FirstAdministratorRequest.ProvinceCode),
        ["--province-name"] = nameof(FirstAdministratorRequest.ProvinceName),
    };

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (Parse(args) is not { } values)
        {
            return 2;
        }

        var connectionString = app.Configuration.GetConnectionString(Core.DependencyInjection.ConnectionStringName)!;
        if (await DatabaseStartup.CheckConnectionAsync(connectionString, CancellationToken.None) is { } failure)
        {
            await Console.Error.WriteLineAsync(failure);
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DangVienDbContext>();
        if (args.Contains("--migrate") || app.Configuration.GetValue<bool>("Database:Migrate"))
        {
            await db.Database.MigrateAsync();
        }

        var pending = (await db.Database.GetPendingMigrationsAsync()).Count();
        if (pending > 0)
        {
            await Console.Error.WriteLineAsync(UiText.Format("AdminCommand.PendingMigrations", pending));
            return 1;
        }

        if (await ReadPasswordAsync() is not { } password)
        {
            return 1;
        }

        var access = new CurrentAccess(new SystemUser(), db, services.GetRequiredService<TimeProvider>());
        var accounts = ActivatorUtilities.CreateInstance<UserAdminService>(services, access);
        var firstAdministrator = ActivatorUtilities.CreateInstance<FirstAdministratorService>(services, access, accounts);
        var result = await firstAdministrator.CreateAsync(new FirstAdministratorRequest(
            values.GetValueOrDefault(nameof(FirstAdministratorRequest.UserName)),
            values.GetValueOrDefault(nameof(FirstAdministratorRequest.FullName)),
            password,
            values.GetValueOrDefault(nameof(FirstAdministratorRequest.ProvinceCode)),
            values.GetValueOrDefault(nameof(FirstAdministratorRequest.ProvinceName))));
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(UiText.Get("AdminCommand.Refused"));
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync("  " + (OptionOf(error.Field) is { } option ? $"{option}: " : "") + error.Message);
            }

            return 1;
        }

        var created = result.Value!;
        Console.WriteLine(UiText.Format(created.UnitCreated ? "AdminCommand.CreatedWithProvince" : "AdminCommand.Created", created.UserName, created.UnitName));
        return 0;
    }

    /// <summary>The options by request field; null (after saying why) when the command line is wrong.</summary>
    private static Dictionary<string, string>? Parse(string[] args)
    {
        if (args.Length < 2 || args[1] != "create")
        {
            Console.Error.WriteLine(UiText.Get("AdminCommand.Usage"));
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--password", StringComparison.Ordinal))
            {
                Console.Error.WriteLine(UiText.Get("AdminCommand.NoPasswordArgument"));
                return null;
            }

            if (arg == "--migrate")
            {
                continue;
            }

            if (!Options.TryGetValue(arg, out var field) || i + 1 >= args.Length)
            {
                Console.Error.WriteLine(UiText.Format("AdminCommand.BadOption", arg));
                Console.Error.WriteLine(UiText.Get("AdminCommand.Usage"));
                return null;
            }

            values[field] = args[++i];
        }

        if (!values.ContainsKey(nameof(FirstAdministratorRequest.UserName)))
        {
            Console.Error.WriteLine(UiText.Get("AdminCommand.UserMissing"));
            Console.Error.WriteLine(UiText.Get("AdminCommand.Usage"));
            return null;
        }

        return values;
    }

    private static string? OptionOf(string field) =>
        field == nameof(FirstAdministratorRequest.Password)
            ? UiText.Get("AdminCommand.PasswordSource")
            : Options.FirstOrDefault(o => o.Value == field).Key;

    /// <summary>The first line of standard input when it is redirected; otherwise typed twice at the terminal, not shown.</summary>
    private static async Task<string?> ReadPasswordAsync()
    {
        if (Console.IsInputRedirected)
        {
            if (await Console.In.ReadLineAsync() is { } line)
            {
                return line;
            }

            await Console.Error.WriteLineAsync(UiText.Get("AdminCommand.NoPasswordInput"));
            return null;
        }

        var first = ReadHidden(UiText.Get("AdminCommand.PasswordPrompt"));
        var again = ReadHidden(UiText.Get("AdminCommand.PasswordAgain"));
        if (first != again)
        {
            await Console.Error.WriteLineAsync(UiText.Get("AdminCommand.PasswordsDiffer"));
            return null;
        }

        return first;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
