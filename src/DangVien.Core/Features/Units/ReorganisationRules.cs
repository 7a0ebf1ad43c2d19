using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Units;

/// <summary>A unit as the move and merge rules see it.</summary>
/// <param name="PlacedSince">
/// The latest day any open unit of its subtree took its current place (its open placement's start, or the day it was
/// founded when it has no placement): a move or merge must take effect after it.
/// </param>
public sealed record UnitFacts(int Id, string Name, OrgUnitKind Kind, int? ParentId, LTree Path, DateOnly? ValidTo, DateOnly PlacedSince)
{
    /// <summary>Whether <paramref name="other"/> is this unit or lies below it.</summary>
    public bool Contains(UnitFacts other)
    {
        var own = (string)Path;
        var theirs = (string)other.Path;
        return theirs == own || theirs.StartsWith(own + ".", StringComparison.Ordinal);
    }
}

/// <summary>
/// Every rule of moving and merging units, once: who may, where to, and from which day. Pure functions over
/// <see cref="UnitFacts"/>, so their boundaries are tested directly and through <see cref="OrgUnitService"/>.
/// </summary>
public static class ReorganisationRules
{
    public static string UnitNotFound => CoreText.Get("Reorg.UnitNotFound");
    public static string NotAllowed => CoreText.Get("Reorg.NotAllowed");

    /// <summary>The refusals of moving <paramref name="unit"/> under <paramref name="parent"/> from <paramref name="effectiveOn"/> on.</summary>
    public static IReadOnlyList<FieldError> CheckMove(UnitFacts unit, UnitFacts? parent, DateOnly effectiveOn, DateOnly today, AccessScope scope)
    {
        const string field = nameof(MoveUnitRequest.NewParentId);
        var errors = new List<FieldError>();
        if (UnitRefusal(unit) is { } refusal)
        {
            return [refusal];
        }

        if (parent is null || !scope.CanRead(parent.Path))
        {
            errors.Add(new(field, CoreText.Get("Reorg.ParentNotFound")));
        }
        else if (parent.Id == unit.Id)
        {
            errors.Add(new(field, CoreText.Format("Reorg.MoveIntoItself", unit.Name)));
        }
        else if (unit.Contains(parent))
        {
            errors.Add(new(field, CoreText.Format("Reorg.MoveUnderOwnChild", unit.Name, parent.Name)));
        }
        else if (parent.ValidTo is { } closed)
        {
            errors.Add(new(field, CoreText.Format("Reorg.UnitClosed", parent.Name, closed.AddDays(1).Display())));
        }
        else if (parent.Id == unit.ParentId)
        {
            errors.Add(new(field, CoreText.Format("Reorg.AlreadyUnder", unit.Name, parent.Name)));
        }
        else if (!unit.Kind.CanBeUnder(parent.Kind))
        {
            errors.Add(new(field,
                CoreText.Format("Reorg.KindCannotBeUnder", VietnameseNames.Of(unit.Kind), Lower(VietnameseNames.Of(parent.Kind)))));
        }
        else if (!scope.CanReorganise(parent.Path))
        {
            errors.Add(new(field, CoreText.Format("Reorg.MoveNotAllowedInto", parent.Name)));
        }

        errors.AddRange(DateRefusals(unit, parent, effectiveOn, today, nameof(MoveUnitRequest.EffectiveOn)));
        return errors;
    }

    /// <summary>The refusals of merging <paramref name="unit"/> into <paramref name="target"/> from <paramref name="effectiveOn"/> on.</summary>
    public static IReadOnlyList<FieldError> CheckMerge(UnitFacts unit, UnitFacts? target, DateOnly effectiveOn, DateOnly today, AccessScope scope)
    {
        const string field = nameof(MergeUnitRequest.TargetId);
        var errors = new List<FieldError>();
        if (UnitRefusal(unit) is { } refusal)
        {
            return [refusal];
        }

        if (target is null || !scope.CanRead(target.Path))
        {
            errors.Add(new(field, CoreText.Get("Reorg.TargetNotFound")));
        }
        else if (target.Id == unit.Id)
        {
            errors.Add(new(field, CoreText.Format("Reorg.MergeIntoItself", unit.Name)));
        }
        else if (target.Kind != unit.Kind)
        {
            errors.Add(new(field,
                CoreText.Format("Reorg.MergeSameLevel", unit.Name, Lower(VietnameseNames.Of(unit.Kind)), target.Name, Lower(VietnameseNames.Of(target.Kind)))));
        }
        else if (unit.Contains(target))
        {
            errors.Add(new(field, CoreText.Format("Reorg.MergeIntoOwnChild", unit.Name, target.Name)));
        }
        else if (target.ValidTo is { } closed)
        {
            errors.Add(new(field, CoreText.Format("Reorg.UnitClosed", target.Name, closed.AddDays(1).Display())));
        }
        else if (!scope.CanReorganise(target.Path))
        {
            errors.Add(new(field, CoreText.Format("Reorg.MergeNotAllowedInto", target.Name)));
        }

        errors.AddRange(DateRefusals(unit, target, effectiveOn, today, nameof(MergeUnitRequest.EffectiveOn)));
        return errors;
    }

    private static FieldError? UnitRefusal(UnitFacts unit) =>
        unit.ParentId is null
            ? new("", CoreText.Format("Reorg.TopUnit", unit.Name))
            : unit.ValidTo is { } closed
                ? new("", CoreText.Format("Reorg.UnitClosed", unit.Name, closed.AddDays(1).Display()))
                : null;

    /// <summary>
    /// The day must be past (or today), after the day the unit or any open unit below it took its current place (one
    /// placement a day), and not before the day the other unit took its own.
    /// </summary>
    private static IEnumerable<FieldError> DateRefusals(UnitFacts unit, UnitFacts? other, DateOnly effectiveOn, DateOnly today, string field)
    {
        if (effectiveOn == default)
        {
            yield break;
        }

        if (effectiveOn > today)
        {
            yield return new(field, CoreText.Format("Reorg.EffectiveAfterToday", effectiveOn.Display(), today.Display()));
        }
        else if (effectiveOn <= unit.PlacedSince)
        {
            yield return new(field,
                CoreText.Format("Reorg.EffectiveBeforePlaced", unit.PlacedSince.Display(), unit.Name));
        }
        else if (other is not null && effectiveOn < other.PlacedSince)
        {
            yield return new(field, CoreText.Format("Reorg.EffectiveBeforeOtherPlaced", other.PlacedSince.Display(), other.Name));
        }
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLower(text[0], VietnamTime.Culture) + text[1..];
}
