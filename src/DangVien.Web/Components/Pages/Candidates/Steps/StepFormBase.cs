using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Features.Admission;
using Microsoft.AspNetCore.Components;

namespace DangVien.Web.Components.Pages.Candidates.Steps;

/// <summary>
/// One step's form (one component per step of <see cref="AdmissionSteps"/>): the step builds its request from what
/// was typed, the base checks it with Core as fields change (<see cref="AdmissionService.CheckAsync{TRequest}"/>:
/// the request's validator and the step's rules, every error in one pass), then records it
/// (<see cref="AdmissionService.RecordAsync{TRequest}"/>) once, on the file's version the form opened on.
/// </summary>
public abstract class StepFormBase<TRequest, TModel> : EntryFormBase<TRequest, TModel>
    where TRequest : ICandidateRequest
    where TModel : class, new()
{
    /// <summary>The file as it was read when the form opened.</summary>
    [Parameter, EditorRequired]
    public CandidateFile File { get; set; } = default!;

    /// <summary>The file's version the form was opened on: a change by someone else meanwhile is refused.</summary>
    [Parameter, EditorRequired]
    public uint Version { get; set; }

    /// <summary>The file's cell's official members today, for a vote's default and the pickers.</summary>
    [Parameter]
    public int OfficialMembers { get; set; }

    /// <summary>The step this form records.</summary>
    protected virtual AdmissionAction Action => AdmissionSteps.For<TRequest>().Action;

    protected override string DraftVersion => Version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Core's answer to the request as it stands, nothing recorded (<see cref="AdmissionService.CheckAsync{TRequest}"/>).</summary>
    protected override Task<IReadOnlyList<FieldError>> CheckRequestAsync(TRequest request, CancellationToken cancellationToken) =>
        Calls.RunAsync<AdmissionService, IReadOnlyList<FieldError>>((admission, ct) => admission.CheckAsync(request, ct), cancellationToken);

    /// <summary>Records the request on the file as it was when the form opened (<see cref="AdmissionService.RecordAsync{TRequest}"/>).</summary>
    protected virtual Task<Result> RecordRequestAsync(TRequest request) =>
        Calls.RunAsync<AdmissionService, Result>((admission, ct) => admission.RecordAsync(request, Version, ct));

    protected override async Task<(Result Result, string Then)> SaveRequestAsync(TRequest request) =>
        (await RecordRequestAsync(request), ActionRoutes.Done(File.Id, Action));
}
