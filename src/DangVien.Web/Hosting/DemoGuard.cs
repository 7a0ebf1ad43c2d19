namespace DangVien.Web.Hosting;

/// <summary>
/// The demo province and its users (all with the password printed in the README) and the sign-in page's list of
/// demo accounts belong to a developer's machine: asked for in any environment but Development, the app refuses to
/// start rather than open a production database to well-known passwords. The test suite's environment (Testing)
/// is refused too: no test needs the demo through configuration.
/// </summary>
public static class DemoGuard
{
    /// <summary>Null when the start may go on; otherwise the one line saying why not.</summary>
    public static string? Refusal(IHostEnvironment environment, IConfiguration configuration, string[] args)
    {
        if (environment.IsDevelopment())
        {
            return null;
        }

        var asked = new List<string>();
        if (args.Contains("--seed-demo") || configuration.GetValue<bool>("Database:SeedDemo"))
        {
            asked.Add("Database:SeedDemo (--seed-demo)");
        }

        if (configuration.GetValue<bool>("Demo:ShowCredentials"))
        {
            asked.Add("Demo:ShowCredentials");
        }

        return asked.Count == 0
            ? null
            : $"Refusing to start: {string.Join(" and ", asked)} load or show the demo accounts, allowed only when ASPNETCORE_ENVIRONMENT=Development (this is {environment.EnvironmentName}).";
    }
}
