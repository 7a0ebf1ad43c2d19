namespace DangVien.Core.Domain;

/// <summary>A user's wish to receive, each morning, the deadlines due or overdue in their units by e-mail. One per user.</summary>
public sealed class ReminderSubscription
{
    public required string UserId { get; set; }

    /// <summary>Where the morning e-mail goes.</summary>
    public required string Email { get; set; }

    public DateTimeOffset SubscribedAt { get; set; }
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
