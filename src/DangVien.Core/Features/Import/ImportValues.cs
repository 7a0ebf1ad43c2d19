using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Domain;

namespace DangVien.Core.Features.Import;

/// <summary>
/// Reads the text of one cell into a value, collecting an error in the reader's language on the row's column when it
/// cannot. Only the shape of a value is read here; what the value may be is the services' rules.
/// </summary>
internal sealed class ImportValues(ImportRow row, List<ImportError> errors)
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public ImportRow Row => row;

    public string? Text(string column, bool required = false)
    {
        var value = row[column];
        if (value.Length == 0)
        {
            if (required)
            {
                Error(column, CoreText.Get("Import.Required"));
            }

            return null;
        }

        return value;
    }

    public bool Has(string column) => row[column].Length > 0;

    public DateOnly? Date(string column, bool required = false)
    {
        if (Text(column, required) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // An XLSX date cell holds the day as a serial number (days since 30/12/1899).
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        Error(column, CoreText.Format("Import.NotADate", value));
        return null;
    }

    public int? Number(string column, bool required = false)
    {
        if (Text(column, required) is not { } value)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Error(column, CoreText.Format("Import.NotANumber", value));
        return null;
    }

    public Sex? Sex(string column)
    {
        if (Text(column, required: true) is not { } value)
        {
            return null;
        }

        switch (Key(value))
        {
            case "nam" or "male" or "m":
                return Domain.Sex.Male;
            case "nu" or "female" or "f":
                return Domain.Sex.Female;
            default:
                Error(column, CoreText.Format("Import.NotASex", value));
                return null;
        }
    }

    public bool? YesNo(string column)
    {
        if (Text(column) is not { } value)
        {
            return null;
        }

        switch (Key(value))
        {
            case "co" or "x" or "1" or "true":
                return true;
            case "khong" or "0" or "false":
                return false;
            default:
                Error(column, CoreText.Format("Import.NotYesNo", value));
                return null;
        }
    }

    /// <summary>One of the listed keys (compared without case or diacritics); an error naming them otherwise.</summary>
    public T? Choice<T>(string column, IReadOnlyDictionary<string, T> choices, bool required, T? fallback = null)
        where T : struct
    {
        if (Text(column, required) is not { } value)
        {
            return fallback;
        }

        if (choices.TryGetValue(Key(value), out var choice))
        {
            return choice;
        }

        Error(column, CoreText.Format("Import.NotAChoice", value, string.Join(", ", choices.Keys)));
        return null;
    }

    /// <summary>A count as the reader writes numbers (1.000 in Vietnamese, 1,000 in English), for the messages.</summary>
    public static string Count(long value) => value.ToString("N0", CoreText.IsEnglish ? CultureInfo.GetCultureInfo("en") : VietnamTime.Culture);

    public void Error(string column, string message) => errors.Add(new ImportError(row.Number, column, message));

    /// <summary>Lower case, no diacritics, spaces and commas as underscores: "Chính thức" → "chinh_thuc".</summary>
    public static string Key(string value)
    {
        var normalised = value.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(System.Text.NormalizationForm.FormD);
        var chars = normalised.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => c is ' ' or ',' or '-' ? '_' : c);
        return string.Join("_", new string([.. chars]).Split('_', StringSplitOptions.RemoveEmptyEntries));
    }
}
