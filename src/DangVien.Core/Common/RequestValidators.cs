using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Core.Common;

/// <summary>
/// Core's request validators, resolved from DI by the type they check, for the services that run one per action
/// (<see cref="Features.Admission.AdmissionService"/>, <see cref="Features.Import.ImportService"/>). A service
/// that runs one or two takes <see cref="IValidator{T}"/> in its constructor instead.
/// </summary>
public sealed class RequestValidators(IServiceProvider services)
{
    /// <summary>The validator of <typeparamref name="T"/>; every validator of Core is registered by <see cref="DependencyInjection.AddDangVienValidators"/>.</summary>
    public IValidator<T> For<T>() => services.GetRequiredService<IValidator<T>>();
}
