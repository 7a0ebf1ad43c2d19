using DangVien.Core.Domain;

namespace DangVien.Core.Features.Access;

/// <summary>
/// Groups of a person's data beyond what every reader of the unit sees (full name, sex, year of birth, education,
/// occupation). Each group is shown or hidden as a whole, by <see cref="PersonalDataPolicy"/>.
/// </summary>
[Flags]
public enum PersonalFields
{
    None = 0,

    /// <summary>The exact date of birth (the year is always shown).</summary>
    BirthDate = 1,

    /// <summary>Số CCCD.</summary>
    CitizenId = 2,

    /// <summary>Where the person can be found: address, phone, workplace.</summary>
    Contact = 4,

    /// <summary>Home town, ethnicity, religion.</summary>
    Origins = 8,

    /// <summary>Family background (thành phần gia đình, lịch sử chính trị của gia đình).</summary>
    Family = 16,

    All = BirthDate | CitizenId | Contact | Origins | Family,
}

/// <summary>
/// Who sees which personal data, by role, within the units the role's grant covers: the one table the services
/// apply when they build what they return, so pages, the API and the exports show the same. A user holding several
/// grants sees, for a person, the union of what the grants covering the person's cell give (docs/SECURITY.md).
/// </summary>
public static class PersonalDataPolicy
{
    /// <summary>The table. Committee staff handle the files of their subtree; a cell secretary nurtures the people of the
    /// own cell; the provincial board works with figures and names.</summary>
    public static IReadOnlyDictionary<AccessRole, PersonalFields> ByRole { get; } = new Dictionary<AccessRole, PersonalFields>
    {
        [AccessRole.Administrator] = PersonalFields.All,
        [AccessRole.CommitteeStaff] = PersonalFields.All,
        [AccessRole.CellSecretary] = PersonalFields.All,
        [AccessRole.ProvincialBoard] = PersonalFields.None,
    };

    /// <summary>What a grant of the role shows in the units it covers.</summary>
    public static PersonalFields For(AccessRole role) => ByRole.GetValueOrDefault(role, PersonalFields.None);

    public static bool Shows(this PersonalFields shown, PersonalFields group) => (shown & group) == group;

    /// <summary>The value when the group is shown; null otherwise.</summary>
    public static string? Keep(this PersonalFields shown, PersonalFields group, string? value) => shown.Shows(group) ? value : null;

    /// <summary>The date of birth when <see cref="PersonalFields.BirthDate"/> is shown; null otherwise (the year stays).</summary>
    public static DateOnly? KeepBirthDate(this PersonalFields shown, DateOnly dateOfBirth) =>
        shown.Shows(PersonalFields.BirthDate) ? dateOfBirth : null;
}
