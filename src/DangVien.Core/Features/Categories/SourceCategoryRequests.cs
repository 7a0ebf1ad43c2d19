using System.Text.RegularExpressions;
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
            .NotEmpty().WithMessage("Chưa nhập mã đối tượng.")
            .MaximumLength(CodeMaxLength).WithMessage($"Mã đối tượng dài tối đa {CodeMaxLength} ký tự.")
            .Must(code => CodePattern().IsMatch(code!.Trim()))
            .WithMessage("Mã đối tượng chỉ gồm chữ cái không dấu, chữ số, dấu gạch ngang (-) và gạch dưới (_), ví dụ: cong-chuc.");
        RuleFor(r => r.Name).RequiredText("tên đối tượng", SourceCategoryName.MaxLength);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

public sealed class RenameSourceCategoryRequestValidator : AbstractValidator<RenameSourceCategoryRequest>
{
    public RenameSourceCategoryRequestValidator()
    {
        RuleFor(r => r.Id).Id("đối tượng nguồn");
        RuleFor(r => r.Name).RequiredText("tên đối tượng", SourceCategoryName.MaxLength);
    }
}

/// <summary>The name of a source category: given, at most 200 characters (the column), clean text.</summary>
public static class SourceCategoryName
{
    public const int MaxLength = 200;
}
