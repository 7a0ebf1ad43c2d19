using DangVien.Core.Common;
using FluentValidation;

namespace DangVien.Core.Features.Quotas;

/// <summary>
/// A unit assigns the quotas of some of its child units for a year, all at once. Each row names the
/// version of the child's quota the user saw (null when it had none), so that a quota changed by
/// someone else meanwhile is a conflict rather than silently overwritten.
/// </summary>
public sealed record AssignQuotasRequest(int UnitId, int Year, IReadOnlyList<ChildQuotaInput> Children);

/// <summary>
/// One child's quota. Errors name the row's fields as <c>Children[i].Total</c> and a category's target as
/// <c>Children[i].Targets[j]</c>. <see cref="Total"/> null: leave the child without a quota (only allowed when it has
/// none). Targets name the categories shown on the form: a null target removes that category's target;
/// categories not named keep theirs.
/// </summary>
public sealed record ChildQuotaInput(int UnitId, int? Total, uint? ExpectedVersion, IReadOnlyList<CategoryTargetInput> Targets);

public sealed record CategoryTargetInput(int CategoryId, int? Target);

public sealed class AssignQuotasRequestValidator : AbstractValidator<AssignQuotasRequest>
{
    public const int MinYear = 1990;
    public const int MaxYear = 2100;

    public AssignQuotasRequestValidator()
    {
        RuleFor(r => r.UnitId).GreaterThan(0).WithMessage(_ => CoreText.Get("Quotas.NoUnit"));
        RuleFor(r => r.Year).InclusiveBetween(MinYear, MaxYear).WithMessage(_ => CoreText.Format("Quotas.YearRange", MinYear, MaxYear));
        RuleFor(r => r.Children)
            .Must(children => children.Select(c => c.UnitId).Distinct().Count() == children.Count)
            .WithMessage(_ => CoreText.Get("Quotas.UnitTwice"));
        RuleForEach(r => r.Children).SetValidator(new ChildQuotaInputValidator());
    }
}

public sealed class ChildQuotaInputValidator : AbstractValidator<ChildQuotaInput>
{
    /// <summary>A sanity bound: no party organisation admits this many in a year.</summary>
    public const int MaxTotal = 100_000;

    public ChildQuotaInputValidator()
    {
        RuleFor(c => c.Total)
            .GreaterThanOrEqualTo(0).WithMessage(_ => CoreText.Get("Quotas.Negative"))
            .LessThanOrEqualTo(MaxTotal).WithMessage(_ => CoreText.Format("Quotas.TooLarge", Number(MaxTotal)));
        RuleFor(c => c.Total)
            .NotNull().When(c => c.Targets.Any(t => t.Target is not null))
            .WithMessage(_ => CoreText.Get("Quotas.TotalFirst"));
        RuleFor(c => c.Targets)
            .Must(targets => targets.Select(t => t.CategoryId).Distinct().Count() == targets.Count)
            .WithMessage(_ => CoreText.Get("Quotas.CategoryTwice"));
        RuleForEach(c => c.Targets)
            .Must(t => t.Target is not < 0)
            .WithMessage(_ => CoreText.Get("Quotas.CategoryNegative"));
        RuleForEach(c => c.Targets)
            .Must((child, t) => t.Target is not { } target || child.Total is not >= 0 || target <= child.Total)
            .WithMessage((child, _) => CoreText.Format("Quotas.CategoryOverTotal", Number(child.Total ?? 0)));
    }

    private static string Number(int value) => value.ToString("N0", VietnamTime.Culture);
}
