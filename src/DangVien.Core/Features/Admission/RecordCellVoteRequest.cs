using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>Step 6: the cell's vote on admission (nghị quyết 6-KNĐ).</summary>
public sealed record RecordCellVoteRequest : IVoteRequest
{
    public int CandidateId { get; init; }

    public DateOnly VotedOn { get; init; }

    public string? ResolutionNumber { get; init; }

    /// <summary>Official members of the cell on the day (the base of the two thirds).</summary>
    public int OfficialMembers { get; init; }

    public int Present { get; init; }

    public int InFavour { get; init; }

    /// <summary>Why <see cref="OfficialMembers"/> differs from the cell's member list of the day: required then, and recorded.</summary>
    public string? OfficialMembersReason { get; init; }
}

public sealed class RecordCellVoteRequestValidator : AbstractValidator<RecordCellVoteRequest>
{
    public RecordCellVoteRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.VotedOn).RequiredDate("ngày chi bộ biểu quyết");
        RuleFor(r => r.ResolutionNumber).OptionalText("số nghị quyết", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.OfficialMembers).GreaterThan(0).WithMessage("Số đảng viên chính thức của chi bộ phải lớn hơn 0.");
        RuleFor(r => r.Present).Count("số đảng viên có mặt");
        RuleFor(r => r.InFavour).Count("số đảng viên tán thành");
        RuleFor(r => r.OfficialMembersReason).OptionalText("lý do khác danh sách", RequestValidation.ReasonLength, multiLine: true);
    }
}
