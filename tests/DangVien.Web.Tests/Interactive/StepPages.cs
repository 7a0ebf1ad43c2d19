using Bunit;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Web.Components.Pages.Candidates;
using DangVien.Web.Components.Pages.Candidates.Steps;
using DangVien.Web.Tests.Candidates;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace DangVien.Web.Tests.Interactive;

/// <summary>
/// The interactive action page (<see cref="CandidateActionPage"/>) in bUnit over the real app, filled as a person
/// fills it: typing into the inputs found by id, choosing from a list, picking by name with the keyboard, pressing
/// <c>#submit-step</c>.
/// </summary>
public static class StepPages
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>The app over the tiny province of <see cref="CandidateFiles"/> (August 2026), with a user signed in.</summary>
    public static async Task<(ComponentHost Host, TinyProvince Tree)> StartAsync(string userName, Func<TinyProvince, (int UnitId, AccessRole Role)> role)
    {
        var host = await ComponentHost.StartAsync(CandidateFiles.August2026);
        TinyProvince tree;
        await using (var db = host.App.Database.CreateContext())
        {
            tree = await TinyProvince.CreateAsync(db, 2026);
        }

        await host.SignInAsync(userName, role(tree));
        return (host, tree);
    }

    /// <summary>Committee staff of the commune ("vanphong").</summary>
    public static Task<(ComponentHost Host, TinyProvince Tree)> StartAsStaffAsync() =>
        StartAsync("vanphong", tree => (tree.Commune.Id, AccessRole.CommitteeStaff));

    /// <summary>Opens the page at the address (a step's form or a correction) and waits until the form is live.</summary>
    public static IRenderedComponent<CandidateActionPage> Open(ComponentHost host, string url, bool anotherTab = false)
    {
        var path = url.Split('?')[0].Split('/');
        var id = int.Parse(path[2], System.Globalization.CultureInfo.InvariantCulture);
        void Parameters(ComponentParameterCollectionBuilder<CandidateActionPage> p) => p.Add(x => x.Id, id).Add(x => x.Slug, path[^1]);
        var page = anotherTab ? host.RenderInAnotherTab<CandidateActionPage>(url, Parameters) : host.Render<CandidateActionPage>(url, Parameters);
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#action-form").GetAttribute("data-interactive")), Wait);
        return page;
    }

    public static string Id(string field) => "#" + IStepForm.InputId(field);

    /// <summary>Types into a text, number or date field, then waits until the form holds it (MudBlazor finishes a change asynchronously).</summary>
    public static void Type<TPage>(IRenderedComponent<TPage> page, string field, string value)
        where TPage : class, IComponent
    {
        // Found and fired on the renderer's thread: a check answering meanwhile re-renders the form.
        page.InvokeAsync(() =>
        {
            var input = page.Find(Id(field));
            if (input.HasAttribute("blazor:oninput") && !input.HasAttribute("blazor:onchange"))
            {
                input.Input(value);
            }
            else
            {
                input.Change(value);
            }
        }).GetAwaiter().GetResult();

        page.WaitForAssertion(() => Assert.Equal(value, page.Find(Id(field)).GetAttribute("value") ?? ""), Wait);
    }

    /// <summary>Chooses a value of a list (a MudSelect), as a click on its option does.</summary>
    public static async Task ChooseAsync<TPage, TChoice>(IRenderedComponent<TPage> page, string field, TChoice value)
        where TPage : class, IComponent
    {
        var select = page.FindComponents<MudSelect<TChoice>>().Single(s => s.Instance.GetState(x => x.InputId) == IStepForm.InputId(field));
        await select.InvokeAsync(() => select.Instance.SelectOption(value));
        page.WaitForAssertion(() => Assert.Equal(value, select.Instance.GetState(x => x.Value)), Wait);
    }

    /// <summary>What a picker (a MudAutocomplete) offers for the typed text: its own search, through the app's services.</summary>
    public static async Task<List<T>> OfferedAsync<TPage, T>(IRenderedComponent<TPage> page, string field, string typed)
        where TPage : class, IComponent
    {
        var picker = Picker<TPage, T>(page, field);
        var search = picker.Instance.SearchFunc ?? throw new InvalidOperationException($"{field} has no search");
        var offered = await picker.InvokeAsync(() => search(typed, CancellationToken.None)!);
        return [.. offered ?? []];
    }

    /// <summary>
    /// Types part of a name into a picker and takes the option <paramref name="expected"/> among those its search
    /// offers for what was typed, as a click on that option does (the options show in a popover that bUnit does not
    /// draw); then waits until the form holds it.
    /// </summary>
    public static async Task PickAsync<TPage, T>(IRenderedComponent<TPage> page, string field, string typed, Func<T, bool> expected)
        where TPage : class, IComponent
    {
        var picker = Picker<TPage, T>(page, field);
        await page.InvokeAsync(() => page.Find(Id(field)).Input(typed));
        var option = (await OfferedAsync<TPage, T>(page, field, typed)).Single(expected);
        await picker.InvokeAsync(() => picker.Instance.SelectOptionAsync(option));
        page.WaitForAssertion(() => Assert.Equal(option, picker.Instance.GetState(x => x.Value)), Wait);
    }

    /// <summary>Presses the form's button (found and pressed on the renderer's thread, as a check may re-render the form meanwhile).</summary>
    public static void Press<TPage>(IRenderedComponent<TPage> page)
        where TPage : class, IComponent =>
        page.InvokeAsync(() => page.Find("#submit-step").Click()).GetAwaiter().GetResult();

    /// <summary>Presses the button and waits until the page goes back to the file with its notice.</summary>
    public static void SubmitAndWaitForFile(IRenderedComponent<CandidateActionPage> page, int candidateId, AdmissionAction action)
    {
        Press(page);
        var navigation = page.Services.GetRequiredService<NavigationManager>();
        var done = navigation.ToAbsoluteUri(ActionRoutes.Done(candidateId, action)).ToString();
        page.WaitForAssertion(() => Assert.True(navigation.Uri == done, $"not recorded: {ShownMessages(page)}"), Wait);
    }

    /// <summary>Every message the form shows (next to fields, above them, in the summary, a conflict).</summary>
    public static string ShownMessages<TPage>(IRenderedComponent<TPage> page)
        where TPage : class, IComponent =>
        string.Join(" | ", page.FindAll(".mud-input-helper-text.mud-input-error, .form-error, .form-summary li, .conflict").Select(e => e.TextContent.Trim()));

    /// <summary>The message next to a field; null when none.</summary>
    public static string? MessageOf<TPage>(IRenderedComponent<TPage> page, string field)
        where TPage : class, IComponent => ComponentHost.MessageOf(page.Find(Id(field)));

    public static string Value<TPage>(IRenderedComponent<TPage> page, string field)
        where TPage : class, IComponent => page.Find(Id(field)).GetAttribute("value") ?? "";

    private static IRenderedComponent<MudAutocomplete<T>> Picker<TPage, T>(IRenderedComponent<TPage> page, string field)
        where TPage : class, IComponent =>
        page.FindComponents<MudAutocomplete<T>>().Single(s => s.Instance.GetState(x => x.InputId) == IStepForm.InputId(field));
}
