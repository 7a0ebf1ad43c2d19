using System.Globalization;
using System.Net;
using Bunit;
using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Members;
using DangVien.Core.Features.Units;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Tests.Candidates;
using DangVien.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Interactive.PersonFormPages;
using static DangVien.Web.Tests.Interactive.StepPages;

namespace DangVien.Web.Tests.Interactive;

/// <summary>
/// The interactive forms of a new file, the personal data and a readmission (bUnit) over the real app and database:
/// what a refused form says next to its fields and keeps, the duplicate warning and its confirmation, one save for two
/// presses, two people on one file, ids outside the user's scope, hostile text.
/// </summary>
public sealed class PersonFormComponentTests
{
    private const string CellA = "Chi bộ thôn Đồng Tâm";

    [Fact]
    public async Task A_new_file_typed_with_a_date_without_slashes_and_a_cell_picked_without_marks_is_saved_once_for_two_presses()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var mentor = (await host.App.MembersAsync(tree.CellA))[0];
        var page = OpenNew(host);
        Assert.Empty(page.FindAll(Id("MentorMemberId")));

        Type(page, "FullName", "Phạm Thị Hồng");
        Type(page, "DateOfBirth", "12042000");
        await ChooseAsync<NewCandidatePage, Sex?>(page, "Sex", Sex.Female);
        Type(page, "CitizenId", "001300004567");
        await PickCellAndMentorAsync(page, "dong tam", CellA, mentor.FullName.Split(' ')[^1], mentor.FullName);
        Type(page, "SourcedOn", "6-1-2025");
        var chips = page.FindAll(".step-chips .step-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.True(chips.Count >= 16, "the sixteen default source categories are offered");
        ChooseChips(page, chips[0], chips[14]);

        // Two presses: the second, while the first saves, does nothing.
        var form = page.FindComponent<NewCandidateForm>().Instance;
        await page.InvokeAsync(() => Task.WhenAll(form.SubmitAsync(), form.SubmitAsync()));
        var navigation = host.Navigation;
        page.WaitForAssertion(() => Assert.EndsWith("?notice=created", navigation.Uri, StringComparison.Ordinal), Wait);

        await using var db = host.App.Database.CreateContext();
        var saved = await db.Candidates.Include(c => c.Categories).Include(c => c.History).SingleAsync();
        Assert.Equal(navigation.ToAbsoluteUri($"/candidates/{saved.Id}?notice=created").ToString(), navigation.Uri);
        Assert.Equal(("Phạm Thị Hồng", new DateOnly(2000, 4, 12), "001300004567", tree.CellA.Id, mentor.Id),
            (saved.FullName, saved.DateOfBirth, saved.CitizenId, saved.CellId, saved.MentorMemberId));
        Assert.Equal(2, saved.Categories.Count);
        Assert.Equal(new DateOnly(2025, 1, 6), Assert.Single(saved.History).EffectiveOn);
    }

    [Fact]
    public async Task A_new_file_refused_by_the_rules_says_every_error_next_to_its_field_keeps_what_was_typed_and_saves_nothing()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var page = OpenNew(host, tree.CellA.Id);
        var chip = page.FindAll(".step-chips .step-chip")[3].TextContent.Trim();

        Type(page, "FullName", "Đỗ Văn Dũng");
        Type(page, "DateOfBirth", "01/01/2001");
        await ChooseAsync<NewCandidatePage, Sex?>(page, "Sex", Sex.Male);
        Type(page, "CitizenId", "12345");
        ChooseChips(page, chip);
        Type(page, "SourcedOn", "31/02/2026");
        page.WaitForAssertion(() => Assert.Equal("Số CCCD phải gồm đúng 12 chữ số.", MessageOf(page, "CitizenId")), Wait);
        PressAndWait(page);

