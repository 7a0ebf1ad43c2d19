using Microsoft.AspNetCore.Components;

namespace DangVien.Web.Components.Pages.Candidates.Steps;

/// <summary>
/// A field of a step form: named by its request property (so Core's messages land on it), shown with the form's
/// message for it, and telling the form when it changes (the form checks again).
/// </summary>
public abstract class StepField<TValue> : ComponentBase, IDisposable
{
    [CascadingParameter]
    protected IStepForm Form { get; set; } = default!;

    /// <summary>The request property this field fills (<c>nameof(RecordCellVoteRequest.VotedOn)</c>).</summary>
    [Parameter, EditorRequired]
    public string Field { get; set; } = "";

    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    [Parameter]
    public TValue? Value { get; set; }

    [Parameter]
    public EventCallback<TValue?> ValueChanged { get; set; }

    [Parameter]
    public bool Required { get; set; }

    [Parameter]
    public string? Hint { get; set; }

    /// <summary>The field spans the whole row of the form (a long text).</summary>
    [Parameter]
    public bool Wide { get; set; }

    protected string Id => IStepForm.InputId(Field);

    protected string? Message => Form.ErrorOf(Field);

    protected string FieldClass => Wide ? "field field--full" : "field";

    protected override void OnParametersSet() => Form.Register(Field, Label);

    protected async Task ChangeAsync(TValue? value)
    {
        Value = value;
        await ValueChanged.InvokeAsync(value);
        await Form.ChangedAsync(Field);
    }

    public void Dispose()
    {
        Form.Unregister(Field);
        GC.SuppressFinalize(this);
    }
}
