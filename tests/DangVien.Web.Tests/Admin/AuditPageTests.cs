using System.Net;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Web.Tests.Admin;

public sealed class AuditPageTests
{
    [Fact]
    public async Task Opening_a_candidate_file_is_listed_on_the_audit_page_newest_first()
    {
        await using var app = await DangVienApp.StartAsync();
        TinyProvince tree;
        int candidateId;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, DateTime.Now.Year);
            var candidate = TinyProvince.Candidate(tree.CellA, "Nguyễn Văn Bình", CandidateStage.Source, new DateOnly(2026, 3, 2));
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            candidateId = candidate.Id;
        }

        var staff = await app.CreateUserAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var access = As(scope.ServiceProvider, staff);
            var admission = ActivatorUtilities.CreateInstance<AdmissionService>(scope.ServiceProvider, access);
            Assert.NotNull(await admission.GetCandidateFileAsync(candidateId));
        }

        var admin = await app.AdminClientAsync(tree.Province.Id);
        var page = await Pages.GetAsync(admin, "/admin/audit");

        Assert.Equal("Nhật ký truy cập", page.QuerySelector("h1")!.TextContent);
        // The administrator's own sign-in is the newest line; the view comes next.
        var rows = Pages.Rows(page, "table.audit-table");
        Assert.Equal(["quantri", "Đăng nhập account.sign-in", "user:quantri"], rows[0][1..4]);
        var view = rows[1];
        Assert.Equal("vanphong", view[1]);
        Assert.Equal("Xem hồ sơ quần chúng candidate.view", view[2]);
        Assert.Equal($"candidate:{candidateId}", view[3]);
        Assert.Equal("Nguyễn Văn Bình", view[4]);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}$", view[0]);
        Assert.Equal(
            ["/admin/users", "/admin/audit", "/admin/holidays"],
            page.QuerySelectorAll(".app-nav__group a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_log_filters_by_user_name_and_subject()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        await WriteAsync(app, "vanphong", "candidate.view", "candidate:42", "Nguyễn Văn An");
        await WriteAsync(app, "vanphong", "candidate.view", "candidate:420", "Trần Thị Bình");
        await WriteAsync(app, "bithu", "candidate.view", "candidate:42", "Nguyễn Văn An");
        await WriteAsync(app, "bithu", "candidates.export", "unit:7", null);

        var byUser = Pages.Rows(await Pages.GetAsync(admin, "/admin/audit?user=PHONG"), "table.audit-table");
        var bySubject = Pages.Rows(await Pages.GetAsync(admin, "/admin/audit?subject=candidate:42"), "table.audit-table");
        var byKind = Pages.Rows(await Pages.GetAsync(admin, "/admin/audit?subject=candidate"), "table.audit-table");
        var both = Pages.Rows(await Pages.GetAsync(admin, "/admin/audit?user=bithu&subject=unit:7"), "table.audit-table");
        var none = await Pages.GetAsync(admin, "/admin/audit?user=%25&subject=%27%20OR%201%3D1%20--");

        Assert.Equal([("vanphong", "candidate:420"), ("vanphong", "candidate:42")], byUser.Select(r => (r[1], r[3])));
        Assert.Equal(["bithu", "vanphong"], bySubject.Select(r => r[1]));
        Assert.Equal(3, byKind.Count);
        Assert.Equal(["Xuất danh sách quần chúng candidates.export"], both.Select(r => r[2]));
        Assert.Equal("Không có dòng nhật ký nào khớp với bộ lọc.", none.QuerySelector(".empty")!.TextContent);
        Assert.Equal("%", none.QuerySelector("#audit-user")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_log_is_paged_through_the_query_string_keeping_the_filter()
    {
        await using var app = await DangVienApp.StartAsync();
        var admin = await app.AdminAsync();
        for (var i = 1; i <= AuditLogService.PageSize + 5; i++)
        {
            await WriteAsync(app, "vanphong", "candidate.view", $"candidate:{i}", null);
        }

        await WriteAsync(app, "bithu", "candidate.view", "candidate:999", null);

        var first = await Pages.GetAsync(admin, "/admin/audit?user=vanphong");
        var next = first.QuerySelector(".pager a[rel=next]")!;
        var second = await Pages.GetAsync(admin, next.GetAttribute("href")!);

        Assert.Equal(AuditLogService.PageSize, Pages.Rows(first, "table.audit-table").Count);
        Assert.Equal($"candidate:{AuditLogService.PageSize + 5}", Pages.Rows(first, "table.audit-table")[0][3]);
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal("/admin/audit?user=vanphong&page=2", next.GetAttribute("href"));
        Assert.Equal(["candidate:5", "candidate:4", "candidate:3", "candidate:2", "candidate:1"], Pages.Rows(second, "table.audit-table").Select(r => r[3]));
        Assert.Equal("/admin/audit?user=vanphong", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        Assert.Equal("Trang 2 / 2", second.QuerySelector(".pager__current")!.TextContent);
    }

    private static async Task WriteAsync(DangVienApp app, string userName, string action, string subject, string? detail)
    {
        await using var db = app.Database.CreateContext();
        await new CurrentAccess(new SystemUser(userName), db, TimeProvider.System).AuditAsync(action, subject, detail);
    }

    /// <summary>The services' access check for a given user, as a request of theirs would have it.</summary>
    internal static CurrentAccess As(IServiceProvider services, AppUser user) =>
        new(new TestUser(user), services.GetRequiredService<DangVienDbContext>(), TimeProvider.System);

    private sealed class TestUser(AppUser user) : ICurrentUser
    {
        public string Name => user.UserName!;

        public string? UserId => user.Id;

        public bool IsSystem => false;
    }
}
