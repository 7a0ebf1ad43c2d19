using Microsoft.AspNetCore.Connections;

namespace DangVien.Web.Hosting;

/// <summary>Runs the app; a port already taken ends it with one line instead of a stack trace.</summary>
public static class StartupGuard
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        var urls = app.Configuration["Urls"] ?? app.Configuration["ASPNETCORE_URLS"] ?? "the configured address";
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"Cannot listen on {urls}: the address is already in use (is DangVien already running?).");
            return 2;
        }
    }
}
