using System.Text.RegularExpressions;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Alerts;
using DangVien.Core.Tests.Common;
using DangVien.Core.Tests.Support;

namespace DangVien.Core.Tests.Features.Admission;

/// <summary>The rules' refusals, next steps, checklist and deadlines read in English when the interface is in English, unchanged in Vietnamese.</summary>
public sealed partial class EnglishRulesTests
{
    private static readonly CandidateFacts Verified = new HistoryBuilder()
        .Add(StageKind.Source, new DateOnly(2025, 9, 1))
        .Add(StageKind.AwarenessCourse, new DateOnly(2025, 10, 1))
        .Add(StageKind.Application, new DateOnly(2025, 11, 1))
        .Add(StageKind.HistoryVerification, new DateOnly(2025, 12, 1))
        .Facts();

    private static readonly CandidateFacts Admitted = HistoryBuilder.ReadyForVote(new DateOnly(2025, 3, 3))
        .Vote(StageKind.CellVote, new DateOnly(2025, 4, 15), 10, 9)
        .Add(StageKind.CommitteeResolution, new DateOnly(2025, 4, 25))
        .Add(StageKind.AdmissionDecision, new DateOnly(2025, 5, 20), e => e.ReceivedOn = new DateOnly(2025, 5, 23))
        .Add(StageKind.Ceremony, new DateOnly(2025, 6, 10))
        .Facts();

    [Fact]
    public void A_step_out_of_order_is_refused_in_English_and_the_Vietnamese_is_unchanged()
    {
        var english = CoreTextTests.InCulture("en", () => AdmissionRules.CheckAllowed(AdmissionAction.RecordCellVote, Verified))!;
        var vietnamese = CoreTextTests.InCulture("vi-VN", () => AdmissionRules.CheckAllowed(AdmissionAction.RecordCellVote, Verified))!;

        Assert.Equal("\"Record the cell vote proposing admission\" cannot be done yet: there is no introducer yet (step 4).", english.Message);
        Assert.Equal("Chưa thể thực hiện \"Ghi nhận chi bộ biểu quyết đề nghị kết nạp\": chưa có người giới thiệu (bước 4).", vietnamese.Message);
        Assert.Equal(
            "\"Record the admission ceremony\" cannot be done yet: the admission ceremony was held on 10/06/2025; if it was recorded wrongly, correct that entry.",
            CoreTextTests.InCulture("en", () => AdmissionRules.CheckAllowed(AdmissionAction.RecordCeremony, Admitted))!.Message);
    }

    [Fact]
    public void Moving_a_unit_under_its_own_cell_is_refused_in_English_and_the_Vietnamese_is_unchanged()
    {
        var commune = new DangVien.Core.Features.Units.UnitFacts(2, "Đảng bộ xã Tân Lập", OrgUnitKind.CommuneCommittee, 1, new("1.2"), null, new DateOnly(2020, 1, 1));
        var cell = new DangVien.Core.Features.Units.UnitFacts(3, "Chi bộ thôn Đồng Tâm", OrgUnitKind.Cell, 2, new("1.2.3"), null, new DateOnly(2020, 1, 1));
        var today = new DateOnly(2026, 8, 3);
        string[] Refusals() => [.. DangVien.Core.Features.Units.ReorganisationRules
            .CheckMove(commune, cell, today, today, DangVien.Core.Features.Access.AccessScope.Everything("quantri")).Select(e => e.Message)];

        Assert.Contains("Đảng bộ xã Tân Lập cannot be moved into Chi bộ thôn Đồng Tâm: Chi bộ thôn Đồng Tâm is a unit under Đảng bộ xã Tân Lập.",
            CoreTextTests.InCulture("en", Refusals));
        Assert.Contains("Không thể chuyển Đảng bộ xã Tân Lập vào Chi bộ thôn Đồng Tâm: Chi bộ thôn Đồng Tâm là đơn vị trực thuộc của Đảng bộ xã Tân Lập.",
            CoreTextTests.InCulture("vi-VN", Refusals));
    }

