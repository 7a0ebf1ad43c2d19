using DangVien.Core.Domain;
using DangVien.Core.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests.Browser;

/// <summary>The reminder subscription page in Chromium at phone and desktop width (with JavaScript off: a plain form).</summary>
[Trait("Category", "Browser")]
public sealed class RemindersScreenshotTests
{
    [Theory]
    [InlineData(360)]
    [InlineData(1440)]
    public async Task The_reminders_page_renders_a_refusal_and_a_subscription_at_phone_and_desktop_width(int width)
    {
        var (app, baseUrl) = await DangVienApp.StartOnKestrelAsync();
        await using var _ = app;
        AppUser user;
        await using (var db = app.Database.CreateContext())
        {
            var tree = await TinyProvince.CreateAsync(db, DateTime.Now.Year);
            user = await app.CreateUserAsync("vanphong.tanlap", (tree.Commune.Id, AccessRole.CommitteeStaff));
        }

        var page = await Chromium.NewPageAsync(baseUrl, width, javaScript: false);
        await page.GotoAsync("/account/reminders");
        await Chromium.SignInAsync(page, "vanphong.tanlap", Accounts.Password);
        await page.GotoAsync("/account/reminders");
        await page.FillAsync("#reminders-email", "vanphong.tanlap@tanlap");
        await page.ClickAsync("#reminders-subscribe button[type=submit]");
        await Chromium.ScreenshotAsync(page, $"account-reminders-refused-{width}");
        var refusal = await page.InnerTextAsync("#reminders-email-error");
        var refusedOverflows = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");

        await page.FillAsync("#reminders-email", "vanphong.tanlap@tanlap.gov.vn");
        await page.ClickAsync("#reminders-subscribe button[type=submit]");
        await Chromium.ScreenshotAsync(page, $"account-reminders-{width}");
        var status = await page.InnerTextAsync("#reminders-status");
        var overflows = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");

        // The link mailed to the address (the job writes it so), opened and confirmed.
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            token = scope.ServiceProvider.GetRequiredService<ReminderConfirmations>().Token(user.Id, "vanphong.tanlap@tanlap.gov.vn");
        }

        await page.GotoAsync("/account/reminders?confirm=" + Uri.EscapeDataString(token));
        await Chromium.ScreenshotAsync(page, $"account-reminders-confirm-{width}");
        var question = await page.InnerTextAsync("#reminders-confirm p");
        await page.ClickAsync("#reminders-confirm button[type=submit]");
        await page.WaitForURLAsync("**notice=confirmed", new() { Timeout = 15_000 });
        await Chromium.ScreenshotAsync(page, $"account-reminders-confirmed-{width}");
        var confirmed = await page.InnerTextAsync("#reminders-status");

        Assert.Equal("Địa chỉ thư điện tử không hợp lệ: nhập một địa chỉ dạng ten@donvi.gov.vn.", refusal.Trim());
        Assert.Equal("Đang chờ xác nhận địa chỉ vanphong.tanlap@tanlap.gov.vn", status.Trim());
        Assert.Equal("Bắt đầu nhận thư nhắc việc tại vanphong.tanlap@tanlap.gov.vn?", question.Trim());
        Assert.Equal("Bạn đang nhận thư nhắc việc tại vanphong.tanlap@tanlap.gov.vn", confirmed.Trim());
        Assert.False(refusedOverflows || overflows, "/account/reminders must not scroll sideways");
    }
}
