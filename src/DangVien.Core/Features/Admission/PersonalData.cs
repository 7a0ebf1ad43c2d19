using DangVien.Core.Common;
using DangVien.Core.Domain;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>The personal data of a file (sơ yếu), as the create and the edit forms send it.</summary>
public interface IPersonalData
{
    string FullName { get; }

    DateOnly DateOfBirth { get; }

    Sex Sex { get; }

    string Ethnicity { get; }

    string? Religion { get; }

    string? HomeTown { get; }

    string? Address { get; }

    /// <summary>Số CCCD, 12 digits.</summary>
    string? CitizenId { get; }

    GeneralEducation GeneralEducation { get; }

    string? ProfessionalQualification { get; }

    string? PoliticalTheory { get; }

    string? Occupation { get; }

    string? Workplace { get; }

    string? Phone { get; }

    string? FamilyBackground { get; }
}

/// <summary>The form rules of the personal data, shared by <see cref="CreateCandidateRequestValidator"/> and <see cref="UpdatePersonalDataRequestValidator"/>.</summary>
public sealed class PersonalDataValidator : AbstractValidator<IPersonalData>
{
    public PersonalDataValidator()
    {
        RuleFor(r => r.FullName).RequiredText("Label.FullName", 120);
        RuleFor(r => r.DateOfBirth).RequiredDate("Label.DateOfBirth");
        RuleFor(r => r.Sex).IsInEnum().WithMessage(_ => CoreText.Get("Validation.BadSex"));
        RuleFor(r => r.Ethnicity).RequiredText("Label.Ethnicity", 50);
        RuleFor(r => r.Religion).OptionalText("Label.Religion", 50);
        RuleFor(r => r.HomeTown).OptionalText("Label.HomeTown", 200);
        RuleFor(r => r.Address).OptionalText("Label.Address", 300);
        RuleFor(r => r.CitizenId).Matches("^[0-9]{12}$").When(r => !string.IsNullOrEmpty(r.CitizenId))
            .WithMessage(_ => CoreText.Get("Validation.CitizenIdDigits"));
        RuleFor(r => r.GeneralEducation).IsInEnum().WithMessage(_ => CoreText.Get("Validation.BadEducation"));
        RuleFor(r => r.ProfessionalQualification).OptionalText("Label.ProfessionalQualification", 100);
        RuleFor(r => r.PoliticalTheory).OptionalText("Label.PoliticalTheory", 100);
        RuleFor(r => r.Occupation).OptionalText("Label.Occupation", 100);
        RuleFor(r => r.Workplace).OptionalText("Label.Workplace", 200);
        RuleFor(r => r.Phone).Matches(@"^\+?[0-9 .]{8,20}$").When(r => !string.IsNullOrEmpty(r.Phone))
            .WithMessage(_ => CoreText.Get("Validation.BadPhone"));
        RuleFor(r => r.FamilyBackground).OptionalText("Label.FamilyBackground", 4000, multiLine: true);
    }
}
