using System.Globalization;
using System.Net;
using System.Text;
using DangVien.Core.Common;
using DangVien.Core.Features.Alerts;

namespace DangVien.Core.Features.Reminders;

/// <summary>A morning e-mail: its subject, plain text and HTML bodies.</summary>
public sealed record ReminderMessage(string Subject, string Text, string Html);

/// <summary>
/// Writes a user's morning e-mail (in Vietnamese, the procedure's language) from their <see cref="ReminderDigest"/>:
/// per unit, each alert as the alerts page shows it (urgency, due date, name, cell, kind, rule) with a link to the file,
/// and links to the alerts page and to the subscription. No e-mail is written for a digest with nothing due.
/// </summary>
public static class ReminderMail
{
    /// <summary>The address of the subscription page, where the e-mail's reader unsubscribes.</summary>
    public const string SubscriptionPath = "/account/reminders";

    public static ReminderMessage? Compose(ReminderDigest digest, Uri baseUrl)
    {
        if (digest.Count == 0)
        {
            return null;
        }

        return CoreText.InVietnamese(() =>
        {
            var culture = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = VietnamTime.Culture;
            try
            {
                return Write(digest, baseUrl);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
        });
    }

    private static ReminderMessage Write(ReminderDigest digest, Uri baseUrl)
    {
        var all = digest.Units.SelectMany(u => u.Alerts).ToList();
        var overdue = all.Count(a => a.Urgency == AlertUrgency.Overdue);
        var soon = all.Count - overdue;
        var day = digest.Day.Display();
        var subject = CoreText.Format("Reminders.Subject", day, overdue, soon);
        var greeting = CoreText.Format("Reminders.Greeting", digest.FullName.Length > 0 ? digest.FullName : digest.UserName);
        var intro = CoreText.Format("Reminders.Intro", day, overdue, soon, AlertRules.DueSoonDays);
        var subscription = Link(baseUrl, SubscriptionPath);

        var text = new StringBuilder();
        var html = new StringBuilder();
        text.Append(greeting).Append("\n\n").Append(intro).Append('\n');
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>")
            .Append("<body style=\"font-family: Arial, sans-serif; color: #1f2328;\">")
            .Append("<p>").Append(E(greeting)).Append("</p><p>").Append(E(intro)).Append("</p>");
        foreach (var unit in digest.Units)
        {
            var unitOverdue = unit.Alerts.Count(a => a.Urgency == AlertUrgency.Overdue);
            var heading = CoreText.Format("Reminders.Unit", unit.UnitName, unitOverdue, unit.Alerts.Count - unitOverdue);
            var alertsLink = Link(baseUrl, $"/alerts?unit={unit.UnitId.ToString(CultureInfo.InvariantCulture)}");
            text.Append('\n').Append(heading).Append('\n').Append(new string('=', Math.Min(heading.Length, 72))).Append('\n');
            html.Append("<h2 style=\"font-size: 1.1em;\">").Append(E(heading)).Append("</h2><ul>");
            foreach (var alert in unit.Alerts)
            {
                var head = $"[{AlertLabels.Of(alert.Urgency)}] {alert.CandidateName} · {alert.CellName}";
                var kind = $"{AlertLabels.Of(alert.Kind)}: {CoreText.Format("Reminders.Due", alert.DueOn.Display())}";
                var file = Link(baseUrl, $"/candidates/{alert.CandidateId.ToString(CultureInfo.InvariantCulture)}");
                text.Append("- ").Append(head).Append('\n')
                    .Append("  ").Append(kind).Append('\n')
                    .Append("  ").Append(alert.Rule).Append('\n')
                    .Append("  ").Append(file).Append('\n');
                html.Append("<li style=\"margin-bottom: 0.75em;\"><strong")
                    .Append(alert.Urgency == AlertUrgency.Overdue ? " style=\"color: #b42318;\"" : "")
                    .Append(">").Append(E(AlertLabels.Of(alert.Urgency))).Append("</strong> ")
                    .Append("<a href=\"").Append(E(file)).Append("\">").Append(E(alert.CandidateName)).Append("</a> · ").Append(E(alert.CellName))
                    .Append("<br>").Append(E(kind))
                    .Append("<br><small>").Append(E(alert.Rule)).Append("</small></li>");
            }

            text.Append(CoreText.Get("Reminders.OpenAlerts")).Append(": ").Append(alertsLink).Append('\n');
            html.Append("</ul><p><a href=\"").Append(E(alertsLink)).Append("\">").Append(E(CoreText.Get("Reminders.OpenAlerts"))).Append("</a></p>");
        }

        var footer = CoreText.Get("Reminders.Footer");
        var unsubscribe = CoreText.Get("Reminders.Unsubscribe");
        text.Append("\n-- \n").Append(footer).Append('\n').Append(unsubscribe).Append(": ").Append(subscription).Append('\n');
        html.Append("<hr><p><small>").Append(E(footer)).Append(" <a href=\"").Append(E(subscription)).Append("\">").Append(E(unsubscribe))
            .Append("</a></small></p></body></html>");
        return new ReminderMessage(subject, text.ToString(), html.ToString());
    }

    /// <summary>
    /// The e-mail that asks the owner of a new address to confirm it: who subscribed it (the account, not a name from the
    /// files), the link, and that ignoring it stops everything. Nothing else is ever sent to an address not confirmed.
    /// </summary>
    public static ReminderMessage ComposeConfirmation(ReminderConfirmationRecipient recipient, string token, Uri baseUrl) =>
        CoreText.InVietnamese(() =>
        {
            var subject = CoreText.Get("Reminders.ConfirmSubject");
            var greeting = CoreText.Format("Reminders.Greeting", recipient.FullName.Length > 0 ? recipient.FullName : recipient.UserName);
            var intro = CoreText.Format("Reminders.ConfirmIntro", recipient.UserName, recipient.Email, ReminderConfirmations.LinkLifetime.Days);
            var ignore = CoreText.Get("Reminders.ConfirmIgnore");
            var link = Link(baseUrl, $"{ReminderConfirmations.ConfirmPath}?confirm={Uri.EscapeDataString(token)}");
            var text = $"{greeting}\n\n{intro}\n{link}\n\n{ignore}\n";
            var html = new StringBuilder()
                .Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>")
                .Append("<body style=\"font-family: Arial, sans-serif; color: #1f2328;\">")
                .Append("<p>").Append(E(greeting)).Append("</p><p>").Append(E(intro)).Append("</p>")
                .Append("<p><a href=\"").Append(E(link)).Append("\">").Append(E(link)).Append("</a></p>")
                .Append("<p><small>").Append(E(ignore)).Append("</small></p></body></html>");
            return new ReminderMessage(subject, text, html.ToString());
        });

    /// <summary>An address under the base (its path kept: the app may be served under one).</summary>
    private static string Link(Uri baseUrl, string pathAndQuery) => new Uri(baseUrl, pathAndQuery.TrimStart('/')).AbsoluteUri;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
