using DangVien.Core;
using DangVien.Web;
using DangVien.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Settings that cannot be used stop the start with one line, before anything is built on them.
if ((ForwardedHeadersSetup.Problem(builder.Configuration) ?? KeyProtection.Problem(builder.Configuration)) is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return 1;
}

builder.AddDangVienLogging();
builder.AddDangVienTelemetry();
builder.AddDangVienCore();
builder.AddDangVienWeb();

var app = builder.Build();
if (GenerateCommand.IsRequested(args))
{
    return await GenerateCommand.RunAsync(app, args);
}

if (AdminCommand.IsRequested(args))
{
    return await AdminCommand.RunAsync(app, args);
}

if (!await DatabaseStartup.PrepareAsync(app, args))
{
    return 1;
}

app.UseDangVienWeb();
return await StartupGuard.RunAsync(app);

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
