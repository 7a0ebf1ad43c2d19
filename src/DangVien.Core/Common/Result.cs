namespace DangVien.Core.Common;

/// <summary>A failure tied to a form field (or to the whole form when <see cref="Field"/> is empty).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// The outcome of a use case: success, or the field errors a user must fix. Expected failures
/// (a rule refused, a record changed meanwhile) are results; exceptions are for bugs.
/// </summary>
public class Result
{
    protected Result(IReadOnlyList<FieldError> errors) => Errors = errors;

    public IReadOnlyList<FieldError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>True when the record changed since the user loaded it (optimistic concurrency).</summary>
    public bool IsConflict => Errors.Any(e => e.Field == ConflictField);

    /// <summary>The field name used for "this record changed, reload".</summary>
    public const string ConflictField = "__conflict";

    public static Result Success() => new([]);

    public static Result Fail(string field, string message) => new([new FieldError(field, message)]);

    public static Result Fail(IEnumerable<FieldError> errors) => new(errors.ToList());

    public static Result Conflict() => Fail(ConflictField, Messages.RecordChanged);
}

/// <summary>A result that carries a value on success.</summary>
public sealed class Result<T> : Result
{
    private Result(T? value, IReadOnlyList<FieldError> errors)
        : base(errors) => Value = value;

    public T? Value { get; }

    public static Result<T> Success(T value) => new(value, []);

    public static new Result<T> Fail(string field, string message) => new(default, [new FieldError(field, message)]);

    public static new Result<T> Fail(IEnumerable<FieldError> errors) => new(default, errors.ToList());

    public static new Result<T> Conflict() => Fail(ConflictField, Messages.RecordChanged);
}

/// <summary>Messages shared across features.</summary>
public static class Messages
{
    public static string RecordChanged => CoreText.Get("Messages.RecordChanged");

    public static string NotFound => CoreText.Get("Messages.NotFound");

    public static string NotAllowed => CoreText.Get("Messages.NotAllowed");
}
