using System.Net;
using DangVien.Core.Domain;

namespace DangVien.Web.Tests;

public sealed class OrgTreePagesTests
{
    private static readonly int ThisYear = DateTime.Now.Year;

    [Fact]
    public async Task The_tree_at_units_shows_members_candidates_and_this_years_quota()
    {
        await using var app = await DangVienApp.StartAsync();
        int provinceId;
        await using (var db = app.Database.CreateContext())
        {
            var tree = await TinyProvince.CreateAsync(db, ThisYear);
            provinceId = tree.Province.Id;
            db.Candidates.Add(TinyProvince.Candidate(tree.CellA, "Nguyễn Văn An", CandidateStage.Introduced, new DateOnly(ThisYear, 1, 10)));
            db.Candidates.Add(TinyProvince.Candidate(tree.CellB, "Trần Thị Bình", CandidateStage.Source, new DateOnly(ThisYear, 1, 10)));
            db.Candidates.Add(TinyProvince.Candidate(tree.CellB, "Lê Văn Cường", CandidateStage.Official, new DateOnly(ThisYear, 1, 10)));
            await db.SaveChangesAsync();
        }

        var client = await app.AdminClientAsync(provinceId);
        var response = await client.GetAsync("/units");
        var page = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tổ chức đảng", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        var row = page.QuerySelectorAll("table.data-table tbody tr").Single();
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Đảng bộ xã Tân Lập", cells[0]);
        Assert.Equal("17", cells[2]);
        Assert.Equal("2", cells[3]);
        Assert.StartsWith("3", cells[4]);
        Assert.Contains("cấp dưới: 3", cells[4]);
    }

    [Fact]
    public async Task Unit_page_lists_the_subtrees_candidates_by_stage()
    {
        await using var app = await DangVienApp.StartAsync();
        TinyProvince tree;
        await using (var db = app.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, ThisYear);
            db.Candidates.Add(TinyProvince.Candidate(tree.CellA, "Nguyễn Văn An", CandidateStage.Introduced, new DateOnly(2025, 3, 4)));
            db.Candidates.Add(TinyProvince.Candidate(tree.CellA, "Đỗ Thị Hà", CandidateStage.Introduced, new DateOnly(2025, 3, 5)));
            db.Candidates.Add(TinyProvince.Candidate(tree.CellA, "Bùi Văn Dũng", CandidateStage.Probation, new DateOnly(2025, 3, 5)));
            db.Candidates.Add(TinyProvince.Candidate(tree.CellB, "Trần Thị Bình", CandidateStage.Source, new DateOnly(2025, 3, 5)));
            await db.SaveChangesAsync();
        }

        var client = await app.AdminClientAsync(tree.Province.Id);
        var page = await DangVienApp.ParseAsync(await client.GetAsync($"/units/{tree.CellA.Id}"));

        Assert.Equal("Chi bộ thôn Đồng Tâm", page.QuerySelector("h1")!.TextContent);
        var groups = page.QuerySelectorAll("details.stage-group").ToList();
        Assert.Equal(["Đã có người giới thiệu", "Đảng viên dự bị"], groups.Select(g => g.QuerySelector(".badge")!.TextContent));
        Assert.Equal(["Đỗ Thị Hà", "Nguyễn Văn An"], groups[0].QuerySelectorAll(".candidate-list__name").Select(n => n.TextContent));
        Assert.Contains("từ 04/03/2025", groups[0].TextContent);
        Assert.DoesNotContain("Trần Thị Bình", page.Body!.TextContent);
        Assert.Equal(["Tổ chức đảng", "Đảng bộ tỉnh Thử Nghiệm", "Đảng bộ xã Tân Lập"], page.QuerySelectorAll(".breadcrumb a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task An_unknown_unit_is_a_Vietnamese_404()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = await app.AdminClientAsync(await TinyProvince.CreateRootAsync(app));

        var response = await client.GetAsync("/units/987654");
        var page = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy trang", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_address_is_a_Vietnamese_404()
    {
        await using var app = await DangVienApp.StartAsync();
        var client = await app.AdminClientAsync(await TinyProvince.CreateRootAsync(app));

        var response = await client.GetAsync("/khong-co-trang-nay");
        var page = await DangVienApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy trang", page.QuerySelector("h1")!.TextContent);
    }
}
