using System.Net.Sockets;

namespace DangVien.Web.Hosting;

/// <summary>Runs the app; a port already taken ends it with one line instead of a stack trace.</summary>
public static class StartupGuard
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            var urls = string.Join(", ", app.Urls.DefaultIfEmpty(app.Configuration["Urls"] ?? "?"));
            await Console.Error.WriteLineAsync($"Cannot listen on {urls}: the address is already in use (is DangVien already running?).");
            return 2;
        }
    }
}
