using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Members;
using DangVien.Core.Features.Quotas;
using DangVien.Core.Features.Reports;
using DangVien.Core.Tests.Features.Quotas;
using DangVien.Core.Tests.Support;
using DangVien.Testing;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Tests.Features.Reports;

/// <summary>
/// A frozen year stays true: nothing dated inside it is written in the unit or below it (31/12 refused, 01/01 of the
/// next year accepted), by any write path, until an administrator unfreezes it.
/// </summary>
public sealed class FrozenYearsTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    private static readonly DateOnly LastDay = new(2025, 12, 31);

    private static readonly DateOnly NextYear = new(2026, 1, 1);

    private const string Refused = "Năm 2025 đã chốt số liệu; không thể ghi hay sửa dữ liệu có ngày trong năm này. Quản trị hệ thống có thể mở chốt nếu cần sửa.";

    [Fact]
    public async Task Steps_corrections_and_new_files_dated_in_a_frozen_year_are_refused_until_an_administrator_unfreezes_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 6, 2));
        var staff = await world.UserAsync("van.phong@test", (world.Commune, AccessRole.CommitteeStaff));
        Assert.True((await world.Reports(staff).FreezeAsync(world.Commune.Id, 2025)).Succeeded);

        // A step on the last day of the frozen year: refused next to its date; on the first day of the next: recorded.
        Task<Result> Certificate(DateOnly on) => j.DoAsync(v => j.Service.RecordAsync(
            new RecordAwarenessCourseRequest { CandidateId = j.Id, CertificateNumber = "125/GCN", IssuingCentre = "Trung tâm Chính trị huyện", IssuedOn = on }, v));
        var refused = await Certificate(LastDay);
        Assert.Equal([new FieldError(nameof(RecordAwarenessCourseRequest.IssuedOn), Refused)], refused.Errors);
        Assert.Contains(new FieldError(nameof(RecordAwarenessCourseRequest.IssuedOn), Refused), await j.Service.CheckAsync(
            new RecordAwarenessCourseRequest { CandidateId = j.Id, CertificateNumber = "125/GCN", IssuingCentre = "Trung tâm Chính trị huyện", IssuedOn = LastDay }));
        var accepted = await Certificate(NextYear);
        Assert.True(accepted.Succeeded, CandidateWalk.Describe(accepted));

        // A correction that moves an entry out of the frozen year changes it too.
        var source = await db.StageEntries.AsNoTracking().SingleAsync(e => e.CandidateId == j.Id && e.Kind == StageKind.Source);
        var moved = await j.DoAsync(v => j.Service.CorrectEntryAsync(
            new CorrectEntryRequest { CandidateId = j.Id, EntryId = source.Id, Date = NextYear, Reason = "Sai ngày" }, v));
        Assert.Contains(new FieldError(nameof(CorrectEntryRequest.Date), Refused), moved.Errors);

        // A new file listed on the last day of the year: refused; in another commune (not frozen): accepted.
        var late = await world.Admission().CreateCandidateAsync(world.NewCandidate(LastDay, name: "Lê Thị Muộn"));
        Assert.Equal([new FieldError(nameof(CreateCandidateRequest.SourcedOn), Refused)], late.Errors);
        var elsewhere = await world.Admission().CreateCandidateAsync(world.NewCandidate(LastDay, world.OtherVillageCell, name: "Lê Thị Khác"));
        Assert.True(elsewhere.Succeeded, CandidateWalk.Describe(elsewhere));

        // Only an administrator unfreezes, and it is audited; then the year is open again.
        var unfreezeByStaff = await world.Reports(staff).UnfreezeAsync(world.Commune.Id, 2025);
        Assert.Equal("Chỉ quản trị hệ thống mới được mở chốt số liệu.", unfreezeByStaff.Errors.Single().Message);
        var admin = await world.UserAsync("quan.tri@test", (world.Province, AccessRole.Administrator));
        Assert.True(await world.Reports(admin).CanUnfreezeAsync());
        Assert.False(await world.Reports(staff).CanUnfreezeAsync());
        Assert.True((await world.Reports(admin).UnfreezeAsync(world.Commune.Id, 2025)).Succeeded);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "report.unfreeze");
        Assert.Equal(("quan.tri@test", $"unit:{world.Commune.Id}"), (audit.UserName, audit.Subject));
        Assert.Null((await world.Reports().GetAsync(world.Commune.Id, 2025))!.Frozen);
        Assert.True((await world.Admission().CreateCandidateAsync(world.NewCandidate(LastDay, name: "Lê Thị Muộn"))).Succeeded);
        Assert.Equal("year", (await world.Reports(admin).UnfreezeAsync(world.Commune.Id, 2025)).Errors.Single().Field);
    }

    [Fact]
    public async Task Quotas_and_members_dated_in_a_year_frozen_above_them_are_refused()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        Assert.True((await world.Reports().FreezeAsync(world.Province.Id, 2025)).Succeeded);

        var frozenQuota = await world.Quotas().AssignAsync(new AssignQuotasRequest(world.School.Id, 2025, [new ChildQuotaInput(world.TeachersCell.Id, 3, null, [])]));
        Assert.Equal([new FieldError("Children[0].Total", Refused)], frozenQuota.Errors);
        var openQuota = await world.Quotas().AssignAsync(new AssignQuotasRequest(world.School.Id, 2026, [new ChildQuotaInput(world.TeachersCell.Id, 3, null, [])]));
        Assert.True(openQuota.Succeeded, CandidateWalk.Describe(openQuota));

        AddMemberRequest Member(DateOnly admittedOn) => new()
        {
            CellId = world.TeachersCell.Id, FullName = "Cao Văn Mới", DateOfBirth = new DateOnly(1995, 2, 2), Status = MemberStatus.Probationary, AdmittedOn = admittedOn,
        };
        var lateMember = await world.Members().AddMemberAsync(Member(LastDay));
        Assert.Equal([new FieldError(nameof(AddMemberRequest.AdmittedOn), Refused)], lateMember.Errors);
        Assert.True((await world.Members().AddMemberAsync(Member(NextYear))).Succeeded);
    }

    [Fact]
    public async Task A_birth_date_that_breaks_the_age_rule_at_the_recorded_vote_is_refused_with_that_rule()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var world = await World.CreateAsync(db, Today);
        var j = await world.StartCandidateAsync(new DateOnly(2025, 1, 6));
        await j.ReadyForVoteAsync(new(2025, 2, 10), new(2025, 3, 3), new(2025, 4, 7), new(2025, 4, 14), new(2025, 4, 21));
        var voted = await j.CellVoteAsync(new(2025, 5, 5));
        Assert.True(voted.Succeeded, CandidateWalk.Describe(voted));

        UpdatePersonalDataRequest Born(DateOnly on) => new()
        {
            CandidateId = j.Id, FullName = "Phan Thị Hạnh", DateOfBirth = on, Sex = Sex.Female, Ethnicity = "Kinh", CheckDuplicates = false,
        };

        // 18 years counted in months on the vote day (05/05/2025): born 06/05/2007 is a day short, born 05/05/2007 is old enough.
        var tooYoung = await j.DoAsync(v => j.Service.UpdatePersonalDataAsync(Born(new DateOnly(2007, 5, 6)), v));
        var error = Assert.Single(tooYoung.Errors);
        Assert.Equal(nameof(UpdatePersonalDataRequest.DateOfBirth), error.Field);
        Assert.Equal(AdmissionRules.AgeAt(error.Field, new DateOnly(2007, 5, 6), new DateOnly(2025, 5, 5), false)!.Message, error.Message);
        Assert.StartsWith("Chưa đủ 18 tuổi (tính theo tháng) vào ngày chi bộ biểu quyết 05/05/2025", error.Message, StringComparison.Ordinal);
        var justEighteen = await j.DoAsync(v => j.Service.UpdatePersonalDataAsync(Born(new DateOnly(2007, 5, 5)), v));
        Assert.True(justEighteen.Succeeded, CandidateWalk.Describe(justEighteen));
    }
}
