using DangVien.Core.Features.Admission;
using FluentValidation;

namespace DangVien.Core.Features.Units;

/// <summary>Re-parents a unit with its whole subtree from <see cref="EffectiveOn"/> on (chuyển đơn vị).</summary>
public sealed record MoveUnitRequest
{
    public int UnitId { get; init; }

    /// <summary>The unit it sits under from <see cref="EffectiveOn"/> on.</summary>
    public int NewParentId { get; init; }

    /// <summary>The first day in the new place; the old place ends the day before.</summary>
    public DateOnly EffectiveOn { get; init; }

    /// <summary>The decision that ordered it (số quyết định), optional.</summary>
    public string? DecisionNumber { get; init; }
}

/// <summary>
/// Merges a unit into another of the same level from <see cref="EffectiveOn"/> on (sáp nhập): its members, open files and
/// child units move to the target, and the unit ends the day before.
/// </summary>
public sealed record MergeUnitRequest
{
    public int UnitId { get; init; }

    /// <summary>The unit that takes over.</summary>
    public int TargetId { get; init; }

    public DateOnly EffectiveOn { get; init; }

    public string? DecisionNumber { get; init; }
}

public sealed class MoveUnitRequestValidator : AbstractValidator<MoveUnitRequest>
{
    /// <summary>The longest decision number a move or a merge takes.</summary>
    public const int DecisionNumberMaxLength = RequestValidation.DocumentNumberLength;

    public MoveUnitRequestValidator()
    {
        RuleFor(r => r.UnitId).Id("Label.Unit");
        RuleFor(r => r.NewParentId).Id("Label.NewParent");
        RuleFor(r => r.EffectiveOn).RequiredDate("Label.EffectiveOn");
        RuleFor(r => r.DecisionNumber).OptionalText("Label.DecisionNumber", RequestValidation.DocumentNumberLength);
    }
}

public sealed class MergeUnitRequestValidator : AbstractValidator<MergeUnitRequest>
{
    public MergeUnitRequestValidator()
    {
        RuleFor(r => r.UnitId).Id("Label.Unit");
        RuleFor(r => r.TargetId).Id("Label.ReceivingUnit");
        RuleFor(r => r.EffectiveOn).RequiredDate("Label.EffectiveOn");
        RuleFor(r => r.DecisionNumber).OptionalText("Label.DecisionNumber", RequestValidation.DocumentNumberLength);
    }
}
