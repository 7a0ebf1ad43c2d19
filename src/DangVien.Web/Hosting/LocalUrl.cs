namespace DangVien.Web.Hosting;

/// <summary>
/// Where the app may send a browser back to (after sign-in, after choosing a language): a path of this site,
/// else the home page. Only printable ASCII is kept: browsers drop a tab or line break inside a URL
/// (<c>/%09/evil.example</c> becomes <c>//evil.example</c>, another site), read some non-ASCII dots (<c>。</c>) as
/// dots, and a line break in a <c>Location</c> header makes the server fail instead of redirect. The app's own
/// addresses are ASCII (their query values percent-encoded), so nothing real is lost.
/// </summary>
public static class LocalUrl
{
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && url.All(c => c is > ' ' and < (char)0x7F and not '\\');
}
