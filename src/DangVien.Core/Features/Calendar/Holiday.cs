namespace DangVien.Core.Features.Calendar;

/// <summary>A day in the public-holiday calendar, as shown to and edited by the administrator.</summary>
public sealed record Holiday(DateOnly Date, string Name);
