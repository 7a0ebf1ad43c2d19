using DangVien.Core.Common;
using DangVien.Core.Domain;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>Step 1, tạo nguồn: the cell lists an outstanding person, with categories and the official member who follows them.</summary>
public sealed record CreateCandidateRequest : IPersonalData
{
    public int CellId { get; init; }

    /// <summary>
    /// When true (the create form, until the user ticks "Vẫn lập hồ sơ"), a request that passes every
    /// rule is still refused with a warning on <see cref="DuplicateField"/> if a file or a member with the
    /// same citizen ID, or the same name and birth date, exists (<see cref="AdmissionService.FindDuplicatesAsync(string, DateOnly, string, CancellationToken)"/>).
    /// </summary>
    public bool CheckDuplicates { get; init; }

    /// <summary>The field the duplicate warnings are reported on (the form's confirmation box).</summary>
    public const string DuplicateField = "ConfirmDuplicate";

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

    /// <summary>Source categories (đối tượng nguồn); several may apply.</summary>
    public IReadOnlyList<int> CategoryIds { get; init; } = [];

    /// <summary>The official member of the cell who follows and helps the candidate.</summary>
    public int MentorMemberId { get; init; }

    /// <summary>The day the cell listed the person.</summary>
    public DateOnly SourcedOn { get; init; }

    /// <summary>The cell's document (e.g. the list of outstanding persons), if any.</summary>
    public string? DocumentNumber { get; init; }

    public string? Note { get; init; }
}

public sealed class CreateCandidateRequestValidator : AbstractValidator<CreateCandidateRequest>
{
    public CreateCandidateRequestValidator()
    {
        RuleFor(r => r.CellId).Id("Label.Cell");
        Include(new PersonalDataValidator());
        RuleFor(r => r.CategoryIds).NotEmpty().WithMessage(_ => CoreText.Get("Validation.AtLeastOneCategory"));
        RuleFor(r => r.CategoryIds).Must(ids => ids.Distinct().Count() == ids.Count).WithMessage(_ => CoreText.Get("Validation.CategoryTwice"));
        RuleFor(r => r.MentorMemberId).Id("Label.OfficialMentor");
        RuleFor(r => r.SourcedOn).RequiredDate("Label.CellListedOutstandingOn");
        RuleFor(r => r.DocumentNumber).OptionalText("Label.DocumentNumber", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.Note).OptionalText("Label.Note", RequestValidation.NoteLength, multiLine: true);
    }
}
