using System.Globalization;
using DangVien.Core.Features.Papers;

namespace DangVien.Web.Endpoints;

/// <summary>
/// The drafted papers of the procedure as DOCX: <c>GET /candidates/{id}/papers/{entry}/{form}</c> for one paper of a
/// step on the file (offered beside the step), and <c>GET /units/{id}/papers.docx?kind=9&amp;start=…&amp;end=…</c> for every
/// paper of a kind in a unit's subtree and a range of dates, one after another in one document (the unit page's form).
/// Scoped, masked and audited by <see cref="PaperService"/>: a file or unit outside the user's scope is a bare 404; a
/// batch that cannot be read is a 400 whose text says, in the user's language, what is wrong with which field.
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
            return BadRequest(errors.Select(e => e.Message));
        }

        if (await papers.BatchAsync(id, request, cancellationToken) is not { } batch)
        {
            return TypedResults.NotFound();
        }

        if (batch.TooMany)
        {
            return BadRequest([PaperBatchRequest.TooManyMessage(batch.Found)]);
        }

        if (batch.Papers.Count == 0)
        {
            return Results.Text(request.NoneMessage(), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        return Docx(batch.Papers, string.Create(CultureInfo.InvariantCulture,
            $"ban-thao-{PaperForms.Slug(request.Kind)}-KND-{request.From:yyyy-MM-dd}-{request.To:yyyy-MM-dd}.docx"));
    }

    private static IResult Docx(IReadOnlyList<PaperDraft> drafts, string fileName) =>
        TypedResults.File(DocxPaperWriter.Write(drafts), DocxPaperWriter.ContentType, fileName);

    private static IResult BadRequest(IEnumerable<string> messages) =>
        Results.Text(string.Join(Environment.NewLine, messages), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
