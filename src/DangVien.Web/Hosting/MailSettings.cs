using MimeKit;

namespace DangVien.Web.Hosting;

/// <summary>
/// The SMTP server and the morning reminders (configuration section <c>Mail</c>, README "Configuration"). Without a
/// <see cref="Host"/> no e-mail is sent: users may still subscribe, and get e-mail once a host is set.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    /// <summary>The SMTP server's name or address; empty turns e-mail off.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The SMTP account, when the server asks for one.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>DangVien &lt;dangvien@tinh.gov.vn&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>Encrypt the connection: TLS from the start on port 465, STARTTLS on any other port.</summary>
    public bool UseTls { get; set; }

    /// <summary>The app's public address, the start of every link in the e-mail (e.g. <c>https://dangvien.tinh.gov.vn/</c>).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The hour (0–23, Vietnam's time) from which the day's e-mails go out.</summary>
    public int SendHour { get; set; } = 6;

    /// <summary>How often the job looks for e-mails still to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>What keeps the settings from working, or null when they do (or when e-mail is off).</summary>
    public string? Problem()
    {
        if (!IsEnabled)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
        {
            return "Mail:From must be a sender address, e.g. \"DangVien <dangvien@example.vn>\".";
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "Mail:BaseUrl must be the app's absolute http(s) address, e.g. https://dangvien.example.vn/.";
        }

        if (Port is < 1 or > 65535 || SendHour is < 0 or > 23 || PollInterval <= TimeSpan.Zero)
        {
            return "Mail:Port must be 1–65535, Mail:SendHour 0–23 and Mail:PollInterval positive.";
        }

        return null;
    }

    /// <summary>The base address with a trailing slash, so links keep any path the app is served under.</summary>
    public Uri BaseUri => new(BaseUrl!.EndsWith('/') ? BaseUrl : BaseUrl + "/");
}