        page.WaitForAssertion(() => Assert.NotNull(page.Find(".form-summary")), Wait);
        Assert.Equal("Số CCCD phải gồm đúng 12 chữ số.", MessageOf(page, "CitizenId"));
        Assert.Equal("Chưa chọn đảng viên chính thức theo dõi, giúp đỡ.", MessageOf(page, "MentorMemberId"));
        Assert.Equal("Không có ngày 31/02/2026.", MessageOf(page, "SourcedOn"));
        Assert.Equal("true", page.Find(Id("CitizenId")).GetAttribute("aria-invalid"));
        var summary = page.FindAll(".form-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, summary.Count);
        Assert.StartsWith("Số CCCD", summary[0], StringComparison.Ordinal);
        Assert.Equal("Đỗ Văn Dũng", Value(page, "FullName"));
        Assert.Equal("12345", Value(page, "CitizenId"));
        Assert.Equal("31/02/2026", Value(page, "SourcedOn"));
        Assert.Equal([chip], ChosenChips(page));

        // The category taken away: its rule next to the chips at once.
        ChooseChipsOff(page, chip);
        page.WaitForAssertion(() => Assert.Equal("Chọn ít nhất một đối tượng nguồn.", page.Find(Id("CategoryIds") + " .mud-input-error").TextContent.Trim()), Wait);
        await using var db = host.App.Database.CreateContext();
        Assert.Empty(db.Candidates);
    }

    [Fact]
    public async Task A_new_file_like_an_existing_one_warns_keeps_the_typed_values_and_confirming_creates_it()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var existing = await host.App.ReadyForVoteAsync(tree.CellB, "Phạm Thị Hồng");
        var mentor = (await host.App.MembersAsync(tree.CellA))[0];
        var page = OpenNew(host, tree.CellA.Id);
        Assert.Empty(page.FindAll("#duplicate-warning"));

        Type(page, "FullName", "phạm thị hồng");
        Type(page, "DateOfBirth", "12/04/2000");
        await ChooseAsync<NewCandidatePage, Sex?>(page, "Sex", Sex.Female);
        await PickAsync<NewCandidatePage, MemberOption>(page, "MentorMemberId", mentor.FullName, m => m.Id == mentor.Id);
        Type(page, "SourcedOn", "06/07/2026");
        Type(page, "Phone", "0912345678");
        ChooseChips(page, page.FindAll(".step-chips .step-chip")[0].TextContent.Trim());
        PressAndWait(page);

        page.WaitForAssertion(() => Assert.Contains($"Đã có hồ sơ Phạm Thị Hồng (số {existing}) ở {tree.CellB.Name}", page.Find("#duplicate-warning").TextContent), Wait);
        Assert.Empty(page.FindAll(".form-summary"));
        Assert.False(page.Find($"{Id("ConfirmDuplicate")} input[type=checkbox]").HasAttribute("checked"));
        Assert.Equal("phạm thị hồng", Value(page, "FullName"));
        Assert.Equal("0912345678", Value(page, "Phone"));
        await using (var db = host.App.Database.CreateContext())
        {
            Assert.Equal(1, await db.Candidates.CountAsync());
        }

