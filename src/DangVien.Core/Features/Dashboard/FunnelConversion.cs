namespace DangVien.Core.Features.Dashboard;

/// <summary>
/// The conversion between the stages of a funnel: of the people at one stage, the share that went on to the next.
/// Each list has one ratio per stage (1.0 = 100 %); the first stage has none (null), nor a stage after an empty one.
/// </summary>
public static class FunnelConversion
{
    /// <summary>
    /// From the people standing at each stage now (pipeline order): a stage is reached by those standing at it or at any
    /// later stage, so the ratio of a stage is those who reached it ÷ those who reached the stage before.
    /// </summary>
    public static IReadOnlyList<double?> OfStanding(IReadOnlyList<int> standing)
    {
        var reached = new int[standing.Count];
        var sum = 0;
        for (var i = standing.Count - 1; i >= 0; i--)
        {
            sum += standing[i];
            reached[i] = sum;
        }

        return OfReached(reached);
    }

    /// <summary>
    /// From the people who reached each stage in a period (pipeline order): the ratio of a stage is those who reached it
    /// ÷ those who reached the stage before. Not one cohort: people carried over from earlier years can make it pass 100 %.
    /// </summary>
    public static IReadOnlyList<double?> OfReached(IReadOnlyList<int> reached) =>
        [.. reached.Select((count, i) => i > 0 && reached[i - 1] > 0 ? count / (double)reached[i - 1] : (double?)null)];
}
