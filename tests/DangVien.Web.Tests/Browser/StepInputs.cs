using Microsoft.Playwright;

namespace DangVien.Web.Tests.Browser;

/// <summary>How a person fills the interactive step forms: typing, choosing from a list, picking a member by name.</summary>
public static class StepInputs
{
    /// <summary>The id of a step field's input (as <c>IStepForm.InputId</c> makes it).</summary>
    public static string Id(string field) => "#f-" + field.Replace('[', '-').Replace(']', '-').Replace('.', '-');

    /// <summary>Waits until the form's circuit is up: what is typed before would be lost.</summary>
    public static Task LiveAsync(IPage page) => page.Locator("#action-form[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });

    /// <summary>Types into a text, number or date field and leaves it, as a person moving to the next field.</summary>
    public static async Task TypeAsync(IPage page, string field, string value)
    {
        await page.FillAsync(Id(field), value);
        await page.PressAsync(Id(field), "Tab");
    }

    /// <summary>Opens a list and chooses the option showing <paramref name="text"/>.</summary>
    public static async Task ChooseAsync(IPage page, string field, string text)
    {
        await page.Locator($".mud-select:has({Id(field)})").First.ClickAsync();
        await page.Locator($".mud-popover-open .mud-list-item:has-text('{text}')").First.ClickAsync();
    }

    /// <summary>Types part of a name (without marks, as on a phone) and picks the option with the full name.</summary>
    public static async Task PickAsync(IPage page, string field, string typed, string name)
    {
        // A click that lands while the list is being drawn again is lost; a person sees the name missing and picks again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await page.FillAsync(Id(field), typed);
            await FilteredAsync(page, typed);
            await page.Locator($".mud-popover-open .mud-list-item:has(:text-is('{name}'))").First.ClickAsync();
            try
            {
                await page.WaitForFunctionAsync("([id, name]) => document.querySelector(id)?.value === name", new[] { Id(field), name },
                    new PageWaitForFunctionOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException)
            {
                // Not taken: pick again.
            }
        }

        throw new TimeoutException($"{name} could not be picked in {field}.");
    }

    /// <summary>Waits until the open list shows only names that contain what was typed (marks aside), as a person reads it before choosing.</summary>
    public static Task FilteredAsync(IPage page, string typed) =>
        page.WaitForFunctionAsync(
            """
            typed => {
                const fold = t => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
                const names = [...document.querySelectorAll('.mud-popover-open .member-option__name')].map(e => fold(e.textContent));
                return names.length > 0 && names.every(n => n.includes(fold(typed)));
            }
            """, typed);

    /// <summary>Sends the form and waits for the file it goes back to.</summary>
    public static async Task SubmitAsync(IPage page, int candidateId)
    {
        await page.ClickAsync("#submit-step");
        await page.WaitForURLAsync($"**/candidates/{candidateId}?notice=*");
    }

    /// <summary>Every message the form shows (next to fields, above them, in the summary).</summary>
    public static async Task<string> MessagesAsync(IPage page) =>
        string.Join(" | ", await page.Locator(".mud-input-helper-text.mud-input-error, .form-error, .form-summary li, .conflict").AllInnerTextsAsync());
}
