using DangVien.Core.Common;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>A request about one candidate file.</summary>
public interface ICandidateRequest
{
    int CandidateId { get; }
}

/// <summary>Shared shapes of form fields, with Vietnamese messages (rules of the procedure live in <see cref="AdmissionRules"/>).</summary>
internal static class RequestValidation
{
    public const int DocumentNumberLength = 60;
    public const int IssuerLength = 200;
    public const int NoteLength = 2000;
    public const int ReasonLength = 1000;

    /// <summary>A text the user must give: not blank, at most <paramref name="maxLength"/> characters, and <see cref="CleanText{T}"/>.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, string label, int maxLength, bool multiLine = false) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage($"Chưa nhập {label}.")
            .MaximumLength(maxLength).WithMessage($"{Capitalise(label)} dài tối đa {maxLength} ký tự.")
            .CleanText(label, multiLine);

    /// <summary>A text the user may leave empty: at most <paramref name="maxLength"/> characters, and <see cref="CleanText{T}"/>.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, string label, int maxLength, bool multiLine = false) =>
        rule.MaximumLength(maxLength).WithMessage($"{Capitalise(label)} dài tối đa {maxLength} ký tự.")
            .CleanText(label, multiLine);

    /// <summary>No control, bidirectional or invisible characters (<see cref="TextRules.Check"/>); line breaks only when <paramref name="multiLine"/>.</summary>
    public static IRuleBuilderOptions<T, string?> CleanText<T>(this IRuleBuilder<T, string?> rule, string label, bool multiLine = false) =>
        rule.Must(value => TextRules.IsClean(value, multiLine))
            .WithMessage((_, value) => TextRules.Check(value, label, multiLine) ?? "");

    public static IRuleBuilderOptions<T, int> Id<T>(this IRuleBuilder<T, int> rule, string label) =>
        rule.GreaterThan(0).WithMessage($"Chưa chọn {label}.");

    public static IRuleBuilderOptions<T, DateOnly> RequiredDate<T>(this IRuleBuilder<T, DateOnly> rule, string label) =>
        rule.NotEqual(default(DateOnly)).WithMessage($"Chưa nhập {label}.");

    public static IRuleBuilderOptions<T, int> Count<T>(this IRuleBuilder<T, int> rule, string label) =>
        rule.GreaterThanOrEqualTo(0).WithMessage($"{Capitalise(label)} không được âm.");

    /// <summary>Runs a validator and turns its failures into field errors (none when the request is well formed).</summary>
    public static IReadOnlyList<FieldError> Errors<T>(this IValidator<T> validator, T request) =>
        [.. validator.Validate(request).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage))];

    private static string Capitalise(string label) => label.Length == 0 ? label : char.ToUpper(label[0], VietnamTime.Culture) + label[1..];
}