        Tick(page, "ConfirmDuplicate");
        var id = SubmitAndWaitForNewFile(page, "created");
        await using (var db = host.App.Database.CreateContext())
        {
            Assert.Equal(2, await db.Candidates.CountAsync());
            Assert.Equal("phạm thị hồng", await db.Candidates.Where(c => c.Id == id).Select(c => c.FullName).SingleAsync());
        }
    }

    [Fact]
    public async Task A_mentor_of_another_commune_is_not_offered_and_one_sent_anyway_reads_as_not_found()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var outsider = await IdScopeHttpTests.AnotherCommuneAsync(host.App, tree);
        var page = OpenNew(host, tree.CellA.Id);
        Assert.Empty(await OfferedAsync<NewCandidatePage, MemberOption>(page, "MentorMemberId", "Hoàng Văn Ngoài"));
        Assert.Empty(await OfferedAsync<NewCandidatePage, UnitOption>(page, "CellId", "Hòa Bình"));

        Type(page, "FullName", "Đỗ Văn Dũng");
        Type(page, "DateOfBirth", "01/01/2001");
        await ChooseAsync<NewCandidatePage, Sex?>(page, "Sex", Sex.Male);
        Type(page, "SourcedOn", "06/07/2026");
        ChooseChips(page, page.FindAll(".step-chips .step-chip")[0].TextContent.Trim());

        // As a forged circuit message would: the ids of another commune's member and cell in what the form holds.
        var form = page.FindComponent<NewCandidateForm>();
        const string notFound = "Đảng viên chính thức theo dõi, giúp đỡ: Không tìm thấy đảng viên theo dõi, giúp đỡ.";
        await page.InvokeAsync(() => form.Instance.Input!.Mentor = new MemberOption(outsider.Member, "?", null, 1980, true, null, new DateOnly(2000, 1, 1), 0));
        PressAndWait(page);
        page.WaitForAssertion(() => Assert.Equal([notFound], page.FindAll(".form-summary li").Select(li => li.TextContent.Trim())), Wait);
        await page.InvokeAsync(() => form.Instance.Input!.Mentor = new MemberOption(IdScopeHttpTests.MissingId, "?", null, 1980, true, null, new DateOnly(2000, 1, 1), 0));
        PressAndWait(page);
        page.WaitForAssertion(() => Assert.Equal([notFound], page.FindAll(".form-summary li").Select(li => li.TextContent.Trim())), Wait);
        Assert.DoesNotContain("Hoàng Văn Ngoài", page.Markup, StringComparison.Ordinal);

        await page.InvokeAsync(() => form.Instance.Input!.Cell = new UnitOption(outsider.Cell, "?", OrgUnitKind.Cell, null, true));
        PressAndWait(page);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".form-summary li")), Wait);
        Assert.DoesNotContain("Hòa Bình", page.Markup, StringComparison.Ordinal);
        await using var db = host.App.Database.CreateContext();
        Assert.Empty(db.Candidates);
    }

    [Theory]
    [InlineData("x'); DROP TABLE candidates; --")]
    [InlineData("<script>alert('xss')</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public async Task A_hostile_string_in_every_text_field_of_a_new_file_is_stored_verbatim_and_shown_encoded(string hostile)
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var mentor = (await host.App.MembersAsync(tree.CellA))[0];
        var page = OpenNew(host, tree.CellA.Id);
        foreach (var field in new[] { "FullName", "Ethnicity", "Religion", "HomeTown", "Address", "ProfessionalQualification", "PoliticalTheory", "Occupation", "Workplace", "FamilyBackground", "DocumentNumber", "Note" })
        {
            Type(page, field, hostile);
        }

        Type(page, "DateOfBirth", "12/04/2000");
        await ChooseAsync<NewCandidatePage, Sex?>(page, "Sex", Sex.Male);
        await PickAsync<NewCandidatePage, MemberOption>(page, "MentorMemberId", mentor.FullName, m => m.Id == mentor.Id);
        Type(page, "SourcedOn", "06/01/2025");
        ChooseChips(page, page.FindAll(".step-chips .step-chip")[0].TextContent.Trim());
        var id = SubmitAndWaitForNewFile(page, "created");

        await using var db = host.App.Database.CreateContext();
        var stored = await db.Candidates.Include(c => c.History).SingleAsync();
        Assert.Equal(id, stored.Id);
        Assert.All(
            new[] { stored.FullName, stored.Ethnicity, stored.Religion, stored.HomeTown, stored.Address, stored.ProfessionalQualification, stored.PoliticalTheory,
                stored.Occupation, stored.Workplace, stored.FamilyBackground, stored.History.Single().DocumentNumber, stored.History.Single().Note },
            value => Assert.Equal(hostile, value));
        var staff = await host.App.SignedInClientAsync("vanphong");
        var html = await (await staff.GetAsync(ActionRoutes.File(id))).Content.ReadAsStringAsync();
        Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_a_bidi_override_is_refused_next_to_the_field_keeping_what_was_typed()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var page = OpenNew(host, tree.CellA.Id);
        const string spoofed = "\u202EgnùD năV ỗĐ";

        Type(page, "FullName", spoofed);
        Type(page, "Address", "Thôn 3");
        Press(page);

        page.WaitForAssertion(() => Assert.Equal("Họ và tên chứa ký tự đảo chiều văn bản (U+202E), không được phép: hãy gõ lại.", MessageOf(page, "FullName")), Wait);
        Assert.Equal(spoofed, Value(page, "FullName"));
        Assert.Equal("Thôn 3", Value(page, "Address"));
        await using var db = host.App.Database.CreateContext();
        Assert.Empty(db.Candidates);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("31/12/9999")]
    [InlineData("01/01/1899")]
    public async Task Every_date_of_the_new_file_and_personal_data_forms_refuses_an_absurd_year_next_to_the_field(string value)
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var ready = await host.App.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var create = OpenNew(host, tree.CellA.Id);
        Type(create, "DateOfBirth", value);
        Type(create, "SourcedOn", value);
        Press(create);
        create.WaitForAssertion(() => Assert.Equal(SupportedRange.DateMessage, MessageOf(create, "DateOfBirth")), Wait);
        Assert.Equal(SupportedRange.DateMessage, MessageOf(create, "SourcedOn"));
        Assert.Equal(value, Value(create, "SourcedOn"));

        var edit = OpenEdit(host, ready, anotherTab: true);
        Type(edit, "DateOfBirth", value);
        Press(edit);
        edit.WaitForAssertion(() => Assert.Equal(SupportedRange.DateMessage, MessageOf(edit, "DateOfBirth")), Wait);
        Assert.Equal(value, Value(edit, "DateOfBirth"));
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(1, await db.Candidates.CountAsync());
        Assert.Equal(new DateOnly(2000, 4, 12), await db.Candidates.Where(c => c.Id == ready).Select(c => c.DateOfBirth).SingleAsync());
    }

    [Fact]
    public async Task Staff_correct_the_personal_data_and_land_on_the_file()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var page = OpenEdit(host, id);
        Assert.Equal("Phạm Thị Hồng", Value(page, "FullName"));
        Assert.Equal("12/04/2000", Value(page, "DateOfBirth"));

        Type(page, "FullName", "Phạm Thị Thu Hồng");
        Type(page, "CitizenId", "001300004567");
        Type(page, "Occupation", "Giáo viên tiểu học");
        Assert.Equal(id, SubmitAndWaitForNewFile(page, "personal-data"));

        await using var db = host.App.Database.CreateContext();
        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(("Phạm Thị Thu Hồng", "001300004567", "Giáo viên tiểu học"), (candidate.FullName, candidate.CitizenId, candidate.Occupation));
        Assert.Equal(6, await db.StageEntries.CountAsync(e => e.CandidateId == id));
        var staff = await host.App.SignedInClientAsync("vanphong");
        var after = await staff.PageAsync($"/candidates/{id}?notice=personal-data");
        Assert.Equal("Đã lưu thông tin cá nhân.", after.QuerySelector(".notice").Text());
    }

    [Fact]
    public async Task Personal_data_like_another_file_warn_keep_the_typing_and_save_once_confirmed()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        await host.App.ReadyForVoteAsync(tree.CellB, "Lê Văn Bình");
        var page = OpenEdit(host, id);

        Type(page, "FullName", "Lê  Văn Bình");
        Type(page, "Occupation", "Nông dân");
        page.WaitForAssertion(() => Assert.Contains("cùng họ tên và ngày sinh 12/04/2000", page.Find("#duplicate-warning").TextContent), Wait);
        PressAndWait(page);
        page.WaitForAssertion(() => Assert.Contains("cùng họ tên và ngày sinh 12/04/2000", page.Find("#duplicate-warning").TextContent), Wait);
        Assert.Equal("Lê  Văn Bình", Value(page, "FullName"));
        Assert.Equal("Nông dân", Value(page, "Occupation"));
        Assert.Equal("Phạm Thị Hồng", await NameAsync(host, id));

        Tick(page, "ConfirmDuplicate");
        SubmitAndWaitForNewFile(page, "personal-data");
        Assert.Equal("Lê Văn Bình", (await NameAsync(host, id)).Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_citizen_ID_of_another_file_under_review_is_refused_next_to_the_field_as_it_is_typed()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var other = await host.App.ReadyForVoteAsync(tree.CellB, "Trần Thị Cúc");
        await using (var db = host.App.Database.CreateContext())
        {
            await db.Candidates.Where(c => c.Id == other).ExecuteUpdateAsync(s => s.SetProperty(c => c.CitizenId, "001300009999"));
        }

        var page = OpenEdit(host, id);
        Type(page, "CitizenId", "001300009999");

        page.WaitForAssertion(() => Assert.Contains("đã có trong một hồ sơ khác đang xem xét", MessageOf(page, "CitizenId")), Wait);
        Press(page);
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".form-summary")), Wait);
        Assert.Equal("true", page.Find(Id("CitizenId")).GetAttribute("aria-invalid"));
        Assert.Equal("001300009999", Value(page, "CitizenId"));
    }

    [Fact]
    public async Task When_two_people_edit_the_personal_data_the_second_is_told_to_reload_keeps_what_they_typed_and_saves_nothing()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        var id = await host.App.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        var first = OpenEdit(host, id);
        var second = OpenEdit(host, id, anotherTab: true);

        Type(first, "Occupation", "Giáo viên");
        SubmitAndWaitForNewFile(first, "personal-data");
        Type(second, "Occupation", "Kế toán");
        Type(second, "Phone", "0912345678");
        Press(second);

        second.WaitForAssertion(() => Assert.Contains(Messages.RecordChanged, second.Find(".conflict").TextContent), Wait);
        Assert.Equal("Kế toán", Value(second, "Occupation"));
        Assert.Equal("0912345678", Value(second, "Phone"));
        await using var db = host.App.Database.CreateContext();
        var saved = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(("Giáo viên", (string?)null), (saved.Occupation, saved.Phone));
    }

    [Fact]
    public async Task A_cell_secretary_gets_no_personal_data_form_and_no_new_file_form_for_a_cell_outside_their_scope()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var secretary = await app.SecretaryAsync(tree.CellA);
        var id = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");

        Assert.Null((await secretary.PageAsync($"/candidates/{id}")).QuerySelector(".edit-link"));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/candidates/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/candidates/new?cell={tree.CellB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/candidates/new?cell={IdScopeHttpTests.MissingId}")).StatusCode);
    }

    [Fact]
    public async Task A_former_member_is_readmitted_and_one_barred_is_refused_at_the_top_of_the_form_keeping_the_date()
    {
        var (host, tree) = await StartAsStaffAsync();
        await using var _ = host;
        Member left, barred;
        await using (var db = host.App.Database.CreateContext())
        {
            left = Former(tree, "Vũ Văn Giang", barredFromReadmission: false);
            barred = Former(tree, "Đinh Văn Hải", barredFromReadmission: true);
            db.Members.AddRange(left, barred);
            await db.SaveChangesAsync();
        }

        var mentor = (await host.App.MembersAsync(tree.CellA))[0];
        var refused = OpenReadmission(host, tree.CellA.Id, barred.Id);
        await PickAsync<ReadmissionPage, MemberOption>(refused, "MentorMemberId", mentor.FullName, m => m.Id == mentor.Id);
        Type(refused, "SourcedOn", "01/07/2026");
        Press(refused);
        refused.WaitForAssertion(() => Assert.StartsWith("Đinh Văn Hải đã ra khỏi Đảng vì tham nhũng", refused.Find(".form-summary li").TextContent.Trim()), Wait);
        Assert.Equal("01/07/2026", Value(refused, "SourcedOn"));

        var page = OpenReadmission(host, tree.CellA.Id, left.Id, anotherTab: true);
        await PickAsync<ReadmissionPage, MemberOption>(page, "MentorMemberId", mentor.FullName, m => m.Id == mentor.Id);
        Type(page, "SourcedOn", "01/07/2026");
        Type(page, "Occupation", "Nông dân");
        var id = SubmitAndWaitForNewFile(page, "readmission");
        var staff = await host.App.SignedInClientAsync("vanphong");
        var members = await staff.PageAsync($"/units/{tree.CellA.Id}/members");
        Assert.NotNull(members.QuerySelector($".former-table a[href='/units/{tree.CellA.Id}/members/{left.Id}/readmission']"));
        var file = await staff.PageAsync($"/candidates/{id}?notice=readmission");
        Assert.Equal("Đã lập hồ sơ kết nạp lại.", file.QuerySelector(".notice").Text());
        Assert.Equal("Vũ Văn Giang", file.QuerySelector("h1").Text());
        Assert.Contains("Ghi nhận văn bản đồng ý kết nạp lại", file.QuerySelector(".next-actions").Text());
    }

    private static void ChooseChipsOff(IRenderedComponent<NewCandidatePage> page, string text)
    {
        page.InvokeAsync(() => page.FindAll(".step-chips .step-chip").First(c => c.TextContent.Trim() == text).Click()).GetAwaiter().GetResult();
        page.WaitForAssertion(() => Assert.Empty(ChosenChips(page)), Wait);
    }

    private static async Task<string> NameAsync(ComponentHost host, int id)
    {
        await using var db = host.App.Database.CreateContext();
        return await db.Candidates.Where(c => c.Id == id).Select(c => c.FullName).SingleAsync();
    }

    private static Member Former(TinyProvince tree, string name, bool barredFromReadmission) => new()
    {
        FullName = name,
        DateOfBirth = new DateOnly(1975, 2, 1),
        CellId = tree.CellA.Id,
        Status = MemberStatus.Left,
        AdmittedOn = new DateOnly(2000, 5, 19),
        RecognisedOn = new DateOnly(2001, 5, 19),
        LeftOn = new DateOnly(2021, 6, 1),
        LeftReason = "Xin ra khỏi Đảng",
        BarredFromReadmission = barredFromReadmission,
    };
}
