using DangVien.Core.Domain;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Corrects a file's personal data (sơ yếu): name, birth date, citizen ID, education, family
/// background. The history of the procedure is not touched: its own corrections go through
/// <see cref="CorrectEntryRequest"/>.
/// </summary>
public sealed record UpdatePersonalDataRequest : ICandidateRequest
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
        RuleFor(r => r.CandidateId).Id("hồ sơ");
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
        RuleFor(r => r.FamilyBackground).OptionalText("thành phần gia đình", 4000);
    }
}
