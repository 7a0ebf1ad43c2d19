using System.Globalization;
using System.Net;
using DangVien.Core.Common;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Tests.Candidates;
using Microsoft.EntityFrameworkCore;
using static DangVien.Web.Tests.Candidates.CandidateFiles;

namespace DangVien.Web.Tests.Security;

/// <summary>Dates a form cannot mean (year 1, year 9999) answer a message next to the field, never a 500 nor a saved row.</summary>
public sealed class AbsurdFormValuesTests
{
    [Fact]
    public async Task Every_date_field_of_the_new_and_edit_file_forms_refuses_year_1_and_year_9999_next_to_the_field()
    {
        var (app, tree) = await StartAsync();
        await using var _ = app;
        var staff = await app.StaffAsync(tree);
        var ready = await app.ReadyForVoteAsync(tree.CellA, "Phạm Thị Hồng");
        int entriesBefore;
        await using (var db = app.Database.CreateContext())
        {
            entriesBefore = await db.StageEntries.CountAsync();
        }

        // The step forms are interactive: StepFormComponentTests checks their date fields.
        var urls = new List<string> { $"/candidates/new?cell={tree.CellA.Id.ToString(CultureInfo.InvariantCulture)}", ActionRoutes.File(ready) + "/edit" };

        var checkedFields = 0;
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            var page = await staff.PageAsync(url);
            var form = page.QuerySelector("form[method=post]:has(input[placeholder='dd/mm/yyyy'])");
            Assert.NotNull(form);

            var dates = form.QuerySelectorAll("input[placeholder='dd/mm/yyyy']").Select(i => i.GetAttribute("name")!).ToList();
            foreach (var value in new[] { "0001-01-01", "9999-12-31", "31/12/9999", "01/01/1899" })
            {
                var response = await Forms.SubmitAsync(staff, page, url, "#" + form.Id, [.. dates.Select(name => (name, value))]);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} with {value}: {(int)response.StatusCode}");
                var answer = await DangVienApp.ParseAsync(response);
                foreach (var name in dates)
                {
                    var field = name.Split('.')[^1];
                    Assert.Equal(SupportedRange.DateMessage, answer.QuerySelector($"#f-{field}-error .validation-message")?.TextContent.Trim());
                    Assert.Equal(value, answer.QuerySelector($"#f-{field}")?.GetAttribute("value"));
                    checkedFields++;
                }
            }
        }

        Assert.True(checkedFields >= 12, $"only {checkedFields} date fields checked");
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(entriesBefore, await db.StageEntries.CountAsync());
        }
    }
}
