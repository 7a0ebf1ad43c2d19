using DangVien.Core.Domain;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// The rule parameter rows shared by every request of the application (a singleton): they are few and
/// rarely change, and every dashboard, list with deadlines and admission step resolves them. A loaded set is
/// used for at most <see cref="Lifetime"/>; the app has no editor for them (they are set by SQL or seeding),
/// so an edit shows within that time, or at once after <see cref="Invalidate"/>.
/// </summary>
/// <remarks>The rows are configuration of the province, not data of a unit: the same for every user.</remarks>
public sealed class RuleParameterCache(TimeProvider timeProvider)
{
    /// <summary>How long a loaded set of rows is used at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private IReadOnlyList<RuleParameter>? _rows;
    private DateTimeOffset _loadedAt;
    private long _generation;

    /// <summary>The cached rows, or those <paramref name="load"/> reads (kept unless an invalidation happened meanwhile).</summary>
    public async Task<IReadOnlyList<RuleParameter>> GetOrLoadAsync(
        Func<CancellationToken, Task<IReadOnlyList<RuleParameter>>> load,
        CancellationToken cancellationToken = default)
    {
        long generation;
        lock (_gate)
        {
            if (_rows is not null && timeProvider.GetUtcNow() - _loadedAt < Lifetime)
            {
                return _rows;
            }

            generation = _generation;
        }

        var rows = await load(cancellationToken);
        lock (_gate)
        {
            if (generation == _generation)
            {
                _rows = rows;
                _loadedAt = timeProvider.GetUtcNow();
            }
        }

        return rows;
    }

    /// <summary>Drops the cached rows: call after an edit is saved.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _rows = null;
        }
    }
}
