namespace DangVien.Core.Domain;

/// <summary>
/// A day off in the public-holiday calendar. The government fixes the exact days each year, so they
/// are data an administrator edits; the coming years are pre-filled with the lunar days computed.
/// </summary>
public sealed class PublicHoliday
{
    public DateOnly Date { get; set; }

    public required string Name { get; set; }
}
