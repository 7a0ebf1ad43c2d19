using DangVien.Core.Common;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>A request about one candidate file.</summary>
public interface ICandidateRequest
{
    int CandidateId { get; }
}

/// <summary>
/// Shared shapes of form fields (rules of the procedure live in <see cref="AdmissionRules"/>). Each names its field by
/// a CoreText key ("Label.FullName"), read when a message is built: the validators are singletons, and the message
/// must be in the language of the request that fails. A label that is no key is shown as written.
/// </summary>
internal static class RequestValidation
{
    public const int DocumentNumberLength = 60;
    public const int IssuerLength = 200;
    public const int NoteLength = 2000;
    public const int ReasonLength = 1000;

    /// <summary>A text the user must give: not blank, at most <paramref name="maxLength"/> characters, and <see cref="CleanText{T}"/>.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, string label, int maxLength, bool multiLine = false) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => CoreText.Format("Validation.Required", Name(label)))
            .MaximumLength(maxLength).WithMessage(_ => CoreText.Format("Validation.TooLong", Capitalise(Name(label)), maxLength))
            .CleanText(label, multiLine);

    /// <summary>A text the user may leave empty: at most <paramref name="maxLength"/> characters, and <see cref="CleanText{T}"/>.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, string label, int maxLength, bool multiLine = false) =>
        rule.MaximumLength(maxLength).WithMessage(_ => CoreText.Format("Validation.TooLong", Capitalise(Name(label)), maxLength))
            .CleanText(label, multiLine);

    /// <summary>No control, bidirectional or invisible characters (<see cref="TextRules.Check"/>); line breaks only when <paramref name="multiLine"/>.</summary>
    public static IRuleBuilderOptions<T, string?> CleanText<T>(this IRuleBuilder<T, string?> rule, string label, bool multiLine = false) =>
        rule.Must(value => TextRules.IsClean(value, multiLine))
            .WithMessage((_, value) => TextRules.Check(value, Name(label), multiLine) ?? "");

    public static IRuleBuilderOptions<T, int> Id<T>(this IRuleBuilder<T, int> rule, string label) =>
        rule.GreaterThan(0).WithMessage(_ => CoreText.Format("Validation.NotChosen", Name(label)));

    public static IRuleBuilderOptions<T, DateOnly> RequiredDate<T>(this IRuleBuilder<T, DateOnly> rule, string label) =>
        rule.NotEqual(default(DateOnly)).WithMessage(_ => CoreText.Format("Validation.Required", Name(label)));

    public static IRuleBuilderOptions<T, int> Count<T>(this IRuleBuilder<T, int> rule, string label) =>
        rule.GreaterThanOrEqualTo(0).WithMessage(_ => CoreText.Format("Validation.Negative", Capitalise(Name(label))));

    /// <summary>Runs a validator and turns its failures into field errors (none when the request is well formed).</summary>
    public static IReadOnlyList<FieldError> Errors<T>(this IValidator<T> validator, T request) =>
        [.. validator.Validate(request).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage))];

    /// <summary>The field's name in the current language; a label that is no CoreText key is shown as written.</summary>
    private static string Name(string label) => CoreText.Find(label) ?? label;

    private static string Capitalise(string label) => label.Length == 0 ? label : char.ToUpper(label[0], VietnamTime.Culture) + label[1..];
}
