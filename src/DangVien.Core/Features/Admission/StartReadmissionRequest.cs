using DangVien.Core.Common;
using DangVien.Core.Domain;
using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Kết nạp lại: opens a candidate file for a former member. Name, birth, sex and citizen ID come
/// from the member record; the file then follows the normal pipeline, plus the provincial standing
/// committee's written consent before the decision.
/// </summary>
public sealed record StartReadmissionRequest
{
    public int FormerMemberId { get; init; }

    public int CellId { get; init; }

    public int MentorMemberId { get; init; }

    public DateOnly SourcedOn { get; init; }

    /// <summary>Had a criminal conviction, since cleared: the wait is 60 months instead of 36.</summary>
    public bool HadCriminalConviction { get; init; }

    public GeneralEducation GeneralEducation { get; init; } = GeneralEducation.UpperSecondary;

    public string Ethnicity { get; init; } = "Kinh";

    public string? Address { get; init; }

    public string? Occupation { get; init; }

    public string? Workplace { get; init; }

    public string? Phone { get; init; }

    public IReadOnlyList<int> CategoryIds { get; init; } = [];

    public string? Note { get; init; }
}

public sealed class StartReadmissionRequestValidator : AbstractValidator<StartReadmissionRequest>
{
    public StartReadmissionRequestValidator()
    {
        RuleFor(r => r.FormerMemberId).Id("Label.FormerMember");
        RuleFor(r => r.CellId).Id("Label.Cell");
        RuleFor(r => r.MentorMemberId).Id("Label.OfficialMentor");
        RuleFor(r => r.SourcedOn).RequiredDate("Label.CellListedOn");
        RuleFor(r => r.GeneralEducation).IsInEnum().WithMessage(_ => CoreText.Get("Validation.BadEducation"));
        RuleFor(r => r.Ethnicity).RequiredText("Label.Ethnicity", 50);
        RuleFor(r => r.Address).OptionalText("Label.Address", 300);
        RuleFor(r => r.Occupation).OptionalText("Label.Occupation", 100);
        RuleFor(r => r.Workplace).OptionalText("Label.Workplace", 200);
        RuleFor(r => r.Phone).Matches(@"^\+?[0-9 .]{8,20}$").When(r => !string.IsNullOrEmpty(r.Phone))
            .WithMessage(_ => CoreText.Get("Validation.BadPhone"));
        RuleFor(r => r.CategoryIds).Must(ids => ids.Distinct().Count() == ids.Count).WithMessage(_ => CoreText.Get("Validation.CategoryTwice"));
        RuleFor(r => r.Note).OptionalText("Label.Note", RequestValidation.NoteLength, multiLine: true);
    }
}
