using System.Globalization;
using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Papers;

/// <summary>What a batch found: the drafts, or only how many there were when they are more than one batch holds.</summary>
public sealed record PaperBatchResult(IReadOnlyList<PaperDraft> Papers, int Found)
{
    public bool TooMany => Found > PaperService.MaxBatch;
}

/// <summary>
/// Drafts the papers of the procedure from the file: each one from the file exactly as <see cref="AdmissionService"/>
/// gives it to the user (its scope, its masking of personal data, its audit of the view), and every download written to
/// the audit log. A file outside the user's scope, an entry not on it or a paper the entry does not produce is not
/// found.
/// </summary>
public sealed class PaperService(DangVienDbContext db, AdmissionService admission, CurrentAccess access)
{
    /// <summary>The most papers one batch holds.</summary>
    public const int MaxBatch = 100;

    /// <summary>The paper of <paramref name="kind"/> that entry <paramref name="entryId"/> of the file produces; null when not found.</summary>
    public async Task<PaperDraft?> DraftAsync(int candidateId, long entryId, PaperKind kind, CancellationToken cancellationToken = default)
    {
        var draft = await ComposeAsync(candidateId, entryId, kind, cancellationToken);
        if (draft is not null)
        {
            await access.AuditAsync(AuditActions.PaperDownload, AuditActions.CandidateSubject(candidateId),
                string.Create(CultureInfo.InvariantCulture, $"{PaperForms.Code(kind)} #{entryId}"), cancellationToken: cancellationToken);
        }

        return draft;
    }

    /// <summary>
    /// Every paper of the kind whose step took effect in the range (the document's date), for the files of the unit's
    /// subtree, by date then name; the summary of opinions once per file. Null when the unit is not readable.
    /// </summary>
    public async Task<PaperBatchResult?> BatchAsync(int unitId, PaperBatchRequest request, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(unitId, request, cancellationToken) is not { } rows)
        {
            return null;
        }

        var papers = new List<PaperDraft>();
        if (rows.Count <= MaxBatch)
        {
            foreach (var row in rows)
            {
                if (await ComposeAsync(row.CandidateId, row.EntryId, request.Kind, cancellationToken) is { } draft)
                {
                    papers.Add(draft);
                }
            }

            await access.AuditAsync(AuditActions.PaperDownload, AuditActions.UnitSubject(unitId),
                string.Create(CultureInfo.InvariantCulture, $"{PaperForms.Code(request.Kind)} {request.From.Display()}–{request.To.Display()}: {papers.Count} ({string.Join(", ", papers.Select(p => p.CandidateId).Distinct())})"),
                cancellationToken: cancellationToken);
        }

        return new PaperBatchResult(papers, rows.Count);
    }

    /// <summary>
    /// How many papers the batch finds, without drafting, showing or auditing any (the unit page says why a batch its
    /// form sent was refused); null when the unit is not readable.
    /// </summary>
    public async Task<int?> CountAsync(int unitId, PaperBatchRequest request, CancellationToken cancellationToken = default) =>
        (await FindAsync(unitId, request, cancellationToken))?.Count;

    private async Task<List<BatchRow>?> FindAsync(int unitId, PaperBatchRequest request, CancellationToken cancellationToken)
    {
        if (await access.ReadableUnitAsync(unitId, cancellationToken) is not { } root)
        {
            return null;
        }

        var path = root.Path;
        var step = PaperForms.StepOf(request.Kind);
        var rows = await db.StageEntries.AsNoTracking()
            .Where(e => e.Kind == step && (e.DocumentDate ?? e.EffectiveOn) >= request.From && (e.DocumentDate ?? e.EffectiveOn) <= request.To)
            .Join(db.Candidates.Where(c => c.Cell!.Path.IsDescendantOf(path)), e => e.CandidateId, c => c.Id,
                (e, c) => new { EntryId = e.Id, e.CandidateId, Date = e.DocumentDate ?? e.EffectiveOn, c.FullName })
            .OrderBy(r => r.Date).ThenBy(r => r.FullName).ThenBy(r => r.EntryId)
            .Select(r => new BatchRow(r.EntryId, r.CandidateId, r.Date, r.FullName))
            .ToListAsync(cancellationToken);
        return request.Kind == PaperKind.OpinionSummary
            ? [.. rows.GroupBy(r => r.CandidateId).Select(g => g.Last()).OrderBy(r => r.Date).ThenBy(r => r.FullName)]
            : rows;
    }

    private async Task<PaperDraft?> ComposeAsync(int candidateId, long entryId, PaperKind kind, CancellationToken cancellationToken)
    {
        var file = await admission.GetCandidateFileAsync(candidateId, cancellationToken);
        if (file?.Timeline.FirstOrDefault(e => e.Id == entryId) is not { } entry || !PaperForms.Of(file, entry).Contains(kind))
        {
            return null;
        }

        var cell = await UnitAsync(file.Cell.Id, cancellationToken);
        var committee = file.Path.Contains(CandidateStage.CommitteeResolved) && cell.ParentId is { } parent ? (await UnitAsync(parent, cancellationToken)).Unit : null;
        var deciding = file.DecidingUnit is { } unit ? (await UnitAsync(unit.Id, cancellationToken)).Unit : null;
        return PaperComposer.Compose(kind, file, entry, new PaperUnits(cell.Unit, committee, deciding));
    }

    private async Task<(PaperUnit Unit, int? ParentId)> UnitAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Name, u.Kind, u.ParentId, ParentName = u.Parent != null ? u.Parent.Name : null })
            .SingleAsync(cancellationToken);
        return (new PaperUnit(unit.Id, unit.Name, unit.Kind, unit.ParentName), unit.ParentId);
    }

    private sealed record BatchRow(long EntryId, int CandidateId, DateOnly Date, string FullName);
}
