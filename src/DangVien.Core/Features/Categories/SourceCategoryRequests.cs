using System.Text.RegularExpressions;
using DangVien.Core.Common;
using DangVien.Core.Features.Admission;
using FluentValidation;

namespace DangVien.Core.Features.Categories;

/// <summary>A source category as the province's list shows it: retired ones too, with how many files name it.</summary>
public sealed record SourceCategoryItem(int Id, string Code, string Name, int SortOrder, bool IsActive, int Candidates, uint Version);

/// <summary>A new source category: its code (as imports name it) and its name.</summary>
public sealed record AddSourceCategoryRequest(string? Code, string? Name);

/// <summary>A new name for a source category; its code stays, so imports and reports keep reading it.</summary>
public sealed record RenameSourceCategoryRequest(int Id, string? Name);

public sealed partial class AddSourceCategoryRequestValidator : AbstractValidator<AddSourceCategoryRequest>
{
    public const int CodeMaxLength = 40;

    public AddSourceCategoryRequestValidator()
    {
        RuleFor(r => r.Code).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => CoreText.Get("Validation.NoCategoryCode"))
            .MaximumLength(CodeMaxLength).WithMessage(_ => CoreText.Format("Validation.CategoryCodeTooLong", CodeMaxLength))
            .Must(code => CodePattern().IsMatch(code!.Trim()))
            .WithMessage(_ => CoreText.Get("Validation.BadCategoryCode"));
        RuleFor(r => r.Name).RequiredText("Label.CategoryName", SourceCategoryName.MaxLength);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

public sealed class RenameSourceCategoryRequestValidator : AbstractValidator<RenameSourceCategoryRequest>
{
    public RenameSourceCategoryRequestValidator()
    {
        RuleFor(r => r.Id).Id("Label.SourceCategory");
        RuleFor(r => r.Name).RequiredText("Label.CategoryName", SourceCategoryName.MaxLength);
    }
}

/// <summary>The name of a source category: given, at most 200 characters (the column), clean text.</summary>
public static class SourceCategoryName
{
    public const int MaxLength = 200;
}
