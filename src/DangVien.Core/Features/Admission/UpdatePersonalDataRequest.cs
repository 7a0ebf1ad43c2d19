using DangVien.Core.Domain;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Corrects a file's personal data (sơ yếu): name, birth date, citizen ID, education, family
/// background. The history of the procedure is not touched: its own corrections go through
/// <see cref="CorrectEntryRequest"/>.
/// </summary>
public sealed record UpdatePersonalDataRequest : ICandidateRequest, IPersonalData
{
    public int CandidateId { get; init; }

    /// <summary>As on <see cref="CreateCandidateRequest.CheckDuplicates"/>: warn about another file or member that may be the same person.</summary>
    public bool CheckDuplicates { get; init; }

    public string FullName { get; init; } = "";

    public DateOnly DateOfBirth { get; init; }

    public Sex Sex { get; init; }

    public string Ethnicity { get; init; } = "Kinh";

    public string? Religion { get; init; }

    public string? HomeTown { get; init; }

    public string? Address { get; init; }

    /// <summary>Số CCCD, 12 digits.</summary>
    public string? CitizenId { get; init; }

    public GeneralEducation GeneralEducation { get; init; } = GeneralEducation.UpperSecondary;

    public string? ProfessionalQualification { get; init; }

    public string? PoliticalTheory { get; init; }

    public string? Occupation { get; init; }

    public string? Workplace { get; init; }

    public string? Phone { get; init; }

    public string? FamilyBackground { get; init; }
}

public sealed class UpdatePersonalDataRequestValidator : AbstractValidator<UpdatePersonalDataRequest>
{
    public UpdatePersonalDataRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("Label.Candidate");
        Include(new PersonalDataValidator());
    }
}
