namespace DangVien.Core.Demo;

/// <summary>How big a generated province is.</summary>
/// <param name="Members">
/// Party members on the roll on the generation day (official and probationary). The roll that
/// predates the history is sized so that admissions and departures over the years end near this figure.
/// </param>
/// <param name="Communes">Commune-level committees (đảng bộ xã / phường) directly under the province.</param>
/// <param name="Cells">Cells in all: grassroots cells and cells under grassroots committees.</param>
/// <param name="YearsOfHistory">Calendar years of admissions and quotas, the current year included.</param>
/// <param name="AdmissionsPerYear">Admission decisions a year across the province, roughly.</param>
public sealed record ProvinceSize(int Members, int Communes, int Cells, int YearsOfHistory, int AdmissionsPerYear)
{
    /// <summary>One province, 6 commune committees, 40 cells, about 1,500 members and a few hundred candidates over five years.</summary>
    public static ProvinceSize Demo { get; } = new(Members: 1_500, Communes: 6, Cells: 40, YearsOfHistory: 5, AdmissionsPerYear: 50);

    /// <summary>A whole province for benchmarks: 100,000 members, 100 communes, 5,000 cells, ten years, about 3,000 admissions a year.</summary>
    public static ProvinceSize Province { get; } = new(Members: 100_000, Communes: 100, Cells: 5_000, YearsOfHistory: 10, AdmissionsPerYear: 3_000);

    /// <summary>Every cell starts with at least this many members, three of them official for the whole history.</summary>
    internal const int MinimumMembersPerCell = 5;

    internal void Validate()
    {
        if (Communes < 1 || Cells < Communes || YearsOfHistory < 1 || AdmissionsPerYear < 0)
        {
            throw new ArgumentException(
                $"A province needs at least one commune, at least one cell per commune and one year of history (got {this}).");
        }

        if (Members < Cells * MinimumMembersPerCell)
        {
            throw new ArgumentException($"A province with {Cells} cells needs at least {Cells * MinimumMembersPerCell} members (got {Members}).");
        }
    }
}
