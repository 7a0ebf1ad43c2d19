using Bunit;
using DangVien.Core.Domain;
using DangVien.Web.Endpoints;
using DangVien.Web.Tests.Candidates;
using DangVien.Web.Tests.Interactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DangVien.Web.Tests.Import.ImportFiles;

namespace DangVien.Web.Tests.Import;

/// <summary>The interactive import page (/import) as committee staff use it, in bUnit over the real app and database.</summary>
public sealed class ImportPageTests
{
    [Fact]
    public async Task Staff_check_a_good_csv_write_it_and_importing_it_again_creates_nothing()
    {
        var (host, tree) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var app = host.App;
        var staff = Open(host);

        var members = await CommitAsync(staff, await CheckAsync(staff, "members", "dang-vien.csv", Csv(MemberHeader, Members)));
        Assert.Contains("Đã ghi 3 bản ghi mới", Summary(members));

        var file = Csv(CandidateHeader, VotedCandidate("001099000001", "Trần Thị Bình"), SourceCandidate("001099000002", "Hoàng Văn Cường"));
        var checkedPage = await CheckAsync(staff, "candidates", "quan-chung.csv", file);
        Assert.Empty(Errors(checkedPage));
        Assert.Contains("2 dòng hợp lệ", Summary(checkedPage));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(0, await db.Candidates.CountAsync());
        }

