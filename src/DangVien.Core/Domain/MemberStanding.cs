using System.Linq.Expressions;

namespace DangVien.Core.Domain;

/// <summary>
/// Whether someone was a member, or an official member, of the Party on a day: the one rule behind member counts,
/// the members figures of the reports, who may introduce or mentor, and the quota guide. It is written once as an
/// expression (EF Core translates it; <see cref="Member.IsMemberOn"/> runs the compiled form) and once as SQL for
/// the reports' raw queries (<see cref="MemberOnSql"/>); <c>MemberStandingParityTests</c> proves the three agree.
/// <list type="bullet">
/// <item>A member is in from the day of admission (the ceremony) and official from the day the probation ended
/// (<see cref="Member.RecognisedOn"/>), both inclusive: recognised on the 12th means official on the 12th.</item>
/// <item>A member who left or was removed is out from the day of leaving: one who left on 31/12 is not counted on
/// 31/12.</item>
/// <item>A member marked left or removed with no date is out on every day: the status says they are gone and no
/// date says when they were last in.</item>
/// <item>Where a member stood on a day (<see cref="CellOn"/>): the cell of their earliest <see cref="MemberPlacement"/> not
/// ended before the day; a member with none (never moved, or placed only before the day) stands in their current cell.
/// Placements follow each other without gaps, so this is the placement holding the day, and for a day before the first
/// placement began (an admission date corrected later) the first cell.</item>
/// </list>
/// </summary>
public static class MemberStanding
{
    private static readonly Expression<Func<Member, DateOnly, bool>> MemberOnRule = (m, day) =>
        m.AdmittedOn <= day && (m.LeftOn > day || (m.LeftOn == null && m.Status != MemberStatus.Left && m.Status != MemberStatus.Removed));

    private static readonly Expression<Func<Member, DateOnly, bool>> OfficialOnRule = (m, day) =>
        m.RecognisedOn != null && m.RecognisedOn <= day
        && (m.LeftOn > day || (m.LeftOn == null && m.Status != MemberStatus.Left && m.Status != MemberStatus.Removed));

    private static readonly Func<Member, DateOnly, bool> MemberOnCompiled = MemberOnRule.Compile();

    private static readonly Func<Member, DateOnly, bool> OfficialOnCompiled = OfficialOnRule.Compile();

    /// <summary>The member belonged to the Party (probationary or official) on <paramref name="day"/>, in memory.</summary>
    public static bool IsMemberOn(Member member, DateOnly day) => MemberOnCompiled(member, day);

    /// <summary>The member was an official member on <paramref name="day"/>, in memory.</summary>
    public static bool IsOfficialOn(Member member, DateOnly day) => OfficialOnCompiled(member, day);

    /// <summary>The cell <paramref name="member"/> stood in on <paramref name="day"/>, in memory, from <see cref="Member.Placements"/>.</summary>
    public static int CellOn(Member member, DateOnly day) =>
        member.Placements
            .Where(p => p.ValidTo == null || p.ValidTo >= day)
            .OrderBy(p => p.ValidTo == null).ThenBy(p => p.ValidTo).ThenBy(p => p.ValidFrom)
            .Select(p => (int?)p.CellId)
            .FirstOrDefault() ?? member.CellId;

    /// <summary>The same rule as <see cref="CellOn"/>, for a LINQ query: the member stood in cell <paramref name="cellId"/> on <paramref name="day"/>.</summary>
    public static Expression<Func<Member, bool>> InCellOn(int cellId, DateOnly day) => m =>
        (m.Placements
            .Where(p => p.ValidTo == null || p.ValidTo >= day)
            .OrderBy(p => p.ValidTo == null).ThenBy(p => p.ValidTo).ThenBy(p => p.ValidFrom)
            .Select(p => (int?)p.CellId)
            .FirstOrDefault() ?? m.CellId) == cellId;

    /// <summary>The same rule as <see cref="CellOn"/> in SQL: the cell id member row <paramref name="alias"/> stood in on <paramref name="day"/>.</summary>
    public static string CellOnSql(string alias, string day) =>
        $"coalesce((select p.cell_id from member_placements p where p.member_id = {alias}.id and (p.valid_to is null or p.valid_to >= {day})"
        + $" order by p.valid_to is null, p.valid_to, p.valid_from limit 1), {alias}.cell_id)";

    /// <summary>The same rule as <see cref="IsMemberOn"/>, for a LINQ query (the day becomes a parameter).</summary>
    public static Expression<Func<Member, bool>> MemberOn(DateOnly day) => Bind(MemberOnRule, day);

    /// <summary>The same rule as <see cref="IsOfficialOn"/>, for a LINQ query.</summary>
    public static Expression<Func<Member, bool>> OfficialOn(DateOnly day) => Bind(OfficialOnRule, day);

    /// <summary>
    /// The same rule as <see cref="IsMemberOn"/> in SQL, for member rows aliased <paramref name="alias"/> and a day given as an
    /// SQL date expression (<c>@day</c>, <c>yr.last_day</c>).
    /// </summary>
    public static string MemberOnSql(string alias, string day) =>
        $"({alias}.admitted_on <= {day} and {StillInSql(alias, day)})";

    /// <summary>The same rule as <see cref="IsOfficialOn"/> in SQL.</summary>
    public static string OfficialOnSql(string alias, string day) =>
        $"({alias}.recognised_on is not null and {alias}.recognised_on <= {day} and {StillInSql(alias, day)})";

    private static string StillInSql(string alias, string day) =>
        $"({alias}.left_on > {day} or ({alias}.left_on is null and {alias}.status not in ({(int)MemberStatus.Left}, {(int)MemberStatus.Removed})))";

    /// <summary>Replaces the rule's day parameter with a captured value, which EF Core sends as a query parameter.</summary>
    private static Expression<Func<Member, bool>> Bind(Expression<Func<Member, DateOnly, bool>> rule, DateOnly day)
    {
        Expression<Func<DateOnly>> captured = () => day;
        var body = new ParameterReplacer(rule.Parameters[1], captured.Body).Visit(rule.Body);
        return Expression.Lambda<Func<Member, bool>>(body, rule.Parameters[0]);
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
