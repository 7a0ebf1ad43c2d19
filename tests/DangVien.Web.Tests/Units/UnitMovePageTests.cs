using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Units;

/// <summary>
/// "Chuyển đơn vị / Sáp nhập" (<c>/units/{id}/move</c>) as the server first sends it, over HTTP, on the tiny province
/// (today 03/08/2026): reached from the unit page, what moves, and who sees the forms. What the page does is tested in
/// <c>Interactive/UnitMoveComponentTests</c>.
/// </summary>
public sealed class UnitMovePageTests
{
    [Fact]
    public async Task Staff_reach_the_page_from_the_unit_page_and_see_what_moves_before_the_circuit_starts()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);

        var unitPage = await staff.PageAsync($"/units/{tree.CellB.Id}");
        var link = unitPage.QuerySelectorAll(".unit-links a").Single(a => a.TextContent == "Chuyển đơn vị / Sáp nhập").GetAttribute("href")!;
        var form = await staff.PageAsync(link);

        Assert.Equal($"/units/{tree.CellB.Id}/move", link);
        Assert.Equal("Chuyển đơn vị / Sáp nhập", form.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Chuyển theo: 1 đơn vị (kể cả đơn vị này), ", form.QuerySelector("#move-preview")!.TextContent);
        Assert.StartsWith("Sang đơn vị tiếp nhận: ", form.QuerySelector("#merge-preview")!.TextContent);
        Assert.NotNull(form.QuerySelector("#m-NewParentId"));
        Assert.NotNull(form.QuerySelector("#g-TargetId"));
        Assert.NotNull(form.QuerySelector($"noscript a[href='/units/{tree.CellB.Id}']"));
    }

    [Fact]
    public async Task A_cell_secretary_sees_no_link_and_no_form()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var secretary = await app.SecretaryAsync(tree.CellA);

        var unitPage = await secretary.PageAsync($"/units/{tree.CellA.Id}");
        var page = await secretary.PageAsync($"/units/{tree.CellA.Id}/move");

        Assert.DoesNotContain(unitPage.QuerySelectorAll(".unit-links a"), a => a.TextContent == "Chuyển đơn vị / Sáp nhập");
        Assert.Equal("Bạn không có quyền chuyển hoặc sáp nhập đơn vị này.", page.QuerySelector(".notice--error")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#move-unit"));
        Assert.Null(page.QuerySelector("#merge-unit"));
    }
}
