using System.Globalization;
using DangVien.Core.Common;
using DangVien.Web.Components.Shared;
using DangVien.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace DangVien.Web.Components.Pages.Candidates.Steps;

/// <summary>What the fields of a form read from it and tell it (<see cref="EntryFormBase{TRequest, TModel}"/>).</summary>
public interface IStepForm
{
    /// <summary>Whether the form is being saved: the fields are disabled meanwhile.</summary>
    bool Saving { get; }

    /// <summary>The message for a field (its request property's name), when it is to be shown.</summary>
    string? ErrorOf(string field);

    /// <summary>A field shows itself: its label heads its messages in the summary, in the order the fields show.</summary>
    void Register(string field, string label);

    /// <summary>A field is no longer shown (a choice hid it): its messages go to the top of the form.</summary>
    void Unregister(string field);

    /// <summary>A field's value changed: the form checks again, after a short pause in the typing.</summary>
    Task ChangedAsync(string field);

    /// <summary>The id of a field's input, for its label, the summary's links and the focus.</summary>
    static string InputId(string field) => "f-" + field.Replace('[', '-').Replace(']', '-').Replace('.', '-');
}

/// <summary>What the frame of a step form shows (<see cref="StepFormFrame"/>): the summary, the conflict, the button.</summary>
public interface IStepFormState : IStepForm
{
    bool Submitted { get; }

    bool Conflict { get; }

    IReadOnlyList<string> GeneralErrors { get; }

    IReadOnlyList<(string Field, string Label, string Message)> Summary { get; }

    /// <summary>The database could not be reached when the form was sent: nothing was saved, what was typed is kept.</summary>
    bool DatabaseAway { get; }

    Task SubmitAsync();
}

