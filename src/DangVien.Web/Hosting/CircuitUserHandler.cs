using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DangVien.Web.Hosting;

/// <summary>
/// Keeps <see cref="CircuitUser"/> equal to the circuit's authentication state: set when the connection comes up,
/// and again each time the state changes (the revalidation found the session over, or a call did).
/// </summary>
internal sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CircuitUser user) : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += Changed;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        user.Set((await authentication.GetAuthenticationStateAsync()).User);
        await base.OnConnectionUpAsync(circuit, cancellationToken);
    }

    private void Changed(Task<AuthenticationState> state) => _ = SetAsync(state);

    private async Task SetAsync(Task<AuthenticationState> state) => user.Set((await state).User);

    public void Dispose() => authentication.AuthenticationStateChanged -= Changed;
}
