namespace DangVien.Core.Domain;

/// <summary>
/// A rule parameter that DOMAIN.md marks configurable, kept as data. A row with a unit overrides
/// the province-wide row (no unit) for that unit's subtree.
/// </summary>
public sealed class RuleParameter
{
    public int Id { get; set; }

    public required string Key { get; set; }

    public int? OrgUnitId { get; set; }

    public int Value { get; set; }

    public string? Description { get; set; }
}

public static class RuleKeys
{
    /// <summary>Months the awareness-course certificate stays valid (60).</summary>
    public const string CertificateValidityMonths = "certificate-validity-months";

    /// <summary>Months between compiling the dossier and the cell vote before introductions must be renewed (12).</summary>
    public const string DossierRenewalMonths = "dossier-renewal-months";

    /// <summary>Which date counts an admission in a year: 0 = decision date, 1 = ceremony date.</summary>
    public const string AdmissionCountingDate = "admission-counting-date";

    /// <summary>The value used when no row is stored for a key (DOMAIN.md's defaults).</summary>
    public static int DefaultOf(string key) => key switch
    {
        CertificateValidityMonths => 60,
        DossierRenewalMonths => 12,
        AdmissionCountingDate => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown rule parameter."),
    };
}
