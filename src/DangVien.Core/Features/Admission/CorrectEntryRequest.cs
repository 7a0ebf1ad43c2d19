using FluentValidation;

namespace DangVien.Core.Features.Admission;

/// <summary>
/// Đính chính: a new entry supersedes <see cref="EntryId"/> with these values; the old one stays
/// visible. The form pre-fills the entry's current values; what is sent is what the correction
/// records (<see cref="Date"/> is the document's date). The people of an entry (introducers, helper,
/// target cell) are not corrected here: replace an introducer, transfer, or record a new entry.
/// </summary>
public sealed record CorrectEntryRequest : ICandidateRequest
{
    public int CandidateId { get; init; }

    public long EntryId { get; init; }

    public string Reason { get; init; } = "";

    public DateOnly Date { get; init; }

    public string? DocumentNumber { get; init; }

    public string? Issuer { get; init; }

    public string? Note { get; init; }

    /// <summary>For an admission decision: the day it reached the cell.</summary>
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>For a vote.</summary>
    public int? OfficialMembers { get; init; }

    public int? Present { get; init; }

    public int? InFavour { get; init; }

    /// <summary>For a vote: why <see cref="OfficialMembers"/> differs from the cell's member list of the (corrected) vote date.</summary>
    public string? OfficialMembersReason { get; init; }
}

public sealed class CorrectEntryRequestValidator : AbstractValidator<CorrectEntryRequest>
{
    public CorrectEntryRequestValidator()
    {
        RuleFor(r => r.CandidateId).Id("hồ sơ");
        RuleFor(r => r.EntryId).GreaterThan(0).WithMessage("Chưa chọn mục cần đính chính.");
        RuleFor(r => r.Reason).RequiredText("lý do đính chính", RequestValidation.ReasonLength, multiLine: true);
        RuleFor(r => r.Date).RequiredDate("ngày của văn bản");
        RuleFor(r => r.DocumentNumber).OptionalText("số văn bản", RequestValidation.DocumentNumberLength);
        RuleFor(r => r.Issuer).OptionalText("cơ quan ban hành", RequestValidation.IssuerLength);
        RuleFor(r => r.Note).OptionalText("ghi chú", RequestValidation.NoteLength, multiLine: true);
        RuleFor(r => r.OfficialMembers).GreaterThan(0).When(r => r.OfficialMembers is not null)
            .WithMessage("Số đảng viên chính thức của chi bộ phải lớn hơn 0.");
        RuleFor(r => r.Present).GreaterThanOrEqualTo(0).When(r => r.Present is not null).WithMessage("Số đảng viên có mặt không được âm.");
        RuleFor(r => r.OfficialMembersReason).OptionalText("lý do số đảng viên chính thức khác danh sách", RequestValidation.ReasonLength, multiLine: true);
        RuleFor(r => r.InFavour).GreaterThanOrEqualTo(0).When(r => r.InFavour is not null).WithMessage("Số đảng viên tán thành không được âm.");
    }
}
