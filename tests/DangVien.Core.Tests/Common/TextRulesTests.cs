using DangVien.Core.Common;
using DangVien.Core.Features.Admission;

namespace DangVien.Core.Tests.Common;

/// <summary>The one rule for free text (<see cref="TextRules"/>) at its edges, and the validators that use it.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("Đặng Thị Ánh Tuyết")]
    [InlineData("Số 12/QĐ-ĐU, ngày 01/02/2026")]
    [InlineData("Nguyễn\u00A0Văn An")]
    [InlineData("𠀧 Nôm")]
    [InlineData("")]
    public void Vietnamese_text_with_spaces_and_characters_outside_the_basic_plane_is_clean(string value) =>
        Assert.Null(TextRules.Check(value, "họ và tên"));

    [Theory]
    [InlineData("Nguyễn\u000BVăn", "U+000B")]
    [InlineData("Nguyễn\u0000", "U+0000")]
    [InlineData("Nguyễn\u001F", "U+001F")]
    [InlineData("Nguyễn\u007F", "U+007F")]
    [InlineData("Nguyễn\u0085", "U+0085")]
    [InlineData("Nguyễn\u009F", "U+009F")]
    [InlineData("Nguyễn\tVăn", "U+0009")]
    public void A_control_character_is_refused_naming_the_field_and_the_character(string value, string code) =>
        Assert.Equal($"Họ và tên chứa ký tự điều khiển ({code}), không được phép: hãy xóa ký tự này.", TextRules.Check(value, "họ và tên"));

    [Theory]
    [InlineData("Nguyễn\nVăn", "U+000A")]
    [InlineData("Nguyễn\rVăn", "U+000D")]
    [InlineData("Nguyễn\u2028Văn", "U+2028")]
    public void A_line_break_is_refused_in_a_one_line_field(string value, string code) =>
        Assert.Equal($"Họ và tên chỉ được viết trên một dòng (có ký tự xuống dòng {code}).", TextRules.Check(value, "họ và tên"));

    [Fact]
    public void A_note_may_hold_line_breaks_and_tabs_but_no_other_control_character()
    {
        Assert.Null(TextRules.Check("Dòng một\r\nDòng hai\tcột", "ghi chú", multiLine: true));
        Assert.Equal("Ghi chú chứa ký tự điều khiển (U+000B), không được phép: hãy xóa ký tự này.", TextRules.Check("a\vb", "ghi chú", multiLine: true));
        Assert.Equal("Ghi chú chỉ được viết trên một dòng (có ký tự xuống dòng U+2029).", TextRules.Check("a\u2029b", "ghi chú", multiLine: true));
    }

    [Theory]
    [InlineData("\u202ENguyễn", "U+202E")]
    [InlineData("Nguyễn\u202A", "U+202A")]
    [InlineData("Nguyễn\u2066Văn\u2069", "U+2066")]
    [InlineData("Nguyễn\u2069", "U+2069")]
    [InlineData("Nguyễn\u200F", "U+200F")]
    [InlineData("Nguyễn\u200E", "U+200E")]
    [InlineData("Nguyễn\u061C", "U+061C")]
    public void A_bidirectional_override_embedding_isolate_or_mark_is_refused(string value, string code) =>
        Assert.Equal($"Họ và tên chứa ký tự đảo chiều văn bản ({code}), không được phép: hãy gõ lại.", TextRules.Check(value, "họ và tên"));

    [Theory]
    [InlineData("Nguyễn\u200BVăn", "U+200B")]
    [InlineData("Nguyễn\u200DVăn", "U+200D")]
    [InlineData("Nguyễn\u2060", "U+2060")]
    [InlineData("\uFEFFNguyễn", "U+FEFF")]
    [InlineData("Nguyễn\u00AD", "U+00AD")]
    [InlineData("Nguyễn \u3164", "U+3164")]
    public void An_invisible_character_inside_a_name_is_refused(string value, string code) =>
        Assert.Equal($"Họ và tên chứa ký tự ẩn ({code}), không được phép: hãy gõ lại.", TextRules.Check(value, "họ và tên"));

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200C\u200D")]
    [InlineData(" \u3164 ")]
    [InlineData("\u115F\u1160")]
    [InlineData("\uFEFF\u2060\u00A0")]
    [InlineData("\uFFA0")]
    public void A_name_made_only_of_invisible_characters_is_refused_as_such(string value) =>
        Assert.Equal("Họ và tên chỉ gồm ký tự ẩn hoặc khoảng trắng.", TextRules.Check(value, "họ và tên"));

    [Theory]
    [InlineData("Nguy\uFFFDn", "U+FFFD")]
    [InlineData("Nguyễn\uFFFF", "U+FFFF")]
    [InlineData("Nguyễn\uFDD0", "U+FDD0")]
    public void A_replacement_character_noncharacter_or_lone_surrogate_is_refused_as_broken_text(string value, string code) =>
        Assert.Equal($"Họ và tên chứa ký tự không hợp lệ ({code}): văn bản có thể bị lỗi mã hóa, hãy gõ lại.", TextRules.Check(value, "họ và tên"));

    [Fact]
    public void A_lone_surrogate_is_refused_as_broken_text()
    {
        Assert.Equal("Họ và tên chứa ký tự không hợp lệ (U+D800): văn bản có thể bị lỗi mã hóa, hãy gõ lại.", TextRules.Check("Nguyễn\uD800", "họ và tên"));
        Assert.Equal("Họ và tên chứa ký tự không hợp lệ (U+DC00): văn bản có thể bị lỗi mã hóa, hãy gõ lại.", TextRules.Check("\uDC00Nguyễn", "họ và tên"));
    }

    [Fact]
    public void Text_for_xml_replaces_only_what_xml_cannot_hold()
    {
        const string clean = "Nguyễn Văn An\r\n\t𠀧";
        Assert.Same(clean, TextRules.ForXml(clean));
        Assert.Equal("Nguyễn\uFFFDVăn\uFFFD\uFFFD\uFFFD", TextRules.ForXml("Nguyễn\vVăn\u0000\uD800\uFFFE"));
    }

    [Fact]
    public void The_personal_data_validator_refuses_a_bidi_name_and_a_control_character_in_the_address_but_allows_lines_in_the_family_background()
    {
        var request = new CreateCandidateRequest
        {
            CellId = 1,
            FullName = "\u202EAn Văn Nguyễn",
            DateOfBirth = new DateOnly(2000, 1, 1),
            Address = "Thôn\u0007 3",
            FamilyBackground = "Bố: nông dân\r\nMẹ: giáo viên",
            CategoryIds = [1],
            MentorMemberId = 1,
            SourcedOn = new DateOnly(2026, 1, 1),
            Note = "Dòng 1\nDòng 2",
        };

        var errors = new CreateCandidateRequestValidator().Errors(request);

        Assert.Equal(
            [
                ("FullName", "Họ và tên chứa ký tự đảo chiều văn bản (U+202E), không được phép: hãy gõ lại."),
                ("Address", "Nơi ở hiện nay chứa ký tự điều khiển (U+0007), không được phép: hãy xóa ký tự này."),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void A_required_name_of_zero_width_spaces_is_refused_as_invisible_not_as_missing()
    {
        var errors = new DangVien.Core.Features.Members.AddMemberRequestValidator().Validate(new DangVien.Core.Features.Members.AddMemberRequest { FullName = "\u200B\u200B" });
        Assert.Contains(errors.Errors, e => e.PropertyName == "FullName" && e.ErrorMessage == "Họ và tên chỉ gồm ký tự ẩn hoặc khoảng trắng.");
    }
}
