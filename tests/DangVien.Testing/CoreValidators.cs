using DangVien.Core;
using DangVien.Core.Common;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Testing;

/// <summary>Core's validators registered as the app registers them, for tests that build services by hand.</summary>
public static class CoreValidators
{
    /// <summary>What <see cref="Core.Features.Admission.AdmissionService"/> and <see cref="Core.Features.Import.ImportService"/> take.</summary>
    public static RequestValidators All { get; } =
        new ServiceCollection().AddDangVienValidators().BuildServiceProvider().GetRequiredService<RequestValidators>();

    /// <summary>The validator of <typeparamref name="T"/>, for a service that takes it in its constructor.</summary>
    public static IValidator<T> For<T>() => All.For<T>();
}
