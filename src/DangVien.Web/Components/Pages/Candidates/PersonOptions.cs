using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;

namespace DangVien.Web.Components.Pages.Candidates;

/// <summary>The choices of the forms about a person (a new file, the personal data, a readmission).</summary>
public static class PersonOptions
{
    /// <summary>Read on each use: the names follow the interface language of the request or circuit.</summary>
    public static IReadOnlyList<(Sex? Value, string Text)> Sexes =>
        [.. Enum.GetValues<Sex>().Select(s => ((Sex?)s, VietnameseNames.Of(s)))];

    public static IReadOnlyList<(GeneralEducation? Value, string Text)> Educations =>
        [.. Enum.GetValues<GeneralEducation>().Select(e => ((GeneralEducation?)e, AdmissionLabels.Of(e)))];
}
