using DangVien.Core.Common;
using DangVien.Core.Features.Admission;
using FluentValidation;

namespace DangVien.Core.Features.Calendar;

/// <summary>
/// The administrator adds a day off to the public-holiday calendar. <see cref="Date"/> is null when the
/// form's date was left empty or could not be read, so that the validator reports it with the other fields.
/// </summary>
public sealed record AddHolidayRequest(DateOnly? Date, string Name);

/// <summary>The administrator pre-fills the default Vietnamese holidays of some years.</summary>
public sealed record PrefillHolidaysRequest(int FromYear, int ToYear);

public sealed class AddHolidayRequestValidator : AbstractValidator<AddHolidayRequest>
{
    public const int NameMaxLength = 120;

    public AddHolidayRequestValidator()
    {
        RuleFor(r => r.Date)
            .NotNull().WithMessage(_ => CoreText.Get("Holidays.NoDate"));
        RuleFor(r => r.Name)
            .NotEmpty().WithMessage(_ => CoreText.Get("Holidays.NoName"))
            .MaximumLength(NameMaxLength).WithMessage(_ => CoreText.Format("Holidays.NameTooLong", NameMaxLength))
            .CleanText("Label.HolidayName");
    }
}

public sealed class PrefillHolidaysRequestValidator : AbstractValidator<PrefillHolidaysRequest>
{
    public PrefillHolidaysRequestValidator()
    {
        RuleFor(r => r.FromYear)
            .InclusiveBetween(VietnameseHolidays.MinYear, VietnameseHolidays.MaxYear).WithMessage(_ => CoreText.Format("Holidays.YearRange", VietnameseHolidays.MinYear, VietnameseHolidays.MaxYear));
        RuleFor(r => r.ToYear)
            .InclusiveBetween(VietnameseHolidays.MinYear, VietnameseHolidays.MaxYear).WithMessage(_ => CoreText.Format("Holidays.YearRange", VietnameseHolidays.MinYear, VietnameseHolidays.MaxYear))
            .GreaterThanOrEqualTo(r => r.FromYear).WithMessage(_ => CoreText.Get("Holidays.EndBeforeStart"));
    }
}
