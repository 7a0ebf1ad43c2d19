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
/// the page works without JavaScript and the file is sent once. Files live in a folder per user (the
/// hash of the user id), under a random name; another user cannot open them; they are removed after
/// the write and when older than a day.
/// </summary>
public sealed class ImportUploads
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dangvien-imports");

    public async Task<string> SaveAsync(string userId, IFormFile file, CancellationToken cancellationToken)
    {
        var folder = Folder(userId);
        Directory.CreateDirectory(folder);
        RemoveOld();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + (ImportTable.IsXlsx(file.FileName) ? ".xlsx" : ".csv");
        await using var target = File.Create(Path.Combine(folder, id));
        await file.CopyToAsync(target, cancellationToken);
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

    private string Folder(string userId) =>
        Path.Combine(_root, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..32]);

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
