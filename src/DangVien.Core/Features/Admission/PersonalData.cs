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
        RuleFor(r => r.FullName).RequiredText("họ và tên", 120);
        RuleFor(r => r.DateOfBirth).RequiredDate("ngày sinh");
        RuleFor(r => r.Sex).IsInEnum().WithMessage("Giới tính không hợp lệ.");
        RuleFor(r => r.Ethnicity).RequiredText("dân tộc", 50);
        RuleFor(r => r.Religion).OptionalText("tôn giáo", 50);
        RuleFor(r => r.HomeTown).OptionalText("quê quán", 200);
        RuleFor(r => r.Address).OptionalText("nơi ở hiện nay", 300);
        RuleFor(r => r.CitizenId).Matches("^[0-9]{12}$").When(r => !string.IsNullOrEmpty(r.CitizenId))
            .WithMessage("Số CCCD phải gồm đúng 12 chữ số.");
        RuleFor(r => r.GeneralEducation).IsInEnum().WithMessage("Trình độ giáo dục phổ thông không hợp lệ.");
        RuleFor(r => r.ProfessionalQualification).OptionalText("trình độ chuyên môn", 100);
        RuleFor(r => r.PoliticalTheory).OptionalText("trình độ lý luận chính trị", 100);
        RuleFor(r => r.Occupation).OptionalText("nghề nghiệp", 100);
        RuleFor(r => r.Workplace).OptionalText("nơi làm việc", 200);
        RuleFor(r => r.Phone).Matches(@"^\+?[0-9 .]{8,20}$").When(r => !string.IsNullOrEmpty(r.Phone))
            .WithMessage("Số điện thoại không hợp lệ.");
        RuleFor(r => r.FamilyBackground).OptionalText("thành phần gia đình", 4000, multiLine: true);
    }
}
