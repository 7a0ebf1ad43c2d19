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
    public const string UnitNotFound = "Không tìm thấy đơn vị.";
    public const string NotAllowed = "Bạn không có quyền chuyển hoặc sáp nhập đơn vị này.";

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
            errors.Add(new(field, "Không tìm thấy đơn vị cấp trên đã chọn."));
        }
        else if (parent.Id == unit.Id)
        {
            errors.Add(new(field, $"Không thể chuyển {unit.Name} vào chính nó."));
        }
        else if (unit.Contains(parent))
        {
            errors.Add(new(field, $"Không thể chuyển {unit.Name} vào {parent.Name}: {parent.Name} là đơn vị trực thuộc của {unit.Name}."));
        }
        else if (parent.ValidTo is { } closed)
        {
            errors.Add(new(field, $"{parent.Name} đã giải thể hoặc sáp nhập từ ngày {closed.AddDays(1).Display()}."));
        }
        else if (parent.Id == unit.ParentId)
        {
            errors.Add(new(field, $"{unit.Name} đang trực thuộc {parent.Name}: hãy chọn đơn vị cấp trên khác."));
        }
        else if (!unit.Kind.CanBeUnder(parent.Kind))
        {
            errors.Add(new(field,
                $"{VietnameseNames.Of(unit.Kind)} không thể trực thuộc {Lower(VietnameseNames.Of(parent.Kind))}: đơn vị trực thuộc phải ở cấp thấp hơn và chi bộ không có tổ chức đảng trực thuộc."));
        }
        else if (!scope.CanReorganise(parent.Path))
        {
            errors.Add(new(field, $"Bạn không có quyền chuyển đơn vị vào {parent.Name}."));
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
            errors.Add(new(field, "Không tìm thấy đơn vị tiếp nhận đã chọn."));
        }
        else if (target.Id == unit.Id)
        {
            errors.Add(new(field, $"Không thể sáp nhập {unit.Name} vào chính nó."));
        }
        else if (target.Kind != unit.Kind)
        {
            errors.Add(new(field,
                $"Chỉ sáp nhập vào đơn vị cùng cấp: {unit.Name} là {Lower(VietnameseNames.Of(unit.Kind))}, {target.Name} là {Lower(VietnameseNames.Of(target.Kind))}."));
        }
        else if (unit.Contains(target))
        {
            errors.Add(new(field, $"Không thể sáp nhập {unit.Name} vào {target.Name}: {target.Name} là đơn vị trực thuộc của {unit.Name}."));
        }
        else if (target.ValidTo is { } closed)
        {
            errors.Add(new(field, $"{target.Name} đã giải thể hoặc sáp nhập từ ngày {closed.AddDays(1).Display()}."));
        }
        else if (!scope.CanReorganise(target.Path))
        {
            errors.Add(new(field, $"Bạn không có quyền sáp nhập đơn vị vào {target.Name}."));
        }

        errors.AddRange(DateRefusals(unit, target, effectiveOn, today, nameof(MergeUnitRequest.EffectiveOn)));
        return errors;
    }

    private static FieldError? UnitRefusal(UnitFacts unit) =>
        unit.ParentId is null
            ? new("", $"{unit.Name} là tổ chức đảng cấp cao nhất: không chuyển hay sáp nhập được.")
            : unit.ValidTo is { } closed
                ? new("", $"{unit.Name} đã giải thể hoặc sáp nhập từ ngày {closed.AddDays(1).Display()}.")
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
            yield return new(field, $"Ngày hiệu lực ({effectiveOn.Display()}) không thể sau ngày hôm nay ({today.Display()}).");
        }
        else if (effectiveOn <= unit.PlacedSince)
        {
            yield return new(field,
                $"Ngày hiệu lực phải sau ngày {unit.PlacedSince.Display()}: từ ngày đó {unit.Name} (hoặc một đơn vị trực thuộc) mới ở vị trí hiện tại.");
        }
        else if (other is not null && effectiveOn < other.PlacedSince)
        {
            yield return new(field, $"Ngày hiệu lực không thể trước ngày {other.PlacedSince.Display()}: từ ngày đó {other.Name} mới ở vị trí hiện tại.");
        }
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLower(text[0], VietnamTime.Culture) + text[1..];
}
