using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Members;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace DangVien.Core.Features.Import;

public sealed partial class ImportService
{
    private static readonly Dictionary<string, MemberStatus> MemberStatuses = new(StringComparer.Ordinal)
    {
        ["du_bi"] = MemberStatus.Probationary,
        ["chinh_thuc"] = MemberStatus.Official,
    };

    /// <summary>Maps the request's property names (what the validators report) to the file's columns.</summary>
    private static readonly Dictionary<string, string> MemberColumns = new(StringComparer.Ordinal)
    {
        [nameof(AddMemberRequest.CellId)] = "ma_chi_bo",
        [nameof(AddMemberRequest.FullName)] = "ho_ten",
        [nameof(AddMemberRequest.DateOfBirth)] = "ngay_sinh",
        [nameof(AddMemberRequest.Sex)] = "gioi_tinh",
        [nameof(AddMemberRequest.CitizenId)] = "so_cccd",
        [nameof(AddMemberRequest.Status)] = "tinh_trang",
        [nameof(AddMemberRequest.AdmittedOn)] = "ngay_vao_dang",
        [nameof(AddMemberRequest.RecognisedOn)] = "ngay_chinh_thuc",
    };

    private async Task<ImportPlan> PlanMembersAsync(ImportTable table, AccessScope scope, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var cells = await UnitsByCodeAsync(table.Rows.Select(r => r["ma_chi_bo"]), cancellationToken);
        var citizenIds = table.Rows.Select(r => r["so_cccd"]).Where(c => c.Length > 0).Distinct().ToList();
        var known = ReadableByCitizenId(await db.Members.AsNoTracking().Where(m => m.CitizenId != null && citizenIds.Contains(m.CitizenId))
            .Select(m => new CitizenIdPlace(m.CitizenId!, m.Cell!.Path)).ToListAsync(cancellationToken), scope);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<Member>();
        var existing = 0;
        var validator = validators.For<AddMemberRequest>();
        var today = time.Today();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var values = new ImportValues(row, errors);
            var citizenId = values.Text("so_cccd", required: true);
            if (citizenId is not null && seen.TryGetValue(citizenId, out var earlier))
            {
                values.Error("so_cccd", $"Số CCCD {citizenId} trùng với dòng {earlier}.");
                continue;
            }

            if (citizenId is not null)
            {
                seen[citizenId] = row.Number;
                if (known.TryGetValue(citizenId, out var readable))
                {
                    if (readable)
                    {
                        existing++;
                    }
                    else
                    {
                        values.Error("so_cccd", AdmissionRules.CitizenIdUnusable(citizenId));
                    }

                    continue;
                }
            }

            var request = new AddMemberRequest
            {
                CitizenId = citizenId,
                FullName = values.Text("ho_ten", required: true) ?? "",
                DateOfBirth = values.Date("ngay_sinh", required: true) ?? default,
                Sex = values.Sex("gioi_tinh") ?? Sex.Male,
                Status = values.Choice("tinh_trang", MemberStatuses, required: true) ?? MemberStatus.Official,
                AdmittedOn = values.Date("ngay_vao_dang", required: true) ?? default,
                RecognisedOn = values.Date("ngay_chinh_thuc"),
            };
            var cell = WritableUnit(values, "ma_chi_bo", values.Text("ma_chi_bo", required: true), cells, scope, "chi bộ");
            if (cell is not null && !cell.Kind.IsCell())
            {
                values.Error("ma_chi_bo", $"{cell.Name} không phải chi bộ: đảng viên sinh hoạt ở chi bộ.");
            }

            request = request with { CellId = cell?.Id ?? 0 };
            ReportOnce(values, before, errors, MemberColumns,
                validator.Validate(request).Errors.Select(e => new Common.FieldError(e.PropertyName, e.ErrorMessage))
                    .Concat(MemberService.DatesNotInFuture(request, today)));

            if (errors.Count > before)
            {
                continue;
            }

            planned.Add(new Member
            {
                FullName = request.FullName.Trim(),
                DateOfBirth = request.DateOfBirth,
                Sex = request.Sex,
                CitizenId = request.CitizenId,
                CellId = request.CellId,
                Status = request.Status,
                AdmittedOn = request.AdmittedOn,
                RecognisedOn = request.RecognisedOn,
            });
        }

        return new ImportPlan(errors, existing, planned.Count, async (connection, ct) =>
        {
            await BulkWriter.CopyMembersAsync(connection, planned, withIds: false, withCandidate: false, ct);
            return planned.Count;
        });
    }

    /// <summary>
    /// Adds the service's errors on the row, each on the column of its request field, except on a column
    /// already in error (a value that could not be read is reported once, not again by the validator).
    /// </summary>
    private static void ReportOnce(ImportValues values, int before, List<ImportError> errors, IReadOnlyDictionary<string, string> columns,
        IEnumerable<Common.FieldError> found, string fallbackColumn = "")
    {
        var reported = errors.Skip(before).Select(e => e.Column).ToHashSet(StringComparer.Ordinal);
        foreach (var error in found)
        {
            var column = columns.GetValueOrDefault(error.Field, fallbackColumn);
            if (!reported.Contains(column))
            {
                values.Error(column, error.Message);
            }
        }
    }
}
