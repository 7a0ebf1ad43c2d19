namespace DangVien.Core.Demo;

/// <summary>The demo province (<see cref="ProvinceSize.Demo"/>) that a fresh installation starts with.</summary>
public static class DemoData
{
    /// <summary>The demo's fixed seed (3 February 1930, the founding of the Party).</summary>
    public const int Seed = 19300203;

    /// <summary>
    /// Loads the demo province when the database has no organisation units, and does nothing when it
    /// has some, so every start of the application may call it. Apply the migrations first.
    /// </summary>
    /// <param name="connectionString">The database to fill.</param>
    /// <param name="today">The generation day: nothing is dated after it. Defaults to today in Vietnam.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is written then.</param>
    /// <returns>What was loaded, or null when the database already had data.</returns>
    public static Task<GeneratedCounts?> EnsureLoadedAsync(string connectionString, DateOnly? today = null, CancellationToken cancellationToken = default) =>
        ProvinceGenerator.LoadAsync(connectionString, ProvinceSize.Demo, Seed, today ?? ProvinceGenerator.VietnamToday(), onlyIfEmpty: true, cancellationToken);
}
