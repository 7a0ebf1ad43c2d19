using System.Net;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Reminders;
using DangVien.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Account;

/// <summary>
/// The morning e-mail of deadlines, sent through a real SMTP server the test starts (netDumbster) by the app's own
/// <see cref="ReminderJob"/>, over the app's database. The clock of <see cref="August2026"/>: 03/08/2026 09:00 in Vietnam.
/// </summary>
public sealed class ReminderMailTests
{
    private const string BaseUrl = "https://dangvien.example.vn/tinh/";

    private static readonly DateTimeOffset August4 = new(2026, 8, 4, 6, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_due_file_arrives_by_email_with_the_alerts_page_text_once_a_day_even_after_a_restart()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        using var smtp = Configuration.Configure().WithRandomPort().Build();
        var staff = await app.StaffAsync(tree);
        await ConfirmedAsync(app, smtp, staff, "vanphong@example.vn");

        // Before the send hour nothing goes; on a day with nothing due the day is done without an e-mail.
        Assert.Equal(0, await Job(app, smtp, new FixedClock(new DateTimeOffset(2026, 8, 3, 5, 59, 0, TimeSpan.FromHours(7)))).RunOnceAsync());
        Assert.Empty(await DeliveriesAsync(app));
        Assert.Equal(0, await Job(app, smtp).RunOnceAsync());
        Assert.Equal([(new DateOnly(2026, 8, 3), 0, true)], await DeliveriesAsync(app));

        var binh = await app.VotedAsync(tree.CellA, "Lê Văn Bình");
        Assert.Equal(0, await Job(app, smtp).RunOnceAsync());
        Assert.Equal(0, smtp.ReceivedEmailCount);

        // The next morning: the cell's vote of 05/05/2025 waits for the admission decision, long overdue.
        Assert.Equal(1, await Job(app, smtp, new FixedClock(August4)).RunOnceAsync());
        var mail = Assert.Single(Received(smtp));
        Assert.Equal("vanphong@example.vn", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("dangvien@example.vn", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("DangVien – nhắc việc ngày 04/08/2026: 1 quá hạn, 0 sắp đến hạn", mail.Subject);

        var alerts = await staff.PageAsync($"/alerts?unit={tree.Commune.Id}&asOf=04/08/2026");
        var rule = alerts.QuerySelector(".alert-item__rule").Text();
        var due = alerts.QuerySelector(".alert-item__due").Text();
        Assert.Contains("Hạn ra quyết định kết nạp", rule + alerts.QuerySelector(".alert-item__kind").Text());
        var text = mail.TextBody!.ReplaceLineEndings("\n");
        Assert.StartsWith("Kính gửi đồng chí Cán bộ vanphong,\n\nNgày 04/08/2026, hồ sơ kết nạp đảng ở các đơn vị của đồng chí có 1 việc quá hạn và 0 việc sắp đến hạn (trong 30 ngày tới).\n", text);
        Assert.Contains(
            $"""
            Đảng bộ xã Tân Lập: 1 quá hạn, 0 sắp đến hạn
            ============================================
            - [Quá hạn] Lê Văn Bình · Chi bộ thôn Đồng Tâm
              Hạn ra quyết định kết nạp: hạn {due.Split(' ')[^1]}
              {rule}
              {BaseUrl}candidates/{binh}
            Xem danh sách cảnh báo: {BaseUrl}alerts?unit={tree.Commune.Id}
            """,
            text);
        Assert.EndsWith($"Hủy đăng ký nhận thư: {BaseUrl}account/reminders\n", text);
        var html = await DangVienApp.ParseAsync(new HttpResponseMessage { Content = new StringContent(mail.HtmlBody!) });
        Assert.Equal("Lê Văn Bình", html.QuerySelector($"a[href='{BaseUrl}candidates/{binh}']").Text());
        Assert.NotNull(html.QuerySelector($"a[href='{BaseUrl}account/reminders']"));
        Assert.Contains(rule, html.QuerySelector("li small").Text());

        // The same day again, from this instance or from a new one over the same database: nothing more.
        Assert.Equal(0, await Job(app, smtp, new FixedClock(August4)).RunOnceAsync());
        await using (var restarted = app.StartAgain())
        {
            Assert.NotNull(restarted.Services);
            Assert.Equal(0, await Job(restarted, smtp, new FixedClock(August4.AddHours(3))).RunOnceAsync());
        }

        Assert.Equal(1, smtp.ReceivedEmailCount);
        Assert.Contains((new DateOnly(2026, 8, 4), 1, true), await DeliveriesAsync(app));
    }

    [Fact]
    public async Task Two_instances_running_at_once_send_each_subscriber_exactly_one_email()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        await using var second = app.StartAgain();
        Assert.NotNull(second.Services);
        using var smtp = Configuration.Configure().WithRandomPort().Build();
        await app.VotedAsync(tree.CellA, "Lê Văn Bình");
        var addresses = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var user = await app.CreateUserAsync($"vanphong{i}", (tree.Commune.Id, AccessRole.CommitteeStaff));
            addresses.Add($"vanphong{i}@example.vn");
            await using var db = app.Database.CreateContext();
            db.ReminderSubscriptions.Add(new ReminderSubscription { UserId = user.Id, Email = addresses[^1], SubscribedAt = August2026.GetUtcNow(), ConfirmedAt = August2026.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var passes = new[] { Job(app, smtp), Job(second, smtp), Job(app, smtp), Job(second, smtp) };
        var sent = await Task.WhenAll(passes.Select(job => Task.Run(() => job.RunOnceAsync())));

        Assert.Equal(6, sent.Sum());
        Assert.Equal(addresses, Received(smtp).Select(m => Assert.Single(m.To.Mailboxes).Address).Order());
        Assert.Equal(0, await Job(second, smtp).RunOnceAsync());
        Assert.Equal(6, smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task A_user_gets_only_their_units_and_an_unsubscribed_user_gets_nothing()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        using var smtp = Configuration.Configure().WithRandomPort().Build();
        await app.VotedAsync(tree.CellA, "Lê Văn Bình");
        var cuc = await app.VotedAsync(tree.CellB, "Trần Thị Cúc");
        var secretary = await app.SecretaryAsync(tree.CellB);
        await ConfirmedAsync(app, smtp, secretary, "bithu@example.vn");
        var staff = await app.StaffAsync(tree);
        await ConfirmedAsync(app, smtp, staff, "vanphong@example.vn");

        var page = await staff.PageAsync("/account/reminders");
        Assert.Equal("Bạn đang nhận thư nhắc việc tại vanphong@example.vn", page.QuerySelector("#reminders-status").Text());
        var unsubscribed = await Forms.SubmitAsync(staff, page, "/account/reminders", "#reminders-unsubscribe");
        Assert.Equal("/account/reminders?notice=unsubscribed", RedirectTarget(unsubscribed));
        var after = await staff.PageAsync("/account/reminders?notice=unsubscribed");
        Assert.Equal("Đã hủy đăng ký: bạn không còn nhận thư nhắc việc.", after.QuerySelector("#reminders-notice").Text());
        Assert.Null(after.QuerySelector("#reminders-unsubscribe"));

        Assert.Equal(1, await Job(app, smtp).RunOnceAsync());
        var mail = Assert.Single(Received(smtp));
        Assert.Equal("bithu@example.vn", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("- [Quá hạn] Trần Thị Cúc · Chi bộ thôn Ấp Bắc", mail.TextBody);
        Assert.Contains($"candidates/{cuc}", mail.TextBody);
        Assert.DoesNotContain("Lê Văn Bình", mail.TextBody + mail.HtmlBody);
        Assert.DoesNotContain("Đồng Tâm", mail.TextBody + mail.HtmlBody);
        Assert.Equal(0, await Job(app, smtp).RunOnceAsync());
    }

    [Fact]
    public async Task A_failed_send_gives_the_day_back_and_the_next_pass_sends_it()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        await app.VotedAsync(tree.CellA, "Lê Văn Bình");
        var staff = await app.StaffAsync(tree);
        using var smtp = Configuration.Configure().WithRandomPort().Build();
        await ConfirmedAsync(app, smtp, staff, "vanphong@example.vn");

        // Nothing listens on the port yet.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var nowhere = new ReminderJob(app.Services.GetRequiredService<IServiceScopeFactory>(), Settings(port), August2026, NullLogger<ReminderJob>.Instance);
        Assert.Equal(0, await nowhere.RunOnceAsync());
        Assert.Empty(await DeliveriesAsync(app));

        Assert.Equal(1, await Job(app, smtp).RunOnceAsync());
        Assert.Equal(1, smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task The_job_sends_by_itself_once_a_mail_host_is_configured()
    {
        using var smtp = Configuration.Configure().WithRandomPort().Build();
        await using var app = await DangVienApp.StartAsync(August2026);
        app.Settings["Mail:Host"] = "127.0.0.1";
        app.Settings["Mail:Port"] = smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Mail:From"] = "DangVien <dangvien@example.vn>";
        app.Settings["Mail:BaseUrl"] = BaseUrl;
        app.Settings["Mail:PollInterval"] = "00:00:00.2";
        _ = app.Services;
        HttpClient staff;
        await using (var db = app.Database.CreateContext())
        {
            var tree = await TinyProvince.CreateAsync(db, 2026);
            await app.VotedAsync(tree.CellA, "Lê Văn Bình");
            staff = await app.StaffAsync(tree);
            var page = await staff.PageAsync("/account/reminders");
            Assert.Null(page.QuerySelector("#reminders-off"));
            await SubscribeAsync(staff, "vanphong@example.vn");
        }

        // First the link to the new address, then, once it is confirmed, the morning e-mail.
        await UntilReceivedAsync(smtp, 1);
        var confirmation = Assert.Single(Received(smtp));
        Assert.Equal("DangVien – xác nhận địa chỉ nhận thư nhắc việc", confirmation.Subject);
        smtp.ClearReceivedEmail();
        await ConfirmFromMailAsync(staff, confirmation);
        await UntilReceivedAsync(smtp, 1);
        var morning = Assert.Single(Received(smtp));
        Assert.Equal("vanphong@example.vn", morning.To.Mailboxes.Single().Address);
        Assert.StartsWith("DangVien – nhắc việc ngày 03/08/2026", morning.Subject, StringComparison.Ordinal);
        await Task.Delay(1000);
        Assert.Equal(1, smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task A_new_address_gets_only_its_link_until_confirmed_and_a_link_confirms_only_its_user_address_and_week()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        using var smtp = Configuration.Configure().WithRandomPort().Build();
        await app.VotedAsync(tree.CellA, "Lê Văn Bình");
        var staff = await app.StaffAsync(tree);
        await SubscribeAsync(staff, "vanphong@example.vn");

        // Waiting for its confirmation, the address gets no morning e-mail, and the page says what it waits for.
        Assert.Equal(0, await Job(app, smtp, new FixedClock(August4)).RunOnceAsync());
        var page = await staff.PageAsync("/account/reminders");
        Assert.Equal("Đang chờ xác nhận địa chỉ vanphong@example.vn", page.QuerySelector("#reminders-status").Text());
        Assert.NotNull(page.QuerySelector("#reminders-resend"));

        // Its one e-mail is the link, naming the account and nothing from the files; it goes once.
        Assert.Equal(1, await Job(app, smtp).SendConfirmationsAsync());
        Assert.Equal(0, await Job(app, smtp).SendConfirmationsAsync());
        var first = Assert.Single(Received(smtp));
        Assert.Equal("vanphong@example.vn", first.To.Mailboxes.Single().Address);
        Assert.Contains("Tài khoản vanphong vừa đăng ký nhận thư nhắc việc của DangVien tại địa chỉ vanphong@example.vn.", first.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Văn Bình", first.TextBody + first.HtmlBody, StringComparison.Ordinal);
        var resend = await Forms.SubmitAsync(staff, "/account/reminders", "#reminders-resend");
        Assert.Equal("Thư xác nhận vừa được gửi: hãy chờ 5 phút rồi gửi lại.", await ConfirmErrorAsync(resend, "#reminders-resend-error"));

        // The link opened by its user names the address; opened by another account, it does not.
        Assert.Equal("vanphong@example.vn", (await staff.PageAsync(ConfirmPath(first))).QuerySelector("#reminders-confirm-address").Text());
        var other = await app.SecretaryAsync(tree.CellB, "bithu-apbac");
        Assert.Null((await other.PageAsync(ConfirmPath(first))).QuerySelector("#reminders-confirm-address"));

        // Another account, an altered link, a link of an address no longer subscribed: refused, saying why.
        Assert.Equal("Liên kết xác nhận này dành cho một tài khoản khác: hãy đăng nhập bằng tài khoản đã đăng ký nhận thư.",
            await ConfirmErrorAsync(await Forms.SubmitAsync(other, ConfirmPath(first), "#reminders-confirm")));
        Assert.Equal("Liên kết xác nhận không đọc được: hãy mở đúng liên kết trong thư, hoặc gửi lại thư xác nhận.",
            await ConfirmErrorAsync(await Forms.SubmitAsync(staff, ConfirmPath(first)[..^6] + "AAAAAA", "#reminders-confirm")));
        await SubscribeAsync(staff, "vanphong.moi@example.vn");
        Assert.Equal("Liên kết xác nhận này dành cho một địa chỉ không còn được đăng ký: hãy dùng liên kết trong thư gửi tới địa chỉ hiện tại.",
            await ConfirmErrorAsync(await Forms.SubmitAsync(staff, ConfirmPath(first), "#reminders-confirm")));
        smtp.ClearReceivedEmail();
        Assert.Equal(1, await Job(app, smtp).SendConfirmationsAsync());
        Assert.Equal("vanphong.moi@example.vn", Assert.Single(Received(smtp)).To.Mailboxes.Single().Address);
        smtp.ClearReceivedEmail();

        // A link works for seven days: one a second older is refused, one of exactly seven days confirms.
        await using var db = app.Database.CreateContext();
        var userId = await db.Users.Where(u => u.UserName == "vanphong").Select(u => u.Id).SingleAsync();
        string IssuedAgo(TimeSpan age) => new ReminderConfirmations(app.Services.GetRequiredService<IDataProtectionProvider>(), db,
            new FixedClock(August2026.GetUtcNow() - age)).Token(userId, "vanphong.moi@example.vn");
        Assert.Equal("Liên kết xác nhận đã quá 7 ngày: hãy gửi lại thư xác nhận.", await ConfirmErrorAsync(await Forms.SubmitAsync(staff,
            "/account/reminders?confirm=" + Uri.EscapeDataString(IssuedAgo(ReminderConfirmations.LinkLifetime + TimeSpan.FromSeconds(1))), "#reminders-confirm")));
        var confirmed = await Forms.SubmitAsync(staff, "/account/reminders?confirm=" + Uri.EscapeDataString(IssuedAgo(ReminderConfirmations.LinkLifetime)), "#reminders-confirm");
        Assert.Equal("/account/reminders?notice=confirmed", RedirectTarget(confirmed));

        Assert.Equal(1, await Job(app, smtp, new FixedClock(August4)).RunOnceAsync());
        Assert.Equal("vanphong.moi@example.vn", Assert.Single(Received(smtp)).To.Mailboxes.Single().Address);
        Assert.Equal(
            [AuditActions.RemindersSubscribe, AuditActions.RemindersSubscribe, AuditActions.RemindersConfirm],
            await db.AuditEntries.Where(a => a.UserName == "vanphong" && a.Action.StartsWith("account.reminders")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    /// <summary>The page a refused form gives back (200, the form kept), and the message it shows.</summary>
    private static async Task<string> ConfirmErrorAsync(HttpResponseMessage response, string selector = "#reminders-confirm-error")
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await DangVienApp.ParseAsync(response)).QuerySelector(selector).Text();
    }

    [Fact]
    public async Task A_bad_address_is_refused_next_to_its_field_keeping_what_was_typed()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);

        var page = await staff.PageAsync("/account/reminders");
        Assert.Equal("Bạn chưa đăng ký nhận thư nhắc việc.", page.QuerySelector("#reminders-status").Text());
        Assert.NotNull(page.QuerySelector("#reminders-off"));
        foreach (var (typed, message) in new[]
        {
            ("vanphong at example", "Địa chỉ thư điện tử không hợp lệ: nhập một địa chỉ dạng ten@donvi.gov.vn."),
            ("Văn Phòng <vanphong@example.vn>", "Địa chỉ thư điện tử không hợp lệ: nhập một địa chỉ dạng ten@donvi.gov.vn."),
            ("vanphong@localhost", "Địa chỉ thư điện tử không hợp lệ: nhập một địa chỉ dạng ten@donvi.gov.vn."),
            ("a@b.vn, c@d.vn", "Địa chỉ thư điện tử không hợp lệ: nhập một địa chỉ dạng ten@donvi.gov.vn."),
            ("   ", "Vui lòng nhập địa chỉ thư điện tử."),
            (new string('a', 250) + "@example.vn", "Địa chỉ thư điện tử không được dài quá 254 ký tự."),
        })
        {
            var response = await Forms.SubmitAsync(staff, page, "/account/reminders", "#reminders-subscribe", ("email", typed));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var refused = await DangVienApp.ParseAsync(response);
            Assert.Equal(message, refused.QuerySelector("#reminders-email-error .validation-message").Text());
            Assert.Equal(typed, refused.QuerySelector("#reminders-email")!.GetAttribute("value"));
        }

        await using var db = app.Database.CreateContext();
        Assert.False(await db.ReminderSubscriptions.AnyAsync());

        // A second subscription changes the address.
        await SubscribeAsync(staff, "  vanphong@example.vn ");
        await SubscribeAsync(staff, "vanphong.moi@example.vn");
        Assert.Equal(["vanphong.moi@example.vn"], await db.ReminderSubscriptions.Select(s => s.Email).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/account/reminders")).StatusCode);
    }

    private static async Task SubscribeAsync(HttpClient client, string email)
    {
        var response = await Forms.SubmitAsync(client, "/account/reminders", "#reminders-subscribe", ("email", email));
        Assert.Equal("/account/reminders?notice=subscribed", RedirectTarget(response));
        var page = await client.PageAsync("/account/reminders?notice=subscribed");
        Assert.Equal("Đã lưu. DangVien gửi tới địa chỉ này một thư xác nhận: bấm vào liên kết trong thư để bắt đầu nhận thư nhắc việc.", page.QuerySelector("#reminders-notice").Text());
        Assert.Equal(email.Trim(), page.QuerySelector("#reminders-email")!.GetAttribute("value"));
    }

    /// <summary>Subscribes <paramref name="email"/>, has the job mail its link and confirms it from the e-mail; the inbox is emptied after.</summary>
    private static async Task ConfirmedAsync(DangVienApp app, SimpleSmtpServer smtp, HttpClient client, string email)
    {
        await SubscribeAsync(client, email);
        Assert.Equal(1, await Job(app, smtp).SendConfirmationsAsync());
        await ConfirmFromMailAsync(client, Assert.Single(Received(smtp), m => m.To.Mailboxes.Single().Address == email));
        smtp.ClearReceivedEmail();
    }

    /// <summary>Opens the link of a confirmation e-mail as <paramref name="client"/> and presses "Xác nhận địa chỉ".</summary>
    private static async Task ConfirmFromMailAsync(HttpClient client, MimeMessage mail)
    {
        var response = await Forms.SubmitAsync(client, ConfirmPath(mail), "#reminders-confirm");
        Assert.Equal("/account/reminders?notice=confirmed", RedirectTarget(response));
        var page = await client.PageAsync("/account/reminders?notice=confirmed");
        Assert.Equal("Đã xác nhận: từ nay bạn nhận thư nhắc việc tại địa chỉ này mỗi sáng có việc đến hạn.", page.QuerySelector("#reminders-notice").Text());
        Assert.StartsWith("Bạn đang nhận thư nhắc việc tại", page.QuerySelector("#reminders-status").Text(), StringComparison.Ordinal);
    }

    /// <summary>The path and query of the confirmation link in the e-mail (under the configured base address).</summary>
    private static string ConfirmPath(MimeMessage mail)
    {
        var line = mail.TextBody!.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith(BaseUrl + "account/reminders?confirm=", StringComparison.Ordinal));
        Assert.Contains(line, mail.HtmlBody, StringComparison.Ordinal);
        return "/account/reminders" + new Uri(line).Query;
    }

    private static async Task UntilReceivedAsync(SimpleSmtpServer smtp, int count)
    {
        for (var waited = 0; smtp.ReceivedEmailCount < count && waited < 300; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(count, smtp.ReceivedEmailCount);
    }

    private static IOptions<MailSettings> Settings(int port) => Options.Create(new MailSettings
    {
        Host = "127.0.0.1",
        Port = port,
        From = "DangVien <dangvien@example.vn>",
        BaseUrl = BaseUrl,
    });

    /// <summary>A pass of the app's job as another instance would run it, sending to <paramref name="smtp"/>.</summary>
    private static ReminderJob Job(DangVienApp app, SimpleSmtpServer smtp, TimeProvider? clock = null) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), Settings(smtp.Configuration.Port), clock ?? August2026, NullLogger<ReminderJob>.Instance);

    private static List<MimeMessage> Received(SimpleSmtpServer smtp) =>
        [.. smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))];

    private static async Task<List<(DateOnly Day, int AlertCount, bool Sent)>> DeliveriesAsync(DangVienApp app)
    {
        await using var db = app.Database.CreateContext();
        return [.. (await db.ReminderDeliveries.AsNoTracking().OrderBy(d => d.Day).ToListAsync()).Select(d => (d.Day, d.AlertCount, d.SentAt is not null))];
    }
}
