using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by scripts/test.sh) driven by Playwright. Never
/// `playwright install`: no browser download works on these machines (STACK.md).
/// </summary>
public static class Chromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static readonly Dictionary<string, List<IBrowserContext>> Contexts = [];

    public static string ExecutablePath => Environment.GetEnvironmentVariable("DANGVIEN_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException($"Chromium not found at {ExecutablePath}: run scripts/test.sh (it installs Debian's chromium) or set DANGVIEN_CHROMIUM.");
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                ],
            });
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh page at phone (360 px) or desktop (1440 px) width, JavaScript on or off.</summary>
    public static async Task<IPage> NewPageAsync(string baseUrl, int width = 1440, bool javaScript = true)
    {
        var browser = await LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 780 : 900 },
            JavaScriptEnabled = javaScript,
            Locale = "vi-VN",
            IsMobile = width < 600,
        });
        lock (Contexts)
        {
            if (!Contexts.TryGetValue(baseUrl, out var list))
            {
                Contexts[baseUrl] = list = [];
            }

            list.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes the pages opened on <paramref name="baseUrl"/> (called when that app stops): a page left open keeps its
    /// renderer process, and an interactive one retries its circuit against the stopped app, spending the CPU the
    /// next tests need.
    /// </summary>
    public static async Task CloseContextsAsync(string baseUrl)
    {
        List<IBrowserContext>? list;
        lock (Contexts)
        {
            if (!Contexts.Remove(baseUrl, out list))
            {
                return;
            }
        }

        foreach (var context in list)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already closed, or the browser is gone: nothing left to free.
            }
        }
    }

    /// <summary>Fills the sign-in form the app redirected to, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.FillAsync("#login-username", userName);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Follows a link of the menu or the account box as a person would: on a phone, opening the folded menu first.</summary>
    public static async Task ClickMenuAsync(IPage page, string selector)
    {
        var button = page.Locator("label.nav-toggle-button");
        if (await button.IsVisibleAsync())
        {
            await button.ClickAsync();
        }

        await page.ClickAsync(selector);
    }

    /// <summary>Saves a full-page screenshot under artifacts/screenshots for people to look at.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(Testing.PostgresServer.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
