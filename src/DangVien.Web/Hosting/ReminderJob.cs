using System.Security.Claims;
using DangVien.Core.Common;
using DangVien.Core.Features.Reminders;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DangVien.Web.Hosting;

/// <summary>
/// Mails a new address its confirmation link (<see cref="SendConfirmationsAsync"/>), and sends each subscriber whose
/// address is confirmed the morning e-mail of the deadlines in their units (<see cref="ReminderService"/>), once per
/// user and day (Vietnam's date), from <see cref="MailSettings.SendHour"/> on. Every <see cref="MailSettings.PollInterval"/>
/// it looks for the day's e-mails not yet sent, so an app started late in the morning still sends them and one restarted
/// sends none twice. Each e-mail is claimed in PostgreSQL first (<see cref="ReminderDeliveries"/>): with several
/// instances on one database only one sends it; a failed send gives the claim back and a later pass retries.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IOptions<MailSettings> options, TimeProvider time, ILogger<ReminderJob> logger)
    : BackgroundService
{
    private readonly MailSettings _settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.IsEnabled)
        {
            logger.LogInformation("Reminder e-mails are off: no Mail:Host is configured");
            return;
        }

        if (_settings.Problem() is { } problem)
        {
            logger.LogError("Reminder e-mails are off: {Problem}", problem);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendConfirmationsAsync(stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be away for a while: the next pass tries again.
                logger.LogError(exception, "The reminder e-mail pass failed");
            }

            try
            {
                await Task.Delay(_settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: sends the day's e-mails still due (none before the send hour); returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.Now();
        if (!_settings.IsEnabled || now.Hour < _settings.SendHour)
        {
            return 0;
        }

        var day = DateOnly.FromDateTime(now.DateTime);
        IReadOnlyList<ReminderRecipient> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            pending = await scope.ServiceProvider.GetRequiredService<ReminderDeliveries>().PendingAsync(day, cancellationToken);
        }

        var sent = 0;
        foreach (var recipient in pending)
        {
            if (await SendOneAsync(recipient, day, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// Mails each address waiting for its confirmation the link, at any hour (the user just subscribed); returns how many
    /// were sent. Each is claimed first (<see cref="ReminderConfirmations"/>), so two instances send it once; a failed send
    /// makes it owed again.
    /// </summary>
    public async Task<int> SendConfirmationsAsync(CancellationToken cancellationToken = default)
    {
        if (!_settings.IsEnabled)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var confirmations = scope.ServiceProvider.GetRequiredService<ReminderConfirmations>();
        var sent = 0;
        foreach (var recipient in await confirmations.OwedAsync(cancellationToken))
        {
            if (!await confirmations.TryClaimAsync(recipient.UserId, recipient.Email, cancellationToken))
            {
                continue;
            }

            try
            {
                var message = ReminderMail.ComposeConfirmation(recipient, confirmations.Token(recipient.UserId, recipient.Email), _settings.BaseUri);
                await SendAsync(recipient.Email, message, cancellationToken);
                logger.LogInformation("Reminder address confirmation sent to {UserName}", recipient.UserName);
                sent++;
            }
            catch (Exception exception)
            {
                await confirmations.ReleaseAsync(recipient.UserId, recipient.Email, CancellationToken.None);
                if (exception is OperationCanceledException)
                {
                    throw;
                }

                logger.LogWarning(exception, "The reminder address confirmation to {UserName} was not sent; a later pass retries", recipient.UserName);
            }
        }

        return sent;
    }

    private async Task<bool> SendOneAsync(ReminderRecipient recipient, DateOnly day, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var deliveries = services.GetRequiredService<ReminderDeliveries>();
        if (!await deliveries.TryClaimAsync(recipient.UserId, day, cancellationToken))
        {
            return false;
        }

        try
        {
            // The digest is read as the subscriber (their scope, what they may see), as their own request would.
            services.GetRequiredService<CircuitUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, recipient.UserId), new Claim(ClaimTypes.Name, recipient.UserName)], authenticationType: "reminder")));
            var digest = await services.GetRequiredService<ReminderService>().BuildDigestAsync(day, cancellationToken);
            var message = ReminderMail.Compose(digest, _settings.BaseUri);
            if (message is not null)
            {
                await SendAsync(recipient.Email, message, cancellationToken);
                logger.LogInformation("Reminder e-mail of {Day} sent to {UserName} with {AlertCount} alerts", day, recipient.UserName, digest.Count);
            }

            await deliveries.MarkSentAsync(recipient.UserId, day, digest.Count, CancellationToken.None);
            return message is not null;
        }
        catch (Exception exception)
        {
            await deliveries.ReleaseAsync(recipient.UserId, day, CancellationToken.None);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            logger.LogWarning(exception, "The reminder e-mail of {Day} to {UserName} was not sent; a later pass retries", day, recipient.UserName);
            return false;
        }
    }

    private async Task SendAsync(string to, ReminderMessage reminder, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_settings.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = reminder.Subject;
        message.Body = new BodyBuilder { TextBody = reminder.Text, HtmlBody = reminder.Html }.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds };
        var security = !_settings.UseTls ? SecureSocketOptions.None
            : _settings.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(_settings.Host!, _settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_settings.UserName))
        {
            await client.AuthenticateAsync(_settings.UserName, _settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
