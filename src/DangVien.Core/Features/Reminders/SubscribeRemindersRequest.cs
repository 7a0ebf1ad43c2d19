using System.Net.Mail;
using DangVien.Core.Common;
using FluentValidation;

namespace DangVien.Core.Features.Reminders;

/// <summary>The signed-in user asks for the morning e-mail of the deadlines in their units, sent to <see cref="Email"/>.</summary>
public sealed record SubscribeRemindersRequest(string? Email)
{
    /// <summary>The address as it is kept: without the spaces around it.</summary>
    public string TrimmedEmail => Email?.Trim() ?? "";
}

public sealed class SubscribeRemindersRequestValidator : AbstractValidator<SubscribeRemindersRequest>
{
    /// <summary>The longest address SMTP carries (RFC 5321: 254 characters in a path).</summary>
    public const int EmailMaxLength = 254;

    public SubscribeRemindersRequestValidator()
    {
        RuleFor(r => r.TrimmedEmail)
            .NotEmpty().WithMessage(_ => CoreText.Get("Reminders.EmailRequired"))
            .MaximumLength(EmailMaxLength).WithMessage(_ => CoreText.Format("Reminders.EmailTooLong", EmailMaxLength))
            .Must(IsAddress).WithMessage(_ => CoreText.Get("Reminders.EmailInvalid"))
            .OverridePropertyName(nameof(SubscribeRemindersRequest.Email));
    }

    /// <summary>One plain address (name@domain.tld): no display name, no list, no spaces, a dotted domain.</summary>
    public static bool IsAddress(string email) =>
        email.Length <= EmailMaxLength
        && !email.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.DisplayName.Length == 0
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');
}
