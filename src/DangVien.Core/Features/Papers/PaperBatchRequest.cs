using DangVien.Core.Common;

namespace DangVien.Core.Features.Papers;

/// <summary>
/// The batch of one kind of paper for a unit's subtree and a range of dates (e.g. every admission decision of a commune
/// in a month), as typed in the unit page's form: the dates dd/MM/yyyy (or yyyy-MM-dd from a date picker).
/// </summary>
public sealed record PaperBatchRequest(PaperKind Kind, DateOnly From, DateOnly To)
{
    /// <summary>The longest range one batch covers: a year.</summary>
    public const int MaxDays = 366;

    /// <summary>The request, or the Vietnamese messages of each field that cannot be read (kind, start, end).</summary>
    public static (PaperBatchRequest? Request, IReadOnlyList<FieldError> Errors) Read(string? kind, string? from, string? to)
    {
        var errors = new List<FieldError>();
        var paper = PaperForms.Parse(kind);
        if (paper is null)
        {
            errors.Add(new("kind", CoreText.Get("Papers.UnknownKind")));
        }

        var start = Date("start", from, errors);
        var end = Date("end", to, errors);
        if (start is { } a && end is { } b)
        {
            if (b < a)
            {
                errors.Add(new("end", CoreText.Get("Papers.ToBeforeFrom")));
            }
            else if (b.DayNumber - a.DayNumber + 1 > MaxDays)
            {
                errors.Add(new("end", CoreText.Format("Papers.RangeTooLong", MaxDays)));
            }
        }

        return errors.Count == 0 ? (new PaperBatchRequest(paper!.Value, start!.Value, end!.Value), errors) : (null, errors);
    }

    /// <summary>Why a batch that found <paramref name="found"/> papers, more than <see cref="PaperService.MaxBatch"/>, is refused.</summary>
    public static string TooManyMessage(int found) => CoreText.Format("Papers.TooMany", found, PaperService.MaxBatch);

    /// <summary>What a batch that found no paper says.</summary>
    public string NoneMessage() => CoreText.Format("Papers.None", PaperForms.Code(Kind), From.Display(), To.Display());

    /// <summary>Why a batch that found <paramref name="found"/> papers gives none (none found, or more than one batch holds); null when it gives them.</summary>
    public string? Refusal(int found) => found == 0 ? NoneMessage() : found > PaperService.MaxBatch ? TooManyMessage(found) : null;

    private static DateOnly? Date(string field, string? text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, CoreText.Get("Papers.DateRequired")));
            return null;
        }

        var reading = DateText.Read(text);
        if (reading.Date is null)
        {
            errors.Add(new(field, reading.Message ?? DateText.FormatMessage));
        }

        return reading.Date;
    }
}