    [Fact]
    public void A_date_before_the_step_it_follows_is_refused_in_English_and_the_Vietnamese_is_unchanged()
    {
        string Refusal(string label) => AdmissionRules.DateRules("IntroducedOn", label, new DateOnly(2025, 11, 20), StageKind.Introduction,
            Verified.History, new DateOnly(2026, 8, 3)).Single().Message;

        Assert.Equal("Introduction date (20/11/2025) cannot be before the day of the background check (01/12/2025): the steps of admission happen in order.",
            CoreTextTests.InCulture("en", () => Refusal("introduction date")));
        Assert.Equal("Ngày giới thiệu (20/11/2025) không thể trước ngày thẩm tra lý lịch (01/12/2025): các bước kết nạp diễn ra theo thứ tự.",
            CoreTextTests.InCulture("vi-VN", () => Refusal("ngày giới thiệu")));
    }

    [Fact]
    public void Password_and_user_name_rules_read_in_English_and_the_Vietnamese_is_unchanged()
    {
        var describer = new DangVien.Core.Features.Access.VietnameseIdentityErrorDescriber();

        Assert.Equal("The password must have at least 10 characters.", CoreTextTests.InCulture("en", () => describer.PasswordTooShort(10).Description));
        Assert.Equal("Mật khẩu phải có ít nhất 10 ký tự.", CoreTextTests.InCulture("vi-VN", () => describer.PasswordTooShort(10).Description));
        Assert.Equal("A user name may hold only letters without diacritics, digits and the characters - . _ @ +, without spaces.",
            CoreTextTests.InCulture("en", () => describer.InvalidUserName("an nguyen").Description));
    }

