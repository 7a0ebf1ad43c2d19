using Bunit;
using DangVien.Core.Features.Members;
using DangVien.Core.Features.Units;
using DangVien.Web.Components.Pages.Candidates;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static DangVien.Web.Tests.Interactive.StepPages;

namespace DangVien.Web.Tests.Interactive;

/// <summary>
/// The interactive pages that open a file or change its person (<see cref="NewCandidatePage"/>,
/// <see cref="EditPersonalDataPage"/>, <see cref="ReadmissionPage"/>, <see cref="CorrectDetailsPage"/>) in bUnit over the real app, filled as a person
/// fills them (<see cref="StepPages"/>' typing, choosing and picking).
/// </summary>
public static class PersonFormPages
{
    public static IRenderedComponent<NewCandidatePage> OpenNew(ComponentHost host, int? cellId = null, bool anotherTab = false)
    {
        var url = cellId is { } id ? $"/candidates/new?cell={id}" : "/candidates/new";
        var page = anotherTab ? host.RenderInAnotherTab<NewCandidatePage>(url) : host.Render<NewCandidatePage>(url);
        return Live(page);
    }

    public static IRenderedComponent<EditPersonalDataPage> OpenEdit(ComponentHost host, int candidateId, bool anotherTab = false)
    {
        var url = $"/candidates/{candidateId}/edit";
        void Parameters(ComponentParameterCollectionBuilder<EditPersonalDataPage> p) => p.Add(x => x.Id, candidateId);
        return Live(anotherTab ? host.RenderInAnotherTab<EditPersonalDataPage>(url, Parameters) : host.Render<EditPersonalDataPage>(url, Parameters));
    }

    public static IRenderedComponent<CorrectDetailsPage> OpenDetails(ComponentHost host, int candidateId, bool anotherTab = false)
    {
        var url = $"/candidates/{candidateId}/details";
        void Parameters(ComponentParameterCollectionBuilder<CorrectDetailsPage> p) => p.Add(x => x.Id, candidateId);
        return Live(anotherTab ? host.RenderInAnotherTab<CorrectDetailsPage>(url, Parameters) : host.Render<CorrectDetailsPage>(url, Parameters));
    }

    public static IRenderedComponent<ReadmissionPage> OpenReadmission(ComponentHost host, int cellId, int memberId, bool anotherTab = false)
    {
        var url = $"/units/{cellId}/members/{memberId}/readmission";
        void Parameters(ComponentParameterCollectionBuilder<ReadmissionPage> p) => p.Add(x => x.Id, cellId).Add(x => x.MemberId, memberId);
        return Live(anotherTab ? host.RenderInAnotherTab<ReadmissionPage>(url, Parameters) : host.Render<ReadmissionPage>(url, Parameters));
    }

    /// <summary>Chooses the chips whose text is given (a click on each).</summary>
    public static void ChooseChips<TPage>(IRenderedComponent<TPage> page, params string[] texts)
        where TPage : class, IComponent
    {
        foreach (var text in texts)
        {
            page.InvokeAsync(() => page.FindAll(".step-chips .step-chip").First(c => c.TextContent.Trim() == text).Click()).GetAwaiter().GetResult();
            page.WaitForAssertion(() => Assert.Contains(page.FindAll(".step-chips .step-chip--chosen"), c => c.TextContent.Trim() == text), Wait);
        }
    }

    /// <summary>The texts of the chosen chips.</summary>
    public static List<string> ChosenChips<TPage>(IRenderedComponent<TPage> page)
        where TPage : class, IComponent => [.. page.FindAll(".step-chips .step-chip--chosen").Select(c => c.TextContent.Trim())];

    /// <summary>Ticks or clears a check box of the form.</summary>
    public static void Tick<TPage>(IRenderedComponent<TPage> page, string field, bool value = true)
        where TPage : class, IComponent
    {
        page.InvokeAsync(() => page.Find($"{Id(field)} input[type=checkbox]").Change(value)).GetAwaiter().GetResult();
        page.WaitForAssertion(() => Assert.Equal(value, page.Find($"{Id(field)} input[type=checkbox]").HasAttribute("checked")), Wait);
    }

    /// <summary>Picks the cell by part of its name, then the mentor among its members.</summary>
    public static async Task PickCellAndMentorAsync(IRenderedComponent<NewCandidatePage> page, string cellTyped, string cellName, string mentorTyped, string mentorName)
    {
        await PickAsync<NewCandidatePage, UnitOption>(page, "CellId", cellTyped, c => c.Name == cellName);
        page.WaitForAssertion(() => page.Find(Id("MentorMemberId")), Wait);
        await PickAsync<NewCandidatePage, MemberOption>(page, "MentorMemberId", mentorTyped, m => m.FullName == mentorName);
    }

    /// <summary>Presses the button and waits until the form is back from sending (its fields enabled again).</summary>
    public static void PressAndWait<TPage>(IRenderedComponent<TPage> page)
        where TPage : class, IComponent
    {
        Press(page);
        page.WaitForAssertion(() => Assert.False(page.Find("#submit-step").HasAttribute("disabled")), Wait);
    }

    /// <summary>Presses the button and waits until the page goes to a file; returns the file's id.</summary>
    public static int SubmitAndWaitForNewFile<TPage>(IRenderedComponent<TPage> page, string notice)
        where TPage : class, IComponent
    {
        Press(page);
        var navigation = page.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.True(navigation.Uri.EndsWith("?notice=" + notice, StringComparison.Ordinal), $"not saved: {ShownMessages(page)}"), Wait);
        var path = new Uri(navigation.Uri).AbsolutePath;
        return int.Parse(path["/candidates/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IRenderedComponent<TPage> Live<TPage>(IRenderedComponent<TPage> page)
        where TPage : class, IComponent
    {
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#action-form").GetAttribute("data-interactive")), Wait);
        return page;
    }
}
