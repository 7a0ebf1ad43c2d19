using System.Globalization;
using DangVien.Core.Features.Papers;

namespace DangVien.Web.Endpoints;

/// <summary>
/// The drafted papers of the procedure as DOCX: <c>GET /candidates/{id}/papers/{entry}/{form}</c> for one paper of a
/// step on the file (offered beside the step), and <c>GET /units/{id}/papers.docx?kind=9&amp;start=…&amp;end=…</c> for every
/// paper of a kind in a unit's subtree and a range of dates, one after another in one document (the unit page's form).
/// Scoped, masked and audited by <see cref="PaperService"/>: a file or unit outside the user's scope is a bare 404; a
/// batch that cannot be read, or finds no paper or too many, sends a browser back to the unit page's form with the
/// messages next to the fields, and any other client a 400 (404 when none found) whose text says what is wrong.
/// </summary>
public static class PaperEndpoints
{
    public static void MapPapers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/candidates/{id:int}/papers/{entryId:long}/{form}", OneAsync);
        app.MapGet("/units/{id:int}/papers.docx", BatchAsync);
    }

    /// <summary>The link to one paper of an entry of the file.</summary>
    public static string Link(int candidateId, long entryId, PaperKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"/candidates/{candidateId}/papers/{entryId}/{PaperForms.Slug(kind)}");

    private static async Task<IResult> OneAsync(int id, long entryId, string form, PaperService papers, CancellationToken cancellationToken)
    {
        if (PaperForms.Parse(form) is not { } kind || await papers.DraftAsync(id, entryId, kind, cancellationToken) is not { } draft)
        {
            return TypedResults.NotFound();
        }

        return Docx([draft], string.Create(CultureInfo.InvariantCulture, $"ban-thao-{PaperForms.Slug(kind)}-KND-{id}-{entryId}.docx"));
    }

    private static async Task<IResult> BatchAsync(int id, HttpContext context, PaperService papers, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var (request, errors) = PaperBatchRequest.Read(query["kind"], query["start"], query["end"]);
        if (request is null)
        {
            return Refused(id, context, errors.Select(e => e.Message));
        }

        if (await papers.BatchAsync(id, request, cancellationToken) is not { } batch)
        {
            return TypedResults.NotFound();
        }

        if (request.Refusal(batch.Found) is { } refusal)
        {
            return Refused(id, context, [refusal], batch.Found == 0 ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
        }

        return Docx(batch.Papers, string.Create(CultureInfo.InvariantCulture,
            $"ban-thao-{PaperForms.Slug(request.Kind)}-KND-{request.From:yyyy-MM-dd}-{request.To:yyyy-MM-dd}.docx"));
    }

    /// <summary>
    /// A batch that gives no paper: a browser that sent the unit page's form goes back to it, where each message stands
    /// next to its field and the fields keep what was typed (the page reads the same request again: nothing typed is
    /// shown as a message); any other client gets the messages as text.
    /// </summary>
    private static IResult Refused(int id, HttpContext context, IEnumerable<string> messages, int status = StatusCodes.Status400BadRequest)
    {
        if (IsNavigation(context.Request))
        {
            var query = context.Request.Query;
            return TypedResults.Redirect(string.Create(CultureInfo.InvariantCulture,
                $"/units/{id}?kind={Escape(query["kind"])}&start={Escape(query["start"])}&end={Escape(query["end"])}#papers-heading"));
        }

        return Results.Text(string.Join(Environment.NewLine, messages), "text/plain; charset=utf-8", statusCode: status);
    }

    /// <summary>A page the browser navigates to (a form sent, a link followed), as opposed to a script or a download tool.</summary>
    private static bool IsNavigation(HttpRequest request) =>
        string.Equals(request.Headers["Sec-Fetch-Mode"], "navigate", StringComparison.OrdinalIgnoreCase)
        || request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static string Escape(Microsoft.Extensions.Primitives.StringValues value) => Uri.EscapeDataString(value.ToString());

    private static IResult Docx(IReadOnlyList<PaperDraft> drafts, string fileName) =>
        TypedResults.File(DocxPaperWriter.Write(drafts), DocxPaperWriter.ContentType, fileName);
}
