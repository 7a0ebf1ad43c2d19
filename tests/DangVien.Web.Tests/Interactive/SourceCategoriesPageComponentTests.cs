using AngleSharp.Dom;
using Bunit;
using DangVien.Core.Data.Reference;
using DangVien.Core.Domain;
using DangVien.Web.Components.Pages.Categories;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Web.Tests.Interactive;

/// <summary>The interactive source categories page (bUnit) over the real app and database.</summary>
public sealed class SourceCategoriesPageComponentTests
{
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_provincial_board_lists_adds_renames_and_retires_categories()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAsync("bantochuc", (await TinyProvince.CreateRootAsync(host.App), AccessRole.ProvincialBoard));

        var page = host.Render<SourceCategoriesPage>("/categories");

        page.WaitForAssertion(() => Assert.Equal(DefaultSourceCategories.All.Count, Rows(page).Count), Wait);
        Assert.Equal("Danh mục đối tượng nguồn", page.Find("h1").TextContent);
        Assert.Equal(["khac", "Khác", "Đang dùng", "0", "Đổi tên Ngừng sử dụng"], Rows(page)[^1]);
        Assert.NotNull(page.Find("noscript a[href='/']"));

        // A code that is taken (whatever its case) and an empty name: each message next to its field, the typed code kept.
        page.Find("#category-code").Change("KHAC");
        page.Find("#add-category-button").Click();
        page.WaitForAssertion(() => Assert.Equal("Mã \"KHAC\" đã có trong danh mục (kể cả đối tượng đã ngừng sử dụng).", ComponentHost.MessageOf(page.Find("#category-code"))), Wait);
        Assert.Equal("Chưa nhập tên đối tượng.", ComponentHost.MessageOf(page.Find("#category-name")));
        Assert.Equal("KHAC", page.Find("#category-code").GetAttribute("value"));

        page.Find("#category-code").Change("cong-chuc");
        page.Find("#category-name").Change("Công chức, viên chức");
        page.Find("#add-category-button").Click();
        page.WaitForAssertion(() => Assert.Equal("Đã thêm đối tượng \"Công chức, viên chức\".", page.Find(".notice[role=status]").TextContent), Wait);
        Assert.Equal(["cong-chuc", "Công chức, viên chức", "Đang dùng", "0", "Đổi tên Ngừng sử dụng"], Rows(page)[^1]);

        page.Find("tr[data-code='cong-chuc'] button.rename").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("tr[data-code='cong-chuc'] input")), Wait);
        page.Find("tr[data-code='cong-chuc'] input").Change("Cán bộ, công chức");
        page.Find("tr[data-code='cong-chuc'] button.save-rename").Click();
        page.WaitForAssertion(() => Assert.Equal("Đã đổi tên thành \"Cán bộ, công chức\".", page.Find(".notice[role=status]").TextContent), Wait);

        page.Find("tr[data-code='cong-chuc'] button.retire").Click();
        page.WaitForAssertion(() => Assert.Equal(["cong-chuc", "Cán bộ, công chức", "Ngừng sử dụng", "0", "Đổi tên Dùng lại"], Rows(page)[^1]), Wait);
        await using var db = host.App.Database.CreateContext();
        var stored = await db.SourceCategories.AsNoTracking().SingleAsync(c => c.Code == "cong-chuc");
        Assert.Equal(("Cán bộ, công chức", false), (stored.Name, stored.IsActive));
    }

    [Fact]
    public async Task A_rename_over_another_tabs_change_is_refused_and_keeps_the_typed_name()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAdminAsync();
        var page = host.Render<SourceCategoriesPage>("/categories");
        var stale = host.RenderInAnotherTab<SourceCategoriesPage>("/categories");
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page)), Wait);
        stale.WaitForAssertion(() => Assert.NotEmpty(Rows(stale)), Wait);
        var row = $"tr[data-code='{DefaultSourceCategories.Other}']";

        page.Find($"{row} button.retire").Click();
        page.WaitForAssertion(() => Assert.Equal("Đã ngừng sử dụng \"Khác\".", page.Find(".notice[role=status]").TextContent), Wait);

        stale.Find($"{row} button.rename").Click();
        stale.WaitForAssertion(() => Assert.NotNull(stale.Find($"{row} input")), Wait);
        stale.Find($"{row} input").Change("Đối tượng khác");
        stale.Find($"{row} button.save-rename").Click();

        stale.WaitForAssertion(() => Assert.StartsWith("Đối tượng nguồn này vừa được người khác thay đổi.", stale.Find(".conflict").TextContent), Wait);
        Assert.Equal("Đối tượng khác", stale.Find($"{row} input").GetAttribute("value"));
        await using var db = host.App.Database.CreateContext();
        Assert.Equal("Khác", await db.SourceCategories.Where(c => c.Code == DefaultSourceCategories.Other).Select(c => c.Name).SingleAsync());
    }

    [Fact]
    public async Task Staff_below_the_province_get_not_found_and_see_nothing()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await using (var db = host.App.Database.CreateContext())
        {
            var tree = await TinyProvince.CreateAsync(db, 2026);
            await host.SignInAsync("vanphong", (tree.Commune.Id, AccessRole.CommitteeStaff));
        }

        var notFound = false;
        host.Navigation.OnNotFound += (_, _) => notFound = true;

        var page = host.Render<SourceCategoriesPage>("/categories");

        page.WaitForAssertion(() => Assert.True(notFound), Wait);
        Assert.Empty(page.FindAll("h1"));
        Assert.Empty(page.FindAll("#add-category"));
    }

    [Fact]
    public async Task A_new_category_typed_comes_back_from_the_tabs_draft_and_the_draft_goes_once_added()
    {
        await using var host = await ComponentHost.StartAsync(June2026);
        await host.SignInAsync("bantochuc", (await TinyProvince.CreateRootAsync(host.App), AccessRole.ProvincialBoard));
        var module = host.Context.JSInterop.SetupModule("./js/step-form.js");
        var drafts = module.Setup<string?>("loadDraft", _ => true);
        drafts.SetResult(null);
        var page = host.Render<SourceCategoriesPage>("/categories");
        page.WaitForAssertion(() => Assert.Equal(DefaultSourceCategories.All.Count, Rows(page).Count), Wait);
        page.Find("#category-code").Change("cong-chuc");
        page.Find("#category-name").Change("Công chức, viên chức");
        page.WaitForAssertion(() => Assert.Equal(2, module.Invocations["saveDraft"].Count), Wait);
        var draft = (string)module.Invocations["saveDraft"][^1].Arguments[1]!;
        Assert.Equal("dangvien:draft:/categories:0", module.Invocations["saveDraft"][^1].Arguments[0]);

        drafts.SetResult(draft);
        await host.Context.DisposeComponentsAsync();
        var again = host.Render<SourceCategoriesPage>("/categories");
        again.WaitForAssertion(() => Assert.Equal("cong-chuc", again.Find("#category-code").GetAttribute("value")), Wait);
        Assert.Equal("Công chức, viên chức", again.Find("#category-name").GetAttribute("value"));

        again.Find("#add-category-button").Click();
        again.WaitForAssertion(() => Assert.Equal("Đã thêm đối tượng \"Công chức, viên chức\".", again.Find(".notice[role=status]").TextContent), Wait);
        Assert.Contains(module.Invocations["clearDraft"], i => (string?)i.Arguments[0] == "dangvien:draft:/categories:0");
    }

    private static List<string[]> Rows(IRenderedComponent<SourceCategoriesPage> page) =>
        [.. page.FindAll(".category-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToArray())];

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
