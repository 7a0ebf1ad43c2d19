using DangVien.Core.Common;
using DangVien.Core.Data;
using DangVien.Core.Domain;
using DangVien.Core.Features.Access;
using DangVien.Core.Features.Admission;
using DangVien.Core.Features.Members;
using DangVien.Core.Features.Reports;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace DangVien.Core.Features.Import;

public sealed partial class ImportService
{
    private static readonly Dictionary<string, MemberStatus> MemberStatuses = new(StringComparer.Ordinal)
    {
        ["du_bi"] = MemberStatus.Probationary,
        ["chinh_thuc"] = MemberStatus.Official,
        ["xoa_ten"] = MemberStatus.Removed,
        ["ra_khoi_dang"] = MemberStatus.Left,
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
        [nameof(AddMemberRequest.LeftOn)] = "ngay_ra_khoi_dang",
        [nameof(AddMemberRequest.LeftReason)] = "ly_do_ra_khoi_dang",
        [nameof(AddMemberRequest.BarredFromReadmission)] = "khong_ket_nap_lai",
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
        var frozenByCell = new Dictionary<int, IReadOnlyList<int>>();
        var today = time.Today();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var values = new ImportValues(row, errors);
            var citizenId = values.Text("so_cccd", required: true);
            if (citizenId is not null && seen.TryGetValue(citizenId, out var earlier))
            {
                values.Error("so_cccd", CoreText.Format("Import.DuplicateCitizenId", citizenId, earlier));
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
                LeftOn = values.Date("ngay_ra_khoi_dang"),
                LeftReason = values.Text("ly_do_ra_khoi_dang"),
                BarredFromReadmission = values.YesNo("khong_ket_nap_lai") ?? false,
            };
            var cell = WritableUnit(values, "ma_chi_bo", values.Text("ma_chi_bo", required: true), cells, scope, CoreText.Get("Import.WhatCell"));
            if (cell is not null && !cell.Kind.IsCell())
            {
                values.Error("ma_chi_bo", CoreText.Format("Import.NotACell", cell.Name));
            }
            else if (cell is not null)
            {
                // A member's dates move the member counts of their years: none may fall in a frozen year of the cell.
                if (!frozenByCell.TryGetValue(cell.Id, out var frozen))
                {
                    frozenByCell[cell.Id] = frozen = await FrozenYears.AllFrozenAsync(db, cell.Id, cancellationToken);
                }

                foreach (var (column, date) in new[] { ("ngay_vao_dang", (DateOnly?)request.AdmittedOn), ("ngay_chinh_thuc", request.RecognisedOn), ("ngay_ra_khoi_dang", request.LeftOn) })
                {
                    if (date is { } day && day != default && frozen.Contains(day.Year))
                    {
                        values.Error(column, FrozenYears.Message(day.Year));
                    }
                }
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
                LeftOn = request.LeftOn,
                LeftReason = string.IsNullOrWhiteSpace(request.LeftReason) ? null : request.LeftReason.Trim(),
                BarredFromReadmission = request.BarredFromReadmission,
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