        var written = await CommitAsync(staff, checkedPage);
        Assert.Contains("Đã ghi 2 bản ghi mới", Summary(written));
        await using (var db = app.Database.CreateContext())
        {
            var candidates = await db.Candidates.AsNoTracking().Include(c => c.History).ThenInclude(e => e.Vote)
                .Include(c => c.History).ThenInclude(e => e.Introducers).Include(c => c.Categories).OrderBy(c => c.CitizenId).ToListAsync();
            Assert.Equal(2, candidates.Count);
            var voted = candidates[0];
            Assert.Equal(CandidateStage.CellVoted, voted.Stage);
            Assert.Equal(new DateOnly(2024, 7, 1), voted.StageSince);
            Assert.Equal(tree.CellA.Id, voted.CellId);
            Assert.Equal(2, voted.Categories.Count);
            Assert.Equal(
                [StageKind.Source, StageKind.AwarenessCourse, StageKind.Application, StageKind.HistoryVerification, StageKind.Introduction, StageKind.Opinion, StageKind.CellVote],
                voted.History.OrderBy(e => e.Id).Select(e => e.Kind));
            Assert.True(voted.History.Single(e => e.Kind == StageKind.CellVote).Vote!.Passed);
            Assert.Equal(2, voted.History.Single(e => e.Kind == StageKind.Introduction).Introducers.Count);
            Assert.All(voted.History, e => Assert.Equal("vanphong", e.RecordedBy));
            Assert.Equal(CandidateStage.Source, candidates[1].Stage);
            Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "import.candidates");
        }

        // The same file again: both rows are already there, nothing to write.
        var again = await CheckAsync(staff, "candidates", "quan-chung.csv", file);
        Assert.Contains("0 dòng hợp lệ", Summary(again));
        Assert.Contains("2 dòng đã có trong hệ thống", Summary(again));
        Assert.Null(again.QuerySelector("#import-commit"));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(2, await db.Candidates.CountAsync());
            Assert.Equal(3, await db.Members.CountAsync(m => m.CitizenId != null));
        }

        // And the file page shows the imported history like one entered through the forms.
        var filePage = await (await app.SignedInClientAsync("vanphong")).GetStringAsync($"/candidates/{(await FirstCandidateAsync(app)).Id}");
        Assert.Contains("Trần Thị Bình", System.Net.WebUtility.HtmlDecode(filePage));
    }

    [Fact]
    public async Task Candidates_admitted_and_recognised_in_an_xlsx_become_members_and_a_late_ceremony_or_an_early_recognition_is_listed_with_nothing_written()
    {
        var (host, tree) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var app = host.App;
        var staff = Open(host);
        await CommitAsync(staff, await CheckAsync(staff, "members", "dang-vien.csv", Csv(MemberHeader, Members)));
        int membersBefore;
        await using (var db = app.Database.CreateContext())
        {
            membersBefore = await db.Members.CountAsync();
        }

        var lateCeremony = AdmittedCandidate("001099000023", "Đinh Thị Muộn", recognised: false);
        lateCeremony[Array.IndexOf(LaterHeader, "ngay_ket_nap")] = "20/11/2024";
        var earlyRecognition = AdmittedCandidate("001099000024", "Đinh Văn Vội", recognised: true);
        earlyRecognition[Array.IndexOf(LaterHeader, "ngay_xet_chinh_thuc")] = "01/08/2025";
        var file = Xlsx(LaterHeader,
            AdmittedCandidate("001099000021", "Đinh Thị Chính", recognised: true),
            AdmittedCandidate("001099000022", "Đinh Văn Dự", recognised: false),
            lateCeremony,
            earlyRecognition);

        var checkedPage = await CheckAsync(staff, "candidates", "ket-nap.xlsx", file);
        var errors = Errors(checkedPage);
        Assert.Contains(errors, e => e is { Row: "4", Column: "ngay_ket_nap" } && e.Message.Contains("Quá hạn tổ chức lễ kết nạp", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: "5", Column: "ngay_xet_chinh_thuc" } && e.Message.Contains("Chưa hết 12 tháng dự bị", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Row is "2" or "3");
        Assert.Contains("2 dòng hợp lệ", Summary(checkedPage));
        Assert.Contains("2 dòng lỗi", Summary(checkedPage));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(0, await db.Candidates.CountAsync());
            Assert.Equal(membersBefore, await db.Members.CountAsync());
        }

        var written = await CommitAsync(staff, checkedPage);
        Assert.Contains("Đã ghi 2 bản ghi mới", Summary(written));
        await using (var db = app.Database.CreateContext())
        {
            var official = await db.Candidates.AsNoTracking().SingleAsync(c => c.CitizenId == "001099000021");
            Assert.Equal(CandidateStage.Official, official.Stage);
            var member = await db.Members.AsNoTracking().SingleAsync(m => m.CandidateId == official.Id);
            Assert.Equal((MemberStatus.Official, new DateOnly(2024, 9, 5), (DateOnly?)new DateOnly(2025, 9, 5), tree.CellA.Id, "001099000021"),
                (member.Status, member.AdmittedOn, member.RecognisedOn, member.CellId, member.CitizenId));
            var probationary = await db.Candidates.AsNoTracking().SingleAsync(c => c.CitizenId == "001099000022");
            Assert.Equal(CandidateStage.Probation, probationary.Stage);
            Assert.Equal(MemberStatus.Probationary, (await db.Members.AsNoTracking().SingleAsync(m => m.CandidateId == probationary.Id)).Status);
            Assert.Equal(membersBefore + 2, await db.Members.CountAsync());
        }

        // The same file again: the two written rows are there (file and member), nothing new is written.
        var again = await CheckAsync(staff, "candidates", "ket-nap.xlsx", file);
        Assert.Contains("2 dòng đã có trong hệ thống", Summary(again));
        Assert.Contains("0 dòng hợp lệ", Summary(again));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(2, await db.Candidates.CountAsync());
            Assert.Equal(membersBefore + 2, await db.Members.CountAsync());
        }
    }

    [Fact]
    public async Task Bad_rows_of_an_xlsx_are_listed_by_row_column_and_reason_and_nothing_is_written_unless_only_the_valid_rows_are_asked_for()
    {
        var (host, tree) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var app = host.App;
        var staff = Open(host);
        await CommitAsync(staff, await CheckAsync(staff, "members", "dang-vien.xlsx", Xlsx(MemberHeader, Members)));

        var badDate = VotedCandidate("001099000011", "Ngô Thị Dung");
        badDate[2] = "31/02/1999";
        var voteBeforeOpinion = VotedCandidate("001099000012", "Phan Văn Em");
        voteBeforeOpinion[18] = "";
        voteBeforeOpinion[19] = "";
        var twoThirdsShort = VotedCandidate("001099000013", "Vũ Thị Gấm");
        twoThirdsShort[23] = "13";
        var unknownMentor = SourceCandidate("001099000014", "Đỗ Văn Hải");
        unknownMentor[6] = "001080009999";
        var file = Xlsx(CandidateHeader,
            VotedCandidate("001099000010", "Lý Thị Ánh"),
            badDate,
            voteBeforeOpinion,
            twoThirdsShort,
            unknownMentor,
            SourceCandidate("001099000010", "Lý Thị Ánh (trùng)"));

        var checkedPage = await CheckAsync(staff, "candidates", "quan-chung.xlsx", file);
        var errors = Errors(checkedPage);

        Assert.Contains(errors, e => e is { Row: "3", Column: "ngay_sinh" } && e.Message.Contains("31/02/1999", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: "4", Column: "ngay_bieu_quyet" } && e.Message.Contains("ý kiến nhận xét", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: "5", Column: "so_tan_thanh" } && e.Message.Contains("không thể lớn hơn số đảng viên có mặt", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: "6", Column: "cccd_dang_vien_giup_do" } && e.Message.Contains("001080009999", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: "7", Column: "so_cccd" } && e.Message.Contains("trùng với dòng 2", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Row == "2");
        Assert.Contains("1 dòng hợp lệ", Summary(checkedPage));
        Assert.Contains("5 dòng lỗi", Summary(checkedPage));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(0, await db.Candidates.CountAsync());
        }

        // The page offers only "the valid rows"; writing everything is refused by the service as well.
        Assert.Contains("Chỉ ghi 1 dòng hợp lệ", checkedPage.QuerySelector("#import-commit")!.TextContent);
        var written = await CommitAsync(staff, checkedPage);
        Assert.Contains("Đã ghi 1 bản ghi mới", Summary(written));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(["001099000010"], await db.Candidates.Select(c => c.CitizenId!).ToListAsync());
        }
    }

    [Fact]
    public async Task A_file_for_another_commune_s_cell_is_refused_and_a_cell_secretary_cannot_import()
    {
        var (host, tree) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var app = host.App;
        await using (var db = app.Database.CreateContext())
        {
            var other = new OrgUnit { Code = "X02", Name = "Đảng bộ xã Hòa Bình", Kind = OrgUnitKind.CommuneCommittee, ParentId = tree.Province.Id, HasAdmissionAuthority = true };
            db.OrgUnits.Add(other);
            await db.SaveChangesAsync();
            other.Path = new($"{tree.Province.Path}.{other.Id}");
            var cell = new OrgUnit { Code = "C09", Name = "Chi bộ thôn Hòa Bình", Kind = OrgUnitKind.Cell, ParentId = other.Id };
            db.OrgUnits.Add(cell);
            await db.SaveChangesAsync();
            cell.Path = new($"{other.Path}.{cell.Id}");
            await db.SaveChangesAsync();
            await host.SignInAsync("vanphong.hoabinh", (other.Id, AccessRole.CommitteeStaff));
        }

        var sibling = Open(host);
        var members = await CheckAsync(sibling, "members", "dang-vien.csv", Csv(MemberHeader, Members));
        Assert.Equal(3, Errors(members).Count(e => e.Column == "ma_chi_bo" && e.Message.Contains("Không tìm thấy chi bộ mã \"C01\"", StringComparison.Ordinal)));
        Assert.Null(members.QuerySelector("#import-commit"));

        var units = await CheckAsync(sibling, "units", "don-vi.csv", Csv(
            ["ma_don_vi", "ten_don_vi", "loai", "ma_don_vi_cap_tren", "ngay_thanh_lap"],
            ["C10", "Chi bộ thôn Mới", "chi_bo", "X01", "01/07/2025"],
            ["C11", "Chi bộ thôn Hòa Thuận", "chi_bo", "X02", "01/07/2025"]));
        Assert.Contains(Errors(units), e => e is { Row: "2", Column: "ma_don_vi_cap_tren" });
        Assert.DoesNotContain(Errors(units), e => e.Row == "3");
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(0, await db.Members.CountAsync(m => m.CitizenId != null));
            Assert.False(await db.OrgUnits.AnyAsync(u => u.Code == "C10" || u.Code == "C11"));
        }

        var secretary = await app.SecretaryAsync(tree.CellA);
        var page = await DangVienApp.ParseAsync(await secretary.GetAsync("/import"));
        Assert.Null(page.QuerySelector("#import-check"));
        Assert.Contains("Chỉ cán bộ văn phòng cấp ủy", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Units_are_imported_under_the_staff_s_commune_parents_first_and_again_without_duplicates()
    {
        var (host, tree) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var app = host.App;
        var staff = Open(host);
        var file = Csv(
            ["ma_don_vi", "ten_don_vi", "loai", "ma_don_vi_cap_tren", "ngay_thanh_lap", "tham_quyen_ket_nap"],
            ["DB-01", "Đảng bộ Trường THPT Tân Lập", "dang_bo_co_so", "X01", "01/07/2025", "khong"],
            ["DB-01-CB1", "Chi bộ Giáo viên", "chi_bo", "DB-01", "01/07/2025", ""],
            ["C01-X", "Chi bộ dưới chi bộ", "chi_bo", "C01", "01/07/2025", ""]);

        var checkedPage = await CheckAsync(staff, "units", "don-vi.csv", file);
        Assert.Contains(Errors(checkedPage), e => e is { Row: "4", Column: "ma_don_vi_cap_tren" } && e.Message.Contains("là chi bộ", StringComparison.Ordinal));
        var written = await CommitAsync(staff, checkedPage);
        Assert.Contains("Đã ghi 2 bản ghi mới", Summary(written));
        await using (var db = app.Database.CreateContext())
        {
            var committee = await db.OrgUnits.SingleAsync(u => u.Code == "DB-01");
            var cell = await db.OrgUnits.SingleAsync(u => u.Code == "DB-01-CB1");
            Assert.Equal($"{tree.Commune.Path}.{committee.Id}", (string)committee.Path);
            Assert.Equal($"{committee.Path}.{cell.Id}", (string)cell.Path);
            Assert.Equal(committee.Id, cell.ParentId);
            Assert.Equal(2, await db.OrgUnitPlacements.CountAsync(p => p.OrgUnitId == committee.Id || p.OrgUnitId == cell.Id));
        }

        var again = await CheckAsync(staff, "units", "don-vi.csv", file);
        Assert.Contains("2 dòng đã có trong hệ thống", Summary(again));
        Assert.Contains("0 dòng hợp lệ", Summary(again));

        // The new cell is a unit like the others: its page answers.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await (await app.SignedInClientAsync("vanphong")).GetAsync("/units")).StatusCode);
    }

    [Fact]
    public async Task The_templates_download_as_csv_and_xlsx_with_the_documented_columns()
    {
        var (app, tree) = await CandidateFiles.StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var page = await DangVienApp.ParseAsync(await staff.GetAsync("/import"));
        var links = page.QuerySelectorAll(".import-templates a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2 * Enum.GetValues<Core.Features.Import.ImportKind>().Length, links.Count);
        Assert.Equal(12, links.Count);
        foreach (var link in links)
        {
            var response = await staff.GetAsync(link);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var kind = Core.Features.Import.ImportLayout.Parse(link.Split('/')[^1].Split('.')[0]["mau-".Length..])!.Value;
            var table = Core.Features.Import.ImportTable.Read(new MemoryStream(bytes), link);
            Assert.Equal(Core.Features.Import.ImportLayout.Of(kind).Select(c => c.Name), table.Headers);
            Assert.Single(table.Rows);
        }

        var docs = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "IMPORT.md"));
        foreach (var column in Enum.GetValues<Core.Features.Import.ImportKind>().SelectMany(Core.Features.Import.ImportLayout.Of))
        {
            Assert.Contains($"`{column.Name}`", docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_file_and_a_file_over_the_limit_are_refused_next_to_the_field_and_nothing_is_kept()
    {
        var (host, _) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var staff = Open(host);

        await staff.InvokeAsync(() => staff.Find("#import-check-button").Click());
        staff.WaitForAssertion(() => Assert.Equal("Chưa chọn tệp (hoặc tệp trống).", staff.Find("#import-file-error").TextContent), TimeSpan.FromSeconds(20));
        var page = await CheckAsync(staff, "members", "lon-qua.csv", new byte[Core.Features.Import.ImportTable.MaxBytes + 1]);

        Assert.Equal("Tệp lớn hơn 20 MB: hãy chia nhỏ tệp.", page.QuerySelector("#import-file-error")!.TextContent);
        Assert.Equal("import-file-error", page.QuerySelector("#import-file")!.GetAttribute("aria-describedby"));
        Assert.Null(page.QuerySelector("#import-result"));
        Assert.Null(page.QuerySelector("#import-commit"));
        var uploads = host.App.Services.GetRequiredService<ImportUploads>();
        var folder = uploads.Folder(await UserIdAsync(host.App, "vanphong"));
        Assert.True(!Directory.Exists(folder) || !Directory.EnumerateFiles(folder).Any());
    }

    [Fact]
    public async Task A_second_press_on_write_while_the_first_is_writing_writes_the_file_once()
    {
        var (host, _) = await StepPages.StartAsStaffAsync();
        await using var _ = host;
        var staff = Open(host);
        await CheckAsync(staff, "members", "dang-vien.csv", Csv(MemberHeader, Members));

        await ComponentHost.PressTwiceAsync(staff, "#import-commit-button");
        staff.WaitForAssertion(() => Assert.Contains("Đã ghi 3 bản ghi mới", staff.Find("#import-result").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        await using var db = host.App.Database.CreateContext();
        Assert.Equal(3, await db.Members.CountAsync(m => m.CitizenId != null));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "import.members"));
    }

    private static async Task<string> UserIdAsync(DangVienApp app, string userName)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<Candidate> FirstCandidateAsync(DangVienApp app)
    {
        await using var db = app.Database.CreateContext();
        return await db.Candidates.AsNoTracking().OrderBy(c => c.CitizenId).FirstAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DangVien.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
