using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DangVien.Web.Components.Shared;

/// <summary>
/// What was typed in a form, kept in this browser tab (sessionStorage, through <c>wwwroot/js/step-form.js</c>) so that a
/// dropped connection, an evicted circuit or a restarted app loses nothing; gone with the tab, cleared once the form is
/// saved. A draft is keyed by the page's address and the version of what the form opened on: a draft of a record that
/// changed since is not offered again. Never give it a password.
/// </summary>
public sealed class FormDraft(IJSRuntime js, NavigationManager navigation) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IJSObjectReference? _module;

    /// <summary>The drafts written since this page opened: what was typed here.</summary>
    private readonly HashSet<string> _typedHere = [];

    /// <summary>A short version from the versions of every record a form shows (a quota sheet's rows).</summary>
    public static string VersionOf(IEnumerable<string> parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))).AsSpan(0, 8));

    /// <summary>
    /// The draft kept of this page at this version, or none (none kept, or it cannot be read, or something was typed on
    /// the page while the draft was being read: over a slow connection a person types before the tab answers, and what
    /// they typed is newer than any draft).
    /// </summary>
    public async Task<T?> LoadAsync<T>(string version)
        where T : class
    {
        try
        {
            var key = Key(version);
            var text = await (await ModuleAsync()).InvokeAsync<string?>("loadDraft", key);
            return text is null || _typedHere.Contains(key) ? null : JsonSerializer.Deserialize<T>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (JSDisconnectedException)
        {
            return null;
        }
    }

    public async Task SaveAsync<T>(string version, T typed)
    {
        var key = Key(version);
        _typedHere.Add(key);
        try
        {
            await (await ModuleAsync()).InvokeVoidAsync("saveDraft", key, JsonSerializer.Serialize(typed, Json));
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone: nothing to keep.
        }
    }

    public async Task ClearAsync(string version)
    {
        try
        {
            await (await ModuleAsync()).InvokeVoidAsync("clearDraft", Key(version));
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone with its drafts.
        }
    }

    /// <summary>The script module of the forms (drafts, and moving the focus to a field).</summary>
    public async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/step-form.js");

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the tab: nothing to release in the browser.
            }
        }
    }

    private string Key(string version) => $"dangvien:draft:{new Uri(navigation.Uri).PathAndQuery}:{version}";
}
