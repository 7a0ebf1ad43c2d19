using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Testing;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace DangVien.Core.Tests;

public sealed class DependencyInjectionTests
{
    private static readonly Type[] Validators = [.. typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && ValidatedType(t) is not null)];

    [Fact]
    public void Every_validator_is_named_after_what_it_checks()
    {
        Assert.NotEmpty(Validators);
        Assert.All(Validators, validator =>
        {
            var checks = ValidatedType(validator)!;
            var name = checks.IsInterface ? checks.Name[1..] : checks.Name;
            Assert.Equal(name + "Validator", validator.Name);
        });
    }

    [Fact]
    public void Every_validator_is_resolved_from_DI_once_for_the_whole_app()
    {
        var validators = CoreValidators.All;
        var forRequest = typeof(RequestValidators).GetMethod(nameof(RequestValidators.For))!;
        Assert.All(Validators, validator =>
        {
            var resolve = forRequest.MakeGenericMethod(ValidatedType(validator)!);
            var first = resolve.Invoke(validators, null);
            Assert.IsType(validator, first);
            Assert.Same(first, resolve.Invoke(validators, null));
        });
    }

    [Fact]
    public void Core_registers_its_account_services_which_resolve_once_the_host_configures_Identity()
    {
        var services = new ServiceCollection().AddLogging().AddScoped<ICurrentUser>(_ => new SystemUser())
            .AddDangVienCore("Host=localhost;Database=dangvien_unused");
        Assert.Contains(services, d => d.ServiceType == typeof(UserAdminService));
        Assert.Contains(services, d => d.ServiceType == typeof(AccountService));
        Assert.Contains(services, d => d.ServiceType == typeof(SignInService));

        services.AddIdentityCore<AppUser>().AddEntityFrameworkStores<DangVienDbContext>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<UserAdminService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<AccountService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<SignInService>());
    }

    private static Type? ValidatedType(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))?.GetGenericArguments()[0];
}
