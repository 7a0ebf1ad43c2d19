namespace DangVien.Core.Domain;

/// <summary>A user's wish to receive, each morning, the deadlines due or overdue in their units by e-mail. One per user.</summary>
public sealed class ReminderSubscription
{
    public required string UserId { get; set; }

    /// <summary>Where the morning e-mail goes.</summary>
    public required string Email { get; set; }

    public DateTimeOffset SubscribedAt { get; set; }

    /// <summary>
    /// When the user opened the link mailed to <see cref="Email"/> and confirmed it; null until then and again once the
    /// address changes. No morning e-mail goes to an address not confirmed: a mistyped one never receives names.
    /// </summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>When an instance took the e-mail with the confirmation link to send; null while one is owed.</summary>
    public DateTimeOffset? ConfirmationSentAt { get; set; }
}

/// <summary>
/// The morning e-mail of one user on one day (Vietnam's date): claimed by the app instance that sends it before it
/// sends, so two instances (or a restart) never send it twice; <see cref="SentAt"/> is set once it is done.
/// </summary>
public sealed class ReminderDelivery
{
    public required string UserId { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>When an instance took it; a claim left without <see cref="SentAt"/> for long is taken again.</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>When it was sent, or found to have nothing to send; null while an instance is sending it.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>How many alerts the e-mail listed (0: nothing was due, no e-mail was sent).</summary>
    public int AlertCount { get; set; }
}
