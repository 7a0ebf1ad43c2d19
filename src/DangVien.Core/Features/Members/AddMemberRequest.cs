using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using FluentValidation;

namespace DangVien.Core.Features.Members;

/// <summary>
/// A member already in the Party before DangVien (from the member database, or a former member
/// who may later be readmitted). Members admitted through DangVien are created by the ceremony.
/// </summary>
public sealed record AddMemberRequest
{
    public int CellId { get; init; }

    public string FullName { get; init; } = "";

    public DateOnly DateOfBirth { get; init; }

    public Sex Sex { get; init; }

    public string? CitizenId { get; init; }

    public MemberStatus Status { get; init; } = MemberStatus.Official;

    public DateOnly AdmittedOn { get; init; }

    /// <summary>Required for an official member.</summary>
    public DateOnly? RecognisedOn { get; init; }

    /// <summary>Required for a removed member or one who left.</summary>
    public DateOnly? LeftOn { get; init; }

    public string? LeftReason { get; init; }

    public bool BarredFromReadmission { get; init; }

    public bool HadCriminalConviction { get; init; }
}

/// <summary>The shape and the consistency of a member record (dates in order, status matching the dates).</summary>
public sealed class AddMemberRequestValidator : AbstractValidator<AddMemberRequest>
{
    public AddMemberRequestValidator()
    {
        RuleFor(r => r.CellId).GreaterThan(0).WithMessage(_ => CoreText.Get("Members.NoCell"));
        RuleFor(r => r.FullName).NotEmpty().WithMessage(_ => CoreText.Get("Members.NoFullName"))
            .MaximumLength(120).WithMessage(_ => CoreText.Get("Members.FullNameTooLong"))
            .CleanText("Label.FullName");
        RuleFor(r => r.DateOfBirth).NotEqual(default(DateOnly)).WithMessage(_ => CoreText.Get("Members.NoDateOfBirth"));
        RuleFor(r => r.Sex).IsInEnum().WithMessage(_ => CoreText.Get("Validation.BadSex"));
        RuleFor(r => r.CitizenId).Matches("^[0-9]{12}$").When(r => !string.IsNullOrEmpty(r.CitizenId))
            .WithMessage(_ => CoreText.Get("Validation.CitizenIdDigits"));
        RuleFor(r => r.Status).IsInEnum().WithMessage(_ => CoreText.Get("Members.BadStatus"));
        RuleFor(r => r.AdmittedOn).NotEqual(default(DateOnly)).WithMessage(_ => CoreText.Get("Members.NoAdmittedOn"));
        RuleFor(r => r.AdmittedOn).GreaterThan(r => r.DateOfBirth).WithMessage(_ => CoreText.Get("Members.AdmittedBeforeBirth"));
        RuleFor(r => r.RecognisedOn).NotNull().When(r => r.Status == MemberStatus.Official)
            .WithMessage(_ => CoreText.Get("Members.OfficialNeedsRecognition"));
        RuleFor(r => r.RecognisedOn).Null().When(r => r.Status is MemberStatus.Probationary or MemberStatus.Removed)
            .WithMessage(_ => CoreText.Get("Members.ProbationaryNoRecognition"));
        RuleFor(r => r.RecognisedOn).GreaterThan(r => r.AdmittedOn).When(r => r.RecognisedOn is not null)
            .WithMessage(_ => CoreText.Get("Members.RecognisedBeforeAdmitted"));
        RuleFor(r => r.LeftOn).NotNull().When(r => r.Status is MemberStatus.Removed or MemberStatus.Left)
            .WithMessage(_ => CoreText.Get("Members.NoLeftOn"));
        RuleFor(r => r.LeftOn).Null().When(r => r.Status is MemberStatus.Probationary or MemberStatus.Official)
            .WithMessage(_ => CoreText.Get("Members.ActiveNoLeftOn"));
        RuleFor(r => r.LeftOn).GreaterThanOrEqualTo(r => r.AdmittedOn).When(r => r.LeftOn is not null)
            .WithMessage(_ => CoreText.Get("Members.LeftBeforeAdmitted"));
        RuleFor(r => r.LeftReason).MaximumLength(500).WithMessage(_ => CoreText.Get("Members.ReasonTooLong"))
            .CleanText("Label.Reason", multiLine: true);
    }
}
