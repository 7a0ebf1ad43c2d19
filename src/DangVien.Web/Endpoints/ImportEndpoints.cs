using System.Security.Cryptography;
using System.Text;
using DangVien.Core.Features.Import;

namespace DangVien.Web.Endpoints;

/// <summary>
/// <c>GET /import/templates/{kind}.csv|.xlsx</c>: the empty template of each import file (header and an
/// example row), for any signed-in user; the layout is in docs/IMPORT.md.
/// </summary>
public static class ImportEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/import/templates/{file}", Template);

    public static string TemplateUrl(ImportKind kind, string extension) => $"/import/templates/mau-{ImportLayout.Slug(kind)}.{extension}";

    private static IResult Template(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (!name.StartsWith("mau-", StringComparison.Ordinal) || ImportLayout.Parse(name[4..]) is not { } kind || extension is not (".csv" or ".xlsx"))
        {
            return TypedResults.NotFound();
        }

        return extension == ".csv"
            ? TypedResults.File(ImportTable.CsvTemplate(kind), "text/csv; charset=utf-8", file)
            : TypedResults.File(ImportTable.XlsxTemplate(kind), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
    }
}

/// <summary>
/// Keeps an uploaded import file between the check (dry run) and the user's choice to write it, so
/// the page works without JavaScript and the file is sent once. Files live outside wwwroot in a folder
/// only the app's account may open (mode 0700, files 0600; <c>Import:UploadPath</c>, by default under
/// the temporary folder), one folder per user (the hash of the user id), under a random name; another
/// user cannot open them. They are removed after the write, after a check that leaves nothing to
/// write, and when abandoned for longer than <see cref="Lifetime"/> (at start-up and at each upload).
/// </summary>
public sealed class ImportUploads
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly string _root;

    public ImportUploads(IConfiguration configuration)
    {
        _root = configuration["Import:UploadPath"] is { Length: > 0 } path ? path : Path.Combine(Path.GetTempPath(), "dangvien-imports");
        CreatePrivate(_root);
        RemoveOld();
    }

    /// <summary>The folder of the uploads.</summary>
    public string Root => _root;

    /// <summary>Stores what <paramref name="content"/> holds (a file read from the browser) as one of this user's uploads; returns its id.</summary>
    public async Task<string> SaveAsync(string userId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var folder = Folder(userId);
        CreatePrivate(_root);
        CreatePrivate(folder);
        RemoveOld();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + (ImportTable.IsXlsx(fileName) ? ".xlsx" : ".csv");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var target = new FileStream(Path.Combine(folder, id), options);
        await content.CopyToAsync(target, cancellationToken);
        return id;
    }

    /// <summary>The stored file of this user, or null (unknown id, another user's, or expired).</summary>
    public Stream? Open(string userId, string? id)
    {
        if (!IsId(id))
        {
            return null;
        }

        var path = Path.Combine(Folder(userId), id!);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string userId, string? id)
    {
        if (IsId(id))
        {
            File.Delete(Path.Combine(Folder(userId), id!));
        }
    }

    private static bool IsId(string? id) =>
        id is { Length: 36 or 37 } && id[..32].All(char.IsAsciiHexDigitLower) && (id[32..] is ".csv" or ".xlsx");

    /// <summary>The folder of one user's uploads.</summary>
    public string Folder(string userId) =>
        Path.Combine(_root, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..32]);

    /// <summary>Creates the folder if needed and makes it the app's alone (an existing one too: it may predate this rule).</summary>
    private static void CreatePrivate(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, OwnerOnly);
        File.SetUnixFileMode(folder, OwnerOnly);
    }

    private void RemoveOld()
    {
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (DateTime.UtcNow - file.LastWriteTimeUtc > Lifetime)
            {
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    // Being read by another request: removed next time.
                }
            }
        }
    }
}
