using DangVien.Core.Common;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using Microsoft.EntityFrameworkCore;

namespace DangVien.Core.Features.Import;

public sealed partial class ImportService
{
    /// <summary>What an exits row records on its file.</summary>
    private enum ExitKind
    {
        /// <summary>Dừng xem xét: <see cref="RecordExitRequest"/>.</summary>
        Exit,

        /// <summary>Xóa tên (step 12): <see cref="RemoveFromListRequest"/>.</summary>
        Removal,
    }

    private static readonly Dictionary<string, ExitKind> ExitKinds = new(StringComparer.Ordinal)
    {
        ["dung_xem_xet"] = ExitKind.Exit,
        ["xoa_ten"] = ExitKind.Removal,
    };

    private static readonly Dictionary<string, ExitReason> ExitReasons = new(StringComparer.Ordinal)
    {
        ["rut_don"] = ExitReason.Withdrew,
        ["chuyen_di"] = ExitReason.MovedAway,
        ["khong_du_dieu_kien"] = ExitReason.Ineligible,
        ["chi_bo_dung_boi_duong"] = ExitReason.NurturingStopped,
    };

    private static readonly Dictionary<string, string> ExitColumns = new(StringComparer.Ordinal)
    {
        [nameof(RecordExitRequest.CandidateId)] = "so_cccd",
        [nameof(RecordExitRequest.ExitedOn)] = "ngay",
        [nameof(RecordExitRequest.Reason)] = "ly_do_dung_xem_xet",
        [nameof(RecordExitRequest.Explanation)] = "noi_dung",
    };

    private static readonly Dictionary<string, string> RemovalColumns = new(StringComparer.Ordinal)
    {
        [nameof(RemoveFromListRequest.CandidateId)] = "so_cccd",
        [nameof(RemoveFromListRequest.RemovedOn)] = "ngay",
        [nameof(RemoveFromListRequest.DecisionNumber)] = "so_quyet_dinh_xoa_ten",
        [nameof(RemoveFromListRequest.Reason)] = "noi_dung",
    };

    private sealed record ExitFile(int Id, string CitizenId, uint Version, CandidateStage Stage, LTree CellPath);

    /// <summary>
    /// Exits and removals of files already in the system, found by citizen ID inside the user's scope (a file outside it
    /// reads as not found). Each row is checked by <see cref="AdmissionService.CheckAsync{TRequest}"/> — the request's
    /// validator, who may record it, the step's rules on the file's history, frozen years — and written by
    /// <see cref="AdmissionService.RecordAsync{TRequest}"/>, as the forms do. A row whose file already stopped that way was
    /// imported before.
    /// </summary>
    private async Task<ImportPlan> PlanExitsAsync(ImportTable table, AccessScope scope, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var citizenIds = table.Rows.Select(r => r["so_cccd"]).Where(c => c.Length > 0).Distinct().ToList();
        var files = (await db.Candidates.AsNoTracking().Where(c => c.CitizenId != null && citizenIds.Contains(c.CitizenId))
                .Select(c => new ExitFile(c.Id, c.CitizenId!, c.Version, c.Stage, c.Cell!.Path)).ToListAsync(cancellationToken))
            .Where(f => scope.CanRead(f.CellPath))
            .ToLookup(f => f.CitizenId, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<Func<CancellationToken, Task<Result>>>();
        var existing = 0;
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var values = new ImportValues(row, errors);
            var citizenId = values.Text("so_cccd", required: true);
            var kind = values.Choice("hinh_thuc", ExitKinds, required: true);
            var on = values.Date("ngay", required: true) ?? default;
            var reason = kind == ExitKind.Exit ? values.Choice("ly_do_dung_xem_xet", ExitReasons, required: true) : null;
            var decision = kind == ExitKind.Removal ? values.Text("so_quyet_dinh_xoa_ten", required: true) : null;
            var explanation = values.Text("noi_dung", required: true) ?? "";
            if (citizenId is null)
            {
                continue;
            }

            if (seen.TryGetValue(citizenId, out var earlier))
            {
                values.Error("so_cccd", CoreText.Format("Import.DuplicateCitizenId", citizenId, earlier));
                continue;
            }

            seen[citizenId] = row.Number;
            var found = files[citizenId].OrderByDescending(f => f.Stage is not (CandidateStage.Exited or CandidateStage.Removed)).ThenByDescending(f => f.Id).FirstOrDefault();
            if (found is null)
            {
                values.Error("so_cccd", CoreText.Format("Import.NoCandidateFile", citizenId));
                continue;
            }

            if (kind is not { } exitKind)
            {
                continue;
            }

            if (found.Stage == (exitKind == ExitKind.Exit ? CandidateStage.Exited : CandidateStage.Removed))
            {
                existing++;
                continue;
            }

            if (exitKind == ExitKind.Exit)
            {
                var request = new RecordExitRequest { CandidateId = found.Id, ExitedOn = on, Reason = reason ?? (ExitReason)(-1), Explanation = explanation };
                ReportOnce(values, before, errors, ExitColumns, await admission.CheckAsync(request, cancellationToken), "hinh_thuc");
                planned.Add(ct => admission.RecordAsync(request, found.Version, ct));
            }
            else
            {
                var request = new RemoveFromListRequest { CandidateId = found.Id, RemovedOn = on, DecisionNumber = decision ?? "", Reason = explanation };
                ReportOnce(values, before, errors, RemovalColumns, await admission.CheckAsync(request, cancellationToken), "hinh_thuc");
                planned.Add(ct => admission.RecordAsync(request, found.Version, ct));
            }

            if (errors.Count > before)
            {
                planned.RemoveAt(planned.Count - 1);
            }
        }

        return new ImportPlan(errors, existing, planned.Count, async (_, ct) =>
        {
            foreach (var record in planned)
            {
                ThrowUnlessWritten(await record(ct));
            }

            return planned.Count;
        });
    }

    /// <summary>A write the plan checked fails only through a bug: the import stops and its transaction is rolled back.</summary>
    private static void ThrowUnlessWritten(Result result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("A checked import row was refused: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }
}