/// <summary>
/// A form that checks what was typed with Core as its fields change (every error in one pass, next to its field, a
/// summary at the top that moves the focus to the first bad field), then sends it once, however often the button is
/// pressed. What was typed survives a reload, a lost circuit or a restarted app (<see cref="Input"/>). Every call runs
/// through <see cref="CircuitServices"/>, in a scope of its own with the circuit's current user. The rules are Core's:
/// nothing here decides what is allowed. The step forms (<see cref="StepFormBase{TRequest, TModel}"/>) and the forms
/// that open a file or change its person are built on it.
/// </summary>
public abstract class EntryFormBase<TRequest, TModel> : ComponentBase, IStepFormState, IAsyncDisposable
    where TModel : class, new()
{
    /// <summary>How long the typing pauses before the form checks again.</summary>
    public static readonly TimeSpan CheckDelay = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);
    private IReadOnlyList<FieldError> _errors = [];
    private CancellationTokenSource? _pending;
    private bool _submitted;
    private FormDraft? _draft;

    [Inject]
    protected CircuitServices Calls { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    protected IJSRuntime JS { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<UiText> L { get; set; } = default!;

    /// <summary>
    /// What was typed: kept through the first render (prerendered, then interactive) and a restarted circuit
    /// (<see cref="PersistentStateAttribute"/>), and as a draft in the browser tab, so that a dropped connection, an
    /// evicted circuit or a restarted app loses nothing; the draft is cleared once the step is recorded.
    /// </summary>
    [PersistentState]
    public TModel? Input { get; set; }

    /// <summary>What was typed (never null).</summary>
    protected TModel Typed => Input ??= NewModel();

    public bool Saving { get; private set; }

    /// <summary>The messages shown that belong to no field on the form (two introducers the same, a step not allowed now).</summary>
    public IReadOnlyList<string> GeneralErrors => [.. Shown().Where(e => !_labels.ContainsKey(e.Field)).Select(e => e.Message).Distinct()];

    /// <summary>Whether the form was sent: every message shows, and the summary above the fields.</summary>
    public bool Submitted => _submitted;

    /// <summary>Someone else changed the file since the form was opened: nothing was saved.</summary>
    public bool Conflict { get; private set; }

    public bool DatabaseAway { get; private set; }

    /// <summary>The messages of the last check, field by field in the order the fields show, then those of no field.</summary>
    public IReadOnlyList<(string Field, string Label, string Message)> Summary =>
    [
        .. _labels.Keys.SelectMany(f => Messages(f).Select(m => (f, _labels[f], m))),
        .. Shown().Where(e => !_labels.ContainsKey(e.Field)).Select(e => (e.Field, "", e.Message)),
    ];

    public void Register(string field, string label) => _labels[field] = label;

    public void Unregister(string field) => _labels.Remove(field);

    public string? ErrorOf(string field) => Messages(field).FirstOrDefault();

    public Task ChangedAsync(string field)
    {
        _touched.Add(field);

        // The field's own change finishes first (a date picker sets its text after its value): the draft and the
        // check run after it, the check after a short pause in the typing.
        _ = CheckSoonAsync();
        return Task.CompletedTask;
    }

    private async Task CheckSoonAsync()
    {
        _pending?.Cancel();
        _pending = new CancellationTokenSource();
        var token = _pending.Token;
        try
        {
            await SaveDraftAsync();
            await Task.Delay(CheckDelay, token);
            await CheckAsync(token);
            StateHasChanged();
        }
        catch (OperationCanceledException)
        {
            // A later change, or the form being sent or closed, checks instead.
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException)
        {
            // The tab is gone.
        }
        catch (Exception e) when (DatabaseAvailability.IsUnavailable(e))
        {
            // No check while the database is away: sending the form says so.
        }
    }

    /// <summary>Checks everything, then records the step when nothing is wrong; a second press while saving does nothing.</summary>
    public async Task SubmitAsync()
    {
        if (Saving)
        {
            return;
        }

        Saving = true;
        Conflict = false;
        DatabaseAway = false;
        _pending?.Cancel();
        try
        {
            _submitted = true;
            await CheckAsync(CancellationToken.None);
            if (Summary.Count == 0)
            {
                var request = BuildRequest();
                var (result, then) = await SaveRequestAsync(request);
                if (result.Succeeded)
                {
                    await Draft.ClearAsync(DraftVersion);
                    // The file is a static page: it is loaded whole, as a link would.
                    Navigation.NavigateTo(then, forceLoad: true);
                    return;
                }

                Conflict = result.IsConflict;
                _errors = Conflict ? [] : result.Errors;
            }
        }
        catch (Exception e) when (DatabaseAvailability.IsUnavailable(e))
        {
            // Nothing was saved (a write is one transaction); the form stays as typed, to be sent again.
            DatabaseAway = true;
        }
        finally
        {
            Saving = false;
        }

        StateHasChanged();
        if (Summary.FirstOrDefault() is { Field.Length: > 0 } first && _labels.ContainsKey(first.Field))
        {
            // Focus moves to the first field in error, scrolled into view (what a phone shows is the field, not the button).
            await (await ModuleAsync()).InvokeVoidAsync("focusField", IStepForm.InputId(first.Field));
        }
        else if (Summary.Count == 0 && Warnings.Count > 0 && WarningField is { } warning)
        {
            await (await ModuleAsync()).InvokeVoidAsync("focusField", IStepForm.InputId(warning));
        }
    }

    /// <summary>Core's answer to the request as it stands, nothing saved (a dry run of the save, scoped like it).</summary>
    protected abstract Task<IReadOnlyList<FieldError>> CheckRequestAsync(TRequest request, CancellationToken cancellationToken);

    /// <summary>Saves the request; on success, the address the page goes to.</summary>
    protected abstract Task<(Result Result, string Then)> SaveRequestAsync(TRequest request);

    /// <summary>What the draft of this form in this tab is kept for, besides the address (the version it opened on).</summary>
    protected virtual string DraftVersion => "0";

    /// <summary>
    /// The field whose messages are a warning to confirm rather than errors (the duplicate person): kept out of the
    /// summary and the messages above the fields, shown by the form where it asks for the confirmation.
    /// </summary>
    protected virtual string? WarningField => null;

    /// <summary>The warnings of the last check or save (<see cref="WarningField"/>), shown once a field changed or the form was sent.</summary>
    protected IReadOnlyList<string> Warnings =>
        WarningField is { } warning ? [.. Shown(includeWarnings: true).Where(e => e.Field == warning).Select(e => e.Message).Distinct()] : [];

    /// <summary>A fresh form's values (a vote's official members, a correction's current values).</summary>
    protected virtual TModel NewModel() => new();

    /// <summary>Once interactive: a draft this tab kept of this form (typed before a restart or a lost circuit) comes back.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        if (await Draft.LoadAsync<TModel>(DraftVersion) is { } restored)
        {
            Input = restored;
            StateHasChanged();
        }
    }

    /// <summary>The request from what was typed (<see cref="Typed"/>); a date that cannot be read is sent as none and named by <see cref="Date"/>.</summary>
    protected abstract TRequest BuildRequest();

    /// <summary>A typed date for the request; when it cannot be read, the reason is kept for its field.</summary>
    protected DateOnly Date(string field, string? text)
    {
        var reading = DateText.Read(text);
        if (reading.Message is { } message)
        {
            _unreadable[field] = message;
        }

        return reading.Date ?? default;
    }

    /// <summary>A number the step needs; when none was typed, the field says so (0 is a number typed).</summary>
    protected int Count(string field, int? value)
    {
        if (value is null)
        {
            _unreadable[field] = L["Step.Missing", LabelOf(field)];
        }

        return value ?? 0;
    }

    /// <summary>A choice the step needs; when none was made, the field says so.</summary>
    protected TChoice Choice<TChoice>(string field, TChoice? value)
        where TChoice : struct, Enum
    {
        if (value is { } chosen)
        {
            return chosen;
        }

        _unreadable[field] = L["Step.NotChosen", LabelOf(field)];
        return (TChoice)Enum.ToObject(typeof(TChoice), -1);
    }

    /// <summary>An optional text: blank reads as none.</summary>
    protected static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private string LabelOf(string field) =>
        _labels.TryGetValue(field, out var label) && label.Length > 0 ? char.ToLower(label[0], VietnamTime.Culture) + label[1..] : field;

    public async ValueTask DisposeAsync()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        if (_draft is not null)
        {
            await _draft.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The draft of this form in this tab, kept by its address and the version it opened on.</summary>
    private FormDraft Draft => _draft ??= new FormDraft(JS, Navigation);

    private Task SaveDraftAsync() => Draft.SaveAsync(DraftVersion, Typed);

    private Task<IJSObjectReference> ModuleAsync() => Draft.ModuleAsync();

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        _unreadable.Clear();
        var request = BuildRequest();
        var errors = await CheckRequestAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _errors = errors;
    }

    /// <summary>The errors to show: all once the form was sent, else those of the fields changed and those of no field.</summary>
    private IEnumerable<FieldError> Shown(bool includeWarnings = false) =>
        _errors.Where(e => (includeWarnings || e.Field != WarningField) && (_submitted || e.Field.Length == 0 || _touched.Contains(e.Field) || _touched.Contains(Root(e.Field))
            || (_touched.Count > 0 && !_labels.ContainsKey(e.Field))));

    private IEnumerable<string> Messages(string field)
    {
        if (_unreadable.TryGetValue(field, out var unreadable) && (_submitted || _touched.Contains(field)))
        {
            return [unreadable];
        }

        return Shown().Where(e => e.Field == field || Root(e.Field) == field && !_labels.ContainsKey(e.Field)).Select(e => e.Message).Distinct();
    }

    /// <summary>"Introducers[1].MemberId" belongs to the field "Introducers[1].MemberId", else to "Introducers".</summary>
    private static string Root(string field) => field.IndexOfAny(['[', '.']) is > 0 and var cut ? field[..cut] : field;
}