    [Fact]
    public void Every_refusal_of_a_step_out_of_order_reads_in_English()
    {
        var files = new[] { new HistoryBuilder().Add(StageKind.Source, new DateOnly(2025, 9, 1)).Facts(), Verified, Admitted };
        var refusals = CoreTextTests.InCulture("en", () => files
            .SelectMany(f => Enum.GetValues<AdmissionAction>().Select(a => AdmissionRules.CheckAllowed(a, f)?.Message))
            .OfType<string>()
            .ToList());

        Assert.True(refusals.Count >= 20, $"only {refusals.Count} refusals");
        Assert.All(refusals, r => Assert.DoesNotMatch(Vietnamese(), r.Replace("KNĐ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Next_steps_checklist_and_deadlines_read_in_English()
    {
        var texts = CoreTextTests.InCulture("en", () =>
        {
            var next = AdmissionRules.NextActions(Admitted, HistoryBuilder.Context()).SelectMany(a => new[] { a.Title, a.Rule });
            var checklist = DossierChecklist.For(Admitted.History, Admitted.Cell.NeedsCommitteeResolution, new DateOnly(2026, 8, 1))
                .SelectMany(i => new[] { i.Title, i.StatusLabel, i.Detail ?? "" });
            var alerts = AlertRules.For(Admitted.History, new DateOnly(2026, 6, 1), HistoryBuilder.Context().Parameters, HistoryBuilder.Context().Calendar)
                .Select(a => a.Rule);
            return next.Concat(checklist).Concat(alerts).ToList();
        });

        Assert.Contains("Record the new member course certificate", texts);
        Assert.All(texts, t => Assert.DoesNotMatch(Vietnamese(), t.Replace("KNĐ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Age_and_certificate_refusals_read_in_English_and_the_Vietnamese_is_unchanged()
    {
        var born = new DateOnly(2008, 5, 20);
        var voteDate = new DateOnly(2026, 3, 2);

        Assert.Equal(
            "Not yet 18 years old (counted in months) on the day of the cell's vote 02/03/2026: born on 20/05/2008, 18 years old from 20/05/2026.",
            CoreTextTests.InCulture("en", () => AdmissionRules.AgeAt("VotedOn", born, voteDate, false))!.Message);
        Assert.Equal(
            "Chưa đủ 18 tuổi (tính theo tháng) vào ngày chi bộ biểu quyết 02/03/2026: sinh ngày 20/05/2008, đủ 18 tuổi từ 20/05/2026.",
            CoreTextTests.InCulture("vi-VN", () => AdmissionRules.AgeAt("VotedOn", born, voteDate, false))!.Message);
        Assert.Equal(
            "There is no Party awareness course certificate issued before the cell's vote on 02/03/2026.",
            CoreTextTests.InCulture("en", () => AdmissionRules.CertificateValidAt("VotedOn", new HistoryBuilder().Facts().History, voteDate, 24))!.Message);
    }

    [Fact]
    public void A_new_file_refused_for_its_cell_dates_and_categories_reads_in_English_and_the_Vietnamese_is_unchanged()
    {
        var request = new CreateCandidateRequest
        {
            FullName = "Lê Văn An",
            DateOfBirth = new DateOnly(2000, 5, 1),
            SourcedOn = new DateOnly(1999, 5, 1),
            CategoryIds = [99],
            MentorMemberId = 1,
            CellId = 1,
        };
        string[] Refusals() => [.. AdmissionRules.CheckCreate(request, null, null, [1], null, null, HistoryBuilder.Context()).Select(e => e.Message)];

        Assert.Equal(
            ["The date of listing cannot be before the date of birth.", "The cell was not found.", "A source category does not exist or is no longer in use."],
            CoreTextTests.InCulture("en", Refusals));
        Assert.Equal(
            ["Ngày đưa vào danh sách không thể trước ngày sinh.", "Không tìm thấy chi bộ.", "Có đối tượng nguồn không tồn tại hoặc đã ngừng sử dụng."],
            CoreTextTests.InCulture("vi-VN", Refusals));
    }

    [Fact]
    public void A_readmission_and_a_helper_refused_read_in_English_and_the_Vietnamese_is_unchanged()
    {
        var former = new FormerMemberFacts(7, "Trần Văn Bình", MemberStatus.Removed, new DateOnly(2024, 3, 1), false, true, false);
        var request = new StartReadmissionRequest { FormerMemberId = 7, CellId = 1, MentorMemberId = 1, SourcedOn = new DateOnly(2024, 2, 1), CategoryIds = [1] };
        string[] Refusals() => [.. AdmissionRules.CheckStartReadmission(request, former, false, HistoryBuilder.TeachersCell, null, [1], HistoryBuilder.Context())
            .Select(e => e.Message)];

        Assert.Equal(
            [
                "Trần Văn Bình left the Party for corruption, a serious crime, abandoning Party activities or causing serious disunity: cannot be readmitted.",
                "The date of listing (01/02/2024) cannot be before the day they left the Party (01/03/2024).",
                "The member who follows and helps the candidate was not found.",
            ],
            CoreTextTests.InCulture("en", Refusals));
        Assert.Equal(
            [
                "Trần Văn Bình đã ra khỏi Đảng vì tham nhũng, tội phạm nghiêm trọng, bỏ sinh hoạt đảng hoặc gây mất đoàn kết nghiêm trọng: không được kết nạp lại.",
                "Ngày đưa vào danh sách (01/02/2024) không thể trước ngày ra khỏi Đảng (01/03/2024).",
                "Không tìm thấy đảng viên theo dõi, giúp đỡ.",
            ],
            CoreTextTests.InCulture("vi-VN", Refusals));
        Assert.Equal(
            "Fewer than 36 months since leaving the Party (01/03/2024): readmission may be considered only from 01/03/2027, but the cell votes on 02/03/2026.",
            CoreTextTests.InCulture("en", () => AdmissionRules.ReadmissionWaitAt("VotedOn", former, new DateOnly(2026, 3, 2),
                DangVien.Core.Common.CoreText.Get("Readmission.WhenVote"))!.Message));
    }

    [Fact]
    public void Every_validator_reads_in_English_and_the_same_instance_still_answers_in_Vietnamese()
    {
        var validators = typeof(AdmissionRules).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.Namespace?.Contains(".Import", StringComparison.Ordinal) != true && t.GetConstructor(Type.EmptyTypes) is not null
                && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(FluentValidation.AbstractValidator<>)
                && b.GetGenericArguments()[0].GetConstructors().Length > 0)
            .Select(t => (FluentValidation.IValidator)Activator.CreateInstance(t)!)
            .ToList();
        List<string> Messages() => [.. validators.SelectMany(v => new[] { Request(v, null), Request(v, "x\u0001" + new string('x', 5000)) }
            .SelectMany(r => v.Validate(new FluentValidation.ValidationContext<object>(r)).Errors.Select(e => e.ErrorMessage)))];

        var english = CoreTextTests.InCulture("en", Messages);
        var vietnamese = CoreTextTests.InCulture("vi-VN", Messages);

        Assert.True(validators.Count >= 30, $"only {validators.Count} validators");
        Assert.True(english.Count >= 150, $"only {english.Count} refusals");
        Assert.All(english, m => Assert.DoesNotMatch(Vietnamese(), m.Replace("KNĐ", "", StringComparison.Ordinal)));
        Assert.Contains("Enter the full name.", english);
        Assert.Contains("Choose the cell.", english);
        Assert.Contains("Note can be at most 2000 characters long.", english);
        Assert.Contains("Note holds a control character (U+0001), which is not allowed: delete it.", english);
        Assert.Contains("Chưa nhập họ và tên.", vietnamese);
        Assert.Contains("Ghi chú dài tối đa 2000 ký tự.", vietnamese);
        Assert.Contains("Ghi chú chứa ký tự điều khiển (U+0001), không được phép: hãy xóa ký tự này.", vietnamese);
        Assert.Equal(english.Count, vietnamese.Count);
    }

    [Fact]
    public void A_member_dated_in_the_future_is_refused_in_English_and_the_Vietnamese_is_unchanged()
    {
        var request = new DangVien.Core.Features.Members.AddMemberRequest { AdmittedOn = new DateOnly(2027, 1, 5) };
        string Refusal() => DangVien.Core.Features.Members.MemberService.DatesNotInFuture(request, new DateOnly(2026, 8, 3)).Single().Message;

        Assert.Equal("Date of joining the Party (05/01/2027) cannot be after today (03/08/2026).", CoreTextTests.InCulture("en", Refusal));
        Assert.Equal("Ngày vào Đảng (05/01/2027) không thể sau ngày hôm nay (03/08/2026).", CoreTextTests.InCulture("vi-VN", Refusal));
    }

    /// <summary>A request for <paramref name="validator"/> with every text property set to <paramref name="text"/> (or left empty).</summary>
    private static object Request(FluentValidation.IValidator validator, string? text)
    {
        var type = validator.GetType().BaseType!.GetGenericArguments()[0];
        var constructor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        var request = constructor.Invoke([.. constructor.GetParameters().Select(p => Empty(p.ParameterType))]);
        foreach (var property in type.GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite))
        {
            property.SetValue(request, text);
        }

        return request;
    }

    /// <summary>The default of <paramref name="type"/>, an empty array for a list.</summary>
    private static object? Empty(Type type) =>
        type.IsValueType ? Activator.CreateInstance(type)
        : type.IsGenericType && type.GetGenericArguments() is [var item] && type.IsAssignableFrom(item.MakeArrayType()) ? Array.CreateInstance(item, 0)
        : null;

    [GeneratedRegex("[À-ỹ]")]
    private static partial Regex Vietnamese();
}
