using DangVien.Core.Data;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Reads the configurable rule parameters (<see cref="RuleParameter"/>): the row of the nearest
/// ancestor unit (the unit itself included) overrides the province-wide row (no unit); the default
/// of <see cref="RuleKeys.DefaultOf"/> applies when neither exists. The rows come from
/// <see cref="RuleParameterCache"/> when the app provides one (every request), from the database otherwise.
/// </summary>
public sealed class RuleParameterReader(DangVienDbContext db, RuleParameterCache? cache)
{
    /// <summary>A reader without a cache: every call reads the database (tools, tests).</summary>
    public RuleParameterReader(DangVienDbContext db)
        : this(db, null)
    {
    }

    private static readonly string[] AdmissionKeys = [RuleKeys.CertificateValidityMonths, RuleKeys.DossierRenewalMonths];

    /// <summary>One parameter as it applies to a unit.</summary>
    public async Task<int> GetAsync(string key, int unitId, CancellationToken cancellationToken = default)
    {
        var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => (LTree?)u.Path).FirstOrDefaultAsync(cancellationToken);
        var rows = await LoadAsync([key], cancellationToken);
        return Resolve(rows, key, path is { } found ? PathIds(found) : []);
    }

    /// <summary>The admission parameters as they apply to a cell.</summary>
    public async Task<AdmissionParameters> GetAdmissionParametersAsync(int cellId, CancellationToken cancellationToken = default)
    {
        var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == cellId).Select(u => (LTree?)u.Path).FirstOrDefaultAsync(cancellationToken);
        var rows = await LoadAsync(AdmissionKeys, cancellationToken);
        return ForPath(rows, path is { } found ? PathIds(found) : []);
    }

    /// <summary>
    /// The admission parameters for many cells at once (alerts over a subtree): the parameter rows are
    /// few, so they are read once and resolved in memory against each cell's path.
    /// </summary>
    public async Task<Func<LTree, AdmissionParameters>> GetAdmissionParameterResolverAsync(CancellationToken cancellationToken = default)
    {
        var rows = await LoadAsync(AdmissionKeys, cancellationToken);
        var cache = new Dictionary<string, AdmissionParameters>();
        return path =>
        {
            var key = (string)path;
            if (!cache.TryGetValue(key, out var parameters))
            {
                parameters = ForPath(rows, PathIds(path));
                cache[key] = parameters;
            }

            return parameters;
        };
    }

    /// <summary>
    /// The value of <paramref name="key"/> for a unit whose path (root first) is <paramref name="pathIds"/>:
    /// the row of the deepest unit on the path, else the province-wide row, else the default.
    /// </summary>
    public static int Resolve(IReadOnlyCollection<RuleParameter> rows, string key, IReadOnlyList<int> pathIds)
    {
        for (var i = pathIds.Count - 1; i >= 0; i--)
        {
            var unitId = pathIds[i];
            if (rows.FirstOrDefault(r => r.Key == key && r.OrgUnitId == unitId) is { } own)
            {
                return own.Value;
            }
        }

        return rows.FirstOrDefault(r => r.Key == key && r.OrgUnitId is null)?.Value ?? RuleKeys.DefaultOf(key);
    }

    public static IReadOnlyList<int> PathIds(LTree path) =>
        [.. ((string)path).Split('.', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))];

    private static AdmissionParameters ForPath(IReadOnlyCollection<RuleParameter> rows, IReadOnlyList<int> pathIds) =>
        new(Resolve(rows, RuleKeys.CertificateValidityMonths, pathIds), Resolve(rows, RuleKeys.DossierRenewalMonths, pathIds));

    private async Task<List<RuleParameter>> LoadAsync(string[] keys, CancellationToken cancellationToken)
    {
        if (cache is null)
        {
            return await db.RuleParameters.AsNoTracking().Where(r => keys.Contains(r.Key)).ToListAsync(cancellationToken);
        }

        var all = await cache.GetOrLoadAsync(LoadAllAsync, cancellationToken);
        return [.. all.Where(r => keys.Contains(r.Key))];
    }

    private async Task<IReadOnlyList<RuleParameter>> LoadAllAsync(CancellationToken cancellationToken) =>
        await db.RuleParameters.AsNoTracking().ToListAsync(cancellationToken);
}
