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
            .NotNull().WithMessage("Vui lòng nhập ngày nghỉ (ngày/tháng/năm).");
        RuleFor(r => r.Name)
            .NotEmpty().WithMessage("Vui lòng nhập tên ngày nghỉ.")
            .MaximumLength(NameMaxLength).WithMessage($"Tên ngày nghỉ không được dài quá {NameMaxLength} ký tự.")
            .CleanText("tên ngày nghỉ");
    }
}

public sealed class PrefillHolidaysRequestValidator : AbstractValidator<PrefillHolidaysRequest>
{
    private static readonly string YearOutOfRange =
        $"Chỉ điền sẵn được các năm từ {VietnameseHolidays.MinYear} đến {VietnameseHolidays.MaxYear}.";

    public PrefillHolidaysRequestValidator()
    {
        RuleFor(r => r.FromYear)
            .InclusiveBetween(VietnameseHolidays.MinYear, VietnameseHolidays.MaxYear).WithMessage(YearOutOfRange);
        RuleFor(r => r.ToYear)
            .InclusiveBetween(VietnameseHolidays.MinYear, VietnameseHolidays.MaxYear).WithMessage(YearOutOfRange)
            .GreaterThanOrEqualTo(r => r.FromYear).WithMessage("Năm kết thúc không được trước năm bắt đầu.");
    }
}
