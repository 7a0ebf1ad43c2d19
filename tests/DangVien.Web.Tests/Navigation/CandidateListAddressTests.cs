using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DangVien.Core.Domain;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Navigation;

/// <summary>
/// The candidate list read from its address: the live files by default, the closed ones or all on request, sortable
/// column headers that are links, paging, every value kept in the links, and absurd values answered with a default and
/// a Vietnamese sentence or a 400, never a 500. 55 live files in Đồng Tâm, 3 in Ấp Bắc, 2 closed in Ấp Bắc.
/// </summary>
public sealed class CandidateListAddressTests
{
    [Fact]
    public async Task The_list_shows_live_files_by_default_and_closed_or_all_ones_on_request()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        await FilesAsync(app, tree);
        var staff = await app.StaffAsync(tree);
        var unit = Id(tree.Commune);

        var live = await staff.PageAsync($"/candidates?unit={unit}");
        Assert.Equal("58 hồ sơ trong Đảng bộ xã Tân Lập và các đơn vị trực thuộc, đang xem xét.", live.QuerySelector(".list-summary .muted").Text());
        Assert.Equal("live", live.QuerySelector("#filter-state option[selected]")!.GetAttribute("value"));
        Assert.Equal(50, Names(live).Count);

        var closed = await staff.PageAsync($"/candidates?unit={unit}&state=closed");
        Assert.Equal(["Đinh Thị Xong", "Vũ Văn Dừng"], Names(closed));
        Assert.Equal("closed", closed.QuerySelector("#filter-state option[selected]")!.GetAttribute("value"));
        Assert.Equal($"/candidates/export.csv?unit={unit}&state=closed", closed.QuerySelector("a.export-link")!.GetAttribute("href"));
        var csv = await staff.GetStringAsync($"/candidates/export.csv?unit={unit}&state=closed");
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var all = await staff.PageAsync($"/candidates?unit={unit}&state=all&q=thi");
        Assert.Equal(["Đinh Thị Xong", "Lý Thị Ba"], Names(all));
        // A stage chosen says itself whether the file is live: no state means every file of that stage.
        var official = await staff.PageAsync($"/candidates?unit={unit}&stage=Official");
        Assert.Equal(["Đinh Thị Xong"], Names(official));
        Assert.Equal("all", official.QuerySelector("#filter-state option[selected]")!.GetAttribute("value"));
        Assert.Empty(Names(await staff.PageAsync($"/candidates?unit={unit}&stage=Official&state=live")));
    }

    [Fact]
    public async Task Column_headers_sort_through_links_and_every_link_keeps_the_whole_address()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        await FilesAsync(app, tree);
        var staff = await app.StaffAsync(tree);
        var unit = Id(tree.Commune);

        var byName = await staff.PageAsync($"/candidates?unit={unit}&q=ngo");
        Assert.Equal(("ascending", "none", "none"), Sorts(byName));
        Assert.Equal("Họ và tên ▲", byName.QuerySelector("th[aria-sort=ascending] a").Text());
        var headers = byName.QuerySelectorAll("th a.sort-link").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(
        [
            $"/candidates?unit={unit}&q=ngo&dir=desc",
            $"/candidates?unit={unit}&q=ngo&sort=stage",
            $"/candidates?unit={unit}&q=ngo&sort=since",
        ], headers);
        Assert.Equal("Ngô Văn 00", Names(byName)[0]);

        // Since, newest first, on page 2, a year and a category: the header toggles the direction and drops the page;
        // the pager, the export and the form keep every value.
        int category;
        await using (var db = app.Database.CreateContext())
        {
            category = await db.SourceCategories.OrderBy(c => c.SortOrder).Select(c => c.Id).FirstAsync();
        }

        var address = $"/candidates?unit={unit}&category={category}&state=all&q=ngo&sort=since&dir=desc";
        var first = await staff.PageAsync(address);
        Assert.Equal(("none", "none", "descending"), Sorts(first));
        Assert.Equal("Ngô Văn 54", Names(first)[0]);
        var since = first.QuerySelectorAll("th a.sort-link")[2].GetAttribute("href");
        Assert.Equal($"/candidates?unit={unit}&category={category}&state=all&q=ngo&sort=since", since);
        Assert.Equal("Ngô Văn 00", Names(await staff.PageAsync(since!))[0]);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal(address + "&page=2", next);
        var second = await staff.PageAsync(next);
        Assert.Equal(5, Names(second).Count);
        Assert.Equal("Ngô Văn 04", Names(second)[0]);
        Assert.Equal(address, second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal($"/candidates/export.csv?unit={unit}&category={category}&state=all&q=ngo&sort=since&dir=desc", second.QuerySelector("a.export-link")!.GetAttribute("href"));
        Assert.Equal(
            (unit, Id(category), "all", "ngo", "since", "desc"),
            (second.QuerySelector(".filter-form input[name=unit]")!.GetAttribute("value"), second.QuerySelector("#filter-category option[selected]")!.GetAttribute("value"),
                second.QuerySelector("#filter-state option[selected]")!.GetAttribute("value"), second.QuerySelector("#filter-search")!.GetAttribute("value"),
                second.QuerySelector("#filter-sort option[selected]")!.GetAttribute("value"), second.QuerySelector("#filter-dir option[selected]")!.GetAttribute("value")));

        // The cell chosen through the picker keeps the rest.
        Assert.Equal(
            [("Chi bộ thôn Đồng Tâm", $"/candidates?unit={Id(tree.CellA)}&category={category}&state=all&q=ngo&sort=since&dir=desc")],
            UnitPickerTests.Results(await staff.PageAsync(next + "&unitq=dong")));
    }

    [Fact]
    public async Task Absurd_values_in_the_address_give_the_default_with_a_vietnamese_sentence_or_a_400_never_a_500()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        await FilesAsync(app, tree);
        var staff = await app.StaffAsync(tree);
        var unit = Id(tree.Commune);

        // Read as their default, each one named.
        foreach (var (query, sentence) in new[]
        {
            ("sort=xyz", "Giá trị “xyz” của mục “Sắp xếp theo” trong địa chỉ không hợp lệ nên đã được bỏ qua."),
            ("dir=up", "Giá trị “up” của mục “Thứ tự” trong địa chỉ không hợp lệ nên đã được bỏ qua."),
            ("stage=Flying", "Giá trị “Flying” của mục “Giai đoạn” trong địa chỉ không hợp lệ nên đã được bỏ qua."),
            ("state=maybe", "Giá trị “maybe” của mục “Tình trạng” trong địa chỉ không hợp lệ nên đã được bỏ qua."),
            ("category=abc", "Giá trị “abc” của mục “Đối tượng” trong địa chỉ không hợp lệ nên đã được bỏ qua."),
            ("category=2147483647", "Giá trị “2147483647” của mục “Đối tượng” trong địa chỉ không hợp lệ nên đã được bỏ qua."),
            ("overdue=perhaps", "Giá trị “perhaps” của mục “Chỉ hồ sơ quá hạn” trong địa chỉ không hợp lệ nên đã được bỏ qua."),
        })
        {
            var page = await staff.PageAsync($"/candidates?unit={unit}&{query}");
            Assert.Equal([sentence], page.QuerySelectorAll(".query-notice li").Select(l => l.Text()));
            Assert.Equal(("Hà Văn Hai", "58 hồ sơ"), (Names(page)[0], page.QuerySelector(".list-summary .muted").Text()[..8]));
        }

        // An unreadable unit: the user's own, said so; a number that names no unit the user may read: not found.
        foreach (var garbage in new[] { "abc", "99999999999", "-1", "1.5" })
        {
            var page = await staff.PageAsync($"/candidates?unit={garbage}");
            Assert.Equal("Đảng bộ xã Tân Lập", page.QuerySelector(".unit-picker__current").Text());
            Assert.Single(page.QuerySelectorAll(".query-notice li"));
            Assert.Contains("của mục “Đơn vị”", page.QuerySelector(".query-notice li").Text(), StringComparison.Ordinal);
        }

        foreach (var id in new[] { "0", "2147483647", Id(tree.Province.Id) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/candidates?unit={id}")).StatusCode);
        }

        // A page past the end: the last page, said so.
        var past = await staff.PageAsync($"/candidates?unit={unit}&page=99");
        Assert.Equal("Không có trang 99: danh sách chỉ có 2 trang, đang hiện trang cuối.", past.QuerySelector(".query-notice li").Text());
        Assert.Equal(8, Names(past).Count);

        // Refused with the reason (the query guard): a page that is not a page, a year out of range, a huge search.
        foreach (var (query, reason) in new[]
        {
            ("page=-1", "Trang “-1” không hợp lệ"),
            ("page=0", "Trang “0” không hợp lệ"),
            ("page=99999999999", "Trang “99999999999” không hợp lệ"),
            ("year=abc", "Năm “abc” không hợp lệ"),
            ("year=99999", "Năm “99999” không hợp lệ"),
            ("q=" + new string('a', 300), "Từ khóa tìm kiếm dài 300 ký tự"),
        })
        {
            var response = await staff.GetAsync($"/candidates?unit={unit}&{query}");
            Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{query}: {response.StatusCode}");
            Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Everything absurd at once and a long picker search: an answer, not an error.
        var everything = await staff.GetAsync("/candidates?unit=abc&stage=%3Cb%3E&state=x&sort=x&dir=x&category=x&overdue=x&unitq=" + new string('đ', 500));
        Assert.Equal(HttpStatusCode.OK, everything.StatusCode);
        Assert.Equal(7, (await DangVienApp.ParseAsync(everything)).QuerySelectorAll(".query-notice li").Length);
    }

    /// <summary>55 live files “Ngô Văn 00–54” in Đồng Tâm (stage since 1–55 January 2026), 3 live in Ấp Bắc, 2 closed there.</summary>
    private static async Task FilesAsync(DangVienApp app, TinyProvince tree)
    {
        await using var db = app.Database.CreateContext();
        var category = await db.SourceCategories.OrderBy(c => c.SortOrder).FirstAsync();
        for (var i = 0; i < 55; i++)
        {
            var file = TinyProvince.Candidate(tree.CellA, $"Ngô Văn {i:D2}", CandidateStage.Source, new DateOnly(2026, 1, 1).AddDays(i));
            file.Categories.Add(new CandidateCategory { SourceCategoryId = category.Id });
            db.Candidates.Add(file);
        }

        db.Candidates.Add(TinyProvince.Candidate(tree.CellB, "Lý Thị Ba", CandidateStage.Application, new DateOnly(2026, 3, 1)));
        db.Candidates.Add(TinyProvince.Candidate(tree.CellB, "Hà Văn Hai", CandidateStage.Introduced, new DateOnly(2026, 4, 1)));
        db.Candidates.Add(TinyProvince.Candidate(tree.CellB, "Mai Văn Một", CandidateStage.Probation, new DateOnly(2026, 5, 1)));
        db.Candidates.Add(TinyProvince.Candidate(tree.CellB, "Đinh Thị Xong", CandidateStage.Official, new DateOnly(2025, 5, 1)));
        db.Candidates.Add(TinyProvince.Candidate(tree.CellB, "Vũ Văn Dừng", CandidateStage.Exited, new DateOnly(2025, 6, 1)));
        await db.SaveChangesAsync();
    }

    private static (string, string, string) Sorts(IDocument page)
    {
        var headers = page.QuerySelectorAll(".candidate-table th[aria-sort]").Select(h => h.GetAttribute("aria-sort")!).ToList();
        return (headers[0], headers[1], headers[2]);
    }

    private static List<string> Names(IDocument page) =>
        [.. page.QuerySelectorAll(".candidate-table tbody tr td:first-child a").Select(a => a.Text())];

    private static string Id(OrgUnit unit) => Id(unit.Id);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
