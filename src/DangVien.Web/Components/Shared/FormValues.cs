using System.Globalization;
using DangVien.Core.Common;

namespace DangVien.Web.Components.Shared;

/// <summary>
/// Reads what a person typed into a form (kept as text so a refused form shows it unchanged) into the
/// values a service request takes, collecting a message for each value that cannot be read.
/// </summary>
public sealed class FormValues
{
    /// <summary>The answer to a date that cannot be read (<see cref="DateText"/> reads dates).</summary>
    public static string DateMessage => DateText.FormatMessage;

    public static string NumberMessage => CoreText.Get("Form.Number");

    public static string MissingNumberMessage => CoreText.Get("Form.MissingNumber");

    /// <summary>Field name → the message for a value that could not be read.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool HasErrors => Errors.Count > 0;

    /// <summary>A date, or <c>default</c> when empty (the service then says it is missing).</summary>
    public DateOnly Date(string field, string? text) => OptionalDate(field, text) ?? default;

    /// <summary>A date, or null when empty.</summary>
    public DateOnly? OptionalDate(string field, string? text)
    {
        var reading = DateText.Read(text);
        if (reading.Message is { } message)
        {
            Errors[field] = message;
        }

        return reading.Date;
    }

    /// <summary>A whole number that must be typed.</summary>
    public int Count(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Errors[field] = MissingNumberMessage;
            return 0;
        }

        return OptionalCount(field, text) ?? 0;
    }

    /// <summary>A whole number, or null when empty.</summary>
    public int? OptionalCount(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Errors[field] = NumberMessage;
        return null;
    }

    /// <summary>The id chosen in a picker; 0 when none (the service then says it is missing).</summary>
    public static int Id(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    /// <summary>The option chosen in a list of an enumeration; an out-of-range value when none (the service then says it is invalid).</summary>
    public static TEnum Choice<TEnum>(string? value)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: false, out var choice) && Enum.IsDefined(choice) ? choice : (TEnum)(object)(-1);

    /// <summary>Text as typed, or null when blank.</summary>
    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Text as typed, or empty.</summary>
    public static string Text(string? text) => text?.Trim() ?? "";

    /// <summary>A date in <see cref="SupportedRange"/>, read by <see cref="DateText"/>.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) => DateText.TryRead(text, out date);

    /// <summary>How a date is put back into a text box: dd/MM/yyyy.</summary>
    public static string Show(DateOnly date) => DateText.Show(date);

    public static string? Show(DateOnly? date) => date is { } d ? Show(d) : null;

    public static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);
}
